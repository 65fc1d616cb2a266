"""Compiles every tracr library program at lengths 5, 10, 20 and 40 and reports ours beside tracr.

For each program and length: layers (and RASP's own analyser minimum), heads, residual width, MLP
width, parameters, compile time (the best of 8: a shared machine's speed wanders), mismatches
against the interpreter on every s-op (all inputs when there are at most 5,000, else 200 seeded
ones), and at length 20 the batched forward pass per example, against the interpreter timed in the
same run as the baseline. Where a program needs more
layers than RASP's analyser, it is compiled again with `min_depth` to show what the fewest cost.
A second table compiles the RASP paper's own programs from RASP source at lengths 8 and 16.
tracr's figures are the reference study's measurements (tracr HEAD, CPU, mlp_exactness 100;
reference §4.6).

    .venv/bin/python benchmarks/bench_rasp_compiler.py [--lengths 5 10 20 40] [--batch 256]
        [--programs shuffle_dyck2 ...] [--programs sort]
"""

from __future__ import annotations

import os

# one BLAS thread: per-example cost on one core (threads only contend on a shared machine)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import random
import time
from functools import partial

from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from timing import best_time

from rasp.analysis import schedule
from rasp.compiler.checking import check_compiled
from rasp.compiler.compiling import compile_program
from rasp.compiler.lib import LIBRARY
from rasp.dialect import TRACR
from rasp.interpreter import evaluate
from rasp.session import Session

# tracr's layers, and parameters by max_seq_len where the reference measured them
TRACR_LAYERS = {
    "length": 1,
    "reverse": 4,
    "hist": 1,
    "sort_unique": 2,
    "sort": 3,
    "sort_freq": 5,
    "frac_prevs": 2,
    "pair_balance": 2,
    "shuffle_dyck2": 8,
    "shuffle_dyck3": 9,
    "count_less_freq": 2,
    "count": 1,
    "detect_pattern": 3,
    "shift_by": 1,
    "nary_sequencemap": 3,
}
TRACR_PARAMS = {
    "length": {5: 1_208},
    "shift_by": {5: 726},
    "nary_sequencemap": {5: 22_270},
    "pair_balance": {10: 4_940},
    "shuffle_dyck3": {10: 2_099_965},
    "count_less_freq": {6: 4_287},
    "count": {8: 1_761},
    "detect_pattern": {6: 6_558},
    "reverse": {5: 19_700, 10: 92_000, 20: 543_000, 40: 3_670_000},
    "hist": {5: 1_200, 10: 2_600, 20: 6_800, 40: 21_000},
    "sort_unique": {5: 2_800, 10: 6_900, 20: 20_000, 40: 67_000},
    "sort": {5: 17_500, 10: 56_000, 20: 200_000, 40: 750_000},
    "sort_freq": {5: 64_000, 10: 561_000, 20: 6_500_000, 40: 89_600_000},
    "frac_prevs": {5: 1_000, 10: 2_200, 20: 6_000, 40: 19_000},
    "shuffle_dyck2": {5: 247_000, 10: 1_030_000, 20: 5_270_000, 40: 32_500_000},
}
TRACR_COMPILE_S = (3.0, 5.0)
TRACR_FORWARD_MS = (20, 170)


def _compile(sop, vocab, n: int, min_depth: bool = False):
    return compile_program(sop, vocab, n, dialect=TRACR, values="abstract", min_depth=min_depth)


def _forward(model, tokens) -> list:
    return model.decode(model.forward(tokens))


