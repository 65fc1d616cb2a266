"""Provides the Python embedding of RASP: functions that build the same graph RASP source builds.

Written to let tracr users port `lib.py` programs: `Map`, `SequenceMap`, `Select`, `Aggregate`,
`SelectorWidth`, `numerical`, `categorical`, `Comparison`, `tokens`, `indices`, `length`, plus the
lower-case `select`, `aggregate` and `selector_width` of RASP source. Evaluate the result with
`rasp.evaluate(program, input, dialect=TRACR)` for tracr's semantics (None defaults).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rasp import sops
from rasp.errors import RaspTypeError
from rasp.sops import UNSET, Comparison, Encoding, Reduction

tokens = sops.Tokens("str", name="tokens")
"""The input as strings (the original's default `tokens`)."""
indices = sops.Indices(name="indices")
"""The positions 0 .. n-1."""


def _sop(value: object, argument: str) -> sops.SOp:
    if isinstance(value, sops.SOp):
        return value
    if isinstance(value, (bool, int, float, str)):
        return sops.Constant(value, name=str(value))
    raise RaspTypeError(f"{argument}={value!r} is not an s-op or an atom")


def _comparison(op: str | Comparison | Callable[[object, object], bool]) -> Comparison | sops.Predicate:
    if isinstance(op, Comparison):
        return op
    if callable(op):
        return sops.Predicate(op)
    try:
        return Comparison(op)
    except ValueError:
        choices = ", ".join(c.value for c in Comparison)
        raise RaspTypeError(f"op={op!r} is not a comparison; use one of {choices}") from None


def Map(f: Callable[[object], object], inner: sops.SOp, *, name: str = "") -> sops.Map:
    """tracr's Map: `f` applied to each value of `inner`."""
    return sops.Map(f, (_sop(inner, "inner"),), op="map", name=name)


def SequenceMap(f: Callable[[object, object], object], first: sops.SOp, second: sops.SOp,
                *, name: str = "") -> sops.Map:
    """tracr's SequenceMap: `f` applied to the values of two s-ops, position by position."""
    return sops.Map(f, (_sop(first, "first"), _sop(second, "second")), op="sequence_map", name=name)


def Select(keys: sops.SOp, queries: sops.SOp, predicate: Comparison | str | Callable, *,
           name: str = "") -> sops.Select:
    """tracr's Select: query i selects key j when `predicate(keys[j], queries[i])` (a Comparison,
    its symbol, or any function of key and query)."""
    return sops.Select(_sop(keys, "keys"), _sop(queries, "queries"), _comparison(predicate), name=name)


def Aggregate(selector: sops.Selector, sop: sops.SOp, default: object = UNSET, *,
              reduction: Reduction | str = Reduction.MEAN, name: str = "") -> sops.Aggregate:
    """tracr's Aggregate (default: the dialect's, None in tracr); RASP-L's max/min via `reduction`."""
    if not isinstance(selector, sops.Selector):
        raise RaspTypeError(f"selector={selector!r} is not a selector")
    return sops.Aggregate(selector, _sop(sop, "sop"), default, Reduction(reduction), name=name)


def SelectorWidth(selector: sops.Selector, *, name: str = "") -> sops.SelectorWidth:
    """tracr's SelectorWidth: how many keys each query selects."""
    if not isinstance(selector, sops.Selector):
        raise RaspTypeError(f"selector={selector!r} is not a selector")
    return sops.SelectorWidth(selector, name=name)


def LinearSequenceMap(first: sops.SOp, second: sops.SOp, first_coefficient: float,
                      second_coefficient: float, *, name: str = "") -> sops.Map:
    """tracr's LinearSequenceMap: `first_coefficient * first + second_coefficient * second`."""
    return sops.Map(lambda x, y: first_coefficient * x + second_coefficient * y,
                    (_sop(first, "first"), _sop(second, "second")),
                    op=f"{first_coefficient} * {{0}} + {second_coefficient} * {{1}}", name=name)


def ConstantSOp(value: object, *, name: str = "") -> sops.Constant:
    """The same atom at every position."""
    return sops.Constant(value, name=name)


def numerical(sop: sops.SOp) -> sops.SOp:
    """`sop` annotated as numerically encoded (one residual dimension), as tracr's `numerical`."""
    return replace(sop, encoding=Encoding.NUMERICAL)


def categorical(sop: sops.SOp) -> sops.SOp:
    """`sop` annotated as categorically encoded (one-hot), as tracr's `categorical` (the default)."""
    return replace(sop, encoding=Encoding.CATEGORICAL)


def select(keys: object, queries: object, op: str | Comparison) -> sops.Select:
    """RASP's `select(keys, queries, op)`; atoms are lifted to constant s-ops."""
    return Select(keys, queries, op)


def aggregate(selector: sops.Selector, values: object, default: object = UNSET) -> sops.Aggregate:
    """RASP's `aggregate(selector, values[, default])`."""
    return Aggregate(selector, values, default)


def selector_width(selector: sops.Selector) -> sops.SelectorWidth:
    """The primitive selector width (the library's RASP version builds it from two aggregates)."""
    return SelectorWidth(selector)


def make_length() -> sops.SOp:
    """The sequence length as the standard library builds it: one head."""
    full = Select(ConstantSOp(1), ConstantSOp(1), Comparison.TRUE, name="full_s")
    first = sops.Map(lambda i: 1 if i == 0 else 0, (indices,), op="indicator({0} == 0)")
    return sops.Map(lambda x: round(1 / x), (Aggregate(full, first),), op="round(1 / {0})", name="length")


length = make_length()
"""The sequence length (as the library's `length`)."""
