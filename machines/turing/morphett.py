"""Provides Morphett's simulator format (morphett.info/turing, `jsturing.js`): load and dump.

A line is `state read write move next [!]`; `;` starts a comment; `_` is the blank; `*` as read
symbol or state matches anything (looked up as (state, symbol), (state, *), (*, symbol), (*, *)),
and as written symbol or next state keeps the current one; moves are l, r and * (stay); a state
whose name starts with `halt` halts. Loading expands the wildcards over the states and symbols
the file names, and turns every missing rule into `state x x * halt`, because Morphett's simulator
counts one step when it halts for want of a rule (and then shows state `halt`). The input is the
`$INITIAL_TAPE`; where a `*` in it puts the head past cell 0, metadata['head'] says which cell
(the CLI starts the run there).
"""

from __future__ import annotations

import re

from machines.errors import ConversionError, MachineSyntaxError, Span
from machines.formats import Loaded
from machines.turing.errors import ConflictingRulesError
from machines.turing.machine import Move, Rule, TuringMachine

BLANK = "_"
WILDCARD = "*"
START = "0"
HALT = "halt"
MOVES = {"l": Move.L, "r": Move.R, "*": Move.S}
MOVE_NAMES = {Move.L: "l", Move.R: "r", Move.S: "*"}
# Morphett's sample files carry their input in a last-line comment (LoadSampleProgram's regex).
_INITIAL_TAPE = re.compile(r";.*\$INITIAL_TAPE:? *(.+)$")
_INITIAL_TAPE_LINE = re.compile(r"^.*\$INITIAL_TAPE:.*$", re.MULTILINE)
_RULE_LINE = re.compile(r"\s*\S+\s+\S\s+\S\s+[lLrR*]\s+\S+(\s+!)?\s*$")


def is_halt(state: str) -> bool:
    """Morphett's halting test: the name starts with 'halt', in any case."""
    return state[:4].lower() == HALT


def sniff(text: str) -> bool:
    """True if every line is a comment, blank, or a five-field Morphett rule."""
    lines = [line.split(";", 1)[0] for line in text.replace("\r", "").split("\n")]
    lines = [line for line in lines if line.strip()]
    return bool(lines) and all(_RULE_LINE.match(line) for line in lines)


def initial_tape(text: str) -> tuple[str, str]:
    """The `$INITIAL_TAPE` of a file (as Morphett reads it) and the program without that line."""
    found = _INITIAL_TAPE.search(text.rstrip("\n"))
    if found is None:
        return "", text
    return found.group(1), _INITIAL_TAPE_LINE.sub("", text, count=1)


def tape_input(tape: str) -> tuple[str, int]:
    """Morphett's Reset(): the tape's content (a space is a blank) and the head's cell, which the
    first `*` marks (cell 0 without one)."""
    head = max(tape.find(WILDCARD), 0)
    return tape.replace(WILDCARD, "").replace(" ", BLANK).rstrip(BLANK), head


def load(text: str) -> Loaded:
    """Reads a Morphett program and its `$INITIAL_TAPE`; bad lines raise MachineSyntaxError."""
    text = text.replace("\r", "")
    tape, program = initial_tape(text)
    input, head = tape_input(tape)
    table: dict[str, dict[str, tuple[Rule, int]]] = {}
    states: dict[str, None] = {START: None}
    symbols: dict[str, None] = {BLANK: None}
    name = ""
    for number, line in enumerate(program.split("\n"), start=1):
        code, _, comment = line.partition(";")
        if not name and comment.strip() and not code.strip():
            name = comment.strip()
        fields = [(m.group(), m.start() + 1) for m in re.finditer(r"\S+", code)]
        if not fields:
            continue
        rule = _parse_line(fields, number, text)
        seen = table.setdefault(rule.state, {})
        if rule.read[0] in seen:
            raise ConflictingRulesError(
                f"a second rule for state {rule.state!r} and symbol {rule.read[0]!r} (the first is on line "
                f"{seen[rule.read[0]][1]}); Morphett's simulator would keep only this one",
                span=Span(number, fields[0][1]), source=text)
        seen[rule.read[0]] = (rule, number)
        states.update({s: None for s in (rule.state, rule.next_state) if s != WILDCARD})
        symbols.update({s: None for s in (*rule.read, *rule.write) if s != WILDCARD})
    symbols.update({s: None for s in input})
    metadata = {"space": BLANK, "head_marker": WILDCARD, **({"head": head} if head else {})}
    return Loaded(_expand(table, list(states), list(symbols), name), input, metadata=metadata)


