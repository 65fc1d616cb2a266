"""Pictures: PNG and GIF decode to the expected sizes and cells, and the terminal text is exact."""

import io

import numpy as np
import pytest
from PIL import Image

from machines.life import picture
from machines.life.errors import PatternError
from machines.life.pattern import Box, Pattern

GLIDER = Pattern.from_rows([".O.", "..O", "OOO"])


def test_png_of_a_generation():
    image = Image.open(io.BytesIO(picture.pattern_png(GLIDER, Box(0, 0, 3, 3))))
    pixels = np.array(image)
    scale = image.width // 3
    assert image.size == (3 * scale, 3 * scale)
    cells = (pixels[::scale, ::scale] == picture.LIVE).astype(int)
    assert cells.tolist() == [[0, 1, 0], [0, 0, 1], [1, 1, 1]]


def test_gif_of_a_run_has_one_frame_per_generation():
    frames = [GLIDER, GLIDER.translated(1, 1), GLIDER.translated(2, 2)]
    image = Image.open(io.BytesIO(picture.run_gif(frames)))
    assert image.n_frames == 3
    with pytest.raises(PatternError):
        picture.run_gif([])


def test_spacetime_png():
    grid = np.eye(5, dtype=np.uint8)
    image = Image.open(io.BytesIO(picture.spacetime_png(grid)))
    assert image.width == image.height and image.width % 5 == 0


def test_density_png_for_huge_patterns():
    image = Image.open(io.BytesIO(picture.density_png([[0, 4], [1, 0]])))
    assert image.size == (2, 2)
    assert np.array(image)[0, 0] == picture.DEAD and np.array(image)[0, 1] == picture.LIVE


def test_text_uses_half_blocks():
    assert picture.pattern_text(GLIDER) == " ▀▄\n▀▀▀"
    assert picture.pattern_text(Pattern.EMPTY) == ""


def test_too_large_pictures_are_refused():
    with pytest.raises(PatternError, match="larger than"):
        picture.pattern_png(GLIDER, Box(0, 0, 5000, 3))


def test_density_of_a_pattern_matches_hashlife():
    from machines.life.hashlife import Hashlife
    from machines.life.rule import LIFE

    soup = Pattern.of((x * 7 % 61, x * 3 % 17) for x in range(200))
    engine = Hashlife(LIFE, soup)
    box = engine.box
    counts = picture.density_of(soup, box, 2)
    assert counts.sum() == soup.population
    hashlife = np.array(engine.density(box, 2))
    assert hashlife.sum() == soup.population and hashlife.shape[0] >= counts.shape[0]
