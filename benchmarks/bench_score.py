"""Benchmark of benchgen scoring: 100,000 TMBench responses parsed, scored and summarised.

    .venv/bin/python benchmarks/bench_score.py [--responses 100000] [--distinct 5000] [--workers 1]

Responses are a mix of the oracle (40%), static noise (30%) and dynamic noise (30%) at rate 0.03 on
`--distinct` TMBench items (indexed sampler), repeated up to `--responses`. Timed: robust parsing,
per-item scoring (taxonomy, one-step accuracy, edit credit) and the summary with bootstrap CIs and
difficulty breakdowns. The baseline, timed in the same run on the same answers, is TMBench's own
`acc.py` loop (its regex, the per-step comparison and Uni/Lin/Pass) on one core. Target: under 30 s.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchgen.metrics import summarize
from benchgen.oracles import noisy_cot
from benchgen.registry import create_dataset
from benchgen.score import score_all

TARGET_SECONDS = 30.0


def tmbench_acc(pairs):
    """TMBench's acc.py: regex parse, per-step exact compare, ACC(i), Uni, Lin, Pass."""
    pattern = r"(?i)step (\d+):.*?Queue State:.*?\[([ABCDE12345αβγδε@#$%&* ,]*)\]"
    counts: dict[int, list[int]] = {}
    passed = 0
    for gold, answer in pairs:
        steps = {}
        for step, content in re.findall(pattern, answer, re.DOTALL):
            steps[int(step)] = content.replace(" ", "").replace(",", "")
        ok = True
        for i, state in enumerate(gold):
            right = steps.get(i) == state
            counts.setdefault(i, [0, 0])[0 if right else 1] += 1
            ok = ok and right
        passed += ok
    acc = [counts[i][0] / sum(counts[i]) for i in sorted(counts)]
    uni = 100 * sum(acc) / len(acc)
    lin = 100 * sum((i + 1) * a for i, a in enumerate(acc)) / sum(range(1, len(acc) + 1))
    return uni, lin, 100 * passed / len(pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    console = Console()
    dataset = create_dataset("tmbench", size=args.distinct, seed=7, sampler="indexed")
    items, answers = [], []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("preparing answers", total=args.distinct)
        for k, item in enumerate(dataset):
            kind = ("oracle", "oracle", "oracle", "oracle", "static", "static", "static",
                    "dynamic", "dynamic", "dynamic")[k % 10]
            items.append(item)
            answers.append(item.cot if kind == "oracle" else noisy_cot(item, kind, 0.03))
            progress.advance(task)
    pairs = [(items[k % args.distinct], answers[k % args.distinct], None, None)
             for k in range(args.responses)]

    started = time.perf_counter()
    baseline = tmbench_acc([(item.metadata["states"], answer) for item, answer, _, _ in pairs])
    baseline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("scoring", total=len(pairs))
        scores = score_all(pairs, "robust", workers=args.workers,
                           progress=lambda n: progress.advance(task, n))
    scored = time.perf_counter() - started
    metrics = summarize(scores, knobs=[item.metadata["difficulty"] for item, *_ in pairs])
    total = time.perf_counter() - started

    official = score_all(pairs[: args.distinct], "official")
    check = summarize(official, ci=False)
    reference = tmbench_acc([(item.metadata["states"], answer)
                             for item, answer, _, _ in pairs[: args.distinct]])
    assert abs(check["swa_uni"] - reference[0]) < 1e-9 and abs(check["pass"] - reference[2]) < 1e-9

    table = Table("what", "seconds", "responses/s", "SWA-Uni", "SWA-Lin", "Pass")
    table.add_row("baseline: TMBench acc.py loop (1 core)", f"{baseline_seconds:.2f}",
                  f"{len(pairs) / baseline_seconds:,.0f}", *(f"{v:.1f}" for v in baseline))
    table.add_row(f"turingbox score (robust, {args.workers} workers)", f"{scored:.2f}",
                  f"{len(pairs) / scored:,.0f}", f"{metrics['swa_uni']:.1f}", f"{metrics['swa_lin']:.1f}",
                  f"{metrics['pass']:.1f}")
    table.add_row("  + summary (bootstrap CIs, breakdowns)", f"{total:.2f}", f"{len(pairs) / total:,.0f}",
                  "", "", "")
    console.print(table)
    console.print(f"{len(pairs):,} responses on {args.distinct:,} items: {total:.1f} s in all "
                  f"(target {TARGET_SECONDS:.0f} s: {'met' if total < TARGET_SECONDS else 'MISSED'}); "
                  f"{total / baseline_seconds:.2f}x the baseline's time, which computes only Uni/Lin/Pass; "
                  f"official mode agrees with the baseline on {args.distinct:,} answers")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
