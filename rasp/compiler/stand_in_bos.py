"""Selector widths that RASP builds from aggregates, with position 0 standing in for a BOS token.

RASP has no beginning-of-sequence token, so its library builds `selector_width(sel)` from two
aggregates over `sel or select(indices, 0, ==)` and `sel and select(indices, 0, ==)`, and the
paper's `*_bos` programs read `aggregate(s or select(indices, 0, ==), indicator(indices == 0))`,
which is 1/(w+1) for the w keys `s` selects besides position 0. Compiled as written, such an `or`
of selects on different s-ops needs the joint one-hot of (key, index) on both sides of a head and
an extra layer. Both are exactly what the compiler's own selector width computes with one head
and the model's BOS (reference §2.4), so they are rewritten to it before compiling: the library
call becomes `SelectorWidth(sel)`, the paper's aggregate `1 / (SelectorWidth(s and not
select(indices, 0, ==)) + 1)`. Every other node stays as it is; the property check compares the
model with the interpreter on the program so rewritten, and the tests compare the two programs.
"""

from __future__ import annotations

import functools
from dataclasses import fields, replace

from rasp.dialect import Dialect
from rasp.sops import (
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
    SOp,
    topological,
)


def with_primitive_widths(program: SOp, dialect: Dialect, max_len: int) -> SOp:
    """`program` with every library `selector_width(sel)` call made `SelectorWidth(sel)` and
    every stand-in-BOS aggregate made a function of a `SelectorWidth` (the program itself when
    it has neither, or when the dialect truncates means to ints)."""
    nodes = topological(program)
    built: dict[int, Node] = {}
    for node in nodes:  # inputs before their readers
        if node.width_of is not None and not dialect.integer_means:  # int means: the library's differ
            built[id(node)] = SelectorWidth(
                built[id(node.width_of)], name=node.name, span=node.span, encoding=node.encoding
            )
            continue
        rebuilt = _with_children(node, built)
        built[id(node)] = _bos_width(rebuilt, dialect, max_len) or rebuilt
    return built[id(program)]


def _with_children(node: Node, built: dict[int, Node]) -> Node:
    """`node` reading the rebuilt versions of its inputs (itself when none changed)."""
    changed = {}
    for spec in fields(node):
        value = getattr(node, spec.name)
        if isinstance(value, Node) and built[id(value)] is not value:
            changed[spec.name] = built[id(value)]
        elif isinstance(value, tuple) and any(isinstance(v, Node) and built[id(v)] is not v for v in value):
            changed[spec.name] = tuple(built[id(v)] if isinstance(v, Node) else v for v in value)
    return replace(node, **changed) if changed else node


def _bos_width(node: Node, dialect: Dialect, max_len: int) -> SOp | None:
    """For `aggregate(s or select(indices, 0, ==), indicator(indices == 0))`: the same values from
    the width of `s` without position 0 (None for any other node)."""
    if (
        not isinstance(node, Aggregate)
        or node.reduction is not Reduction.MEAN
        or dialect.integer_means
        or not isinstance(node.selector, SelectorOr)
    ):
        return None
    alone = _mark_at_position_zero(node.sop, max_len)  # what one key, position 0, gives as it is
    if alone is None:
        return None
    left, right = node.selector.left, node.selector.right
    if _selects_position_zero(right):
        others, zero = left, right
    elif _selects_position_zero(left):
        others, zero = right, left
    else:
        return None
    width = SelectorWidth(SelectorAnd(others, SelectorNot(zero)))
    return Map(
        lambda w: 1 * 1.0 / (w + 1) if w else alone,  # the interpreter's mean: sum * 1.0 / count
        (width,),
        op="1 / ({0} + 1)",
        name=node.name,
        span=node.span,
        encoding=node.encoding,
    )


def _selects_position_zero(selector: Node) -> bool:
    """`select(indices, 0, ==)`: every query selects the key at position 0 and no other."""
    return (
        isinstance(selector, Select)
        and selector.comparison is Comparison.EQ
        and isinstance(selector.keys, Indices)
        and isinstance(selector.queries, Constant)
        and type(selector.queries.value) is int
        and selector.queries.value == 0
    )


def _mark_at_position_zero(sop: Node, max_len: int) -> object | None:
    """For a function of the indices alone (maps over maps) that is 1 at position 0 and 0 at every
    other (`indicator(indices == 0)`): its value at 0 (1 or 1.0); else None."""
    chain = []
    while isinstance(sop, Map) and len(sop.args) == 1:
        chain.append(sop.fn)
        sop = sop.args[0]
    if not chain or not isinstance(sop, Indices):
        return None
    try:
        values = [functools.reduce(lambda v, fn: fn(v), reversed(chain), i) for i in range(max_len)]
    except Exception:  # a map the interpreter would fail on: not the idiom
        return None
    if all(type(v) in (int, float) for v in values) and values == [1] + [0] * (max_len - 1):
        return values[0]
    return None
