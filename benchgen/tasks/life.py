"""Provides the `life` task: predict Life-like grids (LifeGPT's format by default: a 32x32 torus,
row-major '0'/'1' strings, `@PredictNextState<...> [` prompts) one or several generations ahead,
under other rules and grid sizes, and elementary cellular automaton rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from benchgen.config import TaskConfig
from benchgen.cot import generations
from benchgen.errors import ConfigError
from benchgen.item import Item, content_id
from benchgen.registry import Task, item_rng, register_task
from machines.core import run
from machines.errors import TuringboxError
from machines.life.eca import Boundary, ElementaryCA
from machines.life.lifegpt import from_string, to_string
from machines.life.machine import LifeMachine
from machines.life.rule import Rule, Topology

ANSWER_PREFIX = "Final answer: "


@dataclass(frozen=True)
class LifeConfig(TaskConfig):
    """Knobs of cellular-automaton prediction."""

    task = "life"
    kind: Literal["life", "eca"] = "life"
    rule: str = "B3/S23"
    """A Life-like rule (kind life)."""
    eca_rule: int = 110
    """A Wolfram rule number (kind eca)."""
    width: int = 32
    height: int = 32
    """Grid height (kind life; an ECA row has only a width)."""
    density: float | None = 0.5
    """Chance that a cell starts alive; None draws it uniformly per item (LifeGPT's broad entropy)."""
    steps: int = 1
    """Generations to predict."""
    prompt: Literal["lifegpt", "text"] = "lifegpt"
    """LifeGPT's `@PredictNextState<...> [` (one Life step), or an instruction with a CoT."""

    def problems(self) -> Iterator[str]:
        if self.kind == "life":
            try:
                Rule.parse(self.rule)
            except TuringboxError as error:
                yield f"rule={self.rule!r}: {error}"
        if not 0 <= self.eca_rule <= 255:
            yield f"eca_rule={self.eca_rule!r} must be between 0 and 255"
        for name in ("width", "height"):
            if not 1 <= getattr(self, name) <= 1024:
                yield f"{name}={getattr(self, name)!r} must be between 1 and 1024"
        if self.density is not None and not 0 <= self.density <= 1:
            yield f"density={self.density!r} must be between 0 and 1"
        if not 1 <= self.steps <= 10_000:
            yield f"steps={self.steps!r} must be between 1 and 10000"
        if self.prompt == "lifegpt" and (self.kind != "life" or self.steps != 1):
            yield "prompt='lifegpt' predicts one Life step: use kind=life, steps=1, or prompt=text"


def life_states(config: LifeConfig, cells: str) -> list[str]:
    """The grid strings of a run on the torus, from machines.life (the initial one first)."""
    rule = Rule.parse(config.rule).on(Topology.torus(config.width, config.height))
    trace = run(LifeMachine(rule), from_string(cells, config.width, config.height), max_steps=config.steps)
    states = [to_string(p, config.width, config.height) for p in trace.configs]
    return states + [states[-1]] * (config.steps + 1 - len(states))  # an empty grid stays empty


def eca_states(config: LifeConfig, cells: str) -> list[str]:
    trace = run(ElementaryCA(config.eca_rule, Boundary.RING, config.width), cells, max_steps=config.steps)
    return [row.cells for row in trace.configs]


def text_prompt(config: LifeConfig, first: str) -> str:
    if config.kind == "life":
        what = (f"Life-like cellular automaton with rule {Rule.parse(config.rule).render()} on a "
                f"{config.width}x{config.height} torus (a dead cell with a number of live neighbours in B "
                f"is born, a live one with a number in S survives; edges wrap around). The grid is "
                f"written row by row as one string of '0' (dead) and '1' (alive)")
    else:
        what = (f"elementary cellular automaton rule {config.eca_rule} on a ring of {config.width} cells "
                f"(each cell's next value is bit 4*left + 2*self + right of the rule number; the ends "
                f"wrap around). The row is written as a string of '0' and '1'")
    return (f"Here is generation 1 of a {what}.\n\nState 1: {first}\n\n"
            f"Compute the next {config.steps} generation(s), one line each in exactly this format:\n"
            f"State 2: ...\nState 3: ...\n\n"
            f"End with a line '{ANSWER_PREFIX}' followed by generation {config.steps + 1}.\n")


def make_item(config: LifeConfig, knobs: dict[str, Any], seed: int, index: int) -> Item:
    rng = item_rng("life", seed, index)
    density = rng.random() if config.density is None else config.density
    size = config.width * (config.height if config.kind == "life" else 1)
    first = "".join("1" if rng.random() < density else "0" for _ in range(size))
    states = life_states(config, first) if config.kind == "life" else eca_states(config, first)
    answer = states[-1]
    if config.prompt == "lifegpt":
        question, cot = f"@PredictNextState<{first}> [", f"{answer}]$"
    else:
        question = text_prompt(config, first)
        cot = f"{generations.render(states[1:])}\n{ANSWER_PREFIX}{answer}"
    machine = config.rule if config.kind == "life" else f"rule {config.eca_rule}"
    return Item.make("life", question, answer, cot, {
        "task": "life", "index": index, "seed": seed, "style": config.prompt, "kind": config.kind,
        "machine": machine, "machine_id": content_id("life", machine, str(config.width), str(config.height)),
        "input": first, "states": states, "steps": config.steps, "halted": False, "outcome": "step_limit",
        "difficulty": {**knobs, "density": density, "population": first.count("1")}})


def build(config: LifeConfig, seed: int) -> Callable[[int], Item]:
    if config.kind == "life" and config.width * config.height > 1 << 20:
        raise ConfigError("width * height must be at most 1048576 cells")
    knobs = config.to_dict()
    return lambda i: make_item(config, knobs, seed, i)


register_task(Task("life", LifeConfig, build,
                   "Life-like grids (LifeGPT's 32x32 torus format) and elementary CA rows, steps ahead",
                   answer_regex=r"(?:Final answer: |^)([01]+)"))
