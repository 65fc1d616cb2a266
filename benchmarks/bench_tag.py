"""Benchmark of the fast tag and lag engines against the reference steppers, timed in the same run.

    .venv/bin/python benchmarks/bench_tag.py

Workloads: De Mol's Collatz 2-tag system from a^27 (40,656 steps; queues up to 4,616 symbols),
100 TMBench-style random 2-tag systems of 30 steps each, and U(15,2)'s compiled lag system
(window 3, 549 rules) for 200,000 steps on an encoded bi-tag system. The baseline of each row is
the reference stepper (`machines.core.run` over `TagSystem.step` / `LagSystem.step`) on the same
workload.
"""

from __future__ import annotations

import random
import time

from rich.console import Console
from rich.table import Table
from timing import median_time

from machines.core import Retention, run
from machines.tag import TagSystem, encode_bi_tag, make_u15_2, run_fast, run_lag_fast, tm_to_lag


def reference(system, input, max_steps: int) -> int:
    return run(system, input, max_steps=max_steps, retention=Retention.ends(0, 1)).steps


def tmbench_like(count: int, seed: int) -> list[tuple[TagSystem, str]]:
    """Random 2-tag systems over A..E with productions of 1-5 symbols, as TMBench samples them."""
    rng = random.Random(seed)
    symbols = "ABCDE"
    items = []
    for _ in range(count):
        rules = {s: "".join(rng.choices(symbols, k=rng.randint(1, 5))) for s in symbols}
        items.append((TagSystem(2, rules), "".join(rng.choices(symbols, k=rng.randint(2, 9)))))
    return items


def main() -> None:
    console = Console(highlight=False, width=120)
    collatz = TagSystem(2, {"a": "bc", "b": "a", "c": "aaa"})
    items = tmbench_like(100, seed=1)
    u15_2 = tm_to_lag(make_u15_2())
    start = u15_2.encode(encode_bi_tag(2, 2, {(1, 1): (1, 2), (1, 2): (2, 2)}, [("e", 2), ("a", 1)]))
    lag_steps = 200_000
    workloads = [
        ("Collatz a^27 (2-tag)", lambda: reference(collatz, "a" * 27, 100_000),
         lambda: run_fast(collatz, "a" * 27, max_steps=100_000).steps),
        ("100 TMBench-like items x 30 steps", lambda: sum(reference(s, w, 30) for s, w in items),
         lambda: sum(run_fast(s, w, max_steps=30).steps for s, w in items)),
        ("U(15,2) lag system, 200k steps", lambda: reference(u15_2.system, start, lag_steps),
         lambda: run_lag_fast(u15_2.system, start, max_steps=lag_steps).steps),
    ]
    table = Table(title="tag and lag engines (median of 3)")
    for column in ("workload", "steps", "reference steps/s", "fast steps/s", "fast / reference"):
        table.add_column(column, justify="left" if column == "workload" else "right")
    with console.status("timing"):
        for label, slow, fast in workloads:
            slow_time, slow_steps = median_time(slow)
            fast_time, fast_steps = median_time(fast)
            assert slow_steps == fast_steps, (label, slow_steps, fast_steps)
            table.add_row(label, f"{fast_steps:,}", f"{slow_steps / slow_time:,.0f}",
                          f"{fast_steps / fast_time:,.0f}", f"{slow_time / fast_time:.1f}x")
    console.print(table)
    started = time.perf_counter()
    big = run_fast(collatz, "a" * 9_999, max_steps=10**9)
    elapsed = time.perf_counter() - started
    console.print(f"fast engine alone: Collatz a^9999 halts after {big.steps:,} steps (longest queue "
                  f"{big.longest:,}) in {elapsed:.2f} s = {big.steps / elapsed:,.0f} steps/s")


if __name__ == "__main__":
    main()
