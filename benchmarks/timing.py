"""Provides the timers the benchmark scripts share: the median or the best wall time of repeated calls."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _times(fn: Callable[[], T], repeat: int) -> tuple[list[float], T]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return times, result


def median_time(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The median wall time of `repeat` calls of `fn`, and the last call's result."""
    times, result = _times(fn, repeat)
    return statistics.median(times), result


def best_time(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The shortest wall time of `repeat` calls of `fn`, and the last call's result."""
    times, result = _times(fn, repeat)
    return min(times), result
