"""Provides the turingmachine.io YAML format (aepsilon/turing-machine-viz, `parser.js`): load and dump.

Reads both the machine YAML a user writes and the site's document files (`name`, `source code`,
`positions`). Scalars are read as text, the way the site's JavaScript turns them into strings
(`0` is the symbol '0', never the number), and a flow-sequence key `[0,1]` is the symbol list
'0,1' split on ',' (',,' stands for a comma). The space symbol becomes '␣' (as the site draws
it), since turingbox symbols hold no whitespace. A state whose table entry is empty halts; a
missing instruction halts without a step.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from machines.errors import ConversionError, InvalidMachineError, MachineSyntaxError, Span
from machines.formats import Loaded
from machines.turing.errors import ConflictingRulesError, UndefinedStateError
from machines.turing.machine import Move, Rule, TuringMachine

SPACE = "␣"
NULL_TAG = "tag:yaml.org,2002:null"
MOVES = {"L": Move.L, "R": Move.R, "N": Move.S}


class _TextLoader(yaml.SafeLoader):
    """Resolves plain scalars to text, except the empty value and null (which mean 'none')."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == NULL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class _Place:
    """Maps marks of the parsed YAML back to the file (the machine may sit in a 'source code' block)."""

    text: str
    line: int = 0
    column: int = 0

    def span(self, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        return Span(start.line + self.line + 1, start.column + self.column + 1,
                    end.line + self.line + 1, end.column + self.column + 1)

    def error(self, message: str, node: yaml.Node, kind: type[MachineSyntaxError] = MachineSyntaxError):
        return kind(message, span=self.span(node), source=self.text)


def sniff(text: str) -> bool:
    """True if the text has turingmachine.io's top-level keys."""
    keys = {line.split(":", 1)[0].strip() for line in text.splitlines() if not line.startswith((" ", "#"))}
    return "source code" in keys or {"start state", "table"} <= keys


def _compose(text: str, place: _Place) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        span = Span(mark.line + place.line + 1, mark.column + place.column + 1) if mark else None
        raise MachineSyntaxError(f"YAML: {error.problem or error.context}", span=span,
                                 source=place.text) from None
    except yaml.YAMLError as error:
        raise MachineSyntaxError(f"YAML: {error}", source=place.text) from None


def _is_null(node: yaml.Node | None) -> bool:
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG)


def _text(node: yaml.Node, place: _Place, what: str, inside: tuple[int, ...] = ()) -> str:
    """A scalar as JavaScript's String() would give it (a sequence joins its items with ',')."""
    if isinstance(node, yaml.ScalarNode):
        return "" if _is_null(node) else node.value
    if isinstance(node, yaml.SequenceNode):
        if id(node) in inside:
            raise place.error(f"{what} contains itself (through a YAML alias)", node)
        return ",".join(_text(item, place, what, (*inside, id(node))) for item in node.value)
    raise place.error(f"{what} must be text, not a mapping", node)


