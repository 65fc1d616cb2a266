"""Provides Post m-tag systems with TMBench's semantics, their queue configurations and productions.

A step reads the head symbol x, appends its production P(x) and deletes the first m symbols
(TMBench's `q[m:] + P[x]`; appending first or deleting first give the same word whenever a step
is taken). A queue halts when it is shorter than m, when its head is a halt symbol, or when its
head has no production (TMBench's code halts there too).

Words render canonically (see `render_word`): as the plain string when every symbol is one
character (`aaa`, as TMBench prompts write queues), else as `[A_1 x B_1]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from machines.core import Outcome
from machines.errors import InvalidInputError, InvalidMachineError, MachineSyntaxError, Span

Word = tuple[str, ...]

_NOT_IN_SYMBOL = re.compile(r"[\s\[\]]")  # \s is exactly what str.isspace accepts


def is_symbol(symbol: object) -> bool:
    """True for a valid symbol: a non-empty string without whitespace or square brackets."""
    return isinstance(symbol, str) and bool(symbol) and _NOT_IN_SYMBOL.search(symbol) is None


def render_word(word: Sequence[str]) -> str:
    """Canonical text of a word: 'abc' when every symbol is one character, else '[ab c d]'."""
    if all(len(s) == 1 for s in word):
        return "".join(word)
    return "[" + " ".join(word) + "]"


def parse_word(text: str) -> Word:
    """Reads a word: '[a bb c]' (symbols between brackets), 'a bb c' (whitespace-separated
    symbols) or 'abc' (one symbol per character). Inverse of `render_word`."""
    if _NOT_IN_SYMBOL.search(text) is None:  # the common 'abc': every character is a valid symbol
        return tuple(text)
    body = text.strip()
    if body.startswith("[") or body.endswith("]"):
        if not (body.startswith("[") and body.endswith("]")):
            column = min(i for i, ch in enumerate(text) if ch in "[]") + 1
            raise MachineSyntaxError(f"unbalanced brackets in word {text!r}", span=Span(1, column),
                                     source=text)
        symbols = tuple(body[1:-1].split())
    elif any(ch.isspace() for ch in body):
        symbols = tuple(body.split())
    else:
        symbols = tuple(body)
    for symbol in symbols:
        if not is_symbol(symbol):
            raise MachineSyntaxError(f"symbol {symbol!r} may not contain square brackets",
                                     span=Span(1, text.index(symbol) + 1), source=text)
    return symbols


@dataclass(frozen=True, slots=True)
class Production:
    """The rule that fired: the head `symbol` and the `word` appended for it."""

    symbol: str
    word: Word

    def __str__(self) -> str:
        return f"{self.symbol} -> {render_word(self.word) or 'ε'}"


@dataclass(frozen=True, slots=True)
class TagConfig:
    """A tag system's configuration: its queue, head first."""

    queue: Word

    def __post_init__(self) -> None:
        object.__setattr__(self, "queue", tuple(self.queue))

    def __len__(self) -> int:
        return len(self.queue)

    @property
    def head(self) -> str | None:
        """The first symbol, or None for the empty queue."""
        return self.queue[0] if self.queue else None

    def render(self) -> str:
        """Canonical text (`render_word`): 'abc', or '[A_1 x]' when a symbol is longer."""
        return render_word(self.queue)

    @classmethod
    def parse(cls, text: str) -> TagConfig:
        """Reads what `render` writes (see `parse_word`)."""
        return cls(parse_word(text))


def queue_of(input: str | Sequence[str], alphabet: Sequence[str]) -> TagConfig:
    """The queue holding `input` (word text as in `parse_word`, or a sequence of symbols from `alphabet`)."""
    try:
        word = parse_word(input) if isinstance(input, str) else tuple(input)
    except MachineSyntaxError as error:
        raise InvalidInputError(f"input={input!r}: {error.message}") from None
    except TypeError:
        raise InvalidInputError(f"input={input!r} is not a word (a string or a sequence of symbols)") \
            from None
    known = set(alphabet)
    unknown = [s for s in dict.fromkeys(word) if s not in known]
    if unknown:
        raise InvalidInputError(f"input symbols {unknown!r} are not in alphabet {list(alphabet)!r}")
    return TagConfig(word)


