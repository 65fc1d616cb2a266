"""Provides the picture of a generated dataset: how many items have each trace length, per split."""

from __future__ import annotations

import io
from collections.abc import Mapping


def steps_histogram_png(task: str, steps: Mapping[str, Mapping[int, int]]) -> bytes:
    """A PNG bar chart of items per trace length (steps), one bar series per split."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.5), dpi=100)
    axes = figure.add_subplot()
    for split, counts in sorted(steps.items()):
        lengths = sorted(counts)
        axes.bar(lengths, [counts[n] for n in lengths], width=1.0, alpha=0.6, label=split)
    axes.set_xlabel("steps in the trace")
    axes.set_ylabel("items")
    axes.set_title(f"turingbox {task}: trace lengths")
    axes.legend()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
