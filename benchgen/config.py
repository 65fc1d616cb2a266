"""Provides the base of task configurations: frozen dataclasses that check their knobs on construction.

Each task's config declares its knobs as typed fields with defaults; construction normalises lists
to tuples, checks every knob's type, runs the task's own `problems()` checks, and raises one
ConfigError listing every problem found.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

from benchgen.errors import ConfigError


@dataclasses.dataclass(frozen=True)
class TaskConfig:
    """Base of every task's knobs (subclass it with `@dataclass(frozen=True)` fields)."""

    task: typing.ClassVar[str] = ""

    def __post_init__(self) -> None:
        hints = typing.get_type_hints(type(self))
        problems = []
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                value = tuple(value)
                object.__setattr__(self, f.name, value)
            if not _has_type(value, hints[f.name]):
                problems.append(f"{f.name}={value!r} must be {_describe(hints[f.name])}")
        if not problems:
            problems = list(self.problems())
        if problems:
            raise ConfigError(f"invalid {self.task} config: " + "; ".join(problems))

    def problems(self) -> Iterable[str]:
        """The task's own checks of its knobs' values (each problem as one message)."""
        return ()

    @classmethod
    def knobs(cls) -> tuple[str, ...]:
        """The knob names, in declaration order."""
        return tuple(f.name for f in dataclasses.fields(cls))

    @classmethod
    def from_knobs(cls, knobs: Mapping[str, Any]) -> TaskConfig:
        """A config from keyword knobs; an unknown knob name raises ConfigError listing the known ones."""
        unknown = sorted(set(knobs) - set(cls.knobs()))
        if unknown:
            raise ConfigError(f"unknown knob {unknown[0]!r} for task {cls.task!r}; "
                              f"knobs: {', '.join(cls.knobs())}")
        return cls(**knobs)

    def to_dict(self) -> dict[str, Any]:
        """The knobs as JSON-ready values (tuples become lists)."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


def _plain(value: Any) -> Any:
    return [_plain(v) for v in value] if isinstance(value, tuple) else value


def _has_type(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_has_type(value, h) for h in typing.get_args(hint))
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        return isinstance(value, tuple) and all(_has_type(v, args[0]) for v in value)
    if hint is type(None):
        return value is None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, hint)


def _describe(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(h) for h in typing.get_args(hint))
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(hint))
    if origin is tuple:
        return f"a list of {_describe(typing.get_args(hint)[0])}"
    if hint is type(None):
        return "null"
    return {int: "an integer", float: "a number", str: "a string", bool: "true or false"}.get(hint, str(hint))


def check_range(name_lo: str, lo: int, name_hi: str, hi: int, minimum: int) -> list[str]:
    """Problems with an inclusive integer range knob pair (lo >= minimum, lo <= hi)."""
    problems = []
    if lo < minimum:
        problems.append(f"{name_lo}={lo!r} must be at least {minimum}")
    if hi < lo:
        problems.append(f"{name_hi}={hi!r} must be at least {name_lo}={lo!r}")
    return problems
