"""Provides pictures of tag and lag runs as values: one row per snapshot, the queue drawn from its
head at the left, one colour per symbol (as an RGB array, or PNG bytes). Nothing here writes files."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from machines.core import Snapshot
from machines.tag.tag import TagConfig, Word
from machines.turing.diagram import PALETTE, png_bytes

BACKGROUND = (255, 255, 255)


def queue_image(alphabet: Word, snapshots: Sequence[Snapshot[TagConfig]], *, cell: int = 4) -> np.ndarray:
    """An RGB image (uint8, height x width x 3): row i holds snapshot i's queue in `cell`-pixel
    squares, coloured by the symbol's place in `alphabet`, white past the queue's end."""
    if isinstance(cell, bool) or not isinstance(cell, int) or cell < 1:
        raise ValueError(f"cell={cell!r} must be a positive number of pixels")
    index = {s: i for i, s in enumerate(alphabet)}
    colours = np.array([*PALETTE * (1 + len(alphabet) // len(PALETTE)), BACKGROUND], dtype=np.uint8)
    width = max((len(s.config) for s in snapshots), default=0) or 1
    grid = np.full((max(1, len(snapshots)), width), -1, dtype=np.int32)
    for row, snapshot in enumerate(snapshots):
        grid[row, : len(snapshot.config)] = [index[s] for s in snapshot.config.queue]
    image = colours[grid]  # index -1 picks the last colour: the background
    return np.repeat(np.repeat(image, cell, axis=0), cell, axis=1)


def queue_png(alphabet: Word, snapshots: Sequence[Snapshot[TagConfig]], *, cell: int = 4) -> bytes:
    """PNG file contents of `queue_image`."""
    return png_bytes(queue_image(alphabet, snapshots, cell=cell))
