"""Provides the records a RASP statement produces, for the REPL and the CLI to print."""

from __future__ import annotations

from dataclasses import dataclass

from rasp.errors import RaspError
from rasp.sops import SOp
from rasp.values import Selection, Sequence


@dataclass(frozen=True, slots=True)
class Named:
    """A statement produced a named value (an assignment, a definition, a bare expression's `out`)."""

    name: str
    value: object


@dataclass(frozen=True, slots=True)
class Applied:
    """An s-op or selector applied to an input: `value` is its Sequence or Selection."""

    value: Sequence | Selection
    input: object


@dataclass(frozen=True, slots=True)
class ExampleShown:
    """`show example` or `set example`: the running examples."""

    subset: str
    sequence_example: object
    selector_example: object


@dataclass(frozen=True, slots=True)
class DrawRequest:
    """`draw(sop, example)`: the CLI or REPL draws the flow of `sop` on `example`."""

    sop: SOp
    example: object
    value: Sequence


@dataclass(frozen=True, slots=True)
class Loaded:
    """`load "file"`: what loading the file produced (its last value per public name, and failures)."""

    path: str
    results: tuple


@dataclass(frozen=True, slots=True)
class Failed:
    """A statement of a loaded file failed; loading goes on, as in the original."""

    error: RaspError


@dataclass(frozen=True, slots=True)
class ExitRequest:
    """`exit` or `quit`."""


Result = Named | Applied | ExampleShown | DrawRequest | Loaded | Failed | ExitRequest
