"""Provides the cellular-automata subcommands: `turingbox life` and `turingbox eca`."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from machines.cli import positive_int

SHOW_TEXT = (100, 60)
"""Final generations whose box fits this many columns and rows are drawn in the terminal."""
PERIOD_CHECK = (5000, 60)
"""The summary looks for a period of at most 60 generations in patterns of at most 5000 cells."""
GIF_FRAMES = 60
ENGINE_NAMES = ("dense", "sparse", "hashlife")
"""The keys of machines.life.engines.ENGINES, listed here so that start-up need not import the engines
(and numpy) to offer them as choices; a test keeps the two equal."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds `life` and `eca` to the `turingbox` command."""
    life = subparsers.add_parser("life", help="run a Life-like pattern and summarise it",
                                 description="Runs a pattern file (.rle, .cells, .lif, .lifegpt) for N "
                                             "generations and summarises the result; can draw it.")
    life.add_argument("file", help="a pattern file")
    life.add_argument("--gens", type=positive_int, required=True, help="generations to run (the budget)")
    life.add_argument("--engine", choices=["auto", *ENGINE_NAMES], default="auto",
                      help="auto: dense on a torus or bounded plane, sparse for short runs on the plane, "
                           "hashlife for long ones")
    life.add_argument("--rule", help="use this rule instead of the file's, e.g. B36/S23 or B3/S23:T64,64")
    life.add_argument("--format", help="the file's format, when it cannot be detected")
    life.add_argument("--png", help="write a PNG of the last generation")
    life.add_argument("--gif", help=f"write an animated GIF of the run ({GIF_FRAMES} frames at most)")
    life.add_argument("--rle", help="write the last generation as RLE")
    life.set_defaults(handler=life_command)

    eca = subparsers.add_parser("eca", help="run an elementary cellular automaton (Wolfram rule 0-255)",
                                description="Runs a Wolfram rule from one live cell (or --init) and "
                                            "draws its space-time diagram.")
    eca.add_argument("rule", type=int, help="the rule number, 0 to 255 (30 and 110 are famous)")
    eca.add_argument("--width", type=positive_int, default=79, help="cells in the ring (default 79)")
    eca.add_argument("--steps", type=positive_int, default=40, help="steps to run (default 40)")
    eca.add_argument("--line", action="store_true", help="run on the unbounded line instead of a ring")
    eca.add_argument("--init", help="the first row as '0'/'1' (default: one live cell in the middle)")
    eca.add_argument("--png", help="write the space-time diagram as a PNG")
    eca.set_defaults(handler=eca_command)


def _check_suffix(path: str | None, suffix: str, option: str) -> None:
    from machines.errors import UnknownFormatError

    if path is not None and Path(path).suffix.lower() != suffix:
        raise UnknownFormatError(f"{option} {path!r} must end in {suffix}")


def life_command(args: argparse.Namespace) -> int:
    """`turingbox life`: runs a pattern and prints a picture and a summary."""
    from rich.console import Console

    from machines.errors import ConversionError
    from machines.files import read_text
    from machines.formats import load_text
    from machines.life.engines import make_engine
    from machines.life.machine import LifeMachine
    from machines.life.rule import Rule

    _check_suffix(args.png, ".png", "--png")
    _check_suffix(args.gif, ".gif", "--gif")
    loaded = load_text(read_text(args.file), path=args.file, format=args.format)
    machine = loaded.machine
    if not isinstance(machine, LifeMachine):
        raise ConversionError(f"{args.file} holds a {type(machine).__name__}, not a Life pattern")
    rule = Rule.parse(args.rule) if args.rule else machine.rule
    pattern = machine.pattern
    if rule.topology.is_finite and not machine.rule.topology.is_finite:
        pattern = pattern.centred_in(rule.topology)
    machine = LifeMachine(rule, pattern.on(rule.topology) if rule.topology.is_finite else pattern,
                          machine.name or Path(args.file).stem, machine.comments)
    engine = make_engine(args.engine, rule, machine.pattern, generations=args.gens)
    console, errors = Console(highlight=False, soft_wrap=True), Console(stderr=True, highlight=False)
    started = time.perf_counter()
    frames = _run(engine, args.gens, errors, gif=args.gif is not None)
    elapsed = time.perf_counter() - started
    written = _write_outputs(args, machine, engine, frames)
    final = engine.pattern() if engine.population <= PERIOD_CHECK[0] else None
    box = engine.box if hasattr(engine, "box") else engine.pattern().box
    if final is not None and box is not None and box.width <= SHOW_TEXT[0] and box.height <= SHOW_TEXT[1]:
        from machines.life.picture import pattern_text

        console.print(pattern_text(final), markup=False)
    rows = [("file", f"{args.file} ({loaded.format})"), ("rule", rule.render()),
            ("topology", rule.topology.describe()), ("engine", engine.name),
            ("generations", f"{args.gens:,}"),
            ("population", f"{machine.pattern.population:,} → {engine.population:,}"),
            ("bounding box", str(box) if box else "empty")]
    if final is not None:
        rows.append(("behaviour", _behaviour(rule, final)))
    rows += [("time", f"{elapsed:.3f} s ({args.gens / max(elapsed, 1e-9):,.0f} generations/s)")]
    rows += [("wrote", path) for path in written]
    console.print(_table(machine.name, rows))
    return 0


