"""Pictures of tag runs: one row per snapshot, a colour per symbol, white past the queue."""

import numpy as np
import pytest

from machines.core import run
from machines.tag.picture import BACKGROUND, queue_image
from machines.tag.tag import TagSystem
from machines.turing.diagram import PALETTE


def test_rows_are_queues_coloured_by_symbol():
    system = TagSystem(2, {"a": "bc", "b": "a", "c": "aaa"})
    trace = run(system, "aaa", max_steps=2)  # aaa, abc, cbc
    image = queue_image(system.alphabet, trace.snapshots, cell=1)
    assert image.shape == (3, 3, 3)
    a, b, c = (np.array(PALETTE[i]) for i in range(3))
    assert (image[1] == [a, b, c]).all() and (image[2] == [c, b, c]).all()


def test_short_queues_end_in_background_and_cells_scale():
    system = TagSystem(2, {"a": "b"})
    trace = run(system, "aaa", max_steps=5)  # aaa, ab, b
    image = queue_image(system.alphabet, trace.snapshots, cell=3)
    assert image.shape == (9, 9, 3)
    assert (image[8, 3:] == BACKGROUND).all()


def test_cell_must_be_positive():
    with pytest.raises(ValueError, match="cell=0"):
        queue_image(("a",), [], cell=0)
