"""Provides the rasp package's subcommands of the `turingbox` command: run, repl and analyse."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from machines.cli import positive_int


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds `turingbox rasp run|repl|analyse` to the `turingbox` command."""
    rasp = subparsers.add_parser(
        "rasp",
        help="run, explore and analyse RASP programs",
        description="RASP, the language of 'Thinking Like Transformers', as the original REPL defines it.",
    )
    rasp.set_defaults(handler=lambda args: _help(rasp))
    commands = rasp.add_subparsers(dest="rasp_command", metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run a RASP file and apply an s-op to inputs",
        description="Runs FILE, then applies an s-op (--sop, else the last one the "
        "file assigns) to each input and prints its value.",
    )
    run.add_argument("file", help="a .rasp file")
    run.add_argument(
        "--input",
        action="append",
        default=[],
        help='an input: characters, or a JSON list such as "[3,1,2]" (repeatable)',
    )
    run.add_argument("--inputs", help="a file of inputs, one per line")
    run.add_argument("--sop", help="the name of the s-op to apply (default: the last one assigned)")
    run.add_argument("--trace", action="store_true", help="print the value of every s-op and selector")
    run.add_argument(
        "--check-encodings",
        action="store_true",
        help="first check tracr's encoding rules on every input (no categorical means; numerical "
        "s-ops hold numbers, numerical means of 0s and 1s only); fail naming every offending s-op",
    )
    _common(run)
    run.set_defaults(handler=run_command)

    repl = commands.add_parser(
        "repl",
        help="the interactive RASP REPL",
        description="The RASP REPL: statements end with ';'; 'load \"name\";' "
        "loads name.rasp; 'draw(sop, \"input\");' writes the flow as "
        "PNG and DOT; 'set example \"text\"'; 'exit' leaves.",
    )
    repl.add_argument("file", nargs="?", help="a .rasp file to load first")
    _common(repl)
    repl.set_defaults(handler=repl_command)

    analyse = commands.add_parser(
        "analyse",
        help="layers, heads and the flow graph of an s-op",
        description="Prints the layers and heads per layer an s-op needs (the "
        "original's scheduler) and can draw its flow graph.",
    )
    analyse.add_argument("file", help="a .rasp file")
    analyse.add_argument("--sop", help="the s-op to analyse (default: the last one assigned)")
    analyse.add_argument("--out", help="write the flow graph: a .png or .dot file")
    _common(analyse)
    analyse.set_defaults(handler=analyse_command)

    from rasp.compiler.commands import register as register_compiler

    register_compiler(commands)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dialect",
        default="rasp",
        choices=["rasp", "tracr", "rasp-l"],
        help="evaluation rules (default: the original REPL's)",
    )
    parser.add_argument(
        "--max-steps",
        type=positive_int,
        default=10_000_000,
        help="budget of statements the program may run (default 10,000,000)",
    )
    parser.add_argument(
        "--max-length", type=positive_int, default=5_000, help="longest input accepted (default 5,000)"
    )


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _session(args: argparse.Namespace, folder: Path | None = None):
    from rasp.dialect import DIALECTS
    from rasp.session import Session

    paths = (Path("."),) if folder is None else (Path("."), folder)
    return Session(
        dialect=DIALECTS[args.dialect],
        search_paths=paths,
        max_steps=args.max_steps,
        max_length=args.max_length,
    )


def _load_program(args: argparse.Namespace):
    """Runs the file; returns the session, the s-op to use and the file's statement results."""
    from machines.files import read_text
    from rasp.errors import RaspError
    from rasp.results import Named
    from rasp.sops import SOp

    path = Path(args.file)
    session = _session(args, path.parent)
    results = session.run(read_text(path), filename=str(path))
    failure = first_failure(results)
    if failure is not None:
        raise failure
    if args.sop:
        sop = session.value(args.sop)
        if not isinstance(sop, SOp):
            raise RaspError(f"--sop {args.sop!r} is not an s-op in {path}")
        return session, sop, results
    assigned = [r.value for r in results if isinstance(r, Named) and isinstance(r.value, SOp)]
    if not assigned:
        raise RaspError(f"{path} assigns no s-op; name one with --sop")
    return session, assigned[-1], results


