"""Provides evaluation of s-ops and selectors on an input, plain or traced.

`evaluate(node, input)` gives a `Sequence` or `Selection`; `evaluate_all` gives every node's value;
`evaluate_traced` gives a `machines.core.Trace` whose snapshots are `RaspFrame`s, one per node in
dependency order, so the TUI and benchgen read RASP runs like any machine run. Selects and
aggregates are numpy-vectorised; elementwise operations run the node's Python function per
position so that values keep the exact Python types the original REPL gives (int vs float).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from machines.core import Outcome, Snapshot, Trace
from rasp.dialect import ORIGINAL, Dialect
from rasp.errors import RaspEvaluationError, RaspRuntimeError, RaspTypeError, RaspValueError, Report
from rasp.sops import (
    UNSET,
    Aggregate,
    Comparison,
    Constant,
    Indices,
    Map,
    Node,
    Reduction,
    Select,
    SelectorAnd,
    SelectorNot,
    SelectorOr,
    SelectorWidth,
    Tokens,
    topological,
)
from rasp.values import UNTYPED, Selection, Sequence

Value = Sequence | Selection
_EXACT_FLOAT_INT = 2**53
_FEW_VALUES = 8


def as_input(input: object) -> list:
    """The input as a list of atoms: a string is split into characters. Raises on empty input."""
    if isinstance(input, str) or (isinstance(input, Iterable) and not isinstance(input, dict)):
        items = list(input)
    else:
        raise RaspTypeError(f"RASP sequences/selectors expect non-empty iterables, got: {input!r}")
    if not items:
        raise RaspValueError(f"RASP sequences/selectors expect non-empty iterables, got: {input!r}")
    return items


def evaluate(
    node: Node,
    input: object,
    *,
    dialect: Dialect = ORIGINAL,
    memo: dict[int, tuple[Node, Value]] | None = None,
) -> Value:
    """The value of `node` on `input` (a string or a list of atoms)."""
    return evaluate_all(node, input, dialect=dialect, memo=memo)[id(node)][1]


def evaluate_all(
    node: Node,
    input: object,
    *,
    dialect: Dialect = ORIGINAL,
    memo: dict[int, tuple[Node, Value]] | None = None,
) -> dict[int, tuple[Node, Value]]:
    """Every node `node` depends on, mapped by id to (node, value), in dependency order.

    `memo` (for one input and dialect only) is read and extended, so repeated evaluations of
    overlapping graphs on the same input share work.
    """
    items = as_input(input)
    values: dict[int, tuple[Node, Value]] = memo if memo is not None else {}
    for each in topological(node, known=values):
        values[id(each)] = (each, _evaluate_node(each, items, values, dialect))
    return values


@dataclass(frozen=True, slots=True)
class RaspFrame:
    """One traced node: its name, whether it is an s-op or a selector, and its value per position.

    For a selector, `values` holds one tuple of bools per query row. Renders as one line and
    parses back (`RaspFrame.parse(frame.render()) == frame`).
    """

    name: str
    kind: str
    values: tuple

    def render(self) -> str:
        """One line: `<kind> <name> = [values]` (a selector's values are its rows)."""
        shown = [list(row) for row in self.values] if self.kind == "selector" else list(self.values)
        return f"{self.kind} {self.name} = {shown!r}"

    @classmethod
    def parse(cls, text: str) -> RaspFrame:
        """The frame `render` wrote."""
        head, _, body = text.partition(" = ")
        kind, _, name = head.partition(" ")
        values = ast.literal_eval(body)
        if kind == "selector":
            values = [tuple(row) for row in values]
        return cls(name, kind, tuple(values))


def evaluate_traced(node: Node, input: object, *, dialect: Dialect = ORIGINAL) -> Trace[RaspFrame]:
    """A Trace with one RaspFrame snapshot per node, in dependency order (the root last).

    Each snapshot's event is the node's operation label; the outcome is HALTED.
    """
    values = evaluate_all(node, input, dialect=dialect)
    snapshots = []
    for step, (each, value) in enumerate(values.values()):
        if isinstance(value, Selection):
            frame = RaspFrame(each.display_name, "selector", value.rows)
        else:
            frame = RaspFrame(each.display_name, "s-op", value.values)
        snapshots.append(Snapshot(step, frame, each.label))
    return Trace(node.display_name, tuple(snapshots), Outcome.HALTED, len(snapshots) - 1)


def where_defined(node: Node) -> str:
    """The node's name (or operation) in quotes, with the line and column it was defined at if known."""
    name = f"'{node.name}'" if getattr(node, "name", "") else f"'{node.label}'"
    span = getattr(node, "span", None)
    return f"{name} (defined at line {span.line}, column {span.column})" if span else name


def _fail(
    node: Node,
    message: str,
    kind: type[RaspRuntimeError] = RaspEvaluationError,
    report: Report = Report.UNEXPECTED,
) -> RaspRuntimeError:
    where = where_defined(node)
    return kind(f"evaluation of {where} failed: {message}").failing(where, message, report)


def _sequence(node: Node, dialect: Dialect, values: list) -> Sequence:
    if not dialect.typed_values:
        return Sequence(tuple(values), UNTYPED)
    try:
        return Sequence(tuple(values))
    except RaspTypeError as error:
        raise _fail(node, error.message, RaspTypeError, Report.IGNORED) from None


def _value(values: dict, node: Node) -> Value:
    return values[id(node)][1]


def _evaluate_node(node: Node, items: list, values: dict, dialect: Dialect) -> Value:
    n = len(items)
    match node:
        case Tokens(cast=cast):
            return _sequence(node, dialect, _cast_tokens(node, items, cast))
        case Indices():
            return _sequence(node, dialect, list(range(n)))
        case Constant(value=value):
            return _sequence(node, dialect, [value] * n)
        case Map(fn=fn, args=args):
            return _sequence(
                node, dialect, _map(node, fn, [_value(values, a).values for a in args], n, dialect)
            )
        case Select(keys=keys, queries=queries, comparison=comparison):
            matrix = _select(node, _value(values, keys).values, _value(values, queries).values, comparison)
            if dialect.causal:
                matrix &= np.tri(n, dtype=bool)
            return Selection(matrix)
        case SelectorAnd(left=left, right=right):
            return Selection(_value(values, left).matrix & _value(values, right).matrix)
        case SelectorOr(left=left, right=right):
            return Selection(_value(values, left).matrix | _value(values, right).matrix)
        case SelectorNot(inner=inner):
            matrix = ~_value(values, inner).matrix
            if dialect.causal:
                matrix &= np.tri(n, dtype=bool)
            return Selection(matrix)
        case SelectorWidth(selector=selector):
            return _sequence(node, dialect, list(_value(values, selector).widths))
        case Aggregate():
            return _sequence(
                node,
                dialect,
                _aggregate(
                    node, _value(values, node.selector).matrix, _value(values, node.sop).values, dialect
                ),
            )
    raise _fail(node, f"unknown node type {type(node).__name__}")


_CASTS = {"str": str, "int": int, "float": float, "bool": bool, "asis": lambda v: v}


def _cast_tokens(node: Node, items: list, cast: str) -> list:
    convert = _CASTS[cast]
    try:
        return [convert(v) for v in items]
    except (TypeError, ValueError) as error:
        raise _fail(node, f"cannot read the input as tokens_{cast}: {error}") from None


def _map(node: Node, fn, columns: list[tuple], n: int, dialect: Dialect) -> list:
    try:
        if not columns:
            return [fn() for _ in range(n)]
        if dialect.none_propagates:
            return [None if None in row else fn(*row) for row in zip(*columns, strict=True)]
        return [fn(*row) for row in zip(*columns, strict=True)]
    except RaspRuntimeError as error:
        raise _fail(node, error.reason, report=error.report) from None
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError) as error:
        raise _fail(node, _python_message(error)) from None


