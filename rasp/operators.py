"""Provides the meaning of RASP's operators: on atoms and lists (Python's, within size limits), on
s-ops (elementwise Maps), on selectors (and/or/not), and indexing and membership.

Failures of operations on atoms are reported in Python's words, as the original REPL reports them.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from rasp import syntax as s
from rasp.environment import Environment, RaspFunction
from rasp.errors import RaspTypeError, RaspValueError, Report
from rasp.sops import (
    Aggregate,
    Comparison,
    Constant,
    Map,
    Node,
    Select,
    Selector,
    SelectorAnd,
    SelectorNot,
    SelectorOr,
    SOp,
)
from rasp.values import is_atom

_BINARY: dict[str, Callable[[object, object], object]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "%": operator.mod,
    "^": pow,
    "==": operator.eq,
    "<=": operator.le,
    ">=": operator.ge,
    "<": operator.lt,
    ">": operator.gt,
}
_UNARY: dict[str, Callable[[object], object]] = {
    "-": operator.neg,
    "+": operator.pos,
    "not": lambda a: not a,
    "round": round,
    "indicator": lambda a: 1 if a else 0,
}


def describe(value: object) -> str:
    """A value as the original's error messages show it."""
    if isinstance(value, Node):
        return value.display_name
    if isinstance(value, list):
        return "[" + ", ".join(describe(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{describe(k)}: {describe(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def as_sop(value: object) -> SOp:
    """An s-op for `value`: s-ops as they are, atoms as constant s-ops."""
    if isinstance(value, SOp):
        return value
    if is_atom(value):
        return Constant(value, name=str(value))
    raise RaspTypeError(f"expected an s-op or an atom, got: {describe(value)}")


def unary(op: str, value: object, expr: s.Expr) -> object:
    """`op value`: a selector's complement, an elementwise Map on an s-op, or the atom's result."""
    fn = _UNARY[op]
    if isinstance(value, Selector):
        if op == "not":
            return SelectorNot(value, span=expr.span)
        raise RaspTypeError(f"Cannot apply {op} to selector(s)")
    if isinstance(value, SOp):
        return Map(
            fn,
            (value,),
            op=f"{op}({{0}})" if op in ("round", "indicator") else f"{op} {{0}}",
            span=expr.span,
        )
    if op == "indicator":
        raise RaspTypeError(f"indicator operator expects s-op, got: {describe(value)}")
    return _atom_op(lambda: fn(value))


def binary(op: str, left: object, right: object, expr: s.Expr) -> object:
    """`left op right`: selectors compose with and/or, s-ops zip elementwise, atoms and lists compute."""
    has_sop = isinstance(left, SOp) or isinstance(right, SOp)
    has_selector = isinstance(left, Selector) or isinstance(right, Selector)
    if op in ("and", "or"):
        if (
            (has_sop
            and has_selector)
            or (has_selector and not (isinstance(left, Selector) and isinstance(right, Selector)))
        ):
            raise RaspTypeError("Cannot apply and/or between selector and non-selector")
        if has_selector:
            kind = SelectorAnd if op == "and" else SelectorOr
            return kind(left, right, span=expr.span)
        if has_sop:
            if op == "and":
                return _zip_sops(lambda a, b: bool(a) and bool(b), op, left, right, expr)
            return _zip_sops(lambda a, b: bool(a) or bool(b), op, left, right, expr)
        return (left and right) if op == "and" else (left or right)
    if has_selector:
        raise RaspTypeError(f"Cannot apply {op} to selector(s)")
    fn = _BINARY[op]
    if has_sop:
        return _zip_sops(fn, op, left, right, expr)
    _check_size(op, left, right)
    return _atom_op(lambda: fn(left, right))


def _zip_sops(fn, op: str, left: object, right: object, expr: s.Expr) -> Map:
    if isinstance(left, SOp) and isinstance(right, SOp):
        return Map(fn, (left, right), op=f"{{0}} {op} {{1}}", span=expr.span)
    if isinstance(left, SOp):
        as_sop(right)
        return Map(
            lambda a: fn(a, right), (left,), op=f"{{0}} {op} {_brace(describe(right))}", span=expr.span
        )
    as_sop(left)
    return Map(lambda b: fn(left, b), (right,), op=f"{_brace(describe(left))} {op} {{0}}", span=expr.span)


def contains(item: object, container: object, expr: s.Expr, full: Selector) -> object:
    """`item in container`: elementwise membership, or (atom in s-op) an aggregate over `full`."""
    if isinstance(item, SOp):
        if not isinstance(container, list) or not all(is_atom(v) for v in container):
            raise RaspTypeError(
                f'"[s-op] in X" expects X to be list of atoms, but got: {describe(container)}'
            )
        members = list(container)
        return Map(
            lambda c: c in members, (item,), op=f"{{0}} in {_brace(describe(members))}", span=expr.span
        )
    if is_atom(item):
        if isinstance(container, list):
            return item in container
        if isinstance(container, SOp):
            hits = Map(
                lambda v: int(v == item),
                (container,),
                op=f"{{0}} == {_brace(describe(item))}",
                span=expr.span,
            )
            share = Aggregate(full, hits, span=expr.span)
            return Map(lambda v: v > 0, (share,), op="{0} > 0", span=expr.span)
        raise RaspTypeError(f'"[atom] in X" expects X to be list or s-op, but got: {describe(container)}')
    if isinstance(item, (Selector, RaspFunction)):
        raise RaspTypeError("don't check if select or function is contained in list/dict")
    raise RaspTypeError(f'"A in X" expects A to be s-op or atom, but got A: {describe(item)}')


def subscript(target: object, index: object, expr: s.Expr, env: Environment) -> object:
    """`target[index]`: a lookup (elementwise when `index` is an s-op), or an s-op's value at a position."""
    if isinstance(target, (list, str)):
        kind = "list" if isinstance(target, list) else "string"
        if isinstance(index, SOp):
            table = target
            return Map(
                lambda i: _lookup_list(table, i, kind),
                (index,),
                op=_brace(short(table)) + "[{0}]",
                span=expr.span,
            )
        return _lookup_list(target, index, kind)
    if isinstance(target, dict):
        if isinstance(index, SOp):
            table = dict(target)
            return Map(
                lambda k: _lookup_dict(table, k),
                (index,),
                op=_brace(short(table)) + "[{0}]",
                span=expr.span,
            )
        return _lookup_dict(target, index)
    if isinstance(target, SOp):
        if not isinstance(index, int) or isinstance(index, bool):
            raise RaspValueError(f"index into sequence has to be integer, got: {describe(index)}")
        indices = env.get("indices")
        if index >= 0:
            where: SOp = Constant(index, name=str(index))
        else:
            length = env.get("length")
            where = Map(lambda n: n + index, (length,), op=f"{{0}} - {-index}", name=f"length{index}")
        select = Select(indices, where, Comparison.EQ, name=f"load from {index}", span=expr.span)
        return Aggregate(select, target, name=f"{target.display_name}[{index}]", span=expr.span)
    raise RaspTypeError(
        f"can only index into a list, dict, string, or sequence, but instead got: {describe(target)}"
    )


def _brace(text: str) -> str:
    """Escapes braces so `text` can sit in a Map's `op` template."""
    return text.replace("{", "{{").replace("}", "}}")


def short(value: object) -> str:
    """A value as automatic names show it: long lists and dicts as '(list)' and '(dict)'."""
    text = describe(value)
    if isinstance(value, (list, dict)) and len(text) > 20:
        return "(list)" if isinstance(value, list) else "(dict)"
    return text


MAX_BITS = 1_000_000
"""The largest number (in bits) or container (in elements) an operation on atoms may build."""


def _check_size(op: str, left: object, right: object) -> None:
    """Refuses `^` and `*` results too large to build quickly (a run must not hang on `99 ^ 9999999`)."""
    if (op == "^" and isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1
            and right * abs(left).bit_length() > MAX_BITS):
        raise RaspValueError(f"{left} ^ {right} is too large (over {MAX_BITS} bits)")
    if op == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, (str, list)) and isinstance(count, int) and len(seq) * count > MAX_BITS:
                raise RaspValueError(f"repeating {describe(seq)} {count} times is too large")


def _atom_op(compute: Callable[[], object]) -> object:
    """The result of an operation on atoms or lists; Python's failure, in Python's words as the
    original reports it."""
    try:
        return compute()
    except ZeroDivisionError:
        raise RaspValueError("division by zero").failing("", "division by zero", Report.UNEXPECTED) from None
    except (TypeError, ValueError, OverflowError) as error:
        raise RaspTypeError(str(error)).failing("", str(error), Report.UNEXPECTED) from None


def _lookup_list(table: list | str, index: object, kind: str) -> object:
    if not isinstance(index, int) or isinstance(index, bool):
        raise RaspTypeError(f"index into {kind} has to be integer, got: {describe(index)}")
    if index >= len(table) or -index > len(table):
        raise RaspValueError(f"index {index} out of range for {kind} of length {len(table)}")
    return table[index]


def _lookup_dict(table: dict, key: object) -> object:
    if not is_atom(key):
        raise RaspTypeError(
            f"index into dict has to be atom (i.e., string, int, float, bool), got: {describe(key)}"
        )
    if key not in table:
        raise RaspValueError(f"index [ {describe(key)} ] not in dict.")
    return table[key]
