"""Provides pictures of cellular automata: PNG of a generation, animated GIF of a run, PNG space-time
diagram of an elementary CA, and a text rendering for terminals. Functions return bytes or strings;
only the CLI writes files."""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
from PIL import Image

from machines.life.errors import PatternError
from machines.life.pattern import Box, Pattern

LIVE, DEAD = 20, 255
MAX_SIDE = 1024


def _scale(width: int, height: int, max_side: int) -> int:
    return max(1, min(8, max_side // max(width, height, 1)))


def _image(grid: np.ndarray, scale: int) -> Image.Image:
    pixels = np.where(grid > 0, LIVE, DEAD).astype(np.uint8)
    if scale > 1:
        pixels = pixels.repeat(scale, axis=0).repeat(scale, axis=1)
    return Image.fromarray(pixels, mode="L")


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _framing(box: Box | None, margin: int) -> Box:
    box = box or Box(0, 0, 1, 1)
    return Box(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin)


def pattern_png(pattern: Pattern, box: Box | None = None, *, margin: int = 1,
                max_side: int = MAX_SIDE) -> bytes:
    """A PNG of one generation: `box` (default the bounding box plus `margin`), dark cells on white."""
    box = box or _framing(pattern.box, margin)
    if max(box.width, box.height) > max_side:
        raise PatternError(f"a {box.width}x{box.height} box is larger than max_side={max_side} pixels")
    return _png(_image(pattern.to_array(box), _scale(box.width, box.height, max_side)))


def density_png(counts: Sequence[Sequence[int]]) -> bytes:
    """A PNG of a pattern too large to list: one grey pixel per square, darker for more live cells."""
    grid = np.array(counts, dtype=np.float64)
    peak = grid.max() if grid.size and grid.max() > 0 else 1.0
    shade = DEAD - (DEAD - LIVE) * np.sqrt(grid / peak)
    shade[grid == 0] = DEAD
    return _png(Image.fromarray(shade.astype(np.uint8), mode="L"))


def density_of(pattern: Pattern, box: Box, level: int) -> np.ndarray:
    """Live-cell counts of the 2^level squares tiling `box`, rows are y (as Hashlife.density)."""
    size = 1 << level
    counts = np.zeros((-(-box.height // size), -(-box.width // size)), dtype=np.int64)
    inside = pattern.within(box).cells
    if inside:
        xs, ys = (np.array(v) for v in zip(*inside, strict=True))
        np.add.at(counts, ((ys - box.y) // size, (xs - box.x) // size), 1)
    return counts


def run_gif(frames: Sequence[Pattern], *, margin: int = 1, box: Box | None = None, max_side: int = MAX_SIDE,
            duration_ms: int = 80) -> bytes:
    """An animated GIF of generations, all drawn in one frame box (default: the union of their boxes)."""
    if not frames:
        raise PatternError("a GIF needs at least one frame")
    if box is None:
        boxes = [f.box for f in frames if f.box is not None]
        union = boxes[0] if boxes else None
        for b in boxes[1:]:
            union = union.union(b)
        box = _framing(union, margin)
    if max(box.width, box.height) > max_side:
        raise PatternError(f"a {box.width}x{box.height} box is larger than max_side={max_side} pixels")
    scale = _scale(box.width, box.height, max_side)
    images = [_image(f.to_array(box), scale).convert("P") for f in frames]
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=duration_ms, loop=0)
    return out.getvalue()


def spacetime_png(grid: np.ndarray, *, max_side: int = MAX_SIDE) -> bytes:
    """A PNG space-time diagram: row t of `grid` (time runs down) is generation t."""
    height, width = grid.shape
    return _png(_image(grid, _scale(width, height, max_side)))


def text(grid: np.ndarray) -> str:
    """A terminal picture using half blocks, two rows of cells per line of text."""
    if grid.shape[0] % 2:
        grid = np.vstack([grid, np.zeros((1, grid.shape[1]), dtype=grid.dtype)])
    chars = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}
    return "\n".join("".join(chars[bool(a), bool(b)] for a, b in zip(top, bottom, strict=True)).rstrip()
                     for top, bottom in zip(grid[0::2].tolist(), grid[1::2].tolist(), strict=True))


def pattern_text(pattern: Pattern, box: Box | None = None) -> str:
    """`text` of a pattern's bounding box (or of `box`)."""
    box = box or pattern.box
    return "" if box is None else text(pattern.to_array(box))
