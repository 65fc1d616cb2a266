"""Provides the tag family's subcommands: `compile` (a Turing machine file into a .tag or .lag
file) and `queue-diagram` (a PNG of a tag or lag run)."""

from __future__ import annotations

import argparse

from machines.cli import positive_int


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds `compile` and `queue-diagram` to the `turingbox` command."""
    compile = subparsers.add_parser(
        "compile", help="compile a Turing machine into a 2-tag (.tag) or lag (.lag) system",
        description="Compiles a one-tape Turing machine file into a 2-tag system (Cocke–Minsky; two "
                    "symbols only) or a lag system of window 3, writes it with the machine's input, "
                    "and with --check runs both side by side, decoding every step.")
    compile.add_argument("file", help="a Turing machine file")
    compile.add_argument("out", help="the file to write: .tag or .lag")
    compile.add_argument("--input", help="the Turing machine's input (default: the file's own, else empty)")
    compile.add_argument("--format", help="the Turing machine file's format, when it cannot be detected")
    compile.add_argument("--check", action="store_true",
                         help="run the machine and the compiled system and compare every step")
    compile.add_argument("--max-steps", type=positive_int, default=10_000,
                         help="Turing steps to check (default 10,000)")
    compile.add_argument("--max-system-steps", type=positive_int, default=50_000_000,
                         help="step budget of the compiled system (default 50,000,000)")
    compile.set_defaults(handler=compile_command)

    diagram = subparsers.add_parser(
        "queue-diagram", help="draw a tag or lag run as a PNG (one row of queue per step)",
        description="Runs a .tag or .lag file and draws its queue at every step, head at the left.")
    diagram.add_argument("file", help="a .tag or .lag file")
    diagram.add_argument("--out", required=True, help="the PNG file to write")
    diagram.add_argument("--input", help="the start word (default: the file's own, else empty)")
    diagram.add_argument("--max-steps", type=positive_int, default=200, help="steps drawn (default 200)")
    diagram.add_argument("--cell", type=positive_int, default=4, help="pixels per symbol (default 4)")
    diagram.set_defaults(handler=queue_diagram_command)


def compile_command(args: argparse.Namespace) -> int:
    """`turingbox compile`: writes the compiled system; with --check, 0 only if every step agrees."""
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from machines.errors import ConversionError, InvalidInputError
    from machines.files import read_text, write_text
    from machines.formats import load_text
    from machines.tag.lag import LagSystem
    from machines.tag.side_by_side import side_by_side
    from machines.tag.text import dump_lag, dump_tag
    from machines.tag.tm_to_lag import tm_to_lag
    from machines.tag.tm_to_tag import tm_to_tag
    from machines.turing import TuringMachine

    suffix = Path(args.out).suffix
    passes = {".tag": (tm_to_tag, dump_tag), ".lag": (tm_to_lag, dump_lag)}
    if suffix not in passes:
        raise ConversionError(f"{args.out}: the output must end in .tag or .lag")
    loaded = load_text(read_text(args.file), path=args.file, format=args.format)
    machine = loaded.machine
    if not isinstance(machine, TuringMachine):
        raise ConversionError(f"{args.file} holds a {type(machine).__name__}, not a Turing machine")
    input = args.input if args.input is not None else (loaded.input or "")
    try:
        start = machine.initial(input)
    except InvalidInputError as error:
        raise InvalidInputError(f"--input {args.input!r}: {error}") from None
    compiler, dump = passes[suffix]
    simulation = compiler(machine)
    system = simulation.system
    write_text(args.out, dump(system, input=simulation.encode(start)))
    console = Console(highlight=False)
    rules = len(system.rules) if isinstance(system, LagSystem) else len(system.productions)
    console.print(f"wrote {args.out}: {rules} rules over {len(system.alphabet)} symbols")
    if not args.check:
        return 0
    check = side_by_side(simulation, start, max_steps=args.max_steps, max_system_steps=args.max_system_steps)
    table = Table(show_header=False)
    table.add_row("Turing steps checked", f"{len(check.expected) - 1:,} ({check.machine_outcome.value})")
    if check.system is not None:
        table.add_row("system steps", f"{check.system.steps:,} ({check.system.outcome.value})")
    table.add_row("every step decodes to the machine's", "yes" if check.agree else "NO")
    console.print(table)
    return 0 if check.agree else 1



def queue_diagram_command(args: argparse.Namespace) -> int:
    """`turingbox queue-diagram`: writes the PNG of a tag or lag run."""
    from machines.core import run
    from machines.errors import ConversionError, InvalidInputError
    from machines.files import read_text, write_bytes
    from machines.formats import load_text
    from machines.tag.lag import LagSystem
    from machines.tag.picture import queue_png
    from machines.tag.tag import TagSystem

    loaded = load_text(read_text(args.file), path=args.file)
    system = loaded.machine
    if not isinstance(system, TagSystem | LagSystem):
        raise ConversionError(f"{args.file} holds a {type(system).__name__}, not a tag or lag system")
    input = args.input if args.input is not None else (loaded.input or "")
    try:
        trace = run(system, input, max_steps=args.max_steps)
    except InvalidInputError as error:
        raise InvalidInputError(f"--input {args.input!r}: {error}") from None
    write_bytes(args.out, queue_png(system.alphabet, trace.snapshots, cell=args.cell))
    print(f"wrote {args.out}: {trace.steps} steps ({trace.outcome.value})")
    return 0
