"""Provides symbols, state names and input words of finite automata: checking, reading and rendering."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from machines.errors import (
    InvalidInputError,
    InvalidMachineError,
    MachineSyntaxError,
    Span,
    UnknownStateError,
)

EPSILON = ""
"""The symbol of an epsilon (lambda) move in an NFA's transition table."""

_BAD_STATE = re.compile(r"[\s,|]")


def check_symbol(symbol: object, what: str = "symbol") -> str:
    """Returns `symbol` if it is a non-empty string without whitespace, else raises InvalidMachineError."""
    if not isinstance(symbol, str) or not symbol or any(ch.isspace() for ch in symbol):
        raise InvalidMachineError(f"{what}={symbol!r} must be a non-empty string without whitespace")
    return symbol


def check_state(state: object, what: str = "state") -> str:
    """Returns `state` if it is a usable state name (non-empty, no whitespace, ',' or '|')."""
    if not isinstance(state, str) or not state or _BAD_STATE.search(state):
        raise InvalidMachineError(f"{what}={state!r} must be a non-empty name without whitespace, ',' or '|'")
    return state


def unique(values: Iterable[str], what: str) -> tuple[str, ...]:
    """The values as a tuple, or InvalidMachineError naming the duplicates."""
    values = tuple(values)
    if len(set(values)) != len(values):
        dups = sorted({v for v in values if values.count(v) > 1})
        raise InvalidMachineError(f"{what}={list(values)!r} has duplicates {dups!r}")
    return values


def endpoint_problems(states: Sequence[str], start: str, accepting: frozenset[str]) -> list:
    """The problems with an automaton's start and accepting states (for `raise_problems`)."""
    problems: list = []
    if start not in states:
        problems.append((UnknownStateError, f"start={start!r} is not in states {list(states)!r}"))
    for q in sorted(accepting - set(states)):
        problems.append((UnknownStateError, f"accepting state {q!r} is not in states {list(states)!r}"))
    return problems


def to_word(input: str | Sequence[str], alphabet: Sequence[str]) -> tuple[str, ...]:
    """An input as a tuple of symbols, each checked against `alphabet`.

    A string is split into characters when every symbol is one character long, else on whitespace.
    """
    if isinstance(input, str):
        single = all(len(s) == 1 for s in alphabet)
        word = tuple(input) if single else tuple(input.split())
    else:
        word = tuple(input)
    known = set(alphabet)
    for i, symbol in enumerate(word):
        if symbol not in known:
            raise InvalidInputError(f"input symbol {symbol!r} at position {i} is not in alphabet "
                                    f"{list(alphabet)!r}")
    return word


def render_word(word: Sequence[str]) -> str:
    """Symbols separated by single spaces (the form configurations and `.fsm` files use)."""
    return " ".join(word)


def fresh_name(base: str, taken: Iterable[str]) -> str:
    """`base`, or `base_1`, `base_2`, ... whichever is not in `taken`."""
    taken = set(taken)
    name, n = base, 0
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


def name_all(keys: Sequence[object], render) -> dict[object, str]:
    """Names for `keys` via `render(key)`, or s0, s1, ... if two renderings collide or one is unusable."""
    names = {key: render(key) for key in keys}
    usable = all(n and not _BAD_STATE.search(n) for n in names.values())
    ok = usable and len(set(names.values())) == len(names)
    return names if ok else {key: f"s{i}" for i, key in enumerate(keys)}


def split_config(text: str) -> tuple[str, int, tuple[str, ...]]:
    """Reads 'STATE @ POSITION | SYMBOLS' (the shared head of every automaton configuration)."""
    head, bar, rest = text.partition("|")
    parts = head.split()
    if not bar or len(parts) != 3 or parts[1] != "@" or not parts[2].isdigit():
        raise MachineSyntaxError("expected 'STATE @ POSITION | SYMBOLS'", span=Span(1, 1), source=text)
    word = tuple(rest.split())
    position = int(parts[2])
    if position > len(word):
        raise MachineSyntaxError(f"position {position} is past the end of the {len(word)}-symbol input",
                                 span=Span(1, head.index(parts[2]) + 1), source=text)
    return parts[0], position, word
