"""Provides the machines package's subcommands: run, convert and diagram."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from machines.cli import positive_int

PROGRESS_FROM = 1_000_000
"""Runs with at least this many steps of budget show a progress bar."""
TAPE_CELLS = 60
"""How many cells around the head `run` shows of each tape."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds `run`, `convert` and `diagram` to the `turingbox` command."""
    run = subparsers.add_parser("run", help="run a machine file and summarise the run",
                                description="Runs a machine file (format detected from the file) and "
                                            "shows the final tape and a summary.")
    run.add_argument("file", help="a machine file")
    run.add_argument("--input", help="the input (default: the file's own input, else empty); "
                                     "tapes of a k-tape machine are separated by '|'")
    run.add_argument("--format", help="the file's format, when it cannot be detected")
    run.add_argument("--max-steps", type=positive_int, default=10_000_000,
                     help="step budget (default 10,000,000)")
    run.add_argument("--engine", default=None,
                     help="Turing machine engine: reference, plain (default) or accelerated")
    run.add_argument("--trace", action="store_true",
                     help="print every configuration (runs on the reference engine)")
    run.add_argument("--json", action="store_true", help="print the result as JSON")
    run.add_argument("--detect-cycles", action="store_true",
                     help="stop at the first repeated configuration (remembers every configuration: "
                          "give a modest --max-steps)")
    run.set_defaults(handler=run_command)

    convert = subparsers.add_parser("convert", help="convert a machine file to another format",
                                    description="Writes the machine (and its input) in another format, "
                                                "or says why that format cannot express it.")
    convert.add_argument("source", help="the machine file to read")
    convert.add_argument("target", help="the file to write (its extension picks the format)")
    convert.add_argument("--format", help="the source file's format, when it cannot be detected")
    convert.add_argument("--to", help="the target format (default: from the target's extension)")
    convert.set_defaults(handler=convert_command)

    diagram = subparsers.add_parser("diagram", help="draw a run or the state graph of a Turing machine",
                                    description="Draws the space-time diagram of a run (.png, .svg, .txt) "
                                                "or the state graph (.dot, .mmd).")
    diagram.add_argument("file", help="a Turing machine file")
    diagram.add_argument("--out", required=True, help="output file: .png, .svg, .txt, .dot or .mmd")
    diagram.add_argument("--input", help="the input (default: the file's own input, else empty)")
    diagram.add_argument("--format", help="the file's format, when it cannot be detected")
    diagram.add_argument("--max-steps", type=positive_int, default=200,
                         help="steps drawn in a space-time diagram (default 200)")
    diagram.add_argument("--cell", type=positive_int, default=4, help="pixels per cell in a PNG (default 4)")
    diagram.set_defaults(handler=diagram_command)

    from machines.fsm import commands as fsm_commands

    fsm_commands.register(subparsers)

    from machines.tag import commands as tag_commands

    tag_commands.register(subparsers)

    from machines.life import commands as life_commands

    life_commands.register(subparsers)


def _load(path: str, format: str | None):
    from machines.files import read_text
    from machines.formats import load_text

    return load_text(read_text(path), path=path, format=format)


def _start(loaded, given: str | None) -> tuple[Any, Any]:
    """The input to run on and the initial configuration.

    The input is --input (tapes split on '|'; a space stands for the symbol the format's metadata
    names 'space'), else the file's own input, else empty. Where the metadata names a 'head_marker'
    (Morphett's '*'), its first place in --input is the head's start cell; a file may give that
    cell as metadata 'head'. A bad --input is reported as such.
    """
    from machines.errors import InvalidInputError
    from machines.turing.machine import Tape, TMConfig, TuringMachine

    machine, metadata = loaded.machine, loaded.metadata
    is_tm = isinstance(machine, TuringMachine)
    head = 0
    if given is None:
        input = loaded.input if loaded.input is not None else ""
        head = metadata.get("head", 0)
    else:
        text = given.replace(" ", metadata.get("space", " "))
        marker = metadata.get("head_marker")
        if marker and marker in text:
            head, text = text.index(marker), text.replace(marker, "")
        input = tuple(text.split("|")) if is_tm and machine.tapes > 1 else text
    try:
        config = machine.initial(input)
    except InvalidInputError as error:
        raise InvalidInputError(f"--input {given!r}: {error}" if given is not None else str(error)) from None
    if head and is_tm:
        config = TMConfig(config.state, (Tape.normal(list(input), 0, head, machine.blank), *config.tapes[1:]))
    return input, config


