"""Provides tracr's dynamic check of encodings: the values on an input must fit each s-op's annotation.

Numerical and categorical are only annotations while a program is evaluated; a compiler relies on
them. `check_encodings` evaluates a program on one input and raises one EncodingError naming every
s-op that breaks a rule: a numerical s-op must hold numbers (bools count, as in tracr); an aggregate
must have its input's encoding; a categorical aggregate may not average (a query selecting several
keys must give one of the input's values: tracr's check is that the output's values are the
input's); a numerical aggregate must average only 0s and 1s (tracr's `validating.py`).
"""

from __future__ import annotations

from rasp.dialect import TRACR, Dialect
from rasp.errors import EncodingError
from rasp.interpreter import evaluate_all, where_defined
from rasp.sops import Aggregate, Encoding, Node, SOp
from rasp.values import Selection, Sequence


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float))


def _shown(values: set) -> str:
    return "{" + ", ".join(sorted(map(repr, values))) + "}"


def encoding_problems(root: SOp, input: object, *, dialect: Dialect = TRACR) -> dict[Node, list[str]]:
    """Every s-op `root` depends on that breaks an encoding rule on `input`, with what it breaks."""
    values = evaluate_all(root, input, dialect=dialect)
    problems: dict[Node, list[str]] = {}
    for node, value in values.values():
        if not isinstance(node, SOp) or not isinstance(value, Sequence):
            continue
        found = []
        numerical = node.encoding is Encoding.NUMERICAL
        odd = {v for v in value.values if not _is_number(v)}
        if numerical and odd:
            found.append(f"a numerical s-op holds non-numbers {_shown(odd)}")
        if isinstance(node, Aggregate):
            found += _aggregate_problems(node, values)
        if found:
            problems[node] = found
    return problems


def _aggregate_problems(node: Aggregate, values: dict) -> list[str]:
    selection: Selection = values[id(node.selector)][1]
    inputs = set(values[id(node.sop)][1].values)
    outputs = set(values[id(node)][1].values)
    found = []
    if node.sop.encoding is not node.encoding:
        found.append(f"a {node.encoding.value} aggregate of a {node.sop.encoding.value} s-op "
                     "(convert it with a Map first)")
    if node.encoding is Encoding.CATEGORICAL:
        if max(selection.widths, default=0) > 1 and inputs != outputs:
            found.append("a categorical aggregate averages (a query selects several keys); "
                         "make it numerical, or select one key per query")
    elif not inputs <= {0, 1}:
        found.append(f"a numerical aggregate averages values other than 0 and 1: {_shown(inputs)}")
    return found


def check_encodings(root: SOp, input: object, *, dialect: Dialect = TRACR) -> None:
    """Raises one EncodingError naming every s-op whose values on `input` break an encoding rule."""
    problems = encoding_problems(root, input, dialect=dialect)
    if problems:
        lines = [f"{len(problems)} s-op(s) break tracr's encoding rules on input {input!r}:"]
        lines += [f"  {where_defined(node)}: {'; '.join(found)}" for node, found in problems.items()]
        raise EncodingError("\n".join(lines))
