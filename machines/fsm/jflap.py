"""Provides JFLAP `.jff` files: automata as DFAs or NFAs, single-tape Turing machines as TuringMachine.

Both kinds are read and written; they are two formats, 'jflap' (family fsm) and 'jflap-tm' (family
turing), told apart by the file's <type>.

JFLAP semantics kept here: an empty `<read/>` in an automaton is a lambda (epsilon) move; a
multi-character label reads its characters one after another; an FA with no lambda moves and at most
one move per state and symbol loads as a (possibly partial) DFA. In a Turing machine an empty read
or write is the blank (shown as JFLAP's '□'); `~` reads any symbol of the tape alphabet (the symbols
the transitions name; an explicit read on the same state wins) or writes back the one read; the head
starts on the first input symbol of a two-way infinite tape; and the machine accepts as soon as it
enters a final state (JFLAP's default "accept by final state"), so final states are halt states and
their outgoing transitions never fire. A run that halts outside a final state rejects.
"""

from __future__ import annotations

import math
import xml.parsers.expat
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from machines.core import Outcome
from machines.errors import ConversionError, InvalidMachineError, Span
from machines.formats import Loaded
from machines.fsm.dfa import DFA
from machines.fsm.errors import JflapError
from machines.fsm.nfa import NFA
from machines.fsm.words import EPSILON, fresh_name
from machines.turing.machine import Move, Rule, TMConfig, TuringMachine

BLANK = "□"
"""JFLAP's blank symbol; an empty <read/> or <write/> in a Turing machine stands for it."""


@dataclass
class _Element:
    """An XML element with the position of its start tag (ElementTree does not keep positions)."""

    tag: str
    attrib: dict[str, str]
    span: Span
    children: list[_Element] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> _Element | None:
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[_Element]:
        return [c for c in self.children if c.tag == tag]


