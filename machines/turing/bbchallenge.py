"""Provides the bbchallenge Standard TM Text Format (`1RB1LB_1LA1RZ`): load and dump.

Rows are states A, B, C, ... (A starts), one 3-character transition per symbol 0, 1, ...;
0 is the blank. `---` is undefined (halts without a step); a target letter at or past A+n (n
states), such as Z, is a halt state entered by an executed, counted step (bb.tsv's convention).
"""

from __future__ import annotations

import re
import string

from machines.errors import ConversionError, MachineSyntaxError, Span
from machines.formats import Loaded
from machines.turing.machine import Move, Rule, TuringMachine

_TRANSITION = re.compile(r"[0-9][LR][A-Z]|---")
_SHAPE = re.compile(r"(?:[0-9][LR][A-Z]|---)+(?:_(?:[0-9][LR][A-Z]|---)+)*")
LETTERS = string.ascii_uppercase
MAX_STATES = 25  # A..Y, so that Z is always free to mean halt


def sniff(text: str) -> bool:
    """True if `text` is one machine in the standard text format."""
    return _SHAPE.fullmatch(text.strip()) is not None


def load(text: str) -> Loaded:
    """Reads one machine; raises MachineSyntaxError pointing at the offending characters."""
    lines = [(i, line) for i, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise MachineSyntaxError("empty file: expected a machine such as 1RB1LB_1LA1RZ", span=Span(1, 1),
                                 source=text)
    if len(lines) > 1:
        line_no = lines[1][0]
        raise MachineSyntaxError("expected one machine on one line", span=Span(line_no, 1), source=text)
    line_no, line = lines[0]
    indent = len(line) - len(line.lstrip())
    body = line.strip()

    def error(message: str, column: int, width: int = 1) -> MachineSyntaxError:
        col = indent + column + 1
        return MachineSyntaxError(message, span=Span(line_no, col, line_no, col + width), source=text)

    rows, column = [], 0
    for row in body.split("_"):
        rows.append((column, row))
        column += len(row) + 1
    n = len(rows)
    if n > MAX_STATES:
        raise error(f"{n} states: the format names at most {MAX_STATES} (A to Y)", 0, len(body))
    width = len(rows[0][1])
    for start, row in rows:
        if not row:
            raise error("empty row: each state needs one transition per symbol", start)
        if len(row) % 3:
            raise error(f"row {row!r} is not made of 3-character transitions such as 1RB or ---",
                        start, len(row))
        if len(row) != width:
            raise error(f"row {row!r} has {len(row) // 3} transitions, the first row has {width // 3}",
                        start, len(row))
    symbols = tuple(str(i) for i in range(width // 3))
    if len(symbols) > 10:
        raise error(f"{len(symbols)} symbols: the format has at most 10 (digits 0-9)", 0, len(body))
    states = LETTERS[:n]
    halts: dict[str, None] = {}
    rules = []
    for (start, row), state in zip(rows, states, strict=True):
        for i, symbol in enumerate(symbols):
            triple = row[3 * i:3 * i + 3]
            at = start + 3 * i
            if not _TRANSITION.fullmatch(triple):
                raise error(f"{triple!r} is not a transition: expected a digit, L or R, and a state "
                            "letter (1RB), or --- for undefined", at, 3)
            if triple == "---":
                continue
            write, move, target = triple
            if int(write) >= len(symbols):
                raise error(f"writes symbol {write!r} but the machine has symbols 0-{len(symbols) - 1}", at)
            if LETTERS.index(target) >= n:
                halts[target] = None
            rules.append(Rule(state, (symbol,), (write,), (Move[move],), target))
    machine = TuringMachine((*states, *halts), symbols, "0", "A", frozenset(halts), tuple(rules),
                            name=body)
    return Loaded(machine, "", metadata={})


def dump(machine: TuringMachine, input: object = None) -> str:
    """The machine in the standard text format, or ConversionError saying why it has none."""
    problems = []
    if machine.tapes != 1:
        problems.append(f"it has {machine.tapes} tapes (the format has one)")
    if machine.blank != "0":
        problems.append(f"its blank is {machine.blank!r} (the format's blank is '0')")
    non_digits = [s for s in machine.alphabet if not (len(s) == 1 and s.isdigit())]
    if non_digits:
        problems.append(f"symbols {non_digits} are not digits 0-9")
    stays = [str(r) for r in machine.rules if Move.S in r.moves]
    if stays:
        problems.append(f"{len(stays)} rule(s) stay in place (the format moves L or R), e.g. {stays[0]}")
    working = [machine.start, *(s for s in machine.states if s != machine.start and s not in
                                machine.halt_states)]
    if machine.start in machine.halt_states:
        problems.append(f"its start state {machine.start!r} is a halt state")
    if len(working) > MAX_STATES:
        problems.append(f"it has {len(working)} non-halting states (the format has at most {MAX_STATES})")
    if input:
        problems.append(f"it has an input {input!r} (the format always starts on a blank tape)")
    if problems:
        raise ConversionError("cannot write this machine in the bbchallenge format: " + "; ".join(problems))
    letter = {state: LETTERS[i] for i, state in enumerate(working)}
    spare = [h for h in sorted(machine.halt_states) if len(h) == 1 and h in LETTERS[len(working):]]
    for state in machine.halt_states:
        letter[state] = state if state in spare else (spare[0] if spare else "Z")
    count = max(int(s) for s in machine.alphabet) + 1
    rows = []
    for state in working:
        row = []
        for symbol in map(str, range(count)):
            rule = machine.rule_for(state, (symbol,))
            row.append("---" if rule is None
                       else f"{rule.write[0]}{rule.moves[0].name}{letter[rule.next_state]}")
        rows.append("".join(row))
    return "_".join(rows) + "\n"
