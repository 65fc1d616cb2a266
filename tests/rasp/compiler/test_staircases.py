"""One-direction staircases looked up by binary search, against the ReLU units they replace."""

import numpy as np

from rasp.compiler.staircases import LOOKUP_FROM, split_staircases


def _ramp_units(direction, scales, biases, outputs):
    """Weights of ramp pairs clip(s·t + b, 0, 1) · output: each first unit followed by its partner."""
    w_1 = np.repeat(np.outer(direction, scales), 2, axis=1)
    b_1 = np.stack([biases, biases - 1.0], axis=1).ravel()
    w_2 = np.repeat(outputs, 2, axis=0) * np.tile([1.0, -1.0], len(scales))[:, None]
    return w_1, b_1, w_2, np.arange(0, 2 * len(scales), 2)


def _dense(x, w_1, b_1, w_2):
    return np.maximum(x @ w_1 + b_1, 0.0) @ w_2


def test_disjoint_rising_and_falling_steps_are_one_lookup_equal_to_the_units():
    rng = np.random.default_rng(0)
    steps = LOOKUP_FROM + 20
    direction = np.array([1.0, 0.5, -2.0])
    middles = np.cumsum(rng.uniform(1.0, 2.0, steps))
    scales = rng.choice([-1.0, 1.0], steps) * rng.uniform(4.0, 8.0, steps)  # ramps 1/8 to 1/4 wide
    biases = 0.5 - scales * middles
    outputs = rng.integers(-3, 4, (steps, 2)).astype(float)
    w_1, b_1, w_2, ramps = _ramp_units(direction, scales, biases, outputs)
    staircases, left = split_staircases(w_1, b_1, w_2, ramps, np.array([5, 7]))
    assert len(staircases) == 1 and len(left) == 0
    x = rng.normal(size=(500, 3)) * 40
    looked_up = np.zeros((500, 8))
    staircases[0].add(x, looked_up)
    assert np.allclose(looked_up[:, [5, 7]], _dense(x, w_1, b_1, w_2), atol=1e-9)
    assert not looked_up[:, [0, 1, 2, 3, 4, 6]].any()


def test_overlapping_and_other_direction_units_are_left_to_the_dense_pass():
    steps = LOOKUP_FROM + 4
    scales = np.full(steps, 4.0)
    biases = 0.5 - scales * np.arange(steps, dtype=float)
    biases[3] = 0.5 - 4.0 * 2.1  # overlaps the ramp at 2
    w_1, b_1, w_2, ramps = _ramp_units(np.array([1.0, 1.0]), scales, biases, np.ones((steps, 1)))
    w_1[:, 10] = w_1[:, 11] = [2.0, 1.0]  # step 5 reads another direction
    staircases, left = split_staircases(w_1, b_1, w_2, ramps, np.array([0]))
    assert len(staircases) == 1
    assert sorted(left.tolist()) == [6, 10]  # units of steps 3 and 5
    x = np.random.default_rng(1).normal(size=(300, 2)) * 30
    out = np.zeros((300, 1))
    staircases[0].add(x, out)
    keep = np.ones(2 * steps, dtype=bool)
    keep[[6, 7, 10, 11]] = False
    assert np.allclose(out, _dense(x, w_1[:, keep], b_1[keep], w_2[keep]), atol=1e-9)


def test_fewer_steps_than_the_threshold_stay_units():
    w_1, b_1, w_2, ramps = _ramp_units(np.ones(1), np.ones(3), np.arange(3.0), np.ones((3, 1)))
    staircases, left = split_staircases(w_1, b_1, w_2, ramps, np.array([0]))
    assert staircases == [] and left.tolist() == ramps.tolist()


def test_touching_ramps_and_several_outputs():
    steps = LOOKUP_FROM + 6
    scales = np.ones(steps)  # ramp j rises over [j, j + 1]: each ends where the next starts
    biases = -np.arange(steps, dtype=float)
    outputs = np.random.default_rng(2).integers(-2, 3, (steps, 3)).astype(float)
    w_1, b_1, w_2, ramps = _ramp_units(np.array([1.0]), scales, biases, outputs)
    staircases, left = split_staircases(w_1, b_1, w_2, ramps, np.array([0, 1, 2]))
    assert len(staircases) == 1 and len(left) == 0
    t = np.concatenate([np.arange(-2.0, steps + 2.0, 0.25), np.arange(steps + 1.0)])[:, None]
    out = np.zeros((len(t), 3))
    staircases[0].add(t, out)
    assert np.allclose(out, _dense(t, w_1, b_1, w_2), atol=1e-9)