def run_command(args: argparse.Namespace) -> int:
    """`turingbox run`: runs a machine and prints the final tape and a summary (or JSON)."""
    import time

    from rich.console import Console

    from machines.turing.machine import TuringMachine

    loaded = _load(args.file, args.format)
    machine = loaded.machine
    input, start_config = _start(loaded, args.input)
    is_tm = isinstance(machine, TuringMachine)
    if args.engine is not None and not is_tm:
        from machines.turing.engines import UnsupportedMachineError

        raise UnsupportedMachineError(f"--engine applies to Turing machines; {args.file} holds a "
                                      f"{type(machine).__name__}")
    console, errors = Console(highlight=False, soft_wrap=True), Console(stderr=True, highlight=False)
    engine = args.engine or ("reference" if args.detect_cycles else "plain")
    if args.trace:
        engine = "reference"
    started = time.perf_counter()
    with _progress(errors, args.max_steps, quiet=args.json) as on_progress:
        fast = None if args.trace or args.detect_cycles else _fast_runner(machine)
        if fast is not None:
            result = _run_fast(fast, machine, input, args)
        elif args.trace or not is_tm or (args.detect_cycles and engine == "reference"):
            result = _run_traced(machine, input, start_config, args, on_progress, console)
        else:
            result = _run_engine(machine, start_config, args, engine, on_progress)
    elapsed = time.perf_counter() - started
    result.update(machine=getattr(machine, "name", "") or Path(args.file).name, file=args.file,
                  format=loaded.format, engine=engine if is_tm else None, input=_show_input(input),
                  seconds=round(elapsed, 6))
    final = result.pop("final_config")
    accepting = loaded.metadata.get("accepting")  # a format whose halted machines accept in these states
    if accepting is not None and result["outcome"] == "halted":
        result["outcome"] = "accepted" if final.state in accepting else "rejected"
    if args.json:
        import json

        console.print(json.dumps(result, indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
        return 0
    if is_tm:
        for i, tape in enumerate(final.tapes):
            console.print(_tape_text(tape, machine.blank, f"tape {i}" if machine.tapes > 1 else "tape"))
    else:
        console.print(final.render(), markup=False)
    console.print(_summary(result))
    return 0


def _show_input(input: Any) -> Any:
    """The input as JSON can hold it (any machine family's)."""
    if input is None or isinstance(input, str | int | float | bool):
        return input
    if isinstance(input, list | tuple):
        return [_show_input(item) for item in input]
    return str(input)


def _run_traced(machine, input, start_config, args, on_progress, console) -> dict:
    """Runs with the trace model (any machine family). --trace prints each snapshot as it comes (or,
    with --json, collects them), so memory stays small however long the run."""
    from machines.core import Retention, run

    snapshots: list[dict] = []

    def on_step(step: int, config, rule) -> None:
        if args.json:
            snapshots.append({"step": step, "config": config.render(),
                              "rule": None if rule is None else str(rule)})
        else:
            console.print(f"{step:>6}  {config.render()}" + (f"  ({rule})" if rule is not None else ""),
                          markup=False)

    counted = _Counted(machine, start_config, on_progress, on_step if args.trace else None)
    trace = run(counted, input, max_steps=args.max_steps, detect_cycles=args.detect_cycles,
                retention=Retention.ends(0, 0))
    final = trace.final.config
    non_blank = machine.non_blank(final) if hasattr(machine, "non_blank") else None
    result = {"outcome": trace.outcome.value, "steps": trace.steps, "non_blank": non_blank,
              "final": final.render(), "final_config": final}
    if trace.cycle_start is not None:
        result["cycle_start"] = trace.cycle_start
    if args.trace and args.json:
        result["trace"] = snapshots
    return result


def _fast_runner(machine):
    """The fast engine of a family other than Turing machines, where it has one (tag and lag systems)."""
    from machines.tag.fast import run_fast, run_lag_fast
    from machines.tag.lag import LagSystem
    from machines.tag.tag import TagSystem

    return {TagSystem: run_fast, LagSystem: run_lag_fast}.get(type(machine))


def _run_fast(fast, machine, input, args) -> dict:
    result = fast(machine, input, max_steps=args.max_steps)
    return {"outcome": result.outcome.value, "steps": result.steps, "non_blank": None,
            "final": result.final.render(), "final_config": result.final}


def _run_engine(machine, config, args, engine: str, on_progress) -> dict:
    from machines.turing.engines import run_engine_from

    result = run_engine_from(machine, config, engine=engine, max_steps=args.max_steps,
                             on_progress=on_progress, detect_cycles=args.detect_cycles)
    return {"outcome": result.outcome.value, "steps": result.steps, "non_blank": result.non_blank,
            "final": result.final.render(), "final_config": result.final}


class _Counted:
    """A machine started in `start` that reports its step count now and then (drives the progress
    bar of any family) and, for --trace, every configuration it reaches (`on_step(step, config,
    rule)`)."""

    EVERY = 65_536

    def __init__(self, machine, start, on_progress, on_step=None) -> None:
        self.machine, self.start, self.on_progress, self.on_step = machine, start, on_progress, on_step
        self.steps = 0
        self.name = getattr(machine, "name", "") or type(machine).__name__

    def initial(self, input):
        config = self.start
        if self.on_step is not None:
            self.on_step(0, config, None)
        return config

    def classify(self, config):
        return self.machine.classify(config)

    def step(self, config):
        self.steps += 1
        if self.on_progress is not None and self.steps % self.EVERY == 0:
            self.on_progress(self.steps)
        config, rule = self.machine.step(config)
        if self.on_step is not None:
            self.on_step(self.steps, config, rule)
        return config, rule


class _progress:
    """A transient rich progress bar on stderr for big budgets, shown from the first progress report
    (so short runs print nothing); yields the `on_progress` callback."""

    def __init__(self, console, max_steps: int, *, quiet: bool) -> None:
        self.console, self.max_steps = console, max_steps
        self.enabled = not quiet and max_steps >= PROGRESS_FROM
        self.bar = None

    def __enter__(self):
        return self.report if self.enabled else None

    def report(self, steps: int) -> None:
        if self.bar is None:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("running"), BarColumn(), TextColumn("{task.completed:,} steps"),
                                TimeElapsedColumn(), console=self.console, transient=True)
            self.task = self.bar.add_task("run", total=self.max_steps)
            self.bar.start()
        self.bar.update(self.task, completed=steps)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _tape_text(tape, blank: str, label: str):
    """The tape around the head (at most TAPE_CELLS cells), the head's cell bracketed and highlighted."""
    from rich.text import Text

    end = tape.start + len(tape.cells) - 1
    lo, hi = max(tape.start, tape.head - TAPE_CELLS // 2), min(end, tape.head + TAPE_CELLS // 2)
    compact = all(len(c) == 1 for c in tape.cells)
    text = Text(f"{label} ", style="bold")
    if lo > tape.start:
        text.append("… ")
    for position in range(lo, hi + 1):
        symbol = tape.at(position, blank)
        if position == tape.head:
            text.append(f"[{symbol}]", style="bold reverse")
        else:
            text.append(symbol if compact else f" {symbol} ", style="dim" if symbol == blank else "")
    if hi < end:
        text.append(" …")
    text.append(f"   head at cell {tape.head}", style="dim")
    return text


def _summary(result: dict):
    from rich.table import Table

    table = Table(title=result["machine"], show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    rows = [("file", f"{result['file']} ({result['format']})"), ("outcome", result["outcome"]),
            ("steps", f"{result['steps']:,}"),
            ("non-blank cells", "—" if result["non_blank"] is None else f"{result['non_blank']:,}"),
            ("time", f"{result['seconds']:.3f} s")]
    if result.get("engine"):
        rows.insert(2, ("engine", result["engine"]))
    if "cycle_start" in result:
        rows.insert(3, ("cycle", f"from step {result['cycle_start']:,}"))
    for row in rows:
        table.add_row(*row)
    return table


def _target_format(path: str, to: str | None, family: str):
    from machines.errors import ConversionError, UnknownFormatError
    from machines.formats import FORMATS, format_named

    if to:
        fmt = format_named(to)
    else:
        suffix = Path(path).suffix.lower()
        matches = [f for f in FORMATS if suffix in f.extensions and f.dump and f.family == family]
        if len(matches) != 1:
            names = [f.name for f in FORMATS if f.dump and f.family == family]
            raise UnknownFormatError(f"{path}: cannot tell the target format from "
                                     f"{suffix or 'no extension'!r}; name it with --to (one of "
                                     f"{', '.join(names)})")
        fmt = matches[0]
    if fmt.family != family:
        raise ConversionError(f"format {fmt.name!r} holds {fmt.family} machines, not {family} machines")
    return fmt


def convert_command(args: argparse.Namespace) -> int:
    """`turingbox convert`: rewrites a machine file in another format."""
    from rich.console import Console

    from machines.files import write_text
    from machines.formats import dump_text, format_named

    loaded = _load(args.source, args.format)
    fmt = _target_format(args.target, args.to, format_named(loaded.format).family)
    text = dump_text(loaded.machine, fmt.name, input=loaded.input or None)
    write_text(args.target, text)
    message = f"wrote {args.target} ({fmt.name}) from {args.source} ({loaded.format})"
    Console(highlight=False, soft_wrap=True).print(message, markup=False)
    return 0


DIAGRAMS = (".png", ".svg", ".txt", ".dot", ".mmd")
DIAGRAM_ROWS = 1000
"""A space-time diagram of more steps keeps every k-th configuration, about this many rows."""


def diagram_command(args: argparse.Namespace) -> int:
    """`turingbox diagram`: draws a space-time diagram (.png/.svg/.txt) or state graph (.dot/.mmd)."""
    from rich.console import Console

    from machines.core import Retention, run
    from machines.errors import ConversionError, UnknownFormatError
    from machines.files import write_bytes, write_text
    from machines.turing import diagram
    from machines.turing.machine import TuringMachine

    suffix = Path(args.out).suffix.lower()
    if suffix not in DIAGRAMS:
        raise UnknownFormatError(f"--out {args.out!r}: a diagram is one of {', '.join(DIAGRAMS)}")
    loaded = _load(args.file, args.format)
    machine = loaded.machine
    if not isinstance(machine, TuringMachine):
        raise ConversionError(f"diagram draws Turing machines; {args.file} holds a {type(machine).__name__}")
    if suffix in (".dot", ".mmd"):
        graph = diagram.state_graph(machine)
        write_text(args.out, diagram.to_dot(graph) if suffix == ".dot" else diagram.to_mermaid(graph))
        what = f"state graph of {graph.number_of_nodes()} states"
    else:
        input, start = _start(loaded, args.input)
        every = -(-args.max_steps // DIAGRAM_ROWS)  # keeps pictures of long runs to about DIAGRAM_ROWS rows
        trace = run(_Counted(machine, start, None), input, max_steps=args.max_steps,
                    retention=Retention.stride(every))
        what = f"space-time diagram of {trace.steps} steps ({trace.outcome.value})"
        if every > 1:
            what += f", a row every {every} steps"
        if suffix == ".txt":
            write_text(args.out, diagram.spacetime_text(machine, trace.snapshots))
        else:
            image = diagram.spacetime_image(machine, trace.snapshots, cell=args.cell)
            data = (diagram.png_bytes(image) if suffix == ".png"
                    else diagram.svg_bytes(image, title=machine.name))
            write_bytes(args.out, data)
    Console(highlight=False, soft_wrap=True).print(f"wrote {args.out}: {what}", markup=False)
    return 0
