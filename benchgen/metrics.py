"""Provides the aggregate metrics of a scored run: TMBench's ACC(i), SWA-Uni, SWA-Lin and Pass, and
first-error distribution, one-step accuracy, halting, error taxonomy, partial credit, bootstrap CIs
and breakdowns by difficulty knob.

TMBench's definitions (its `src/acc.py`): N_i is the number of items whose gold trace has step i,
ACC(i) the share of them with step i right; SWA-Uni = 100 * mean_i ACC(i) and SWA-Lin weights step
i by i+1, both over steps 0..S-1 where S is the longest gold trace (31 in TMBench); Pass is the
share of items with every gold step right. Unparsable answers are counted as wrong there and also
reported on their own (`unparsed`).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from benchgen.score import ItemScore
from benchgen.taxonomy import KINDS

BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_BUDGET = 20_000_000
"""Resampled item weights drawn at most: large runs get fewer resamples (at least 200), whose
percentiles are still stable because each resample then averages over many items."""


def step_matrix(scores: Sequence[ItemScore]) -> tuple[np.ndarray, np.ndarray]:
    """(correct, present): items x steps boolean matrices; present[k, i] says item k has gold step i."""
    lengths = np.fromiter((len(s.correct) for s in scores), dtype=np.int64, count=len(scores))
    width = int(lengths.max()) if len(scores) else 0
    present = np.arange(width) < lengths[:, None]
    correct = np.zeros((len(scores), width), dtype=bool)
    # row-major order of the mask is the order of the concatenated step marks
    correct[present] = np.fromiter(itertools.chain.from_iterable(s.correct for s in scores), dtype=bool,
                                   count=int(lengths.sum()))
    return correct, present


def tmbench_metrics(correct: np.ndarray, present: np.ndarray) -> dict[str, Any]:
    """ACC(i) with N_i, SWA-Uni, SWA-Lin and Pass (percent), exactly as TMBench computes them."""
    counts = present.sum(axis=0)
    accuracy = correct.sum(axis=0) / np.maximum(counts, 1)
    weights = np.arange(1, accuracy.size + 1)
    passed = (correct | ~present).all(axis=1)
    return {"acc": accuracy.tolist(), "n": counts.tolist(),
            "swa_uni": 100 * float(accuracy.mean()) if accuracy.size else 0.0,
            "swa_lin": 100 * float((accuracy * weights).sum() / weights.sum()) if accuracy.size else 0.0,
            "pass": 100 * float(passed.mean()) if passed.size else 0.0}


def bootstrap(correct: np.ndarray, present: np.ndarray, values: dict[str, np.ndarray], *, seed: int = 0,
              samples: int = BOOTSTRAP_SAMPLES) -> dict[str, tuple[float, float]]:
    """95% percentile intervals, resampling items: SWA-Uni, SWA-Lin, Pass, and the mean of each of
    `values` (one number per item)."""
    n = correct.shape[0]
    if n == 0:
        return {}
    samples = min(samples, max(200, BOOTSTRAP_BUDGET // n))
    rng = np.random.default_rng(seed)
    c, p = correct.astype(np.float32), present.astype(np.float32)
    passed = (correct | ~present).all(axis=1).astype(np.float32)
    weights = np.arange(1, correct.shape[1] + 1, dtype=np.float64)
    draws: dict[str, list[np.ndarray]] = defaultdict(list)
    chunk = max(1, min(samples, 5_000_000 // n))
    for begin in range(0, samples, chunk):
        size = min(chunk, samples - begin)
        # Poisson(1) weights: the standard large-sample stand-in for multinomial resampling, and far
        # cheaper to draw for 100,000 items
        w = rng.poisson(1.0, size=(size, n)).astype(np.float32)
        acc = (w @ c) / np.maximum(w @ p, 1)
        draws["swa_uni"].append(100 * acc.mean(axis=1))
        draws["swa_lin"].append(100 * (acc * weights).sum(axis=1) / weights.sum())
        totals = np.maximum(w.sum(axis=1), 1)
        draws["pass"].append(100 * (w @ passed) / totals)
        for name, v in values.items():
            draws[name].append((w @ v.astype(np.float32)) / totals)
    intervals = {}
    for name, parts in draws.items():
        low, high = np.percentile(np.concatenate(parts), [2.5, 97.5])
        intervals[name] = (float(low), float(high))
    return intervals


def summarize(scores: Sequence[ItemScore], *, knobs: Sequence[Mapping[str, Any]] | None = None,
              ci: bool = True) -> dict[str, Any]:
    """Every metric of a run, as a JSON-ready dict; `knobs` (each item's difficulty knobs, in the
    order of `scores`) adds the breakdowns by knob."""
    correct, present = step_matrix(scores)
    n = len(scores)
    result = {"items": n, **tmbench_metrics(correct, present)}
    parsed = np.array([s.parsed for s in scores], dtype=bool)
    final = np.array([s.final_correct for s in scores], dtype=bool)
    credit = np.array([s.credit for s in scores], dtype=np.float64)
    result["unparsed"] = 100 * float((~parsed).mean()) if n else 0.0
    result["final_accuracy"] = 100 * float(final.mean()) if n else 0.0
    result["credit"] = 100 * float(credit.mean()) if n else 0.0
    firsts = Counter(s.first_error for s in scores if s.first_error is not None)
    result["first_error"] = {str(k): v for k, v in sorted(firsts.items())}
    prefixes = [s.first_error if s.first_error is not None else len(s.correct) for s in scores]
    result["mean_correct_prefix"] = float(np.mean(prefixes)) if n else 0.0
    judged = [s.one_step for s in scores if s.one_step is not None]
    right, total = sum(j[0] for j in judged), sum(j[1] for j in judged)
    result["one_step_accuracy"] = 100 * right / total if total else None
    result["halting"] = dict(Counter(s.halting for s in scores))
    kinds = Counter(s.error_kind for s in scores if s.error_kind)
    result["errors"] = {k: kinds[k] for k in KINDS if kinds[k]}
    result["cut_off"] = sum(s.cut_off for s in scores)
    result["oversized"] = sum(s.oversized for s in scores)
    tokens = [s.usage["completion_tokens"] for s in scores if s.usage.get("completion_tokens") is not None]
    if tokens:
        result["completion_tokens"] = {"mean": float(np.mean(tokens)), "total": int(np.sum(tokens))}
    latency = [s.usage.get("latency") for s in scores if s.usage.get("latency") is not None]
    if latency:
        result["latency_s"] = {"mean": float(np.mean(latency)), "max": float(np.max(latency))}
    if ci:
        result["ci95"] = bootstrap(correct, present, {"final_accuracy": 100 * final, "credit": 100 * credit,
                                                      "unparsed": 100 * ~parsed})
    if knobs is not None:
        result["by_knob"] = by_knob(correct, present, knobs)
    return result


def by_knob(correct: np.ndarray, present: np.ndarray, knobs: Sequence[Mapping[str, Any]],
            bins: int = 6) -> dict[str, dict[str, dict[str, Any]]]:
    """For each difficulty knob that varies across items: per value (numbers with more than 2 * `bins`
    distinct values grouped into `bins` quantile ranges), the item count, SWA-Uni and Pass."""
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for name in sorted(set().union(*knobs)):
        column = [k.get(name) for k in knobs]
        if all(v == column[0] for v in column):
            continue
        values: dict[Any, list[int]] = defaultdict(list)
        for k, value in enumerate(column):
            values[value if isinstance(value, int | float) and not isinstance(value, bool)
                   else _label(value)].append(k)
        table[name] = {}
        for label, members in _grouped(values, bins):
            rows = np.array(members)
            metrics = tmbench_metrics(correct[rows], present[rows])
            table[name][label] = {"items": len(members), "swa_uni": metrics["swa_uni"],
                                  "pass": metrics["pass"]}
    return table


def _grouped(values: dict[Any, list[int]], bins: int) -> list[tuple[str, list[int]]]:
    numbers = [v for v in values if not isinstance(v, str)]
    if len(numbers) < len(values) or len(values) <= 2 * bins:
        return [(_label(v), values[v]) for v in sorted(values, key=lambda v: _order(_label(v)))]
    population = np.array([v for v in numbers for _ in values[v]], dtype=float)
    edges = np.unique(np.quantile(population, np.linspace(0, 1, bins + 1)))
    grouped: dict[int, list[int]] = defaultdict(list)
    for v in numbers:
        grouped[min(int(np.searchsorted(edges, v, side="right")) - 1, len(edges) - 2)] += values[v]
    return [(f"{edges[i]:g}-{edges[i + 1]:g}", grouped[i]) for i in sorted(grouped)]


def _label(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _order(label: str) -> tuple[int, float, str]:
    try:
        return 0, float(label), label
    except ValueError:
        return 1, 0.0, label
