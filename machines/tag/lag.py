"""Provides Wang's lag systems: the first `width` symbols select a rule, its word is appended and
the first symbol alone is deleted.

As in Wang (1963) and Schuurmans (2024): a queue halts when it is shorter than the window, when
its head is a halt symbol, or when no rule matches its window. Configurations are the same queue
values as tag systems' (`TagConfig`), so the codecs and pictures are shared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from machines.core import Outcome
from machines.errors import InvalidInputError, InvalidMachineError
from machines.tag.tag import TagConfig, Word, collect_word, is_symbol, queue_of, render_word


@dataclass(frozen=True, slots=True)
class LagRule:
    """The rule that fired: the `window` it matched and the `word` it appended."""

    window: Word
    word: Word

    def __str__(self) -> str:
        return f"{render_word(self.window)} -> {render_word(self.word) or 'ε'}"


@dataclass(frozen=True, slots=True)
class LagSystem:
    """A lag system of window `width` (N >= 1): `rules` maps an N-symbol window to the appended word.

    Windows and words may be sequences of symbols or word text ('ab' is ('a', 'b')).

    Example:
        >>> lag = LagSystem(2, {"ab": "b", "ba": "ab", "bb": ""})
        >>> lag.step(lag.initial("ab"))[0].render()
        'bb'
    """

    width: int
    rules: Mapping[Word, Word]
    halt_symbols: frozenset[str] = frozenset()
    name: str = ""
    alphabet: Word = field(init=False, compare=False)
    """Every symbol in order of first appearance: windows, rule words, halt symbols."""

    def __post_init__(self) -> None:
        problems: list[str] = []
        width = self.width
        if isinstance(width, bool) or not isinstance(width, int) or width < 1:
            raise InvalidMachineError(f"width={width!r} must be a positive integer")
        if not isinstance(self.rules, Mapping) or not self.rules:
            raise InvalidMachineError(f"rules={self.rules!r} must be a non-empty mapping")
        table: dict[Word, Word] = {}
        for key, value in self.rules.items():
            window = collect_word(key, f"window {key!r}", problems)
            if len(window) != width:
                problems.append(f"window {render_word(window)!r} has {len(window)} symbols, "
                                f"not width={width}")
            if window in table:
                problems.append(f"window {render_word(window)!r} has two rules")
            table[window] = collect_word(value, f"rule word for {render_word(window)!r}", problems)
        halts = frozenset({self.halt_symbols} if isinstance(self.halt_symbols, str) else self.halt_symbols)
        for h in sorted(halts, key=str):
            if not is_symbol(h):
                problems.append(f"halt symbol {h!r} must be a non-empty string without whitespace or "
                                "square brackets")
        if problems:
            raise InvalidMachineError("; ".join(problems))
        alphabet: dict[str, None] = {}
        for window, word in table.items():
            alphabet.update(dict.fromkeys(window))
            alphabet.update(dict.fromkeys(word))
        alphabet.update(dict.fromkeys(sorted(halts)))
        object.__setattr__(self, "rules", MappingProxyType(table))
        object.__setattr__(self, "halt_symbols", halts)
        object.__setattr__(self, "alphabet", tuple(alphabet))

    def __hash__(self) -> int:
        return hash((self.width, tuple(self.rules.items()), self.halt_symbols, self.name))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LagSystem):
            return NotImplemented
        return (self.width, dict(self.rules), self.halt_symbols, self.name) == \
            (other.width, dict(other.rules), other.halt_symbols, other.name)

    def initial(self, input: str | Sequence[str]) -> TagConfig:
        """The queue holding `input` (word text as in `parse_word`, or a sequence of symbols)."""
        return queue_of(input, self.alphabet)

    def rule_for(self, config: TagConfig) -> LagRule | None:
        """The rule that applies to `config`, or None where the system halts."""
        queue = config.queue
        if len(queue) < self.width or queue[0] in self.halt_symbols:
            return None
        window = queue[: self.width]
        word = self.rules.get(window)
        return None if word is None else LagRule(window, word)

    def classify(self, config: TagConfig) -> Outcome:
        """HALTED when the queue is shorter than the window, starts with a halt symbol or matches no rule."""
        return Outcome.HALTED if self.rule_for(config) is None else Outcome.RUNNING

    def step(self, config: TagConfig) -> tuple[TagConfig, LagRule]:
        """Appends the matching rule's word and deletes the first symbol (config must be RUNNING)."""
        rule = self.rule_for(config)
        if rule is None:
            raise InvalidInputError(f"no rule applies to {config.render()!r}: the system has halted")
        return TagConfig(config.queue[1:] + rule.word), rule