def _parse_xml(text: str) -> _Element:
    parser = xml.parsers.expat.ParserCreate()
    stack: list[_Element] = []
    root: list[_Element] = []

    def start(tag: str, attrib: dict[str, str]) -> None:
        element = _Element(tag, attrib, Span(parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))
        (stack[-1].children if stack else root).append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def data(chars: str) -> None:
        if stack:
            stack[-1].text += chars

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, data
    try:
        parser.Parse(text.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as error:
        raise JflapError(f"not well-formed XML: {xml.parsers.expat.ErrorString(error.code)}",
                         span=Span(error.lineno, error.offset + 1), source=text) from None
    return root[0]


def _kind(text: str) -> str | None:
    head = text[:2000]
    if "<structure" not in head:
        return None
    start = head.find("<type>")
    end = head.find("</type>", start)
    return head[start + 6:end].strip() if 0 <= start < end else None


def is_automaton(text: str) -> bool:
    """Whether `text` is XML and not a JFLAP Turing machine: format 'jflap', whose loader also
    reports what is wrong with a damaged file or an unsupported JFLAP type."""
    return text.lstrip().startswith("<") and _kind(text) != "turing"


def is_turing_machine(text: str) -> bool:
    """Whether `text` looks like a JFLAP Turing machine (format 'jflap-tm')."""
    return _kind(text) == "turing"


def load(text: str) -> Loaded:
    """Reads a `.jff` file: type `fa` as a DFA or NFA, type `turing` as a one-tape TuringMachine.

    For a Turing machine, metadata['accepting'] holds the final states (see `tm_outcome`).
    """
    root = _parse_xml(text)
    if root.tag != "structure":
        raise JflapError(f"the root element is <{root.tag}>, not <structure>", span=root.span, source=text)
    kind_element = root.find("type")
    kind = kind_element.text.strip() if kind_element is not None else ""
    automaton = root.find("automaton") or root
    if kind == "fa":
        return Loaded(_load_fa(text, automaton), None, "jflap", {"type": "fa"})
    if kind == "turing":
        machine, accepting, unused = _load_tm(text, root, automaton)
        return Loaded(machine, None, "jflap", {"type": "turing", "accepting": accepting,
                                               "unused_transitions": unused})
    where = kind_element.span if kind_element is not None else root.span
    raise JflapError(f"JFLAP type {kind!r} is not supported (only 'fa' and 'turing')", span=where,
                     source=text)


@dataclass(frozen=True)
class _Edge:
    source: str
    target: str
    element: _Element


def _states(text: str, automaton: _Element) -> tuple[dict[str, str], str, list[str]]:
    """State names by id (JFLAP names, made unique and whitespace-free), the start, and the finals."""
    names: dict[str, str] = {}
    start, finals = None, []
    for element in automaton.findall("state") + automaton.findall("block"):
        if "id" not in element.attrib:
            raise JflapError("a <state> has no id", span=element.span, source=text)
        sid = element.attrib["id"]
        if sid in names:
            raise JflapError(f"two states have id {sid!r}", span=element.span, source=text)
        name = "_".join(element.attrib.get("name", "").replace(",", "_").replace("|", "_").split())
        names[sid] = fresh_name(name or f"q{sid}", names.values())
        if element.find("initial") is not None:
            if start is not None:
                raise JflapError("more than one initial state", span=element.span, source=text)
            start = names[sid]
        if element.find("final") is not None:
            finals.append(names[sid])
    if start is None:
        raise JflapError("no state is marked <initial/>", span=automaton.span, source=text)
    return names, start, finals


def _edges(text: str, automaton: _Element, names: dict[str, str]) -> list[_Edge]:
    edges = []
    for element in automaton.findall("transition"):
        ends = []
        for tag in ("from", "to"):
            end = element.find(tag)
            sid = end.text.strip() if end is not None else None
            if sid not in names:
                raise JflapError(f"a transition's <{tag}> names no state (id {sid!r})",
                                 span=(end or element).span, source=text)
            ends.append(names[sid])
        edges.append(_Edge(ends[0], ends[1], element))
    return edges


def _text(element: _Element, tag: str) -> str:
    child = element.find(tag)
    return "" if child is None else child.text


def _load_fa(text: str, automaton: _Element) -> DFA | NFA:
    names, start, finals = _states(text, automaton)
    states = list(names.values())
    table: dict[tuple[str, str], set[str]] = {}
    for edge in _edges(text, automaton, names):
        label = _text(edge.element, "read")
        if len(label) <= 1:
            table.setdefault((edge.source, label), set()).add(edge.target)
            continue
        here = edge.source  # a multi-character label reads its characters through fresh states
        for i, char in enumerate(label):
            last = i == len(label) - 1
            there = edge.target if last else fresh_name(f"{edge.source}_{label[:i + 1]}", states)
            if there not in states:
                states.append(there)
            table.setdefault((here, char), set()).add(there)
            here = there
    alphabet = tuple(sorted({symbol for _, symbol in table if symbol != EPSILON}))
    bad = [s for s in alphabet if s.isspace()]
    if bad:
        raise JflapError(f"symbol {bad[0]!r} cannot be used (whitespace)", span=automaton.span, source=text)
    try:
        if all(symbol != EPSILON and len(targets) == 1 for (_, symbol), targets in table.items()):
            moves = {key: next(iter(targets)) for key, targets in table.items()}
            return DFA(tuple(states), alphabet, moves, start, frozenset(finals))
        return NFA(tuple(states), alphabet, table, start, frozenset(finals))
    except InvalidMachineError as error:
        raise JflapError(str(error), span=automaton.span, source=text) from None


def _load_tm(text: str, root: _Element, automaton: _Element) -> tuple[TuringMachine, frozenset[str], int]:
    tapes = root.find("tapes")
    if tapes is not None and tapes.text.strip() not in ("", "1"):
        raise JflapError(f"a {tapes.text.strip()}-tape JFLAP machine is not supported (only one tape)",
                         span=tapes.span, source=text)
    if automaton.findall("block"):
        raise JflapError("JFLAP building blocks are not supported", span=automaton.findall("block")[0].span,
                         source=text)
    names, start, finals = _states(text, automaton)
    edges = _edges(text, automaton, names)
    symbols: dict[str, None] = {BLANK: None}
    labelled = []
    for edge in edges:
        read, write = _text(edge.element, "read") or BLANK, _text(edge.element, "write") or BLANK
        move = _text(edge.element, "move").strip()
        for label in (read, write):
            if len(label) != 1 or (label in "!}" and label != BLANK):
                raise JflapError(f"tape label {label!r} is not supported (one symbol, or ~ for any)",
                                 span=edge.element.span, source=text)
        if move not in ("L", "R", "S"):
            raise JflapError(f"move {move!r} is not one of L, R, S", span=edge.element.span, source=text)
        symbols.update(dict.fromkeys(s for s in (read, write) if s != "~"))
        labelled.append((edge, read, write, Move[move]))
    final = frozenset(finals)
    rules: dict[tuple[str, str], Rule] = {}
    by_wildcard: set[tuple[str, str]] = set()
    unused = sum(1 for edge, *_ in labelled if edge.source in final)  # JFLAP accepts on entering these
    # Explicit reads first: they take precedence over the wildcard ~ on the same state.
    for edge, read, write, move in sorted(labelled, key=lambda row: row[1] == "~"):
        if edge.source in final:
            continue
        wildcard = read == "~"
        for symbol in symbols if wildcard else [read]:
            rule = Rule(edge.source, (symbol,), (symbol if write == "~" else write,), (move,), edge.target)
            key = (edge.source, symbol)
            if key in rules and rules[key] != rule:
                if wildcard and key not in by_wildcard:
                    continue
                raise JflapError(f"state {edge.source!r} has two transitions reading {symbol!r}: turingbox "
                                 "runs deterministic machines only", span=edge.element.span, source=text)
            rules[key] = rule
            if wildcard:
                by_wildcard.add(key)
    try:
        alphabet = (BLANK, *sorted(set(symbols) - {BLANK}))
        machine = TuringMachine(tuple(names.values()), alphabet, BLANK, start, final,
                                tuple(rules.values()))
    except InvalidMachineError as error:
        raise JflapError(str(error), span=automaton.span, source=text) from None
    return machine, final, unused


def tm_outcome(machine: TuringMachine, config: TMConfig, accepting: Iterable[str]) -> Outcome:
    """JFLAP's verdict on a configuration: ACCEPTED in a final state, REJECTED if halted elsewhere."""
    if config.state in frozenset(accepting):
        return Outcome.ACCEPTED
    return Outcome.REJECTED if machine.classify(config) is Outcome.HALTED else Outcome.RUNNING


def dump(machine: DFA | NFA, *, input: object = None) -> str:
    """The `.jff` text of a DFA or NFA (states on a circle; epsilon moves as empty reads).

    A JFLAP file has no place for an input, so `input` is not written.
    """
    if not isinstance(machine, DFA | NFA):
        raise ConversionError(f"a {type(machine).__name__} cannot be written as JFLAP here (DFA or NFA only)")
    long = [symbol for symbol in machine.alphabet if len(symbol) != 1]
    if long:
        raise ConversionError(f"symbol {long[0]!r} cannot be written to JFLAP, which reads a multi-character "
                              "label as a sequence of one-character symbols")
    ids = {q: i for i, q in enumerate(machine.states)}
    radius = 60 + 25 * len(ids)
    lines = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?><!--Created with turingbox.-->',
             "<structure>", "\t<type>fa</type>", "\t<automaton>"]
    for q, i in ids.items():
        angle = 2 * math.pi * i / max(1, len(ids))
        x, y = radius * (1 + math.cos(angle)) + 40, radius * (1 + math.sin(angle)) + 40
        lines += [f'\t\t<state id="{i}" name="{escape(q, {chr(34): "&quot;"})}">',
                  f"\t\t\t<x>{x:.1f}</x>", f"\t\t\t<y>{y:.1f}</y>"]
        lines += ["\t\t\t<initial/>"] * (q == machine.start) + ["\t\t\t<final/>"] * (q in machine.accepting)
        lines.append("\t\t</state>")
    for (source, symbol), targets in machine.transitions.items():
        for target in [targets] if isinstance(machine, DFA) else [q for q in machine.states if q in targets]:
            read = f"<read>{escape(symbol)}</read>" if symbol else "<read/>"
            lines += ["\t\t<transition>", f"\t\t\t<from>{ids[source]}</from>",
                      f"\t\t\t<to>{ids[target]}</to>", f"\t\t\t{read}", "\t\t</transition>"]
    lines += ["\t</automaton>", "</structure>"]
    return "\n".join(lines) + "\n"


