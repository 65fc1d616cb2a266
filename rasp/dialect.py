"""Provides the RASP dialects: the original REPL's semantics (the default), tracr's and RASP-L's.

They differ only in how values are evaluated (reference §2.7): the aggregate default, None
propagation, whether bools may be averaged, causal masking, integer means. Max/min aggregates
(`Reduction.MAX`/`MIN`) can be built in any dialect through the embedding; RASP-L is where they
come from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Dialect:
    """Evaluation rules that differ between RASP variants."""

    name: str
    default: object = 0
    """The value of an aggregate over no keys when the program gave no default."""
    none_propagates: bool = False
    """Elementwise operations map None to None (tracr's evaluator)."""
    bool_means: bool = False
    """Averaging bools is allowed (tracr) instead of a type error (the original)."""
    causal: bool = False
    """Selectors never select a key after the query (RASP-L)."""
    integer_means: bool = False
    """Means are truncated to ints (RASP-L's numpy library casts every value to int)."""
    typed_values: bool = True
    """Sequences hold atoms of one type (the original); tracr allows any values, tuples included."""


ORIGINAL = Dialect("rasp")
TRACR = Dialect("tracr", default=None, none_propagates=True, bool_means=True, typed_values=False)
RASP_L = Dialect("rasp-l", causal=True, integer_means=True)
DIALECTS: dict[str, Dialect] = {d.name: d for d in (ORIGINAL, TRACR, RASP_L)}
