"""Provides RASP source for a computation graph, such as one built with the Python embedding.

A graph keeps Python functions (`Map.fn`, as tracr does), which have no RASP source of their own, so
each elementwise operation is printed as the lookup table it computes over the values its inputs
can take (`rasp.value_sets` for a vocabulary and a longest input): `{"a": 1, "b": 2}[x]` for one
input, and for several a list indexed by a mixed-radix code of their positions in their value
sets. Selects, aggregates, selector widths and selector and/or/not print as themselves. The source
evaluates to the graph's values on every input over the vocabulary up to the longest length, in
the original REPL's dialect; one difference remains: a table cannot tell an int from the equal
float (RASP's dicts and value sets, as Python's, hold 1 and 1.0 as one key), so where an input
holds both, the output may show 0 where the graph shows 0.0. Custom select predicates and max/min
aggregates have no RASP form and raise GraphSourceError.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from functools import cache

from rasp.errors import GraphSourceError, RaspError
from rasp.interpreter import evaluate
from rasp.printer import float_literal
from rasp.session import Session
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
from rasp.value_sets import infer_value_sets

TABLE_LIMIT = 10_000
"""The most entries the lookup table of one elementwise operation may have."""


@cache
def _reserved() -> frozenset[str]:
    """Names a program may not assign (built-ins and the library's), and `tokens`, which it may."""
    return frozenset(Session().base.reserved) | {"tokens"}


def atom(value: object) -> str:
    """RASP source for an atom (a number, a bool or a string without double quotes)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return float_literal(value)
    if isinstance(value, str) and '"' not in value and "\n" not in value and "\r" not in value:
        return f'"{value}"'
    raise GraphSourceError(f"value={value!r} has no RASP literal (numbers, bools, strings without '\"')")


def graph_to_source(root: Node, vocabulary: Iterable[object], max_seq_len: int) -> str:
    """RASP source whose last statement assigns `root`, with the same values on every input of
    length 1 .. `max_seq_len` over `vocabulary`; one assignment per computed node."""
    sets = infer_value_sets(root, vocabulary, max_seq_len)
    names: dict[int, str] = {}
    taken = set(_reserved())
    vocab = sorted(set(vocabulary), key=repr)
    lines = [f"# printed from a computation graph: vocabulary {vocab!r}, inputs up to length {max_seq_len}",
             f"set example [{', '.join(atom(v) for v in _accepted(root, vocab, max_seq_len))}]"]
    for k, node in enumerate(topological(root)):
        text = _expression(node, names, sets)
        if isinstance(node, (Tokens, Indices, Constant)) and node is not root:
            names[id(node)] = text
            continue
        name = node.name if node.name.isidentifier() and node.name not in taken else f"v{k}"
        taken.add(name)
        names[id(node)] = name
        lines.append(f"{name} = {text};")
    return "\n".join(lines) + "\n"


def _accepted(root: Node, vocab: list, max_seq_len: int) -> tuple:
    """An input the program runs on: the running example every new definition is checked on."""
    for length in range(1, max_seq_len + 1):
        for word in itertools.product(vocab, repeat=length):
            try:
                evaluate(root, list(word))
            except RaspError:
                continue
            return word
    raise GraphSourceError(f"{root.display_name!r} fails on every input up to length {max_seq_len}")


def _expression(node: Node, names: dict[int, str], sets: dict[int, frozenset]) -> str:
    match node:
        case Tokens(cast=cast):
            return f"tokens_{cast}"
        case Indices():
            return "indices"
        case Constant(value=value):
            return f"({atom(value)} if indices == 0 else {atom(value)})"
        case Map(args=args):
            return _table(node, [names[id(a)] for a in args], [sets[id(a)] for a in args])
        case Select(keys=keys, queries=queries, comparison=comparison):
            if comparison is Comparison.TRUE:
                return "select(1, 1, ==)"
            if comparison is Comparison.FALSE:
                return "select(1, 0, ==)"
            if not isinstance(comparison, Comparison):
                raise GraphSourceError(f"the select {node.display_name!r} has a custom predicate")
            return f"select({names[id(keys)]}, {names[id(queries)]}, {comparison.value})"
        case SelectorAnd(left=left, right=right):
            return f"{names[id(left)]} and {names[id(right)]}"
        case SelectorOr(left=left, right=right):
            return f"{names[id(left)]} or {names[id(right)]}"
        case SelectorNot(inner=inner):
            return f"not {names[id(inner)]}"
        case SelectorWidth(selector=selector):
            return f"selector_width({names[id(selector)]})"
        case Aggregate(selector=selector, sop=sop, default=default, reduction=reduction):
            if reduction is not Reduction.MEAN:
                raise GraphSourceError(f"the aggregate {node.display_name!r} takes the {reduction.value}")
            extra = "" if default is UNSET else f", {atom(default)}"
            return f"aggregate({names[id(selector)]}, {names[id(sop)]}{extra})"
    raise GraphSourceError(f"{node!r} has no RASP source")


def _table(node: Map, args: list[str], domains: list[frozenset]) -> str:
    """The elementwise operation as a lookup: a dict for one input, else a list indexed by a code."""
    domains = [sorted(d, key=repr) for d in domains]
    size = math.prod(len(d) for d in domains)
    if size > TABLE_LIMIT:
        raise GraphSourceError(
            f"{node.display_name!r} needs a table of {size} entries (limit {TABLE_LIMIT})"
        )
    if len(args) == 1:
        pairs = [(key, _apply(node, (key,))) for key in domains[0]]
        body = ", ".join(f"{atom(k)}: {atom(v)}" for k, v in pairs if v is not _FAILS)
        return f"{{{body}}}[{args[0]}]"
    code = ""
    for arg, domain in zip(args, domains, strict=True):
        position = "{" + ", ".join(f"{atom(v)}: {i}" for i, v in enumerate(domain)) + "}" + f"[{arg}]"
        code = position if not code else f"({code}) * {len(domain)} + {position}"
    entries = []
    for index in range(size):
        combo, rest = [], index
        for domain in reversed(domains):
            rest, digit = divmod(rest, len(domain))
            combo.append(domain[digit])
        value = _apply(node, tuple(reversed(combo)))
        # a combination that cannot occur still needs a place in the list: any atom of the right type
        entries.append(atom(value) if value is not _FAILS else None)
    filler = next((e for e in entries if e is not None), "0")
    return f"[{', '.join(e if e is not None else filler for e in entries)}][{code}]"


_FAILS = object()


def _apply(node: Map, combo: tuple) -> object:
    try:
        return node.fn(*combo)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError, RaspError):
        return _FAILS  # a combination the function rejects cannot occur in a program that runs
