"""Provides the `rasp` task: given a RASP program (a named s-op of the standard library, of the
paper examples, or of a `.rasp` file) and an input, produce every s-op's values, exactly as the
interpreter's traced mode computes them."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from benchgen.config import TaskConfig, check_range
from benchgen.cot import rasp_frames
from benchgen.errors import ConfigError
from benchgen.item import Item, content_id
from benchgen.registry import Task, item_rng, register_task
from machines.files import read_text
from rasp import RaspError, RaspFrame, Session, SOp, evaluate_traced

ANSWER_PREFIX = "Final answer: "


@dataclass(frozen=True)
class RaspConfig(TaskConfig):
    """Knobs of RASP evaluation."""

    task = "rasp"
    program: str = "reverse"
    """The s-op to evaluate, defined by the paper examples (or `file`)."""
    file: str | None = None
    """A `.rasp` file defining `program` (default: the paper examples)."""
    input_alphabet: tuple[str, ...] = ("a", "b", "c", "d")
    input_min_length: int = 1
    input_max_length: int = 6
    bos: str | None = None
    """A token put before every input (the paper's *_bos programs expect '§')."""
    selectors: bool = False
    """Also show each selector's matrix in the chain of thought."""

    def problems(self) -> Iterator[str]:
        if not self.input_alphabet:
            yield "input_alphabet=[] must not be empty"
        yield from check_range("input_min_length", self.input_min_length, "input_max_length",
                               self.input_max_length, 1 if self.bos is None else 0)
        if self.input_max_length > 100:
            yield f"input_max_length={self.input_max_length!r} must be at most 100"


@functools.cache
def load_program(program: str, file: str | None) -> SOp:
    """The s-op `program` defined by `file` or the paper examples (loaded once per process)."""
    session = Session()
    try:
        if file is None:
            session.run('load "paper_examples";')
        else:
            session.run(read_text(file), filename=file)
        value = session.env.get(program)
    except RaspError as error:
        raise ConfigError(f"program={program!r}: {error}") from None
    if not isinstance(value, SOp):
        raise ConfigError(f"program={program!r} is not an s-op of {file or 'the paper examples'}")
    return value


def program_text(frames: tuple[RaspFrame, ...], labels: tuple[str, ...]) -> str:
    """The program as straight-line definitions, one per traced node, in dependency order."""
    return "\n".join(f"{f.kind} {f.name}" + ("" if label == f.name else f" = {label}")
                     for f, label in zip(frames, labels, strict=True))


def make_item(config: RaspConfig, knobs: dict[str, Any], seed: int, index: int) -> Item:
    rng = item_rng("rasp", seed, index)
    length = rng.randint(config.input_min_length, config.input_max_length)
    tokens = rng.choices(config.input_alphabet, k=length)
    input = ([config.bos] if config.bos is not None else []) + tokens
    try:
        trace = evaluate_traced(load_program(config.program, config.file), input)
    except RaspError as error:
        raise ConfigError(f"program={config.program!r} fails on input {input!r}: {error}") from None
    frames = tuple(s.config for s in trace.snapshots)
    labels = tuple(str(s.event) for s in trace.snapshots)
    shown = [f for f in frames if config.selectors or f.kind == "s-op"]
    answer = repr(list(frames[-1].values))
    definitions = program_text(frames, labels)
    question = (f"Evaluate this RASP program on the input {input!r}. Each line defines one s-op or selector "
                f"from earlier ones, in dependency order; the last line is the program's output.\n\n"
                f"{definitions}\n\nWrite the value of every "
                f"{'s-op and selector' if config.selectors else 's-op'}, in the same order, one per line, "
                f"in exactly this format (a selector's value is its matrix, one row per query position):\n"
                f"s-op indices = [0, 1, 2]\ns-op reverse = ['c', 'b', 'a']\n\n"
                f"End with a line '{ANSWER_PREFIX}' followed by the output's values.\n")
    return Item.make("rasp", question, answer, f"{rasp_frames.render(shown)}\n{ANSWER_PREFIX}{answer}", {
        "task": "rasp", "index": index, "seed": seed, "style": "rasp_frames", "program": config.program,
        "machine": definitions, "machine_id": content_id("rasp", config.program, config.file or ""),
        "input": input, "states": [f.render() for f in shown], "steps": len(frames),
        "halted": True, "outcome": "halted",
        "difficulty": {**knobs, "input_length": len(input), "nodes": len(frames)}})


def build(config: RaspConfig, seed: int) -> Callable[[int], Item]:
    load_program(config.program, config.file)
    knobs = config.to_dict()
    return lambda i: make_item(config, knobs, seed, i)


register_task(Task("rasp", RaspConfig, build,
                   "RASP evaluation: every s-op's values for a program and an input"))
