"""Benchmark of benchgen: a million TMBench-style items, dataset writing, and items/s for every task.

    .venv/bin/python benchmarks/bench_benchgen.py [--items 1000000] [--workers 2] [--write 100000]

The baseline, timed in the same run, is TMBench's own generator loop (random rules, string-slicing
queue steps, sha256 ids, no prompt or chain of thought) on one core. A probe run first estimates
how long `--items` would take; past `--budget` seconds, 200,000 items are measured instead and the
time for `--items` is extrapolated (the output says so). Every figure is printed with the load
average at that moment: the machine's cores may be shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

TASK_SAMPLES = [
    ("tmbench", {"sampler": "stream"}),
    ("tmbench", {"sampler": "indexed"}),
    *[("turing", {"style": style}) for style in
      ("tm_blocks", "turing_program", "tail_minimal", "tail_styled", "caef", "changes")],
    ("arith", {"operation": "add", "lengths": ["short", "medium", "long"]}),
    ("arith", {"operation": "mul", "lengths": ["short", "medium", "long"]}),
    ("tag", {}),
    ("lag", {}),
    ("fsm", {"automaton": "random"}),
    ("fsm", {"automaton": "s5"}),
    ("life", {}),
    ("life", {"kind": "eca", "prompt": "text", "steps": 16}),
    ("rasp", {"program": "sort_bos", "bos": "§"}),
]


def tmbench_baseline(count: int) -> float:
    """Instances/s of TMBench's own generator loop (what the published tag_generate.py does)."""
    rng, symbols, started = random.Random(1), list("ABCDE"), time.perf_counter()
    for _ in range(count):
        rule = {s: "".join(rng.choices(symbols, k=rng.randint(1, 5))) for s in symbols}
        queue = "".join(rng.choices(symbols, k=rng.randint(2, 9)))
        hashlib.sha256((queue + json.dumps(rule, sort_keys=True)).encode()).hexdigest()
        states = [queue]
        for _ in range(30):
            if len(queue) < 2:
                break
            queue = queue[2:] + rule[queue[0]]
            states.append(queue)
    return count / (time.perf_counter() - started)


def _chunk(args: tuple[int, int, int]) -> tuple[int, int, float]:
    from benchgen import create_dataset

    start, stop, size = args
    cpu = time.process_time()
    dataset = create_dataset("tmbench", size=size, seed=1, sampler="indexed")
    characters = 0
    for i in range(start, stop):
        item = dataset[i]
        characters += len(item.question) + len(item.cot) + len(item.answer)
    return stop - start, characters, time.process_time() - cpu


def load() -> str:
    """The load averages over 1, 5 and 15 minutes, as `uptime` prints them."""
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def million(items: int, workers: int, console: Console) -> tuple[float, int, float]:
    """Seconds to make `items` TMBench-style items (prompt, CoT, answer, metadata) in `workers` processes,
    their characters, and the CPU seconds the workers spent (which other processes' load does not inflate)."""
    chunk = min(10_000, -(-items // (4 * workers)))  # chunks of indices: nothing per item is pickled
    jobs = [(s, min(s + chunk, items), items) for s in range(0, items, chunk)]
    _chunk((0, 1, 1))  # import every task here, once: the forked workers share the loaded modules
    characters, cpu = 0, 0.0
    started = time.perf_counter()
    with Progress(console=console, transient=True) as progress, \
            multiprocessing.get_context("fork").Pool(workers) as pool:
        bar = progress.add_task(f"{items:,} tmbench items", total=items)
        for done, chars, seconds in pool.imap_unordered(_chunk, jobs):
            characters += chars
            cpu += seconds
            progress.advance(bar, done)
    return time.perf_counter() - started, characters, cpu


def per_task(count: int) -> list[tuple[str, float]]:
    from benchgen import create_dataset

    rates = []
    for task, knobs in TASK_SAMPLES:
        dataset = create_dataset(task, size=count, seed=1, **knobs)
        started = time.perf_counter()
        for _ in dataset:
            pass
        label = f"{task} " + " ".join(f"{k}={v}" for k, v in knobs.items())
        rates.append((label, count / (time.perf_counter() - started)))
    return rates


def write(items: int, workers: int) -> tuple[float, int]:
    from benchgen.generate import Generation, default_shards, generate

    out = Path(tempfile.mkdtemp(prefix="bench-benchgen-"))
    try:
        generation = Generation("tmbench", items, 1, {"sampler": "indexed"}, default_shards(items) * workers)
        started = time.perf_counter()
        generate(generation, out / "ds", workers=workers)
        seconds = time.perf_counter() - started
        size = sum(p.stat().st_size for p in (out / "ds").rglob("*") if p.is_file())
        return seconds, size
    finally:
        shutil.rmtree(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--budget", type=float, default=180.0,
                        help="seconds the --items run may take before 200,000 items are extrapolated")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", type=int, default=100_000, help="items written to disk (0: skip)")
    parser.add_argument("--per-task", type=int, default=2_000, help="items per task for items/s")
    args = parser.parse_args()
    console = Console()

    baseline = tmbench_baseline(50_000)
    console.print(f"baseline, TMBench's generator loop on one core (instances without prompt or CoT): "
                  f"{baseline:,.0f} instances/s ({load()})")
    probe = min(args.items, 20_000)
    seconds, _, _ = million(probe, args.workers, console)
    items = args.items
    if args.items * seconds / probe > args.budget:
        items = min(args.items, 200_000)
    seconds, characters, cpu = million(items, args.workers, console)
    rate = items / seconds
    projected = args.items / rate
    how = "measured" if items == args.items else f"extrapolated from {items:,} items"
    verdict = "meets" if projected * 1_000_000 / args.items < 60 else "MISSES"
    console.print(f"{items:,} TMBench-style items in {seconds:.1f} s with {args.workers} workers: "
                  f"{rate:,.0f} items/s ({characters / items:,.0f} characters each); {args.items:,} items "
                  f"take {projected:.0f} s ({how}): {verdict} the target of 1,000,000 in 60 s ({load()})")
    idle = 1_000_000 * cpu / items / args.workers
    console.print(f"CPU time: {items / cpu:,.0f} items per CPU-second; on {args.workers} otherwise idle "
                  f"cores 1,000,000 items would take {idle:.0f} s")
    console.print(f"benchgen on {args.workers} workers / baseline on one core = {rate / baseline:.2f}x")
    if args.write:
        seconds, size = write(args.write, args.workers)
        console.print(f"wrote {args.write:,} items (JSONL + Parquet, card, eval tasks) in {seconds:.1f} s: "
                      f"{args.write / seconds:,.0f} items/s, {size / 2**20:,.0f} MiB ({load()})")
    table = Table("task (one process)", "items/s", "x baseline")
    for label, task_rate in per_task(args.per_task):
        table.add_row(label, f"{task_rate:,.0f}", f"{task_rate / baseline:.2f}")
    console.print(table)
    console.print(f"after the per-task rates: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