def _mapping(node: yaml.Node, place: _Place, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A YAML mapping's entries by key text; a repeated key is an error, as in js-yaml."""
    if not isinstance(node, yaml.MappingNode):
        raise place.error(f"{what} must be a mapping", node)
    entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        name = _text(key, place, "a key")
        if name in entries:
            raise place.error(f"duplicated key {name!r} in {what}", key)
        entries[name] = (key, value)
    return entries


def _symbols(key: str) -> list[str]:
    """The site's split of a symbol key: '0,1' is two symbols, ',,' is a literal comma."""
    symbols: list[str] = []
    for part in key.split(","):
        if part == "" and symbols and symbols[-1] == "":
            symbols[-1] = ","
        else:
            symbols.append(part)
    return symbols


def _symbol(text: str) -> str:
    return SPACE if text == " " else text


def load(text: str) -> Loaded:
    """Reads a turingmachine.io machine or document; mistakes raise MachineSyntaxError with a place."""
    place = _Place(text)
    root = _compose(text, place)
    name = ""
    if root is not None and isinstance(root, yaml.MappingNode):
        top = _mapping(root, place, "the document")
        if "source code" in top:
            _, source = top["source code"]
            if "name" in top:
                name = _text(top["name"][1], place, "name")
            code = _text(source, place, "source code")
            if source.style in ("|", ">"):
                first = source.start_mark.line + 1
                lines = text.splitlines()[first:]
                indent = next((len(s) - len(s.lstrip(" ")) for s in lines if s.strip()), 0)
                place = _Place(text, first, indent)
            else:
                place = _Place(text, source.start_mark.line, source.start_mark.column)
            root = _compose(code, place)
    if _is_null(root):
        raise MachineSyntaxError("the document is empty: a machine needs 'blank', 'start state' and "
                                 "'table'", span=Span(1, 1), source=text)
    spec = _mapping(root, place, "the machine")
    return _build(spec, place, root, name)


def _required(spec: dict, key: str, place: _Place, root: yaml.Node, hint: str) -> tuple[yaml.Node, yaml.Node]:
    if key not in spec or _is_null(spec[key][1]):
        raise place.error(f"no {key!r} was given ({hint})", spec[key][0] if key in spec else root)
    return spec[key]


def _build(spec: dict, place: _Place, root: yaml.Node, name: str) -> Loaded:
    _, blank_node = _required(spec, "blank", place, root, "examples: blank: ' ', blank: '0'")
    blank = _text(blank_node, place, "blank")
    if len(blank) != 1:
        raise place.error(f"blank={blank!r} must be one character", blank_node)
    _, start_node = _required(spec, "start state", place, root, "assign one with 'start state:'")
    start = _text(start_node, place, "start state")
    _, table_node = _required(spec, "table", place, root, "the transition table of states")
    table = _mapping(table_node, place, "the table")
    for state, (key, _) in table.items():
        if not state or any(c.isspace() for c in state):
            raise place.error(f"state {state!r} must be a name without spaces", key)
    synonyms = {}
    if "synonyms" in spec and not _is_null(spec["synonyms"][1]):
        for word, (_, value) in _mapping(spec["synonyms"][1], place, "synonyms").items():
            synonyms[word] = _instruction(value, None, table, place)
    if start not in table:
        raise place.error(f"the start state {start!r} has to be declared in the table", start_node,
                          UndefinedStateError)
    input = ""
    if "input" in spec and not _is_null(spec["input"][1]):
        input = "".join(_symbol(c) for c in _text(spec["input"][1], place, "input"))
    alphabet = {_symbol(blank): None, **dict.fromkeys(input)}
    rules, halts = [], []
    for state, (_, entries_node) in table.items():
        if _is_null(entries_node):
            halts.append(state)
            continue
        seen: dict[str, yaml.Node] = {}
        for key_text, (key, value) in _mapping(entries_node, place, f"state {state!r}").items():
            write, move, target = _instruction(value, synonyms, table, place)
            # An empty symbol (from '[0,]' or '[0,~]') never matches a cell: the site ignores it.
            for symbol in map(_symbol, filter(None, _symbols(key_text))):
                if symbol in seen:
                    raise place.error(f"state {state!r} has two instructions for symbol {symbol!r}", key,
                                      ConflictingRulesError)
                if any(c.isspace() for c in symbol):
                    raise place.error(f"symbol {symbol!r} must be characters other than tab or newline", key)
                seen[symbol] = key
                written = symbol if write is None else write
                alphabet.update({symbol: None, written: None})
                rules.append(Rule(state, (symbol,), (written,), (move,), state if target is None else target))
    try:
        machine = TuringMachine(tuple(table), tuple(alphabet), _symbol(blank), start, frozenset(halts),
                                tuple(rules), name=name)
    except InvalidMachineError as error:
        raise place.error(str(error), table_node) from None
    return Loaded(machine, input, metadata={"space": SPACE})


def _instruction(node: yaml.Node, synonyms: dict | None, table: dict, place: _Place):
    """(write or None, move, next state or None) from an instruction: 'L', 'R', 'N', a synonym, or
    a mapping with one of L/R/N (its value the next state) and an optional one-character write."""
    if isinstance(node, yaml.ScalarNode) and not _is_null(node):
        word = node.value
        if word in MOVES:
            return None, MOVES[word], None
        if synonyms and word in synonyms:
            return synonyms[word]
        extra = "" if synonyms is not None else " (a synonym cannot use another synonym)"
        raise place.error(f"unrecognized instruction {word!r}: expected L, R, N or a synonym{extra}", node)
    if not isinstance(node, yaml.MappingNode):
        raise place.error("missing instruction: expected L, R, N, a synonym or a mapping such as "
                          "{write: 1, R: next}", node)
    entries = _mapping(node, place, "an instruction")
    for key, (key_node, _) in entries.items():
        if key not in ("L", "R", "N", "write"):
            raise place.error(f"unrecognized key {key!r}: an instruction has a move L, R or N and "
                              "optionally 'write'", key_node)
    moves = [m for m in ("L", "R", "N") if m in entries]
    if len(moves) > 1:
        raise place.error(f"conflicting tape movements {moves}: an instruction has one", node)
    if not moves:
        raise place.error("missing movement direction: add L, R or N", node)
    target_node = entries[moves[0]][1]
    target = None if _is_null(target_node) else _text(target_node, place, "a state")
    if target is not None and target not in table:
        raise place.error(f"undeclared state {target!r}: list every state in the table", target_node,
                          UndefinedStateError)
    write = None
    if "write" in entries:
        write_node = entries["write"][1]
        write = _text(write_node, place, "write")
        if len(write) != 1:
            raise place.error(f"write={write!r} must be one character", write_node)
        write = _symbol(write)
    return write, MOVES[moves[0]], target


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def dump(machine: TuringMachine, input: object = None) -> str:
    """The machine as turingmachine.io YAML, or ConversionError saying why it has none."""
    problems = []
    if machine.tapes != 1:
        problems.append(f"it has {machine.tapes} tapes (turingmachine.io has one)")
    bad = [s for s in machine.alphabet if len(s) != 1]
    if bad:
        problems.append(f"symbols {bad} are not single characters")
    if input is not None and not isinstance(input, str):
        problems.append("its input is not a string of one-character symbols")
    if problems:
        raise ConversionError("cannot write this machine for turingmachine.io: " + "; ".join(problems))

    def symbol(s: str) -> str:
        return " " if s == SPACE else s

    lines = [f"# {machine.name}"] if machine.name else []
    if input:
        lines.append(f"input: {_quote(''.join(symbol(s) for s in input))}")
    lines += [f"blank: {_quote(symbol(machine.blank))}", f"start state: {_quote(machine.start)}", "table:"]
    for state in machine.states:
        rules = [r for r in machine.rules if r.state == state]
        if state in machine.halt_states:
            lines.append(f"  {_quote(state)}:")
            continue
        lines.append(f"  {_quote(state)}:" + ("" if rules else " {}"))
        # The site's idiom: symbols sharing an instruction share a key ([0,1]: R); a write of the
        # symbol read and a move into the same state are left out.
        groups: dict[tuple[str | None, str, str | None], list[str]] = {}
        for r in rules:
            write = None if r.write == r.read else symbol(r.write[0])
            target = None if r.next_state == state else r.next_state
            move = {Move.L: "L", Move.R: "R", Move.S: "N"}[r.moves[0]]
            groups.setdefault((write, move, target), []).append(symbol(r.read[0]))
        for (write, move, target), reads in groups.items():
            key = _quote(reads[0]) if len(reads) == 1 else "[" + ", ".join(map(_quote, reads)) + "]"
            if write is None and target is None:
                instruction = move
            else:
                parts = ([f"write: {_quote(write)}"] if write is not None else []) + [
                    move if target is None else f"{move}: {_quote(target)}"]
                instruction = "{" + ", ".join(parts) + "}"
            lines.append(f"    {key}: {instruction}")
    return "\n".join(lines) + "\n"
