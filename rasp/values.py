"""Provides the values s-ops and selectors take on an input: `Sequence` and `Selection`.

A Sequence keeps each position's Python value as the original REPL does (an aggregate over one
position keeps that value's type, so a sequence may mix ints and floats) and is typed by the
original's rule: all strings, all bools, all ints, or numbers (ints and floats mixed are "floats").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rasp.errors import RaspTypeError

ATOM_TYPES = (bool, int, float, str)
"""The atom types of RASP; a sequence holds atoms only (None only in the tracr dialect)."""


UNTYPED = "values"
"""The type of a sequence whose values are not checked (the tracr dialect)."""


def is_atom(value: object) -> bool:
    """True for RASP atoms: int, float, str and bool."""
    return isinstance(value, ATOM_TYPES)


def type_of(values: list | tuple) -> str:
    """The original's type of a sequence ('strings', 'bools', 'ints' or 'floats'); None is ignored.

    Raises RaspTypeError for mixed or illegal values.
    """
    present = [v for v in values if v is not None]
    for kind, name in ((str, "strings"), (bool, "bools"), (int, "ints"), (float, "floats")):
        if all(isinstance(v, kind) for v in present):
            return name
    if all(isinstance(v, (int, float)) for v in present):
        return "floats"
    if all(is_atom(v) for v in present):
        raise RaspTypeError(f"attempted to create sequence with vals of different types:\n{list(values)}")
    raise RaspTypeError(
        "attempted to create sequence with illegal val types "
        f"(vals must be bool, float, int or string):\n{list(values)}"
    )


def format_atom(value: object) -> str:
    """One value as the original prints it in a sequence: floats to 3 digits, bools as T/F."""
    if isinstance(value, bool):
        return "T" if value else "F"
    if isinstance(value, float):
        return str(round(value, 3))
    return str(value)


@dataclass(frozen=True, slots=True)
class Sequence:
    """The value of an s-op on one input: a tuple of atoms and its type name.

    The type is computed (and mixed types refused) unless given: `Sequence(values, UNTYPED)` holds
    any values, as tracr's evaluator allows (tuples from SequenceMaps, for instance).
    """

    values: tuple
    type: str = field(default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))
        if self.type != UNTYPED:
            object.__setattr__(self, "type", type_of(self.values))

    def __len__(self) -> int:
        return len(self.values)

    def __str__(self) -> str:
        values = self.values
        if len(values) > 1 and _all_equal(values):
            body = f"[{format_atom(values[0])}]*{len(values)}"
        else:
            body = "[" + ", ".join(format_atom(v) for v in values) + "]"
        return f"{body} ({self.type})"


def _all_equal(values: tuple) -> bool:
    first = values[0]
    try:
        return all(v == first for v in values)
    except TypeError:
        return False


@dataclass(frozen=True, slots=True, eq=False)
class Selection:
    """The value of a selector on one input: `matrix[q][k]` is True when query q selects key k."""

    matrix: np.ndarray

    def __post_init__(self) -> None:
        matrix = np.array(self.matrix, dtype=bool)
        matrix.setflags(write=False)
        object.__setattr__(self, "matrix", matrix)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Selection) and np.array_equal(self.matrix, other.matrix)

    def __hash__(self) -> int:
        return hash(self.matrix.tobytes())

    def __len__(self) -> int:
        return len(self.matrix)

    @property
    def rows(self) -> tuple[tuple[bool, ...], ...]:
        """The matrix as nested tuples, one row per query."""
        return tuple(tuple(bool(v) for v in row) for row in self.matrix)

    @property
    def widths(self) -> tuple[int, ...]:
        """How many keys each query selects."""
        return tuple(int(w) for w in self.matrix.sum(axis=1))

    def __str__(self) -> str:
        return "\n".join(
            f"{q}: " + " ".join("1" if v else "0" for v in row) for q, row in enumerate(self.matrix)
        )
