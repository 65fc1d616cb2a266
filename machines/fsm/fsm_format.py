"""Provides the readable `.fsm` text format (grammar in fsm.lark): `load`, `dump` and `sniff`.

A file names its kind (dfa, nfa, mealy, moore), then has `key: values` lines and one line per
transition, `STATE SYMBOL -> TARGET`; see fsm.lark for the whole syntax. Every error points at the
offending line and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from lark import Lark, Token, Tree, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

from machines.errors import ConversionError, InvalidMachineError, Span
from machines.formats import Loaded
from machines.fsm.dfa import DFA
from machines.fsm.errors import FsmSyntaxError
from machines.fsm.nfa import NFA
from machines.fsm.transducer import Mealy, Moore
from machines.fsm.words import EPSILON

EPSILON_WORDS = ("ε", "λ")
"""How an epsilon move's symbol is written (JFLAP calls it lambda)."""

KINDS = {"dfa": DFA, "nfa": NFA, "mealy": Mealy, "moore": Moore}

SETTING_KEYS = ("states", "alphabet", "outputs", "start", "accept", "input", "name")
MISTAKE_SETTING = f"a setting is 'key: values' with one of the keys {', '.join(SETTING_KEYS)}"

# Common mistakes and their messages, recognised by lark's match_examples and tested in a loop.
MISTAKES: dict[str, list[str]] = {
    "a file starts with the kind of machine: dfa, nfa, mealy or moore": [
        "alphabet: a\n", "DFA\n", "automaton\n", "q0 a -> q1\n", "start: q0\n"],
    "a transition reads 'STATE SYMBOL -> TARGET'": [
        "dfa\nq0 a q1\n", "dfa\nq0 -> q1\n", "dfa\nq0 a ->\n", "dfa\nq0\n", "dfa\nq0 a b c\n",
        "dfa\nq a -> q\nq0 a q1\n", "dfa\nq a -> q\nq0 -> q1\n", "dfa\nq a -> q\nq0 a ->\n",
        "dfa\nq a -> q\nq0\n"],
    MISTAKE_SETTING: ["dfa\nstate: a b\n", "dfa\nalphabet a b\n", "dfa\naccepting: q1\n", "dfa\nstart q0\n"],
    "'states:', 'alphabet:' and 'outputs:' need at least one name": [
        "dfa\nalphabet:\n", "mealy\noutputs:\n", "dfa\nstates:\n"],
    "'start:' names exactly one state": ["dfa\nstart:\n", "dfa\nstart: q0 q1\n"],
    "an output is written 'STATE SYMBOL -> TARGET / OUTPUT' (mealy) or 'STATE / OUTPUT' (moore)": [
        "mealy\nq0 a -> q1 /\n", "moore\nq0 /\n", "mealy\nq0 a -> q1 / x y\n"],
}