def _python_message(error: Exception) -> str:
    if isinstance(error, ZeroDivisionError):
        return "division by zero"
    return str(error) or type(error).__name__


def _as_array(values: tuple) -> np.ndarray | None:
    """A numpy array of the values when numpy compares them exactly as Python does, else None."""
    if all(isinstance(v, str) for v in values):
        return np.array(values, dtype=str) if values else None
    if all(isinstance(v, float) or (isinstance(v, int) and abs(v) < _EXACT_FLOAT_INT) for v in values):
        return np.array(values, dtype=float)
    return None


COMPARISON_UFUNCS = {
    "==": np.equal,
    "!=": np.not_equal,
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
}
"""The numpy function of each order or equality comparison, by its operator (the Comparison's value)."""


def _select(node: Node, keys: tuple, queries: tuple, comparison) -> np.ndarray:
    ufunc = COMPARISON_UFUNCS.get(comparison.value) if isinstance(comparison, Comparison) else None
    if ufunc is not None:
        k, q = _as_array(keys), _as_array(queries)
        if k is not None and q is not None and k.dtype.kind == q.dtype.kind:
            return ufunc(k[None, :], q[:, None])
    try:
        return np.array([[comparison(key, query) for key in keys] for query in queries], dtype=bool)
    except TypeError as error:
        raise _fail(node, f"cannot compare keys and queries: {error}", RaspTypeError) from None
    except (ValueError, ZeroDivisionError, KeyError, IndexError) as error:
        raise _fail(node, f"the predicate failed: {_python_message(error)}") from None