def _parse_line(fields: list[tuple[str, int]], number: int, text: str) -> Rule:
    def error(message: str, index: int) -> MachineSyntaxError:
        word, column = fields[min(index, len(fields) - 1)]
        if index >= len(fields):
            column += len(word)
        return MachineSyntaxError(message, span=Span(number, column, number, column + max(1, len(word))),
                                  source=text)

    names = ["<current symbol>", "<new symbol>", "<direction>", "<new state>"]
    for i, what in enumerate(names, start=1):
        if len(fields) <= i:
            raise error(f"missing {what}: a line is <current state> <current symbol> <new symbol> "
                        "<direction> <new state>", i)
    for i in (1, 2):
        if len(fields[i][0]) > 1:
            raise error(f"{names[i - 1]} {fields[i][0]!r} should be a single character", i)
    if fields[3][0].lower() not in MOVES:
        raise error(f"<direction> {fields[3][0]!r} should be 'l', 'r' or '*'", 3)
    if len(fields) > 6 or (len(fields) == 6 and fields[5][0] != "!"):
        raise error("too many entries: only a breakpoint '!' may follow <new state>",
                    5 if fields[5][0] != "!" else 6)
    state, read, write, move, target = (f[0] for f in fields[:5])
    return Rule(state, (read,), (write,), (MOVES[move.lower()],), target, breakpoint=len(fields) == 6)


def _expand(table: dict[str, dict[str, tuple[Rule, int]]], states: list[str], symbols: list[str],
            name: str) -> TuringMachine:
    """The wildcard-free machine that steps exactly as Morphett's simulator does."""
    wild = table.get(WILDCARD, {})
    rules = []
    for state in states:
        if is_halt(state):
            continue
        own = table.get(state, {})
        for symbol in symbols:
            found = own.get(symbol) or own.get(WILDCARD) or wild.get(symbol) or wild.get(WILDCARD)
            if found is None:
                rules.append(Rule(state, (symbol,), (symbol,), (Move.S,), HALT))
                continue
            rule = found[0]
            write = symbol if rule.write[0] == WILDCARD else rule.write[0]
            target = state if rule.next_state == WILDCARD else rule.next_state
            rules.append(Rule(state, (symbol,), (write,), rule.moves, target, rule.breakpoint))
    if any(r.next_state == HALT for r in rules) and HALT not in states:
        states.append(HALT)
    return TuringMachine(tuple(states), tuple(symbols), BLANK, START,
                         frozenset(s for s in states if is_halt(s)), tuple(rules), name=name)


def dump(machine: TuringMachine, input: object = None) -> str:
    """The machine as a Morphett program (states and blank renamed where Morphett requires)."""
    problems = []
    if machine.tapes != 1:
        problems.append(f"it has {machine.tapes} tapes (Morphett's simulator has one)")
    bad = [s for s in machine.alphabet if len(s) != 1 or s in ";*" or s.isspace()]
    if bad:
        problems.append(f"symbols {bad} are not single characters other than ';' and '*'")
    bad_states = [s for s in machine.states if ";" in s or s == WILDCARD]
    if bad_states:
        problems.append(f"states {bad_states} contain ';' or are '*'")
    if machine.start in machine.halt_states:
        problems.append(f"its start state {machine.start!r} is a halt state")
    if input is not None and not isinstance(input, str):
        problems.append("its input is not a string of one-character symbols")
    if problems:
        raise ConversionError("cannot write this machine in Morphett's format: " + "; ".join(problems))
    symbol = {s: s for s in machine.alphabet}
    if machine.blank != BLANK:
        symbol[machine.blank] = BLANK
        if BLANK in symbol:
            symbol[BLANK] = machine.blank
    state = _state_names(machine)
    notes = []
    if machine.blank != BLANK:
        notes.append(f"the blank {machine.blank!r} is written '_'"
                     + (f" and '_' is written {machine.blank!r}" if BLANK in machine.alphabet else ""))
    renamed = [f"{old} as {new}" for old, new in state.items() if old != new]
    if renamed:
        notes.append("states renamed: " + ", ".join(renamed))
    lines = [f"; {machine.name}"] if machine.name else []
    lines += [f"; {note}" for note in notes]
    if any(machine.rule_for(s, (x,)) is None for s in machine.states if s not in machine.halt_states
           for x in machine.alphabet):
        lines.append("; where no rule applies, Morphett's simulator halts after one more step")
    lines.append("")
    for r in machine.rules:
        write, target = symbol[r.write[0]], state[r.next_state]
        if write == symbol[r.read[0]] and r.moves[0] is Move.S and target == HALT and not r.breakpoint:
            continue  # what Morphett does anyway when no rule applies
        fields = [state[r.state], symbol[r.read[0]], write, MOVE_NAMES[r.moves[0]], target]
        lines.append(" ".join(fields) + (" !" if r.breakpoint else ""))
    tape = "".join(symbol[s] for s in input) if input else ""
    lines += ["", f"; $INITIAL_TAPE: {tape}"]
    return "\n".join(lines)


def _state_names(machine: TuringMachine) -> dict[str, str]:
    """Morphett names: the start state is '0', halt states start with 'halt', others must not."""
    names: dict[str, str] = {}
    for s in machine.states:
        if s in machine.halt_states:
            names[s] = s if is_halt(s) else f"{HALT}-{s}"
        else:
            names[s] = f"q-{s}" if is_halt(s) else s
    if names[machine.start] != START:
        for s, n in names.items():
            if n == START:
                names[s] = names[machine.start]
        names[machine.start] = START
    taken: dict[str, str] = {}
    for s, n in names.items():
        if n in taken:
            raise ConversionError(f"cannot write this machine in Morphett's format: states {taken[n]!r} and "
                                  f"{s!r} would both be named {n!r}")
        taken[n] = s
    return names
