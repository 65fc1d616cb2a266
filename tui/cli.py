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
    parser.add_argument("--dataset", help="a benchgen dataset (folder or JSONL) to step through item by item")
    parser.add_argument("--responses", help="a model's responses to --dataset (JSONL or TMBench results)")
    parser.add_argument("--screenshot", metavar="OUT.svg",
                        help="run headless: press --keys, save an SVG screenshot and exit")
    parser.add_argument("--keys", default="", help="keys for --screenshot, separated by spaces ('n n c')")
    parser.add_argument("--size", type=_size, default=(100, 30),
                        help="terminal size for --screenshot, COLUMNSxROWS (default: 100x30)")
    parser.set_defaults(handler=_tui)


def _size(text: str) -> tuple[int, int]:
    columns, _, rows = text.partition("x")
    if not (columns.isdigit() and rows.isdigit() and int(columns) >= 20 and int(rows) >= 8):
        raise argparse.ArgumentTypeError(f"size {text!r} is not COLUMNSxROWS (at least 20x8)")
    return int(columns), int(rows)


def _tui(args: argparse.Namespace) -> int:
    from tui.app import make_app

    app = make_app(args.file, format=args.format, input=args.input, examples=args.examples,
                   max_steps=args.max_steps, dataset=args.dataset, responses=args.responses)
    if args.screenshot:
        import asyncio

        from machines.files import write_text
        from tui.app import screenshot

        svg = asyncio.run(screenshot(app, args.keys.split(), size=args.size))
        write_text(args.screenshot, svg)
        print(f"wrote {args.screenshot}")
        return 0
    app.run()
    return app.return_code or 0
