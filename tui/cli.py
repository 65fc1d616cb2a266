"""Provides the tui package's subcommands of the `turingbox` command."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds `turingbox tui [FILE]`: step through a machine file, or pick one under examples/."""
    from machines.cli import positive_int
    from tui.source import DEFAULT_MAX_STEPS

    parser = subparsers.add_parser(
        "tui", help="step through a machine's run in a terminal UI",
        description="Opens the stepper on FILE, or a file picker over the examples folder.")
    parser.add_argument("file", nargs="?", help="a machine file (any format `turingbox` reads)")
    parser.add_argument("--format", help="the file's format, when the extension does not tell it")
    parser.add_argument("--input", help="the input to start on (replaces the one the file names)")
    parser.add_argument("--examples", help="the folder the picker lists (default: examples/)")
    parser.add_argument("--max-steps", type=positive_int, default=DEFAULT_MAX_STEPS,
                        help=f"step budget of a run (default: {DEFAULT_MAX_STEPS:_})")
    parser.set_defaults(handler=_tui)


def _tui(args: argparse.Namespace) -> int:
    from tui.app import make_app

    app = make_app(args.file, format=args.format, input=args.input, examples=args.examples,
                   max_steps=args.max_steps)
    app.run()
    return app.return_code or 0
