"""One-direction staircases of an MLP, evaluated by binary search instead of one unit per step.

A staircase step is a ramp pair, clip(s·t + b, 0, 1) times an output row, where t = x · d reads one
direction d of the residual stream for every step. When the ramps are disjoint along t, their sum
is a piecewise linear function of t: flat between ramps, linear on each. The forward pass then
computes t once and looks its value up (a binary search) among the ramps' ends, instead of a hidden unit
per step: the same weights, the same function, in O(log steps) per position (shuffle_dyck3 at
length 20 has 2,503 steps).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LOOKUP_FROM = 64
"""Fewest steps sharing a direction that are looked up rather than computed unit by unit."""


@dataclass(frozen=True)
class Staircase:
    """Steps along t = x[reads] · direction: at the sorted `edges` the outputs `values` [edge,
    column] (linear between edges, constant beyond them), added to residual dimensions `writes`."""

    direction: np.ndarray
    edges: np.ndarray
    values: np.ndarray
    writes: np.ndarray

    def add(self, inputs: np.ndarray, out: np.ndarray) -> None:
        """Adds the staircase of `inputs` (the MLP's read dimensions [N, R]) to `out` [N, D]."""
        t = inputs @ self.direction
        # the segment between two edges each t lies on (the first or last beyond the ends), found
        # once for every written dimension
        k = np.clip(np.searchsorted(self.edges, t, side="right"), 1, len(self.edges) - 1)
        low, high = self.edges[k - 1], self.edges[k]
        span = np.where(high > low, high - low, 1.0)
        along = np.clip((t - low) / span, 0.0, 1.0)[:, None]
        before, after = self.values[k - 1], self.values[k]
        out[:, self.writes] += before + along * (after - before)


def split_staircases(
    w_1: np.ndarray, b_1: np.ndarray, w_2: np.ndarray, ramps: np.ndarray, writes: np.ndarray
) -> tuple[list[Staircase], np.ndarray]:
    """(staircases, the ramp units left) of ramp units `ramps` (each the first of its pair): units
    whose input weights `w_1` [R, H] are multiples of one direction, at least LOOKUP_FROM of them,
    with disjoint ramps (a unit whose ramp overlaps one before it along the direction is left).
    `writes`: the residual dimension of each column of `w_2` [H, W]."""
    if len(ramps) < LOOKUP_FROM:
        return [], ramps
    columns = w_1[:, ramps]
    nonzero = np.abs(columns) > 0
    if not nonzero.any(axis=0).all():
        return [], ramps
    scales = columns[np.argmax(nonzero, axis=0), np.arange(len(ramps))]
    unit_directions = columns / scales
    _, group = np.unique(np.round(unit_directions, 9), axis=1, return_inverse=True)
    group = group.reshape(-1)
    staircases, left = [], np.ones(len(ramps), dtype=bool)
    for g in np.flatnonzero(np.bincount(group) >= LOOKUP_FROM).tolist():
        members = np.flatnonzero(group == g)
        direction = unit_directions[:, members[0]]
        if not np.allclose(np.outer(direction, scales[members]), columns[:, members], rtol=1e-12, atol=0.0):
            continue
        members = _disjoint(members, scales[members], b_1[ramps[members]])
        if len(members) >= LOOKUP_FROM:
            staircases.append(
                _staircase(direction, scales[members], b_1[ramps[members]], w_2[ramps[members]], writes)
            )
            left[members] = False
    return staircases, ramps[left]


def _ramps(scales: np.ndarray, biases: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each ramp clip(s·t + b, 0, 1) starts and ends along t."""
    low, high = -biases / scales, (1.0 - biases) / scales
    return np.minimum(low, high), np.maximum(low, high)


def _disjoint(members: np.ndarray, scales: np.ndarray, biases: np.ndarray) -> np.ndarray:
    """The members, in order along t, whose ramps start where the ramp kept before them ends or later."""
    start, end = _ramps(scales, biases)
    kept, reached = [], -np.inf
    for k in np.argsort(start, kind="stable").tolist():
        if start[k] >= reached:
            kept.append(k)
            reached = end[k]
    return members[kept]


def _staircase(direction, scales, biases, outputs, writes) -> Staircase:
    """The staircase of ramps given in order along t, each starting where the one before ends or later."""
    start, end = _ramps(scales, biases)
    rising = scales > 0
    base = outputs[~rising].sum(axis=0)  # a falling ramp is 1 far below its start
    after = base + np.cumsum(np.where(rising[:, None], outputs, -outputs), axis=0)
    values = np.empty((2 * len(outputs), outputs.shape[1]))
    values[0::2] = np.vstack([base, after[:-1]])
    values[1::2] = after
    written = np.flatnonzero(np.any(outputs != 0, axis=0))
    return Staircase(direction, np.stack([start, end], axis=1).ravel(), values[:, written], writes[written])