def _aggregate(node: Aggregate, matrix: np.ndarray, values: tuple, dialect: Dialect) -> list:
    n = len(matrix)
    widths = matrix.sum(axis=1)
    default = dialect.default if node.default is UNSET else node.default
    out: list = [default] * n
    single = np.flatnonzero(widths == 1)
    if len(single):
        picks = matrix[single].argmax(axis=1)
        for row, col in zip(single.tolist(), picks.tolist(), strict=True):
            out[row] = values[col]
    several = np.flatnonzero(widths > 1)
    if len(several):
        combined = _combine(node, matrix[several], values, widths[several], dialect)
        for row, value in zip(several.tolist(), combined, strict=True):
            out[row] = value
    return out


def _combine(node: Aggregate, rows: np.ndarray, values: tuple, widths: np.ndarray, dialect: Dialect) -> list:
    """Combines the selected values of rows that select several keys."""
    if node.reduction is not Reduction.MEAN:
        pick = max if node.reduction is Reduction.MAX else min
        try:
            return [pick(v for v, s in zip(values, row, strict=True) if s) for row in rows]
        except TypeError as error:
            raise _fail(node, str(error), RaspTypeError) from None
    numeric = all(
        isinstance(v, (int, float)) and (dialect.bool_means or not isinstance(v, bool))
        for v in values
        if v is not None
    )
    if not numeric or (None in values):
        raise _fail(
            node, f"asked to average multiple values, but they are non-numbers: {list(values)}", RaspTypeError
        )
    means = _means(rows, values, widths)
    if dialect.integer_means:
        return [int(m) for m in means]
    return means


def _means(rows: np.ndarray, values: tuple, widths: np.ndarray) -> list[float]:
    """Means as the original computes them: `sum(selected) * 1.0 / count`, summing left to right."""
    if all(not isinstance(v, float) for v in values):
        distinct = set(values)
        if len(distinct) <= _FEW_VALUES:
            # integer sums by counting each value's selected positions: exact and cheap (bool masks)
            column = np.array(values, dtype=object)
            sums = sum(
                v * np.count_nonzero(rows & (column == v)[None, :], axis=1).astype(object)
                for v in distinct
                if v
            )
            return [
                int(total) * 1.0 / int(w)
                for total, w in zip(np.broadcast_to(sums, widths.shape), widths, strict=True)
            ]
        if max(abs(v) for v in values) * len(values) < _EXACT_FLOAT_INT:
            sums = rows.astype(float) @ np.array(values, dtype=float)  # exact: integer sums below 2**53
            return (sums / widths).tolist()
        return [
            sum(v for v, s in zip(values, row, strict=True) if s) * 1.0 / int(w)
            for row, w in zip(rows, widths, strict=True)
        ]
    floats = np.array([float(v) for v in values])
    sums = np.add.accumulate(np.where(rows, floats[None, :], 0.0), axis=1)[:, -1]  # sequential, as sum()
    return (sums / widths).tolist()