def dump_tm(machine: TuringMachine, *, input: object = None) -> str:
    """The `.jff` text of a one-tape TuringMachine over one-character symbols (the blank as empty).

    Halt states become final states: JFLAP stops and accepts on entering them. A JFLAP file has no
    place for an input, so `input` is not written.
    """
    if not isinstance(machine, TuringMachine) or machine.tapes != 1:
        raise ConversionError("only a one-tape TuringMachine can be written as a JFLAP Turing machine")
    long = [symbol for symbol in machine.alphabet if len(symbol) != 1]
    if long:
        raise ConversionError(f"symbol {long[0]!r} cannot be written to JFLAP, whose tape cells hold one "
                              "character")
    if BLANK in machine.alphabet and machine.blank != BLANK:
        raise ConversionError(f"symbol {BLANK!r} is JFLAP's blank but not this machine's (blank "
                              f"{machine.blank!r})")
    ids = {q: i for i, q in enumerate(machine.states)}
    lines = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?><!--Created with turingbox.-->',
             "<structure>", "\t<type>turing</type>", "\t<automaton>"]
    for q, i in ids.items():
        lines += [f'\t\t<state id="{i}" name="{escape(q, {chr(34): "&quot;"})}">',
                  f"\t\t\t<x>{60 + 120 * (i % 6):.1f}</x>", f"\t\t\t<y>{60 + 120 * (i // 6):.1f}</y>"]
        lines += ["\t\t\t<initial/>"] * (q == machine.start) + ["\t\t\t<final/>"] * (q in machine.halt_states)
        lines.append("\t\t</state>")
    for rule in machine.rules:
        read, write = (f"<{tag}>{escape(symbol)}</{tag}>" if symbol != machine.blank else f"<{tag}/>"
                       for tag, symbol in (("read", rule.read[0]), ("write", rule.write[0])))
        lines += ["\t\t<transition>", f"\t\t\t<from>{ids[rule.state]}</from>",
                  f"\t\t\t<to>{ids[rule.next_state]}</to>", f"\t\t\t{read}", f"\t\t\t{write}",
                  f"\t\t\t<move>{rule.moves[0].name}</move>", "\t\t</transition>"]
    lines += ["\t</automaton>", "</structure>"]
    return "\n".join(lines) + "\n"
