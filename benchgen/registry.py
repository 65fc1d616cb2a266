"""Provides the task registry and datasets: `create_dataset(name, size=, seed=, **knobs)`.

A dataset is a virtual, indexable sequence of items. Item `i` depends only on (task, seed, i): tasks
draw it from `item_rng(task, seed, i)`, a generator seeded by the string 'task:seed:i', so
neighbouring seeds share no items and any index range can be generated alone (shards, workers).
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from benchgen.config import TaskConfig
from benchgen.errors import ConfigError, UnknownTaskError
from benchgen.item import Item

ItemMaker = Callable[[int], Item]

# Task modules register themselves when imported; these are imported on the first registry lookup.
_BUILTIN_TASKS = (
    "benchgen.tasks.arith",
    "benchgen.tasks.fsm",
    "benchgen.tasks.lag",
    "benchgen.tasks.life",
    "benchgen.tasks.rasp_task",
    "benchgen.tasks.tag",
    "benchgen.tasks.tmbench",
    "benchgen.tasks.turing",
)


@dataclass(frozen=True, slots=True)
class Task:
    """A registered task: its config class and `build(config, seed) -> item(i)`.

    `answer_regex` finds the final answer in a completion (the last match counts).
    """

    name: str
    config: type[TaskConfig]
    build: Callable[[Any, int], ItemMaker]
    description: str
    answer_regex: str = r"Final answer: (.*)"
    default_size: int = 500
    default_seed: int = 0


_TASKS: dict[str, Task] = {}


def register_task(task: Task) -> Task:
    """Adds `task` to the registry (a name can be registered once)."""
    if task.name in _TASKS:
        raise ConfigError(f"task {task.name!r} is already registered")
    _TASKS[task.name] = task
    return task


def _load_builtin() -> None:
    for module in _BUILTIN_TASKS:
        importlib.import_module(module)


def task_names() -> tuple[str, ...]:
    """The registered task names, sorted."""
    _load_builtin()
    return tuple(sorted(_TASKS))


def task_named(name: str) -> Task:
    """The task called `name`; UnknownTaskError lists the known ones."""
    _load_builtin()
    try:
        return _TASKS[name]
    except KeyError:
        raise UnknownTaskError(f"unknown task {name!r}; tasks: {', '.join(sorted(_TASKS))}") from None


def item_rng(task: str, seed: int, index: int) -> random.Random:
    """The random generator of item `index` of `task` with `seed` (string-seeded, so stable everywhere)."""
    return random.Random(f"{task}:{seed}:{index}")


def _check_count(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{name}={value!r} must be an integer >= {minimum}")
    return value


class Dataset(Sequence[Item]):
    """The `size` items of a task with a config and a seed; indexable, sliceable and iterable."""

    def __init__(self, task: Task, config: TaskConfig, *, size: int, seed: int) -> None:
        self.task = task
        self.config = config
        self.size = _check_count("size", size, 1)
        self.seed = _check_count("seed", seed, 0)
        self._make = task.build(config, seed)

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, index: int) -> Item: ...
    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(self.size))]
        if not -self.size <= index < self.size:
            raise IndexError(f"index {index} out of range for a dataset of size {self.size}")
        return self._make(index % self.size)

    def __iter__(self) -> Iterator[Item]:
        return (self._make(i) for i in range(self.size))

    def generation_config(self) -> dict[str, Any]:
        """What regenerates this dataset exactly: task, size, seed and every knob."""
        return {"task": self.task.name, "size": self.size, "seed": self.seed, "config": self.config.to_dict()}


def create_dataset(name: str, size: int | None = None, seed: int | None = None, **knobs: Any) -> Dataset:
    """The dataset of task `name` with `size` items from `seed`; `knobs` set the task's config.

    Size and seed default to the task's own defaults (TMBench: 100 items from seed 1).
    """
    task = task_named(name)
    config = task.config.from_knobs(knobs)
    return Dataset(task, config, size=task.default_size if size is None else size,
                   seed=task.default_seed if seed is None else seed)
