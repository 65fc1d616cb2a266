"""Provides the RLE pattern format: `#` lines, the `x = m, y = n, rule = ...` header, run-length body.

Reading follows LifeWiki's description (counts before `b`/`o`/`$` tags, `!` at the end, whitespace
between items, lines of any length, anything after `!` ignored). `#P x y` or `#R x y` places the
top-left corner on the plane; on a torus or bounded plane the header's box is centred, as Golly does.
Writing omits trailing dead cells and wraps lines at 70 characters.
"""

from __future__ import annotations

import re
from dataclasses import replace

from machines.errors import Span
from machines.formats import Loaded
from machines.life.errors import PatternSyntaxError, RuleError
from machines.life.machine import LifeMachine
from machines.life.pattern import Box, Pattern
from machines.life.rule import LIFE, Rule

_HEADER = re.compile(r"\s*x\s*=\s*(\d+)\s*,\s*y\s*=\s*(\d+)\s*(?:,\s*rule\s*=\s*(\S.*?))?\s*$", re.IGNORECASE)
_DEAD, _ALIVE = "b.", "oAxy"
LINE_WIDTH = 70


def _error(message: str, text: str, line: int, column: int, end: int | None = None) -> PatternSyntaxError:
    return PatternSyntaxError(message, span=Span(line, column, line if end else None, end), source=text)


def parse(text: str) -> LifeMachine:
    """Reads RLE text into a LifeMachine (rule, pattern, name, comments)."""
    lines = text.splitlines()
    name, comments, origin, line_rule = "", [], (0, 0), None
    number = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        tag, _, rest = stripped[1:].partition(" ")
        if tag == "N":
            name = rest.strip()
        elif tag in ("P", "R"):
            match = re.fullmatch(r"\s*(-?\d+)\s+(-?\d+)\s*", rest)
            if not match:
                raise _error(f"#{tag} needs two integers, the top-left x and y", text, number, 1)
            origin = (int(match[1]), int(match[2]))
        elif tag == "r":
            line_rule = (rest.strip(), number)
        else:
            comments.append(rest.strip() if tag in ("C", "c", "O") else stripped)
    else:
        raise _error("no 'x = ..., y = ...' header line", text, max(number, 1), 1)
    header = _HEADER.match(lines[number - 1])
    if not header:
        raise _error("expected the header 'x = <width>, y = <height>[, rule = <rule>]'", text, number, 1)
    width, height = int(header[1]), int(header[2])
    rule = LIFE
    rule_text, rule_line = (header[3], number) if header[3] else (line_rule or (None, 0))
    if rule_text:
        try:
            rule = Rule.parse(rule_text)
        except RuleError as error:
            column = lines[rule_line - 1].find(rule_text) + 1
            raise _error(str(error), text, rule_line, column, column + len(rule_text)) from None
    cells = _body(text, lines, number, width, height)
    pattern = Pattern(frozenset(cells))
    top = rule.topology
    if top.is_finite:
        if width > top.width or height > top.height:
            raise _error(f"the {width}x{height} pattern does not fit the {top.describe()}", text, number, 1)
        pattern = pattern.translated((top.width - width) // 2, (top.height - height) // 2)
    else:
        pattern = pattern.translated(*origin)
    return LifeMachine(rule, pattern, name, tuple(comments))


def _body(text: str, lines: list[str], header_line: int, width: int, height: int) -> set[tuple[int, int]]:
    cells: set[tuple[int, int]] = set()
    x = y = 0
    count, count_at = "", (0, 0)
    for number in range(header_line + 1, len(lines) + 1):
        line = lines[number - 1]
        for column, char in enumerate(line, start=1):
            if char.isdigit():
                if not count:
                    count_at = (number, column)
                count += char
                continue
            if char.isspace():
                if count:
                    raise _error("a run count must be followed by b, o or $ without spaces",
                                 text, number, column)
                continue
            run = int(count) if count else 1
            if count and run == 0:
                raise _error("a run count must be at least 1", text, *count_at)
            count = ""
            if char == "!":
                return cells
            if char == "$":
                x, y = 0, y + run
            elif char in _DEAD:
                x += run
            elif char in _ALIVE:
                cells.update((x + i, y) for i in range(run))
                x += run
            else:
                raise _error(f"{char!r} is not an RLE tag: use b (dead), o (alive), $ (end of row) "
                             "or ! (end)", text, number, column)
            if x > width or (y >= height and char != "$"):
                raise _error(f"the pattern is larger than the header's x = {width}, y = {height}",
                             text, number, column)
    raise _error("the pattern does not end with '!'", text, len(lines), max(1, len(lines[-1])))


def render(machine: LifeMachine, *, input: Pattern | None = None) -> str:
    """RLE text for a LifeMachine. On a torus or bounded plane the whole grid is the box, so reading
    it back puts every cell where it was; on the plane a `#P x y` line keeps the position.
    `input`, when given, replaces the machine's pattern."""
    if input is not None:
        machine = replace(machine, pattern=input)
    pattern, topology = machine.pattern, machine.rule.topology
    head = [f"#N {machine.name}"] if machine.name else []
    head += [f"#C {c}" for c in machine.comments]
    if topology.is_finite:
        box = Box(0, 0, topology.width, topology.height)
    else:
        box = pattern.box or Box(0, 0, 0, 0)
        if (box.x, box.y) != (0, 0):
            head.append(f"#P {box.x} {box.y}")
    head.append(f"x = {box.width}, y = {box.height}, rule = {machine.rule.render()}")
    return "\n".join(head + _wrap(_items(pattern, box))) + "\n"


def _items(pattern: Pattern, box: Box) -> list[str]:
    """The body as items like '3o', '2b', '4$' and the final '!'."""
    rows: dict[int, list[int]] = {}
    for x, y in pattern.cells:
        rows.setdefault(y, []).append(x)
    items: list[str] = []
    last_y = box.y
    for y in sorted(rows):
        ends = y - last_y if items else y - box.y
        if ends:
            items.append(_run(ends, "$"))
        last_y = y
        x = box.x
        for start, length in _runs(sorted(rows[y])):
            if start > x:
                items.append(_run(start - x, "b"))
            items.append(_run(length, "o"))
            x = start + length
    items.append("!")
    return items


def _runs(xs: list[int]) -> list[tuple[int, int]]:
    """Maximal runs of consecutive numbers in a sorted list, as (start, length)."""
    runs: list[tuple[int, int]] = []
    for x in xs:
        if runs and runs[-1][0] + runs[-1][1] == x:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((x, 1))
    return runs


def _run(count: int, tag: str) -> str:
    return f"{count}{tag}" if count > 1 else tag


def _wrap(items: list[str]) -> list[str]:
    lines, current = [], ""
    for item in items:
        if len(current) + len(item) > LINE_WIDTH:
            lines.append(current)
            current = ""
        current += item
    return [*lines, current]


def load(text: str) -> Loaded:
    """The `load` of the 'rle' entry of machines.formats.FORMATS."""
    machine = parse(text)
    return Loaded(machine, machine.pattern, metadata={"name": machine.name, "comments": machine.comments})


def sniff(text: str) -> bool:
    return re.search(r"^\s*x\s*=\s*\d+\s*,\s*y\s*=", text, re.MULTILINE) is not None