@cache
def _parser() -> Lark:
    grammar = resources.files("machines.fsm").joinpath("fsm.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="contextual")


def sniff(text: str) -> bool:
    """Whether `text` starts (after comments and blank lines) with an `.fsm` kind line."""
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            return line in KINDS
    return False


@dataclass
class _Spec:
    """What a file says, with the token of each item so errors can point at it."""

    text: str
    kind: Token
    name: str = ""
    settings: dict[str, tuple[Token, list[Token]]] = field(default_factory=dict)
    transitions: list[tuple[Token, Token, list[Token], Token | None]] = field(default_factory=list)
    state_outputs: list[tuple[Token, Token]] = field(default_factory=list)

    def error(self, message: str, token: Token) -> FsmSyntaxError:
        return FsmSyntaxError(message, span=Span(token.line, token.column, token.end_line, token.end_column),
                              source=self.text)


def load(text: str) -> Loaded:
    """Parses `.fsm` text into a DFA, NFA, Mealy or Moore machine (with the file's input, if any)."""
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as error:
        raise _syntax_error(text, error) from None
    spec = _read(text, tree)
    machine = _build(spec)
    word = None
    if "input" in spec.settings:
        values = spec.settings["input"][1]
        word = tuple(str(v) for v in values)
        if all(len(symbol) == 1 for symbol in machine.alphabet):
            word = "".join(word)  # reads (and prints) as the string it is
        for i, value in enumerate(values):
            if str(value) not in machine.alphabet:
                raise spec.error(f"input symbol {str(value)!r} at position {i} is not in alphabet "
                                 f"{list(machine.alphabet)!r}", value)
    return Loaded(machine, word, "fsm", {"kind": str(spec.kind)})


def _syntax_error(text: str, error: UnexpectedInput) -> FsmSyntaxError:
    lines = text.splitlines() or [""]
    line, column = getattr(error, "line", -1), getattr(error, "column", -1)
    if line in (None, -1) or line > len(lines):
        line, column = len(lines), len(lines[-1]) + 1
    message = error.match_examples(_parser().parse, MISTAKES, use_accepts=True)
    first = (lines[line - 1].split() or [""])[0]
    unknown_key = first.endswith(":") and first[:-1] not in SETTING_KEYS
    if line > 1 and (unknown_key or first in SETTING_KEYS):  # a wrong key, or a key without its colon
        message = MISTAKE_SETTING
    elif message is None:
        if isinstance(error, UnexpectedCharacters):
            message = f"unexpected character {text[error.pos_in_stream]!r}"
        elif isinstance(error, UnexpectedEOF):
            message = "unexpected end of file"
        else:
            message = f"unexpected {error.token!s}"
    return FsmSyntaxError(message, span=Span(line, column), source=text)


def _read(text: str, tree: Tree) -> _Spec:
    header, *lines = tree.children
    spec = _Spec(text, header.children[0])
    for line in lines:
        tokens = line.children
        if line.data == "name":
            spec.name = str(tokens[1]).strip()
        elif line.data == "transition":
            source, symbol, _arrow, *rest = tokens
            output = None
            if len(rest) >= 2 and rest[-2].type == "SLASH":
                output, rest = rest[-1], rest[:-2]
            spec.transitions.append((source, symbol, list(rest), output))
        elif line.data == "state_output":
            spec.state_outputs.append((tokens[0], tokens[2]))
        else:
            key = str(line.data)
            if key in spec.settings:
                raise spec.error(f"'{tokens[0]}' is given twice", tokens[0])
            spec.settings[key] = (tokens[0], list(tokens[1:]))
    return spec


def _build(spec: _Spec) -> DFA | NFA | Mealy | Moore:
    kind = str(spec.kind)
    settings = spec.settings
    for key, allowed in (("accept", ("dfa", "nfa")), ("outputs", ("mealy", "moore"))):
        if key in settings and kind not in allowed:
            raise spec.error(f"a {kind} has no '{key}:' line", settings[key][0])
    if spec.state_outputs and kind != "moore":
        raise spec.error(f"'STATE / OUTPUT' lines belong to moore machines, not to a {kind}",
                         spec.state_outputs[0][0])

    states: dict[str, None] = {}
    symbols: dict[str, None] = {}
    declared = [str(s) for s in settings["alphabet"][1]] if "alphabet" in settings else None
    for source, symbol, targets, output in spec.transitions:
        states.update(dict.fromkeys([str(source), *map(str, targets)]))
        is_epsilon = str(symbol) in EPSILON_WORDS
        if is_epsilon and kind != "nfa":
            raise spec.error(f"only an nfa has epsilon moves, this is a {kind}", symbol)
        if not is_epsilon:
            if declared is not None and str(symbol) not in declared:
                raise spec.error(f"symbol {str(symbol)!r} is not in the alphabet {declared!r}", symbol)
            symbols.setdefault(str(symbol))
        if len(targets) > 1 and kind != "nfa":
            raise spec.error(f"a {kind} moves to one state; only an nfa lists several targets", targets[1])
        if (output is None) != (kind != "mealy"):
            where = output if output is not None else targets[-1]
            raise spec.error("a mealy transition ends with '/ OUTPUT'" if kind == "mealy"
                             else f"a {kind} transition has no output", where)
    if "start_state" not in settings:
        raise spec.error("no 'start:' line names the start state", spec.kind)
    start = str(settings["start_state"][1][0])
    states = {start: None, **states}
    accepting = [str(q) for q in settings.get("accept", (None, []))[1]]
    states.update(dict.fromkeys([*accepting, *(str(q) for q, _ in spec.state_outputs)]))
    if "states" in settings:
        keyword, listed = settings["states"]
        missing = [q for q in states if q not in {str(t) for t in listed}]
        if missing:
            raise spec.error(f"state {missing[0]!r} is used but not listed in 'states:'", keyword)
        states = dict.fromkeys(str(q) for q in listed)
    alphabet = tuple(declared if declared is not None else symbols)
    try:
        return _construct(spec, kind, tuple(states), alphabet, start, accepting)
    except InvalidMachineError as error:
        raise spec.error(str(error), spec.kind) from None


def _construct(spec: _Spec, kind: str, states, alphabet, start, accepting):
    seen: dict[tuple[str, str], Token] = {}
    if kind == "nfa":
        table: dict[tuple[str, str], set[str]] = {}
        for source, symbol, targets, _ in spec.transitions:
            key = (str(source), EPSILON if str(symbol) in EPSILON_WORDS else str(symbol))
            table.setdefault(key, set()).update(map(str, targets))
        return NFA(states, alphabet, table, start, frozenset(accepting), spec.name)
    moves: dict[tuple[str, str], object] = {}
    for source, symbol, targets, output in spec.transitions:
        key = (str(source), str(symbol))
        if key in seen:
            raise spec.error(f"state {key[0]!r} already has a transition on {key[1]!r} (line "
                             f"{seen[key].line}); a {kind} is deterministic", source)
        seen[key] = source
        moves[key] = (str(targets[0]), str(output)) if kind == "mealy" else str(targets[0])
    if kind == "dfa":
        return DFA(states, alphabet, moves, start, frozenset(accepting), spec.name)
    declared_outputs = [str(s) for s in spec.settings["outputs"][1]] if "outputs" in spec.settings else None
    if kind == "mealy":
        used = dict.fromkeys(out for _, out in moves.values())
        return Mealy(states, alphabet, tuple(declared_outputs or used), moves, start, spec.name)
    output: dict[str, str] = {}
    for state, symbol in spec.state_outputs:
        if str(state) in output:
            raise spec.error(f"state {str(state)!r} already has an output", state)
        output[str(state)] = str(symbol)
    for q in states:
        if q not in output:
            raise spec.error(f"state {q!r} has no output line '{q} / OUTPUT'", spec.kind)
    used = dict.fromkeys(output.values())
    return Moore(states, alphabet, tuple(declared_outputs or used), moves, output, start, spec.name)


def _unwritable(name: str) -> bool:
    return "#" in name or name in ("->", "/", *EPSILON_WORDS) or name.endswith(":")


def dump(machine: DFA | NFA | Mealy | Moore, *, input: Sequence[str] | str | None = None) -> str:
    """The `.fsm` text of a machine, with an `input:` line if `input` is given.

    ConversionError for anything but the four automaton kinds.
    """
    kind = next((k for k, cls in KINDS.items() if isinstance(machine, cls)), None)
    if kind is None:
        raise ConversionError(f"a {type(machine).__name__} cannot be written as .fsm "
                              "(only a dfa, nfa, mealy or moore machine can)")
    names = [*machine.states, *machine.alphabet, *getattr(machine, "outputs", ())]
    for name in names:
        if _unwritable(name):
            raise ConversionError(f"{name!r} cannot be written in a .fsm file (it would read as syntax: "
                                  "'#', '->', '/', 'ε', 'λ' or a 'key:')")
    lines = [kind]
    if machine.name:
        lines.append(f"name: {' '.join(machine.name.split())}")
    lines.append(f"states: {' '.join(machine.states)}")
    lines.append(f"alphabet: {' '.join(machine.alphabet)}" if machine.alphabet else "")
    if kind in ("mealy", "moore"):
        lines.append(f"outputs: {' '.join(machine.outputs)}")
    lines.append(f"start: {machine.start}")
    if kind in ("dfa", "nfa"):
        lines.append(" ".join(["accept:", *(q for q in machine.states if q in machine.accepting)]))
    if kind == "moore":
        lines += [f"{q} / {machine.output[q]}" for q in machine.states]
    for (source, symbol), target in machine.transitions.items():
        if kind == "nfa":
            ordered = [q for q in machine.states if q in target]
            lines.append(f"{source} {symbol or EPSILON_WORDS[0]} -> {' '.join(ordered)}")
        elif kind == "mealy":
            lines.append(f"{source} {symbol} -> {target[0]} / {target[1]}")
        else:
            lines.append(f"{source} {symbol} -> {target}")
    if input is not None:
        lines.append(" ".join(["input:", *machine.initial(input).word]))
    return "\n".join(line for line in lines if line) + "\n"
