"""Provides the error taxonomy of a wrong step and the edit distance behind partial credit.

A wrong state is compared with the gold state as symbol sequences (queues: one symbol per character
or bracketed words; other states: whitespace tokens): dropped, inserted, substituted or swapped
symbols; for queue machines a wrong rule or deletion count (recognised from the previous gold state);
for Turing-machine configurations a wrong state or head with the right tape.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from machines.errors import MachineSyntaxError
from machines.tag.tag import parse_word
from machines.turing.machine import TMConfig

KINDS = ("missing", "cut_off", "dropped", "inserted", "substituted", "swapped", "wrong_rule",
         "wrong_deletion", "state", "head", "mixed")
"""Every error kind, in report order."""


def tokens(state: str) -> tuple[str, ...]:
    """The symbols of a state: queue words as `parse_word` reads them, else whitespace tokens."""
    if " " not in state and "[" not in state:
        return tuple(state)  # one character per symbol, the common case
    if state.startswith("["):
        try:
            return parse_word(state)
        except MachineSyntaxError:
            pass
    return tuple(state.split())


def levenshtein(a: Sequence[str], b: Sequence[str]) -> int:
    """The edit distance of two symbol sequences (rapidfuzz's C++ implementation)."""
    return Levenshtein.distance(a, b)


def similarity(predicted: str | None, gold: str) -> float:
    """1 - normalised edit distance of the symbol sequences (1.0 equal, 0.0 missing or disjoint)."""
    if predicted is None:
        return 0.0
    if predicted == gold:
        return 1.0
    a, b = tokens(predicted), tokens(gold)
    return 1.0 - levenshtein(a, b) / max(len(a), len(b), 1)


def classify(predicted: str | None, gold: str, alternatives: dict[str, str] | None = None,
             cut_off: bool = False) -> str:
    """The kind (one of KINDS) of a wrong step; `alternatives` maps the states that a wrong rule or
    deletion count would give to that kind; `cut_off` says the answer hit the token limit."""
    if predicted is None:
        return "cut_off" if cut_off else "missing"
    if alternatives and predicted in alternatives:
        return alternatives[predicted]
    if "|" in gold:
        kind = _configuration_error(predicted, gold)
        if kind:
            return kind
    p, g = tokens(predicted), tokens(gold)
    if len(p) == len(g):
        wrong = [i for i in range(len(p)) if p[i] != g[i]]
        if len(wrong) == 2 and wrong[1] == wrong[0] + 1 and p[wrong[0]] == g[wrong[1]] \
                and p[wrong[1]] == g[wrong[0]]:
            return "swapped"
        return "substituted"
    distance = levenshtein(p, g)
    if len(p) < len(g) and distance == len(g) - len(p):
        return "dropped"
    if len(p) > len(g) and distance == len(p) - len(g):
        return "inserted"
    return "mixed"


def _configuration_error(predicted: str, gold: str) -> str | None:
    try:
        p, g = TMConfig.parse(predicted), TMConfig.parse(gold)
    except MachineSyntaxError:
        return None
    if p.state != g.state and p.tapes == g.tapes:
        return "state"
    if [(t.cells, t.start) for t in p.tapes] == [(t.cells, t.start) for t in g.tapes]:
        return "head"
    return None