def first_failure(results) -> Exception | None:
    """The first error of a statement in a loaded file, searching nested loads."""
    from rasp.results import Failed, Loaded

    for result in results:
        if isinstance(result, Failed):
            return result.error
        if isinstance(result, Loaded):
            inner = first_failure(result.results)
            if inner is not None:
                return inner
    return None


def draw_flow(request) -> list[str]:
    """Writes the flow of a `draw(...)` statement as `<name>.png` and `<name>.dot` in the current
    folder; returns the lines to print."""
    import re

    from rasp.analysis import save_flow

    stem = Path(re.sub(r"[^A-Za-z0-9_.-]+", "_", request.sop.display_name).strip("_") or "flow")
    paths = save_flow(request.sop, stem)
    return [f"\t =  {request.value}", "\twrote " + ", ".join(str(p) for p in paths)]


def parse_input(text: str) -> object:
    """An input from the command line: a JSON list if it starts with '[', else its characters."""
    from rasp.errors import RaspError

    stripped = text.strip()
    if stripped.startswith("["):
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise RaspError(
                f"input {text!r} is not a JSON list: {error.msg} at column {error.colno}"
            ) from None
        if isinstance(value, list):
            return value
    return text


def run_command(args: argparse.Namespace) -> int:
    """`turingbox rasp run`: runs the file, then prints the s-op's value on each input."""
    from machines.files import read_text
    from rasp.interpreter import evaluate_traced
    from rasp.repl import format_example
    from rasp.results import DrawRequest

    inputs = [parse_input(t) for t in args.input]
    if args.inputs:
        inputs += [parse_input(line) for line in read_text(args.inputs).splitlines() if line.strip()]
    session, sop, results = _load_program(args)
    for result in results:
        if isinstance(result, DrawRequest):
            for line in draw_flow(result):
                print(line)
    if not inputs:
        inputs = [session.examples.sequence]
    if args.check_encodings:
        from rasp.encodings import check_encodings

        for item in inputs:
            check_encodings(sop, item, dialect=session.dialect)
    name = sop.display_name
    for item in inputs:
        value = session.apply(sop, item)
        print(f"{name}({format_example(item)}) = {value}")
        if args.trace:
            for snapshot in evaluate_traced(sop, item, dialect=session.dialect):
                print(f"    {snapshot.config.render()}")
    return 0


def repl_command(args: argparse.Namespace) -> int:
    """`turingbox rasp repl`: the interactive REPL, after loading FILE if given."""
    from rasp.repl import Repl

    session = _session(args)
    repl = Repl(session, draw=draw_flow)
    if args.file:
        from machines.files import read_text

        session.search_paths = (Path("."), Path(args.file).parent)
        for line in repl.format_all(session.run(read_text(args.file), filename=args.file)):
            print(line)
    repl.interact(history=Path.home() / ".turingbox_rasp_history")
    return 0


def analyse_command(args: argparse.Namespace) -> int:
    """`turingbox rasp analyse`: layers and heads per layer, and optionally the flow graph."""
    from rasp.analysis import draw_png, flow_graph, schedule, to_dot
    from rasp.errors import RaspError

    _, sop, _ = _load_program(args)
    result = schedule(sop)
    print(
        f"{sop.display_name}: {result.layers} layers, heads per layer: "
        f"{', '.join(map(str, result.heads)) or '-'} (max {result.max_heads})"
    )
    if args.out:
        from machines.files import write_bytes, write_text

        out = Path(args.out)
        graph = flow_graph(sop)
        if out.suffix == ".png":
            write_bytes(out, draw_png(graph, sop.display_name))
        elif out.suffix == ".dot":
            write_text(out, to_dot(graph, sop.display_name))
        else:
            raise RaspError(f"--out {args.out!r}: the flow graph is written as .png or .dot")
        print(f"wrote {out}")
    return 0
