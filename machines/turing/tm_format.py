"""Provides turingbox's readable `.tm` format (grammar in tm.lark): load with located errors, and dump."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from importlib import resources

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput

from machines.errors import InvalidMachineError, MachineSyntaxError, Span
from machines.formats import Loaded
from machines.turing.errors import (
    ConflictingRulesError,
    InputSymbolError,
    UndefinedStateError,
    UndefinedSymbolError,
)
from machines.turing.machine import Move, Rule, TuringMachine

SETTINGS = ("name", "tapes", "blank", "start", "halt", "states", "alphabet", "input")
MOVES = {m.name: m for m in Move}
BREAKPOINT = "!"
TAPE_SEPARATOR = "|"

# Grammar-level mistakes and the message each gets: lark matches a failing text against these
# examples (its parser state at the error), so every message here is tested in a loop.
MISTAKES: dict[str, list[str]] = {
    "a rule needs '->' between the state and symbols it reads and what it does: "
    "STATE READ -> WRITE MOVE NEXT": ["A 0 1 R B\n", "A 0\n", "A\n", "A 0 1 R B",
                                      "A 0 -> 1 R A\nB\n", "A 0 -> 1 R A\nB 0 1 L A\n"],
    "nothing after '->': a rule continues with WRITE MOVE NEXT": ["A 0 ->\n", "A 0 ->"],
    "a rule names the symbol it reads before '->': STATE READ -> WRITE MOVE NEXT": ["A -> 1 R B\n"],
    "a rule starts with its state, not '->'": ["-> 1 R B\n"],
    "a rule has one '->'": ["A 0 -> -> R B\n", "A 0 -> 1 R B -> C\n"],
    "a word ending in ':' starts a setting on its own line; quote a symbol or state that ends in ':'":
        ["A a: -> 1 R B\n", "A 0 -> b: R B\n"],
}


_TRAILING_COMMENT = re.compile(r"#[^'\"]*$")
_TERMINALS = {"WORD": "a symbol or state", "QUOTED": "a symbol or state", "ARROW": "'->'",
              "KEY": "a setting", "_NL": "end of line", "$END": "end of file"}


@functools.cache
def parser() -> Lark:
    """The LALR parser of tm.lark (built once)."""
    grammar = resources.files("machines.turing").joinpath("tm.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", propagate_positions=True)


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    span: Span
    quoted: bool = False


@dataclass(slots=True)
class _Problems:
    """Collects semantic problems, then raises them once (the first decides the class and place)."""

    source: str
    found: list[tuple[Span, type[MachineSyntaxError], str]]

    def add(self, span: Span, message: str, kind: type[MachineSyntaxError] = MachineSyntaxError) -> None:
        self.found.append((span, kind, message))

    def raise_if_any(self) -> None:
        if not self.found:
            return
        self.found.sort(key=lambda p: (p[0].line, p[0].column))
        span, kind, message = self.found[0]
        if len(self.found) > 1:
            message += "; also " + "; ".join(f"line {s.line}:{s.column}: {m}" for s, _, m in self.found[1:])
        raise kind(message, span=span, source=self.source)


def _word(item: Token | Tree) -> _Word:
    token = item.children[0] if isinstance(item, Tree) else item
    text = token.value
    if token.type == "QUOTED":
        text = text[1:-1]
    if token.type == "KEY":
        text = text.rstrip(": \t")
    span = Span(token.line, token.column, token.end_line, token.end_column)
    return _Word(text, span, token.type == "QUOTED")


def _syntax_error(error: UnexpectedInput, text: str) -> MachineSyntaxError:
    if isinstance(error, UnexpectedCharacters):
        char = text[error.pos_in_stream] if error.pos_in_stream < len(text) else ""
        label = ("a quoted symbol needs its closing quote and no spaces inside" if char in "'\""
                 else f"unexpected character {char!r}")
    else:
        label = error.match_examples(parser().parse, MISTAKES, use_accepts=True)
    if label is None:
        token = getattr(error, "token", None)
        found = _TERMINALS.get(getattr(token, "type", "$END"), repr(str(token)))
        expected = sorted({_TERMINALS.get(name, name) for name in getattr(error, "expected", ())})
        label = f"unexpected {found}" + (f"; expected {' or '.join(expected)}" if expected else "")
    line, column = max(error.line, 1), max(error.column, 1)
    if getattr(getattr(error, "token", None), "type", None) in ("_NL", "$END"):
        # Point just after the line's last word, not after a trailing comment.
        before = text.splitlines()[line - 1][:column - 1] if line <= len(text.splitlines()) else ""
        column = len(_TRAILING_COMMENT.sub("", before).rstrip()) + 1
    return MachineSyntaxError(label, span=Span(line, column), source=text)


def load(text: str) -> Loaded:
    """Reads a `.tm` file; every mistake raises a MachineSyntaxError (or subclass) with its place."""
    try:
        tree = parser().parse(text)
    except UnexpectedInput as error:
        raise _syntax_error(error, text) from None
    problems = _Problems(text, [])
    settings: dict[str, tuple[_Word, list[_Word]]] = {}
    rules: list[tuple[_Word, list[_Word], list[_Word], _Word]] = []
    for item in tree.children:
        if item.data == "setting":
            key, *values = (_word(c) for c in item.children)
            if key.text not in SETTINGS:
                close = difflib.get_close_matches(key.text, SETTINGS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else f"; settings are {', '.join(SETTINGS)}"
                problems.add(key.span, f"unknown setting {key.text!r}{hint}")
            elif key.text in settings:
                problems.add(key.span, f"setting {key.text!r} is given twice "
                                       f"(first on line {settings[key.text][0].span.line})")
            else:
                settings[key.text] = (key, values)
        else:
            words = [_word(c) for c in item.children]
            arrow = next(i for i, c in enumerate(item.children) if isinstance(c, Token) and c.type == "ARROW")
            rules.append((words[0], words[1:arrow], words[arrow + 1:], words[arrow]))
    problems.raise_if_any()
    return _build(text, settings, rules, problems)


def _one(settings: dict, name: str, problems: _Problems) -> _Word | None:
    if name not in settings:
        return None
    key, values = settings[name]
    if len(values) != 1:
        problems.add(key.span, f"setting {name!r} takes one value, found {len(values)}")
        return None
    return values[0]


def _build(text: str, settings: dict, rules: list, problems: _Problems) -> Loaded:
    tapes = 1
    tapes_word = _one(settings, "tapes", problems)
    if tapes_word is not None:
        if tapes_word.text.isdigit() and int(tapes_word.text) >= 1:
            tapes = int(tapes_word.text)
        else:
            problems.add(tapes_word.span, f"tapes={tapes_word.text!r} must be a positive integer")
    blank_word = _one(settings, "blank", problems)
    blank = blank_word.text if blank_word else "_"
    start_word = _one(settings, "start", problems)
    name = " ".join(w.text for w in settings.get("name", (None, []))[1])
    halts = {w.text: w for w in settings.get("halt", (None, []))[1]}
    declared_states = {w.text: w for w in settings["states"][1]} if "states" in settings else None
    declared_symbols = {w.text: w for w in settings["alphabet"][1]} if "alphabet" in settings else None

    built: list[Rule] = []
    seen: dict[tuple[str, tuple[str, ...]], _Word] = {}
    states: dict[str, None] = {}
    symbols: dict[str, None] = {blank: None}
    targets: list[_Word] = []
    used_symbols: list[_Word] = []
    for state, reads, actions, arrow in rules:
        if len(reads) != tapes:
            problems.add(state.span, f"rule reads {len(reads)} symbol(s) but the machine has {tapes} "
                                     f"tape(s): STATE {' '.join(['READ'] * tapes)} -> ...")
            continue
        breakpoint = len(actions) == 2 * tapes + 2 and actions[-1].text == BREAKPOINT
        if breakpoint:
            actions = actions[:-1]
        if len(actions) != 2 * tapes + 1:
            where = actions[0].span if actions else arrow.span
            problems.add(where, f"after '->' a rule for {tapes} tape(s) needs {tapes} symbol(s) to write, "
                                f"{tapes} move(s) and the next state, found {len(actions)} item(s)")
            continue
        writes, moves, target = actions[:tapes], actions[tapes:2 * tapes], actions[-1]
        bad_moves = [m for m in moves if m.text.upper() not in MOVES]
        for m in bad_moves:
            problems.add(m.span, f"move {m.text!r} is not L, R or S")
        if bad_moves:
            continue
        key = (state.text, tuple(r.text for r in reads))
        if key in seen:
            problems.add(state.span, f"a second rule for state {state.text!r} reading "
                                     f"{' '.join(key[1])!r} (the first is on line {seen[key].span.line})",
                         ConflictingRulesError)
            continue
        seen[key] = state
        if state.text in halts:
            problems.add(state.span, f"halt state {state.text!r} cannot have rules")
        states.update({state.text: None})
        targets.append(target)
        for w in (*reads, *writes):
            symbols.update({w.text: None})
            used_symbols.append(w)
        built.append(Rule(state.text, key[1], tuple(w.text for w in writes),
                          tuple(MOVES[m.text.upper()] for m in moves), target.text, breakpoint))

    start = start_word.text if start_word else (rules[0][0].text if rules else None)
    if start is None:
        problems.add(Span(1, 1), "no rules and no 'start:' setting: the machine does nothing")
        problems.raise_if_any()
    named = [*([start_word] if start_word else []), *halts.values(), *targets]
    if declared_states is not None:
        for w in [*named, *(r[0] for r in rules)]:
            if w.text not in declared_states:
                problems.add(w.span, f"state {w.text!r} is not in 'states:'", UndefinedStateError)
        all_states = list(declared_states)
    else:
        defined = set(states) | set(halts)
        for w in named:
            if w.text not in defined:
                problems.add(w.span, f"state {w.text!r} has no rules and is not a halt state "
                                     "(list it under 'halt:' or 'states:')", UndefinedStateError)
        all_states = list({start: None, **states, **{t.text: None for t in targets}, **halts})
    if declared_symbols is not None:
        for w in [*([blank_word] if blank_word else []), *used_symbols]:
            if w.text not in declared_symbols:
                problems.add(w.span, f"symbol {w.text!r} is not in 'alphabet:'", UndefinedSymbolError)
        if blank not in declared_symbols and blank_word is None:
            problems.add(settings["alphabet"][0].span, f"the blank {blank!r} is not in 'alphabet:'",
                         UndefinedSymbolError)
        alphabet = list(declared_symbols)
    else:
        alphabet = list(symbols)
    input = _input(settings, tapes, set(alphabet), problems)
    problems.raise_if_any()
    try:
        machine = TuringMachine(tuple(all_states), tuple(alphabet), blank, start, frozenset(halts),
                                tuple(built), tapes=tapes, name=name)
    except InvalidMachineError as error:
        raise MachineSyntaxError(str(error), span=Span(1, 1), source=text) from None
    return Loaded(machine, input)


def _input(settings: dict, tapes: int, alphabet: set[str], problems: _Problems):
    if "input" not in settings:
        return None
    key, values = settings["input"]
    groups: list[list[_Word]] = [[]]
    for w in values:
        if tapes > 1 and w.text == TAPE_SEPARATOR and not w.quoted:
            groups.append([])
        else:
            groups[-1].append(w)
    if len(groups) > tapes:
        problems.add(key.span, f"input gives {len(groups)} tape contents to a {tapes}-tape machine")
    contents = []
    for group in groups:
        cells = list(group[0].text) if len(group) == 1 else [w.text for w in group]
        for w in group:
            bad = [c for c in (list(w.text) if len(group) == 1 else [w.text]) if c not in alphabet]
            if bad:
                problems.add(w.span, f"input symbol {bad[0]!r} is not in the alphabet {sorted(alphabet)}",
                             InputSymbolError)
        contents.append(tuple(cells) if len(group) > 1 else "".join(cells))
    return contents[0] if tapes == 1 else tuple(contents)


_RULE_LINE = re.compile(r"^[ \t]*[^#\s]+([ \t]+[^#\s]+)+[ \t]+->[ \t]", re.MULTILINE)


def sniff(text: str) -> bool:
    """True if some line looks like a `.tm` rule (`STATE READ -> ...`)."""
    return _RULE_LINE.search(text) is not None


_KEY_LIKE = re.compile(r"[A-Za-z][A-Za-z_-]*[ \t]*:$")


def _quote(word: str) -> str:
    plain = not (word[0] in "'\"" or "#" in word or word == "->" or _KEY_LIKE.match(word))
    if plain:
        return word
    for q in "'\"":
        if q not in word:
            return f"{q}{word}{q}"
    raise InvalidMachineError(f"{word!r} holds both quote characters and cannot be written in .tm")


def dump(machine: TuringMachine, input: object = None) -> str:
    """The machine as `.tm` text; loading it gives back an equal machine (and the input)."""
    lines = []
    if machine.name:
        lines.append("name: " + " ".join(_quote(w) for w in machine.name.split()))
    if machine.tapes != 1:
        lines.append(f"tapes: {machine.tapes}")
    lines += [f"blank: {_quote(machine.blank)}", f"start: {_quote(machine.start)}"]
    halts = [s for s in machine.states if s in machine.halt_states]
    if halts:
        lines.append("halt: " + " ".join(map(_quote, halts)))
    lines.append("states: " + " ".join(map(_quote, machine.states)))
    lines.append("alphabet: " + " ".join(map(_quote, machine.alphabet)))
    if input:
        contents = [input] if machine.tapes == 1 else list(input)
        lines.append("input: " + f" {TAPE_SEPARATOR} ".join(_content(c) for c in contents))
    lines.append("")
    for r in machine.rules:
        text = " ".join([*map(_quote, (r.state, *r.read)), "->", *map(_quote, r.write),
                         *(m.name for m in r.moves), _quote(r.next_state)])
        lines.append(text + (f" {BREAKPOINT}" if r.breakpoint else ""))
    return "\n".join(lines) + "\n"


def _content(content) -> str:
    cells = list(content)
    if len(cells) == 1 and cells[0] == TAPE_SEPARATOR:
        return f"'{TAPE_SEPARATOR}'"
    if all(len(c) == 1 for c in cells):
        return _quote("".join(cells)) if cells else ""
    return " ".join(map(_quote, cells))