def _run(engine, generations: int, console, *, gif: bool) -> list:
    """Advances `engine` by `generations` with a transient progress bar; returns GIF frames if asked."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    frames = [engine.pattern()] if gif else []
    every = max(1, generations // GIF_FRAMES) if gif else max(1, generations // 100)
    if engine.name == "hashlife" and not gif:
        chunks = [1 << j for j in range(generations.bit_length()) if generations >> j & 1]
    else:
        chunks = [every] * (generations // every) + ([generations % every] if generations % every else [])
    with Progress(TextColumn("generation"), BarColumn(), TextColumn("{task.completed:,}"),
                  TimeElapsedColumn(), console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        task = progress.add_task("run", total=generations)
        for chunk in chunks:
            engine.advance(chunk)
            progress.update(task, advance=chunk)
            if gif:
                frames.append(engine.pattern())
    return frames


def _write_outputs(args, machine, engine, frames) -> list[str]:
    from dataclasses import replace

    from machines.files import write_bytes, write_text
    from machines.life import picture, rle

    written = []
    if args.png:
        box = engine.box if hasattr(engine, "box") else engine.pattern().box
        if box is not None and max(box.width, box.height) > picture.MAX_SIDE:
            # Too large for one pixel per cell: one pixel per 2^level square, shaded by its count.
            level = (max(box.width, box.height) - 1).bit_length() - 10
            counts = engine.density(box, level) if hasattr(engine, "density") else \
                picture.density_of(engine.pattern(), box, level)
            data = picture.density_png(counts)
        elif machine.rule.topology.is_finite:
            from machines.life.pattern import Box

            data = picture.pattern_png(engine.pattern(), Box(0, 0, machine.rule.topology.width,
                                                             machine.rule.topology.height))
        else:
            data = picture.pattern_png(engine.pattern())
        write_bytes(args.png, data)
        written.append(args.png)
    if args.gif:
        box = None
        if machine.rule.topology.is_finite:
            from machines.life.pattern import Box

            box = Box(0, 0, machine.rule.topology.width, machine.rule.topology.height)
        write_bytes(args.gif, picture.run_gif(frames, box=box))
        written.append(args.gif)
    if args.rle:
        name = f"{machine.name} at generation {engine.generation}"
        final = replace(machine, pattern=engine.pattern(), name=name)
        write_text(args.rle, rle.render(final))
        written.append(args.rle)
    return written


def _behaviour(rule, pattern) -> str:
    from machines.life.analysis import find_period
    from machines.life.engines import make_engine

    if not pattern.cells:
        return "extinct"
    period = find_period(make_engine("auto", rule, pattern), max_period=PERIOD_CHECK[1])
    return str(period) if period else f"no period of at most {PERIOD_CHECK[1]} generations"


def _table(title: str, rows):
    from rich.table import Table

    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    for row in rows:
        table.add_row(*row)
    return table


def eca_command(args: argparse.Namespace) -> int:
    """`turingbox eca`: runs an elementary CA and prints its space-time diagram."""
    from rich.console import Console

    from machines.files import write_bytes
    from machines.life import picture
    from machines.life.eca import Boundary, ElementaryCA

    _check_suffix(args.png, ".png", "--png")
    width = len(args.init) if args.init and not args.line else args.width
    eca = ElementaryCA(args.rule, Boundary.LINE if args.line else Boundary.RING, 0 if args.line else width)
    left, grid = eca.spacetime(args.init, max_steps=args.steps)
    console = Console(highlight=False, soft_wrap=True)
    if grid.shape[1] <= 200:
        console.print(picture.text(grid), markup=False)
    rows = [("rule", str(args.rule)),
            ("space", "unbounded line" if args.line else f"ring of {width} cells"),
            ("steps", f"{args.steps:,}"), ("live cells", f"{int(grid[0].sum())} → {int(grid[-1].sum())}"),
            ("columns drawn", f"{grid.shape[1]} from position {left}")]
    if args.png:
        write_bytes(args.png, picture.spacetime_png(grid))
        rows.append(("wrote", args.png))
    console.print(_table(f"rule {args.rule}", rows))
    return 0
