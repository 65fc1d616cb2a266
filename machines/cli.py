"""Provides the `turingbox` command: it gathers every package's subcommands and reports errors cleanly.

Packages register subcommands through the `turingbox.commands` entry-point group (each names a
`register(subparsers)` function), so this module never imports a higher layer. Handlers return an
exit status; any TuringboxError or OSError becomes one message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points

from machines import __version__
from machines.errors import TuringboxError

Handler = Callable[[argparse.Namespace], int]
EXIT_USAGE = 2


def positive_int(text: str) -> int:
    """argparse type for budgets: a positive integer (underscores allowed, as in 47_176_870)."""
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive integer")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with the subcommands of every installed package."""
    parser = argparse.ArgumentParser(
        prog="turingbox", description="Symbolic models of computation, RASP, benchmarks and a stepper.")
    parser.add_argument("--version", action="version", version=f"turingbox {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for entry in sorted(entry_points(group="turingbox.commands"), key=lambda e: e.name):
        entry.load()(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the `turingbox` command line and returns its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except TuringboxError as error:
        _report(str(error))
    except OSError as error:
        name = f"{error.filename}: " if error.filename else ""
        _report(f"{name}{error.strerror or error}")
    except KeyboardInterrupt:
        _report("interrupted")
        return 130
    return EXIT_USAGE


def _report(message: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]error:[/] {escape(message)}")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds the machines package's subcommands (run, convert, diagram, and those of each family)."""
    from machines import commands

    commands.register(subparsers)


if __name__ == "__main__":
    sys.exit(main())
