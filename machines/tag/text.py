"""Provides the `.tag` and `.lag` text formats: settings, then one rule per line.

    # De Mol's Collatz 2-tag system          (a line starting with '#' is a comment)
    name: de_mol_collatz
    m: 2                                     (`.lag` files say `width: N` instead)
    halt: H                                  (optional: halt symbols, as a word)
    input: aaa                               (optional: the start word)
    a -> bc                                  (`.lag`: WINDOW -> WORD, e.g. `ab -> c`)
    c -> aaa

Words are written as `render_word` writes them: `abc` for one-character symbols, `[A.1 x]`
otherwise; an empty production is `a ->`. A left side that starts with `#` is bracketed
(`[#] -> $`) so that it is not a comment. Every mistake is one MachineSyntaxError pointing at
its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from machines.errors import ConversionError, InvalidMachineError, MachineSyntaxError, Span
from machines.formats import Loaded
from machines.tag.lag import LagSystem
from machines.tag.tag import TagSystem, Word, parse_word, render_word

_RULE = re.compile(r"^(\s*)(\S.*?)\s*->(\s*)(.*?)\s*$")
_SETTING = re.compile(r"^(\s*)([A-Za-z_]+)\s*:(\s*)(.*?)\s*$")  # groups 2 and 4: key and value


@dataclass
class _Source:
    """A file being read: its settings and rules, each with where it was written."""

    text: str
    size_key: str
    settings: dict[str, tuple[str, Span]] = field(default_factory=dict)
    rules: list[tuple[Word, Word, Span]] = field(default_factory=list)

    def error(self, message: str, span: Span) -> MachineSyntaxError:
        return MachineSyntaxError(message, span=span, source=self.text)

    def word(self, text: str, line: int, column: int) -> Word:
        try:
            return parse_word(text)
        except MachineSyntaxError as error:
            offset = error.span.column - 1 if error.span else 0
            raise self.error(error.message, Span(line, column + offset)) from None

    def read(self) -> _Source:
        keys = (self.size_key, "halt", "input", "name")
        for number, line in enumerate(self.text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rule = _RULE.match(line)
            if rule:
                span = Span(number, rule.start(2) + 1, number, rule.end(2) + 1)
                self.rules.append((self.word(rule[2], number, rule.start(2) + 1),
                                   self.word(rule[4], number, rule.start(4) + 1), span))
                continue
            setting = _SETTING.match(line)
            if not setting:
                column = len(line) - len(line.lstrip()) + 1
                raise self.error(f"expected a rule 'LEFT -> WORD' or a setting ({', '.join(keys)}: ...)",
                                 Span(number, column, number, len(line.rstrip()) + 1))
            key, value = setting[2], setting[4]
            key_span = Span(number, setting.start(2) + 1, number, setting.end(2) + 1)
            if key not in keys:
                raise self.error(f"unknown setting {key!r} (expected one of {', '.join(keys)})", key_span)
            if key in self.settings:
                raise self.error(f"setting {key!r} is given twice (first on line "
                                 f"{self.settings[key][1].line})", key_span)
            start = setting.start(4) + 1
            self.settings[key] = (value, Span(number, start, number, start + max(1, len(value))))
        return self

    def size(self) -> int:
        if self.size_key not in self.settings:
            raise self.error(f"missing the setting '{self.size_key}: N'", Span(1, 1))
        value, span = self.settings[self.size_key]
        if not value.isdigit() or int(value) < 1:
            raise self.error(f"{self.size_key}={value!r} must be a positive integer", span)
        return int(value)

    def optional_word(self, key: str) -> Word | None:
        if key not in self.settings:
            return None
        value, span = self.settings[key]
        return self.word(value, span.line, span.column)

    def finish(self, machine: TagSystem | LagSystem) -> Loaded:
        start = self.optional_word("input")
        if start is not None:
            unknown = [s for s in start if s not in set(machine.alphabet)]
            if unknown:
                raise self.error(f"input symbols {sorted(set(unknown))!r} are not in the alphabet "
                                 f"{list(machine.alphabet)!r}", self.settings["input"][1])
        return Loaded(machine, start, metadata={"name": machine.name})

    def build(self, make, rules_span: Span):
        try:
            return make()
        except InvalidMachineError as error:
            raise self.error(str(error), rules_span) from None


def load_tag(text: str) -> Loaded:
    """Reads a `.tag` file into a TagSystem (and its start word, if the file names one)."""
    source = _Source(text, "m").read()
    m = source.size()
    productions: dict[str, Word] = {}
    halts = set(source.optional_word("halt") or ())
    for left, word, span in source.rules:
        if len(left) != 1:
            raise source.error(f"the left side of a tag production is one symbol, not "
                               f"{render_word(left)!r}", span)
        if left[0] in productions:
            raise source.error(f"symbol {left[0]!r} has two productions", span)
        if left[0] in halts:
            raise source.error(f"halt symbol {left[0]!r} has a production", span)
        productions[left[0]] = word
    if not productions:
        raise source.error("no productions ('SYMBOL -> WORD' lines)", Span(1, 1))
    name = source.settings.get("name", ("", None))[0]
    system = source.build(lambda: TagSystem(m, productions, frozenset(halts), name), source.rules[0][2])
    return source.finish(system)


def load_lag(text: str) -> Loaded:
    """Reads a `.lag` file into a LagSystem (and its start word, if the file names one)."""
    source = _Source(text, "width").read()
    width = source.size()
    rules: dict[Word, Word] = {}
    for window, word, span in source.rules:
        if len(window) != width:
            raise source.error(f"window {render_word(window)!r} has {len(window)} symbols, "
                               f"not width={width}", span)
        if window in rules:
            raise source.error(f"window {render_word(window)!r} has two rules", span)
        rules[window] = word
    if not rules:
        raise source.error("no rules ('WINDOW -> WORD' lines)", Span(1, 1))
    halts = frozenset(source.optional_word("halt") or ())
    name = source.settings.get("name", ("", None))[0]
    system = source.build(lambda: LagSystem(width, rules, halts, name), source.rules[0][2])
    return source.finish(system)


def _header(name: str, size: str, halts: frozenset[str], input: Word | None) -> list[str]:
    if "->" in name or "\n" in name or name != name.strip():
        raise ConversionError(f"name={name!r} cannot be written on a setting line")
    lines = [f"name: {name}"] if name else []
    lines.append(size)
    if halts:
        lines.append(f"halt: {render_word(sorted(halts))}")
    if input is not None:
        lines.append(f"input: {render_word(input)}".rstrip())
    return lines


def _rule(left: Word, word: Word) -> str:
    text = render_word(left)
    if text.startswith("#"):
        text = "[" + " ".join(left) + "]"
    return f"{text} -> {render_word(word)}".rstrip()


def dump_tag(system: TagSystem, *, input: Word | None = None) -> str:
    """The `.tag` text of a tag system and its start word (what `load_tag` reads back)."""
    lines = _header(system.name, f"m: {system.m}", system.halt_symbols, input)
    lines += [_rule((s,), word) for s, word in system.productions.items()]
    return "\n".join(lines) + "\n"


def dump_lag(system: LagSystem, *, input: Word | None = None) -> str:
    """The `.lag` text of a lag system and its start word (what `load_lag` reads back)."""
    lines = _header(system.name, f"width: {system.width}", system.halt_symbols, input)
    lines += [_rule(window, word) for window, word in system.rules.items()]
    return "\n".join(lines) + "\n"


def is_tag_text(text: str) -> bool:
    """Sniffs a `.tag` file: an 'm: N' setting and a rule line."""
    return bool(re.search(r"^\s*m\s*:\s*\d+\s*$", text, re.M)) and "->" in text


def is_lag_text(text: str) -> bool:
    """Sniffs a `.lag` file: a 'width: N' setting and a rule line."""
    return bool(re.search(r"^\s*width\s*:\s*\d+\s*$", text, re.M)) and "->" in text
