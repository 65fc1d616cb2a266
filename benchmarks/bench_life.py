"""Benchmark of the Life engines: dense numpy torus vs the plain rolled step, and Hashlife jumps.

    .venv/bin/python benchmarks/bench_life.py [--size 1024] [--gens 50] [--repeats 5]

Targets: the dense engine on a 1024x1024 torus reaches at least 1.5x the generations/s of a plain
numpy step that sums the eight rolled neighbour grids (timed in the same run, on the same soup,
and checked to give the same grid); Hashlife finds the Gosper glider gun's population at
generation 30 * 2^35 (36 + 5 * 2^35) in under 10 s. The sparse engine's rate on acorn is reported too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from machines.life import rle
from machines.life.dense import DenseLife
from machines.life.hashlife import Hashlife
from machines.life.pattern import Pattern
from machines.life.rule import LIFE, Topology
from machines.life.sparse import SparseLife

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "life"


def rolled_step(grid: np.ndarray) -> np.ndarray:
    """The baseline: sum the eight rolled neighbour grids, then apply B3/S23."""
    n = sum(np.roll(grid, (dy, dx), axis=(0, 1)) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dx or dy)
    return ((n == 3) | ((n == 2) & (grid == 1))).astype(np.uint8)


def median_rate(run, gens: int, repeats: int, progress, task) -> float:
    rates = []
    for _ in range(repeats):
        started = time.perf_counter()
        run(gens)
        rates.append(gens / (time.perf_counter() - started))
        progress.advance(task)
    return statistics.median(rates)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1024)
    parser.add_argument("--gens", type=int, default=50, help="generations per timed block")
    parser.add_argument("--repeats", type=int, default=5, help="timed blocks (the median is reported)")
    args = parser.parse_args()
    console = Console()

    rng = np.random.default_rng(1)
    soup = (rng.random((args.size, args.size)) < 0.35).astype(np.uint8)
    dense = DenseLife(LIFE.on(Topology.torus(args.size, args.size)), Pattern.from_array(soup))
    baseline = {"grid": soup.copy()}

    def run_baseline(gens: int) -> None:
        for _ in range(gens):
            baseline["grid"] = rolled_step(baseline["grid"])

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("dense vs rolled", total=2 * args.repeats)
        base_rate = median_rate(run_baseline, args.gens, args.repeats, progress, task)
        dense_rate = median_rate(dense.advance, args.gens, args.repeats, progress, task)
    agree = bool(np.array_equal(dense.cells, baseline["grid"]))

    gun = rle.parse((EXAMPLES / "gosper_glider_gun.rle").read_text()).pattern
    started = time.perf_counter()
    hashlife = Hashlife(LIFE, gun)
    hashlife.advance(30 * 2**35)
    gun_seconds = time.perf_counter() - started
    gun_right = hashlife.population == 36 + 5 * 2**35

    acorn = rle.parse((EXAMPLES / "acorn.rle").read_text()).pattern
    sparse = SparseLife(LIFE, acorn)
    started = time.perf_counter()
    sparse.advance(1000)
    sparse_rate = 1000 / (time.perf_counter() - started)

    cells = args.size * args.size
    table = Table(title=f"Life engines ({args.size}x{args.size} torus, density 0.35, "
                        f"median of {args.repeats} x {args.gens} generations)")
    for column in ("measure", "value", "ratio / check"):
        table.add_column(column, justify="right" if column != "measure" else "left")
    table.add_row("baseline: 8 rolled neighbour grids", f"{base_rate:,.0f} gen/s", "1.00x")
    table.add_row("dense engine", f"{dense_rate:,.0f} gen/s ({dense_rate * cells / 1e6:,.0f} M cells/s)",
                  f"{dense_rate / base_rate:.2f}x (target 1.5x); grids equal: {agree}")
    table.add_row("hashlife: Gosper gun to gen 30 * 2^35", f"{gun_seconds:.2f} s",
                  f"population {hashlife.population:,} {'correct' if gun_right else 'WRONG'} (target < 10 s)")
    table.add_row("sparse engine: acorn, gens 0-1000", f"{sparse_rate:,.0f} gen/s", "")
    console.print(table)
    ok = agree and gun_right and dense_rate >= 1.5 * base_rate and gun_seconds < 10
    console.print("all targets met" if ok else "[bold red]a target was missed[/]")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