def _interpret(sop, batch: list) -> list:
    return [evaluate(sop, x, dialect=TRACR) for x in batch]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[5, 10, 20, 40])
    parser.add_argument("--batch", type=int, default=256, help="examples per forward pass at length 20")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--programs", nargs="+", choices=[p.name for p in LIBRARY], help="only these programs (default: all)"
    )
    args = parser.parse_args()
    console = Console(width=200)
    rng = random.Random(args.seed)
    table = Table(title="RASP compiler vs tracr (tracr figures: reference §4.6)")
    for column in (
        "program",
        "n",
        "layers (tracr / analyser)",
        "heads",
        "d_model",
        "d_mlp",
        "params",
        "tracr params",
        "ratio",
        "compile ms",
        "mismatches",
        "µs/example (interp.)",
    ):
        table.add_column(column, justify="right" if column not in ("program",) else "left")
    mismatches, compile_ms, forward_us, layer_excess = 0, [], [], []
    programs = [p for p in LIBRARY if not args.programs or p.name in args.programs]
    jobs = [(p, n) for p in programs for n in args.lengths]
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("compiling", total=len(jobs))
        for program, n in jobs:
            progress.update(task, description=f"{program.name} at {n}")
            sop = program.build(n)
            start = time.perf_counter()
            model = _compile(sop, program.vocab, n)
            seconds = time.perf_counter() - start
            if seconds < 0.5:
                seconds = min(seconds, best_time(partial(_compile, sop, program.vocab, n), 7)[0])
            compile_ms.append(seconds * 1000)
            result = check_compiled(model, samples=200, seed=args.seed)
            mismatches += 0 if result.ok else 1
            analyser = schedule(sop).layers
            layer_excess.append((program.name, n, len(model.layers), analyser))
            speed = ""
            if n == 20:
                batch = [[rng.choice(program.vocab) for _ in range(n)] for _ in range(args.batch)]
                tokens = model.encode(batch)
                per = best_time(partial(_forward, model, tokens), 5)[0] / len(batch)
                interp = best_time(partial(_interpret, sop, batch[:50]), 1)[0] / 50
                forward_us.append(per * 1e6)
                speed = f"{per * 1e6:.1f} ({interp * 1e6:.0f})"
            tracr = TRACR_PARAMS.get(program.name, {}).get(n)
            table.add_row(
                program.name,
                str(n),
                f"{len(model.layers)} ({TRACR_LAYERS[program.name]} / {analyser})",
                str(model.n_heads),
                str(model.d_model),
                str(model.d_mlp),
                f"{model.n_params:,}",
                f"{tracr:,}" if tracr else "-",
                f"{tracr / model.n_params:.1f}x" if tracr else "-",
                f"{seconds * 1000:.1f}",
                "0" if result.ok else f"1: {result.mismatch}",
                speed,
            )
            progress.advance(task)
    console.print(table)
    over = [(name, n, ours, a) for name, n, ours, a in layer_excess if ours > max(a, 1)]
    console.print(
        f"mismatches: {mismatches} programs of {len(jobs)} (tracr: frac_prevs, shuffle_dyck3, "
        "selector widths >= 10 among others)"
    )
    console.print(
        f"layers above RASP's analyser minimum: {len(over)} of {len(jobs)} "
        f"{sorted({(name, ours, a) for name, _, ours, a in over})}"
    )
    for name, n, ours, _ in over:  # what the fewest layers cost there
        program = next(p for p in programs if p.name == name)
        sop = program.build(n)
        seconds, model = best_time(partial(_compile, sop, program.vocab, n, min_depth=True), 2)
        result = check_compiled(model, samples=200, seed=args.seed)
        console.print(
            f"  {name} at {n} with min_depth: {len(model.layers)} layers (was {ours}), "
            f"{model.n_params:,} parameters, d_mlp {model.d_mlp}, compiled in {seconds * 1000:.0f} ms, "
            f"{'no mismatch' if result.ok else result.mismatch}"
        )
    console.print(
        f"compile: median {sorted(compile_ms)[len(compile_ms) // 2]:.1f} ms, max {max(compile_ms):.0f} ms, "
        f"{sum(ms < 50 for ms in compile_ms)} of {len(compile_ms)} under 50 ms "
        f"(tracr {TRACR_COMPILE_S[0]}-{TRACR_COMPILE_S[1]} s)"
    )
    if forward_us:
        console.print(
            f"forward pass at length 20: max {max(forward_us):.1f} µs/example, batch {args.batch} "
            f"(target < 100 µs; tracr {TRACR_FORWARD_MS[0]}-{TRACR_FORWARD_MS[1]} ms)"
        )
    if not args.programs:
        console.print(_paper_table(args.seed))


# the RASP paper's programs, written in RASP (rasp/library), with the vocabulary each expects
PAPER = [
    ("hist_nobos", "abcd"),
    ("hist_bos", "§abcd"),
    ("reverse", "abcd"),
    ("sort", "abcd"),
    ("sort_bos", "§abcd"),
    ("hist2_bos", "§abcd"),
    ("sort_by_most_freq", "§abcd"),
    ("dyck1_ptf", "()"),
    ("dyck2_ptf", "(){}"),
    ("dyck3_ptf", "(){}[]"),
]


def _paper_table(seed: int) -> Table:
    """The paper's programs compiled from RASP source at lengths 8 and 16, beside RASP's analyser."""
    session = Session()
    session.run('load "paper_examples"; paper_sort = sort(tokens, tokens);')
    table = Table(title="RASP paper programs from RASP source (tracr compiles only its Python embedding)")
    columns = ("program", "n", "layers (analyser)", "d_model", "d_mlp", "params", "compile ms", "mismatches")
    for column in columns:
        table.add_column(column, justify="left" if column == "program" else "right")
    for name, vocab in PAPER:
        sop = session.value("paper_sort" if name == "sort" else name)
        for n in (8, 16):
            seconds, model = best_time(partial(compile_program, sop, vocab, n, values="abstract"), 2)
            result = check_compiled(model, samples=200, seed=seed)
            table.add_row(
                name,
                str(n),
                f"{len(model.layers)} ({schedule(sop).layers})",
                str(model.d_model),
                str(model.d_mlp),
                f"{model.n_params:,}",
                f"{seconds * 1000:.1f}",
                "0" if result.ok else f"1: {result.mismatch}",
            )
    return table


if __name__ == "__main__":
    main()
