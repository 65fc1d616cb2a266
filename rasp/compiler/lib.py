"""Provides tracr's library programs (`tracr/compiler/lib.py`) in our embedding, for tests and benchmarks.

They keep tracr's structure and names; tracr's custom select predicates become comparisons on a
mapped s-op (`shift_by`, `count`, `count_less_freq`), and `&`, `|`, `~`, `==` on s-ops become Maps.
Evaluate them under the TRACR dialect (None defaults). `LIBRARY` lists each with the vocabulary
tracr's measurements used (reference §4.6).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rasp.embedding import (
    Aggregate,
    Map,
    Select,
    SelectorWidth,
    SequenceMap,
    indices,
    numerical,
    tokens,
)
from rasp.sops import Comparison, SOp, Tokens


def make_length() -> SOp:
    """The length, as a selector width of an all-true select (tracr's make_length)."""
    return SelectorWidth(Select(tokens, tokens, Comparison.TRUE), name="length")


def make_reverse(sop: SOp) -> SOp:
    """`sop` reversed: position i reads position length - i - 1."""
    opp_idx = SequenceMap(lambda n, i: n - i, make_length(), indices, name="opp_idx")
    opp_idx = Map(lambda x: x - 1, opp_idx, name="opp_idx-1")
    return Aggregate(Select(indices, opp_idx, Comparison.EQ, name="reverse_selector"), sop, name="reverse")


def make_hist() -> SOp:
    """How often each token occurs."""
    return SelectorWidth(Select(tokens, tokens, Comparison.EQ, name="same_tok"), name="hist")


def make_sort_unique(vals: SOp, keys: SOp) -> SOp:
    """`vals` sorted by `keys`, which must be unique."""
    smaller = Select(keys, keys, Comparison.LT, name="smaller")
    target_pos = SelectorWidth(smaller, name="target_pos")
    return Aggregate(Select(target_pos, indices, Comparison.EQ, name="sel_new"), vals, name="sort")


def make_sort(vals: SOp, keys: SOp, *, max_seq_len: int, min_key: float) -> SOp:
    """`vals` sorted by `keys`, made unique by adding min_key * i / max_seq_len."""
    unique = SequenceMap(lambda x, i: x + min_key * i / max_seq_len, keys, indices, name="keys")
    return make_sort_unique(vals, unique)


def make_sort_freq(max_seq_len: int) -> SOp:
    """The tokens sorted by descending frequency."""
    hist = Map(lambda x: -1 * x, make_hist(), name="neg_hist")
    return make_sort(tokens, hist, max_seq_len=max_seq_len, min_key=1).renamed("sort_freq")


def make_frac_prevs(bools: SOp) -> SOp:
    """The fraction of positions up to each one where `bools` holds."""
    prevs = Select(indices, indices, Comparison.LEQ, name="prevs")
    return numerical(Aggregate(prevs, numerical(bools), default=0, name="frac_prevs"))


def make_pair_balance(sop: SOp, open_token: str, close_token: str) -> SOp:
    """Fraction of openers minus fraction of closers up to each position."""
    opens = make_frac_prevs(Map(lambda x: x == open_token, sop, name=f"is_{open_token}")).renamed("opens")
    closes = make_frac_prevs(Map(lambda x: x == close_token, sop, name=f"is_{close_token}")).renamed("closes")
    return numerical(
        SequenceMap(lambda a, b: a - b, opens, closes, name=f"balance_{open_token}{close_token}")
    )


def make_shuffle_dyck(pairs: list[str]) -> SOp:
    """1 where the whole input is a balanced shuffle of the bracket pairs, else 0."""
    balances = [make_pair_balance(tokens, p[0], p[1]) for p in pairs]
    any_negative = Map(lambda b: b < 0, balances[0], name="any_negative")
    for balance in balances[1:]:
        any_negative = SequenceMap(lambda a, b: a or b < 0, any_negative, balance, name="any_negative")
    any_negative = numerical(Map(lambda x: x, any_negative, name="any_negative_num"))
    select_all = Select(indices, indices, Comparison.TRUE, name="select_all")
    has_neg = numerical(Aggregate(select_all, any_negative, default=0, name="has_neg"))
    all_zero = Map(lambda b: b == 0, balances[0], name="all_zero")
    for balance in balances[1:]:
        all_zero = SequenceMap(lambda a, b: a and b == 0, all_zero, balance, name="all_zero")
    last = Map(lambda n: n - 1, make_length(), name="last")
    last_zero = Aggregate(
        Select(indices, last, Comparison.EQ, name="select_last"), all_zero, name="last_zero"
    )
    not_has_neg = Map(lambda x: not x, has_neg, name="not_has_neg")
    return SequenceMap(lambda a, b: a and b, last_zero, not_has_neg, name="shuffle_dyck")


def shift_by(offset: int, sop: SOp) -> SOp:
    """`sop` shifted right by `offset` (None where nothing is shifted in)."""
    source = Map(lambda i: i - offset, indices, name=f"indices-{offset}")
    return Aggregate(Select(indices, source, Comparison.EQ), sop, default=None, name=f"shift_by({offset})")


def detect_pattern(sop: SOp, pattern: str) -> SOp:
    """True where `pattern` ends at this position."""
    detectors = []
    for i, element in enumerate(reversed(pattern)):
        detector = Map(lambda x, e=element: x == e, sop, name=f"is_{element}")
        detectors.append(shift_by(i, detector) if i else detector)
    detected = detectors.pop()
    while detectors:
        detected = SequenceMap(
            lambda a, b: a and b if None not in (a, b) else None, detected, detectors.pop(), name="detect"
        )
    return detected.renamed(f"detect_pattern({pattern})")


def make_count_less_freq(n: int) -> SOp:
    """How many tokens occur at most n times."""
    rare = Map(lambda h: h <= n, make_hist(), name="rare")
    return SelectorWidth(Select(rare, True, Comparison.EQ), name="count_less_freq")


def make_count(sop: SOp, token: str) -> SOp:
    """How often `token` occurs."""
    hit = Map(lambda x: x == token, sop, name=f"is_{token}")
    return SelectorWidth(Select(hit, True, Comparison.EQ), name=f"count_{token}")


def make_nary_sequencemap(f: Callable, *sops: SOp) -> SOp:
    """`f` applied elementwise to several s-ops (tracr chains pairs; we map once)."""
    from rasp.sops import Map as MapNode

    return MapNode(f, tuple(sops), op="nary_sequencemap", name="nary_sequencemap")


def make_sum(selector, sop: SOp) -> SOp:
    """The sum of `sop` over the selected keys: the mean times the selector's width (0 when none)."""
    mean = numerical(Aggregate(selector, sop, default=0, name="mean"))
    width = SelectorWidth(selector, name="width")
    return numerical(SequenceMap(lambda m, w: m * w if w else 0, mean, width, name="sum"))


@dataclass(frozen=True)
class LibraryProgram:
    """A library program, the vocabulary tracr's measurements used, and a builder per max length."""

    name: str
    vocab: tuple
    build: Callable[[int], SOp]


_INT_TOKENS = Tokens("int", name="tokens")

LIBRARY: tuple[LibraryProgram, ...] = (
    LibraryProgram("length", tuple("abcd"), lambda n: make_length()),
    LibraryProgram("reverse", tuple("abcd"), lambda n: make_reverse(tokens)),
    LibraryProgram("hist", tuple("abcd"), lambda n: make_hist()),
    LibraryProgram("sort_unique", (1, 2, 3, 4), lambda n: make_sort_unique(_INT_TOKENS, _INT_TOKENS)),
    LibraryProgram(
        "sort", (1, 2, 3, 4), lambda n: make_sort(_INT_TOKENS, _INT_TOKENS, max_seq_len=n, min_key=1)
    ),
    LibraryProgram("sort_freq", tuple("abcd"), make_sort_freq),
    LibraryProgram(
        "frac_prevs", tuple("abc"), lambda n: make_frac_prevs(Map(lambda x: x == "a", tokens, name="is_a"))
    ),
    LibraryProgram("pair_balance", tuple("()a"), lambda n: make_pair_balance(tokens, "(", ")")),
    LibraryProgram("shuffle_dyck2", tuple("(){}"), lambda n: make_shuffle_dyck(["()", "{}"])),
    LibraryProgram("shuffle_dyck3", tuple("(){}[]"), lambda n: make_shuffle_dyck(["()", "{}", "[]"])),
    LibraryProgram("count_less_freq", tuple("abcd"), lambda n: make_count_less_freq(2)),
    LibraryProgram("count", tuple("abc"), lambda n: make_count(tokens, "a")),
    LibraryProgram("detect_pattern", tuple("abc"), lambda n: detect_pattern(tokens, "abc")),
    LibraryProgram("shift_by", tuple("abcd"), lambda n: shift_by(1, tokens)),
    LibraryProgram(
        "nary_sequencemap",
        (1, 2, 3),
        lambda n: make_nary_sequencemap(lambda x, y, z: x + y - z, _INT_TOKENS, _INT_TOKENS, indices),
    ),
)
