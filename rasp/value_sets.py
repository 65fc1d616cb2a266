"""Provides value-set inference: the values each s-op of a program can take, for a compiler.

Given the token vocabulary and the longest input, `infer_value_sets` returns, for every s-op of the
graph, the set of values it can take at some position of some input. When the inputs are few
(`exhaustive_limit`), it evaluates the program on every one of them, which gives the exact sets.
Otherwise it propagates sets through the graph (a sound over-approximation): a Map takes the image
of the product of its inputs' sets, a numeric mean every mean of up to `max_seq_len` values, a
selector width 0 .. `max_seq_len`, and anything an aggregate may fall back to adds its default.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from fractions import Fraction

from rasp.dialect import ORIGINAL, Dialect
from rasp.errors import RaspError, RaspValueError
from rasp.interpreter import evaluate_all
from rasp.sops import (
    UNSET,
    Aggregate,
    Constant,
    Indices,
    Map,
    Node,
    Reduction,
    SelectorWidth,
    SOp,
    Tokens,
    topological,
)
from rasp.values import Sequence

EXHAUSTIVE_LIMIT = 50_000
"""Enumerate every input when there are at most this many of them."""
PRODUCT_LIMIT = 100_000
"""The largest input product a Map's image is computed over."""


def input_count(vocabulary: Iterable[object], max_seq_len: int) -> int:
    """How many inputs of length 1 .. max_seq_len the vocabulary makes."""
    size = len(set(vocabulary))
    return sum(size**n for n in range(1, max_seq_len + 1))


def infer_value_sets(
    root: SOp,
    vocabulary: Iterable[object],
    max_seq_len: int,
    *,
    dialect: Dialect = ORIGINAL,
    exhaustive_limit: int = EXHAUSTIVE_LIMIT,
) -> dict[int, frozenset]:
    """The values each s-op under `root` can take, by node id (selectors are left out)."""
    vocab = sorted(set(vocabulary), key=repr)
    if not vocab or max_seq_len < 1:
        raise RaspValueError(
            f"need a non-empty vocabulary and max_seq_len >= 1, got {vocab!r}, {max_seq_len}"
        )
    if input_count(vocab, max_seq_len) <= exhaustive_limit:
        return _exhaustive(root, vocab, max_seq_len, dialect)
    return _propagated(root, vocab, max_seq_len, dialect)


def _exhaustive(root: SOp, vocab: list, max_seq_len: int, dialect: Dialect) -> dict[int, frozenset]:
    found: dict[int, set] = {id(n): set() for n in topological(root) if isinstance(n, SOp)}
    for length in range(1, max_seq_len + 1):
        for word in itertools.product(vocab, repeat=length):
            try:
                values = evaluate_all(root, list(word), dialect=dialect)
            except RaspError:
                continue  # inputs the program rejects contribute no values
            for key, (_, value) in values.items():
                if isinstance(value, Sequence):
                    found[key].update(value.values)
    return {key: frozenset(values) for key, values in found.items()}


def _propagated(root: SOp, vocab: list, max_seq_len: int, dialect: Dialect) -> dict[int, frozenset]:
    sets: dict[int, frozenset] = {}
    for node in topological(root):
        if isinstance(node, SOp):
            sets[id(node)] = frozenset(_node_values(node, sets, vocab, max_seq_len, dialect))
    return sets


_CASTS = {"str": str, "int": int, "float": float, "bool": bool, "asis": lambda v: v}


def _node_values(
    node: Node, sets: dict[int, frozenset], vocab: list, max_seq_len: int, dialect: Dialect
) -> set:
    match node:
        case Tokens(cast=cast):
            return {_CASTS[cast](v) for v in vocab}
        case Indices():
            return set(range(max_seq_len))
        case Constant(value=value):
            return {value}
        case Map(fn=fn, args=args):
            return _image(node, fn, [sets[id(a)] for a in args], dialect)
        case SelectorWidth():
            return set(range(max_seq_len + 1))
        case Aggregate(sop=sop, default=default, reduction=reduction):
            values = set(sets[id(sop)])
            default = dialect.default if default is UNSET else default
            result = set(values) | {default}
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
            if reduction is Reduction.MEAN and numeric and len(values) > 1:
                means = _means(values, max_seq_len)
                result |= {int(m) for m in means} if dialect.integer_means else {float(m) for m in means}
            return result
    raise RaspValueError(f"cannot infer the values of {node!r}")


def _image(node: Map, fn, inputs: list[frozenset], dialect: Dialect) -> set:
    size = 1
    for values in inputs:
        size *= max(1, len(values))
    if size > PRODUCT_LIMIT:
        raise RaspValueError(
            f"the inputs of {node.display_name!r} have {size} combinations "
            f"(limit {PRODUCT_LIMIT}); use a smaller vocabulary or max_seq_len"
        )
    image = set()
    for combo in itertools.product(*inputs):
        if dialect.none_propagates and None in combo:
            image.add(None)
            continue
        try:
            image.add(fn(*combo))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError, RaspError):
            continue  # a combination that fails cannot occur in a program that runs
    return image


def _means(values: set, max_seq_len: int) -> set[Fraction]:
    """Every mean of 2 .. max_seq_len values drawn (with repetition) from `values`, exactly."""
    exact = sorted(Fraction(v) for v in values)
    sums = {Fraction(0)}
    means: set[Fraction] = set()
    for count in range(1, max_seq_len + 1):
        sums = {s + v for s in sums for v in exact}
        if count > 1:
            means |= {s / count for s in sums}
    return means