def collect_word(value: object, what: str, problems: list[str]) -> Word:
    """`value` read as a word; what is wrong with it is appended to `problems` (then it is empty)."""
    if isinstance(value, str):
        try:
            return parse_word(value)
        except MachineSyntaxError as error:
            problems.append(f"{what}: {error.message}")
            return ()
    if isinstance(value, Iterable):
        word = tuple(value)
        problems.extend(f"{what} has symbol {s!r}, which is not a non-empty string without whitespace "
                        "or square brackets" for s in word if not is_symbol(s))
        return word
    problems.append(f"{what}={value!r} is not a word (a string or a sequence of symbols)")
    return ()


@dataclass(frozen=True, slots=True)
class TagSystem:
    """A Post m-tag system: `productions` maps a head symbol to the word appended for it.

    A production may be given as a sequence of symbols or as word text (`parse_word`: 'bc' is
    ('b', 'c')). Validated at construction; every problem is reported in one InvalidMachineError.

    Example:
        >>> collatz = TagSystem(2, {"a": "bc", "b": "a", "c": "aaa"})
        >>> collatz.step(collatz.initial("aaa"))[0].render()
        'abc'
    """

    m: int
    productions: Mapping[str, Word]
    halt_symbols: frozenset[str] = frozenset()
    name: str = ""
    alphabet: Word = field(init=False, compare=False)
    """Every symbol of the system in order of first appearance: heads, production words, halts."""
    _rules: dict[str, Production] = field(init=False, compare=False, repr=False, default_factory=dict)
    """Production objects made on first use (a step hands one out without making an object per step)."""

    def __post_init__(self) -> None:
        problems: list[str] = []
        if isinstance(self.m, bool) or not isinstance(self.m, int) or self.m < 1:
            problems.append(f"m={self.m!r} must be a positive integer")
        if not isinstance(self.productions, Mapping) or not self.productions:
            raise InvalidMachineError(f"productions={self.productions!r} must be a non-empty mapping")
        table: dict[str, Word] = {}
        for symbol, word in self.productions.items():
            if not is_symbol(symbol):
                problems.append(f"production symbol {symbol!r} must be a non-empty string without "
                                "whitespace or square brackets")
            table[symbol] = collect_word(word, f"production of {symbol!r}", problems)
        halts = frozenset(self.halt_symbols) if not isinstance(self.halt_symbols, str) \
            else frozenset({self.halt_symbols})
        for h in sorted(halts, key=str):
            if not is_symbol(h):
                problems.append(f"halt symbol {h!r} must be a non-empty string without whitespace "
                                "or square brackets")
            elif h in table:
                problems.append(f"halt symbol {h!r} also has a production")
        if not isinstance(self.name, str):
            problems.append(f"name={self.name!r} must be a string")
        if problems:
            raise InvalidMachineError("; ".join(problems))
        alphabet = dict.fromkeys(table)
        for word in table.values():
            alphabet.update(dict.fromkeys(word))
        alphabet.update(dict.fromkeys(sorted(halts)))
        object.__setattr__(self, "productions", MappingProxyType(table))
        object.__setattr__(self, "halt_symbols", halts)
        object.__setattr__(self, "alphabet", tuple(alphabet))

    def __hash__(self) -> int:
        return hash((self.m, tuple(self.productions.items()), self.halt_symbols, self.name))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TagSystem):
            return NotImplemented
        return (self.m, dict(self.productions), self.halt_symbols, self.name) == \
            (other.m, dict(other.productions), other.halt_symbols, other.name)

    def initial(self, input: str | Sequence[str]) -> TagConfig:
        """The queue holding `input` (word text as in `parse_word`, or a sequence of symbols)."""
        return queue_of(input, self.alphabet)

    def classify(self, config: TagConfig) -> Outcome:
        """HALTED when the queue is shorter than m or its head is a halt symbol or has no production."""
        queue = config.queue
        if len(queue) < self.m or queue[0] not in self.productions:
            return Outcome.HALTED
        return Outcome.RUNNING

    def step(self, config: TagConfig) -> tuple[TagConfig, Production]:
        """Appends the head's production and deletes the first m symbols (config must be RUNNING)."""
        queue = config.queue
        rule = (self._rules.get(queue[0]) or self.production(queue[0])) if len(queue) >= self.m else None
        if rule is None:
            raise InvalidInputError(f"no production applies to {config.render()!r}: the system has halted")
        return TagConfig(queue[self.m:] + rule.word), rule

    def production(self, symbol: str | None) -> Production | None:
        """The rule for head `symbol`, or None where the system halts."""
        rule = self._rules.get(symbol)
        if rule is None and symbol in self.productions:
            rule = self._rules[symbol] = Production(symbol, self.productions[symbol])
        return rule
