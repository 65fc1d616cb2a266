"""Provides a picture of a compiled model at work: its residual stream on one input, as a PNG."""

from __future__ import annotations

import io

from rasp.compiler.model import CompiledModel


def residual_png(model: CompiledModel, input: list) -> bytes:
    """A heat map of the final residual stream on `input`: one row per position (BOS first), one
    column per labelled dimension, the layer's s-ops in dependency order."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    residual = model.forward(model.encode([list(input)]))[0]
    rows = ["BOS", *(str(v) for v in input)]
    width = max(6.0, 0.16 * model.d_model + 2)
    figure, axes = plt.subplots(figsize=(min(width, 60.0), 1.2 + 0.35 * len(rows)))
    image = axes.imshow(
        residual, aspect="auto", cmap="RdBu_r", vmin=-abs(residual).max(), vmax=abs(residual).max()
    )
    axes.set_yticks(range(len(rows)), rows, fontsize=7)
    axes.set_xticks(range(model.d_model), model.labels, rotation=90, fontsize=5)
    axes.set_title(
        f"{model.output}: residual stream after {len(model.layers)} layers ({model.summary()})", fontsize=8
    )
    figure.colorbar(image, ax=axes, fraction=0.02)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()
