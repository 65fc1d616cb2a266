"""Provides `turingbox rasp compile` and `turingbox rasp tm`: compiled transformers from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from machines.cli import positive_int


def register(commands: argparse._SubParsersAction) -> None:
    """Adds `compile` and `tm` to the `turingbox rasp` subcommands."""
    from rasp.cli import _common

    compile_ = commands.add_parser(
        "compile",
        help="compile an s-op into transformer weights and check it against the interpreter",
        description="Runs FILE, compiles an s-op (--sop, else the last one assigned) for inputs over "
        "--vocab of length 1..--max-len into an exact numpy transformer, prints its size and compares "
        "every s-op with the interpreter (all inputs when there are few, else a seeded sample).",
    )
    compile_.add_argument("file", help="a .rasp file")
    compile_.add_argument(
        "--vocab", required=True, help='the input vocabulary: characters ("abcd") or a JSON list ("[1,2,3]")'
    )
    compile_.add_argument("--max-len", type=positive_int, required=True, help="the longest input")
    compile_.add_argument("--sop", help="the s-op to compile (default: the last one assigned)")
    compile_.add_argument("--out", help="save the weights and dimension labels as a .npz file")
    compile_.add_argument(
        "--causal", action="store_true", help="mask future keys (the program must allow it)"
    )
    compile_.add_argument(
        "--min-depth",
        action="store_true",
        help="allow much larger MLPs so that fewer layers are needed (more parameters, slower to compile)",
    )
    compile_.add_argument(
        "--values",
        choices=["auto", "abstract", "exhaustive"],
        default="auto",
        help="value-set inference (default: exhaustive when there are few inputs)",
    )
    compile_.add_argument(
        "--samples",
        type=positive_int,
        default=200,
        help="inputs checked when there are too many to check all (default 200)",
    )
    compile_.add_argument("--dims", action="store_true", help="print what each residual dimension holds")
    compile_.add_argument("--png", help="draw the residual stream on --input as a PNG heat map")
    compile_.add_argument(
        "--input", help="the input --png draws: characters or a JSON list (default: the vocabulary)"
    )
    _common(compile_)
    compile_.set_defaults(handler=compile_command)

    tm = commands.add_parser(
        "tm",
        help="run a Turing machine inside a compiled transformer, step by step beside the engine",
        description="Compiles one step of the one-tape machine in FILE into a transformer (one cell per "
        "token), feeds it its own output step after step and compares each tape with the engine's.",
    )
    tm.add_argument("file", help="a Turing machine file (.tm, .bb, ...)")
    tm.add_argument("--input", help="the input (default: the file's)")
    tm.add_argument("--max-steps", type=positive_int, default=1_000, help="step budget (default 1,000)")
    tm.add_argument("--quiet", action="store_true", help="print only the summary, not every tape")
    tm.set_defaults(handler=tm_command)


def compile_command(args: argparse.Namespace) -> int:
    from machines.files import write_bytes
    from rasp.cli import _load_program, parse_input
    from rasp.compiler.checking import check_compiled
    from rasp.compiler.compiling import compile_program
    from rasp.dialect import DIALECTS

    sop = _load_program(args)[1]
    vocab = parse_input(args.vocab)
    model = compile_program(
        sop,
        list(vocab),
        args.max_len,
        dialect=DIALECTS[args.dialect],
        causal=args.causal,
        values=args.values,
        keep_all=True,
        min_depth=args.min_depth,
    )
    print(f"{sop.display_name}: {model.summary()}")
    if args.dims:
        print(model.dimension_table())
    result = check_compiled(model, samples=args.samples)
    print(f"check: {result}")
    if args.out:
        write_bytes(Path(args.out), model.to_npz())
        print(f"wrote {args.out}")
    if args.png:
        from rasp.compiler.pictures import residual_png

        shown = list(parse_input(args.input)) if args.input else list(vocab)[: args.max_len]
        write_bytes(Path(args.png), residual_png(model, shown))
        print(f"wrote {args.png}")
    return 0 if result.ok else 1


def tm_command(args: argparse.Namespace) -> int:
    from machines.files import read_text
    from machines.formats import load_text
    from rasp.compiler.turing import render_tape, run_in_transformer

    loaded = load_text(read_text(args.file), path=args.file)
    input = args.input if args.input is not None else (loaded.input or "")
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("transformer steps", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        result = run_in_transformer(loaded.machine, input, max_steps=args.max_steps, on_step=advance)
    if not args.quiet:
        for step, tape in enumerate(result.transformer):
            print(f"{step:5}  {render_tape(tape)}")
    print(
        f"transformer: {result.model.summary()}; window of {result.model.max_len} cells from {result.start}"
    )
    differs = result.first_difference
    if differs is None:
        print(f"engine and transformer agree at all {result.steps} steps ({result.outcome.name.lower()})")
        return 0
    print(f"step {differs}: engine {render_tape(result.engine[differs])}")
    print(f"step {differs}: transformer {render_tape(result.transformer[differs])}")
    return 1
