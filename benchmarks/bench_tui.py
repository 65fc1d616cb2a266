"""Benchmark of the stepper: History throughput and back-stepping against `machines.core.run`, and how
responsive the screen stays while a worker runs a long machine.

    .venv/bin/python benchmarks/bench_tui.py [--steps 200000]

The baseline, timed in the same run, is `machines.core.run` keeping every snapshot (what the
stepper would do with no checkpoints), on the same machine and budget.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from machines.core import run
from tui.app import make_app
from tui.history import History
from tui.source import load_source

MACHINE = Path(__file__).resolve().parents[1] / "examples" / "turing" / "bb5.bb"


def _timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


async def _latencies(steps: int, samples: int) -> tuple[list[float], list[float], int]:
    """While a worker runs up to `steps` steps: how late the UI's event loop wakes from a 10 ms
    sleep, and how long a redraw of the current snapshot takes on it (seconds)."""
    app = make_app(MACHINE, max_steps=steps)
    lags, redraws = [], []
    async with app.run_test() as pilot:
        await pilot.press("c")
        screen = app.screen
        for _ in range(samples):
            start = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append(time.perf_counter() - start - 0.01)
            start = time.perf_counter()
            screen.redraw()
            redraws.append(time.perf_counter() - start)
        running = screen.stepper.running
        reached = screen.stepper.history.frontier
        screen.stepper.stop()
    assert running, "the run ended before the measurement did; raise --steps"
    return lags, redraws, reached


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200_000)
    args = parser.parse_args()
    console = Console()
    source = load_source(MACHINE)
    machine, steps = source.machine, args.steps

    with console.status(f"baseline: run() keeping {steps:,} snapshots"):
        base, _ = _timed(lambda: run(machine, source.input, max_steps=steps))
    with console.status(f"History.get to step {steps:,}"):
        history = History(machine, source.input, max_steps=steps)
        forward, _ = _timed(lambda: history.get(steps))
    rng = random.Random(1)
    targets = [rng.randrange(steps) for _ in range(2000)]
    with console.status("random back-steps (recomputed from checkpoints)"):
        back, _ = _timed(lambda: [history.get(t) for t in targets])
    with console.status("UI latency while a worker runs"):
        lags, redraws, reached = asyncio.run(_latencies(10 * steps, 100))

    table = Table(title=f"stepper on {MACHINE.name}, {steps:,} steps")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("run() keeping every snapshot (baseline)", f"{steps / base:,.0f} steps/s")
    table.add_row("History forward (checkpoints + window)", f"{steps / forward:,.0f} steps/s")
    table.add_row("speed ratio History / baseline", f"{base / forward:.2f}")
    table.add_row("random back-step, mean", f"{back / len(targets) * 1e3:.2f} ms")
    table.add_row("UI loop lag during a run, median / max",
                  f"{_median(lags) * 1e3:.1f} / {max(lags) * 1e3:.1f} ms")
    table.add_row("redraw during a run, median / max",
                  f"{_median(redraws) * 1e3:.1f} / {max(redraws) * 1e3:.1f} ms")
    table.add_row("steps the worker reached meanwhile", f"{reached:,}")
    console.print(table)


if __name__ == "__main__":
    main()
