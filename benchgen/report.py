"""Provides scoring reports: the rich table, report.json, and PNG plots (accuracy by step per model,
first-error histogram, accuracy by difficulty), for one run or several side by side."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from machines.files import write_bytes, write_text

PLOTS = ("accuracy_by_step.png", "first_error.png", "accuracy_by_difficulty.png")


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100)


def _png(figure) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def accuracy_by_step_png(reports: Sequence[Mapping[str, Any]]) -> bytes:
    """ACC(i) against step i, one line per run (TMBench's figure)."""
    figure = _figure(7, 3.8)
    axes = figure.add_subplot()
    for report in reports:
        metrics = report["metrics"]
        axes.plot(range(len(metrics["acc"])), metrics["acc"], marker=".",
                  label=f"{report['model']} (SWA-Uni {metrics['swa_uni']:.1f})")
    axes.set_xlabel("step i")
    axes.set_ylabel("ACC(i)")
    axes.set_ylim(-0.02, 1.02)
    axes.set_title("step accuracy")
    axes.legend(fontsize="small")
    return _png(figure)


def first_error_png(reports: Sequence[Mapping[str, Any]]) -> bytes:
    """Items per first wrong step, one bar series per run (items without errors left out)."""
    figure = _figure(7, 3.5)
    axes = figure.add_subplot()
    for report in reports:
        counts = {int(k): v for k, v in report["metrics"]["first_error"].items()}
        steps = sorted(counts)
        axes.bar(steps, [counts[s] for s in steps], width=0.8, alpha=0.55, label=report["model"])
    axes.set_xlabel("first wrong step")
    axes.set_ylabel("items")
    axes.set_title("first-error distribution")
    axes.legend(fontsize="small")
    return _png(figure)


def accuracy_by_difficulty_png(reports: Sequence[Mapping[str, Any]], knobs: int = 4) -> bytes:
    """SWA-Uni per value of each difficulty knob that varies (up to `knobs` of them)."""
    names = sorted({k for r in reports for k in r["metrics"].get("by_knob", {})})[:knobs] or ["(none)"]
    figure = _figure(4 * len(names), 3.5)
    for index, name in enumerate(names, start=1):
        axes = figure.add_subplot(1, len(names), index)
        for report in reports:
            values = report["metrics"].get("by_knob", {}).get(name, {})
            labels = list(values)
            axes.plot(labels, [values[v]["swa_uni"] for v in labels], marker="o", label=report["model"])
        axes.set_xlabel(name)
        axes.set_ylabel("SWA-Uni")
        axes.set_ylim(-2, 102)
        axes.tick_params(axis="x", labelrotation=45, labelsize="small")
        if name == "(none)":
            axes.set_title("no difficulty knob varies")
    figure.axes[0].legend(fontsize="small")
    return _png(figure)


def write_plots(out: Path, reports: Sequence[Mapping[str, Any]]) -> list[Path]:
    """The three PNGs in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / name for name in PLOTS]
    for path, draw in zip(paths, (accuracy_by_step_png, first_error_png, accuracy_by_difficulty_png),
                          strict=True):
        write_bytes(path, draw(reports))
    return paths


def write_report(out: Path, report: Mapping[str, Any]) -> Path:
    """report.json in `out`."""
    path = out / "report.json"
    write_text(path, json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return path


def _number(value: float | None, ci: Sequence[float] | None = None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.1f}" + (f" [{ci[0]:.1f}, {ci[1]:.1f}]" if ci else "")


ROWS = (("SWA-Uni", "swa_uni"), ("SWA-Lin", "swa_lin"), ("Pass %", "pass"),
        ("final answer %", "final_accuracy"), ("edit credit %", "credit"),
        ("one-step %", "one_step_accuracy"), ("unparsed %", "unparsed"),
        ("mean correct prefix", "mean_correct_prefix"))


def table(reports: Sequence[Mapping[str, Any]]):
    """A rich table with one column per run: the headline metrics (95% CIs in brackets), items,
    halting and error kinds."""
    from rich.table import Table

    grid = Table("metric", *(r["model"] for r in reports), title="turingbox bench score")
    grid.add_row("items scored", *(str(r["metrics"]["items"]) for r in reports))
    for label, key in ROWS:
        grid.add_row(label, *(_number(r["metrics"].get(key) if r["metrics"]["items"] else None,
                                      r["metrics"].get("ci95", {}).get(key)) for r in reports))
    grid.add_row("no response", *(str(len(r.get("missing", []))) for r in reports))
    grid.add_row("halting", *(_counts(r["metrics"]["halting"]) for r in reports))
    grid.add_row("first errors", *(_counts(r["metrics"]["errors"]) for r in reports))
    return grid


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "-"
