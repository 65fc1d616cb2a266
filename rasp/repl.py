"""Provides the RASP REPL: it reads statements line by line and prints what the original REPL prints.

`Repl.feed(line)` returns the printed lines, so tests drive it without a terminal; `Repl.interact`
adds prompts and readline history. Errors print as "!!ignoring input" and the session goes on.
`draw(sop, example);` writes the computation flow as `<name>.png` and `<name>.dot` in the
current folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rasp.environment import RaspFunction
from rasp.errors import RaspError, RaspSyntaxError, Report
from rasp.parser import is_incomplete, parse
from rasp.results import Applied, DrawRequest, ExampleShown, ExitRequest, Failed, Loaded, Named
from rasp.session import Session
from rasp.sops import Node, Selector, SOp
from rasp.values import Selection, Sequence

PROMPT = ">> "
CONTINUATION = ".. "
DETAIL = "\t   "
"""The lead of the lines printed under an error beyond what the original prints (the s-op that
failed and where it was defined, the position in a loaded file)."""


def format_example(example: object) -> str:
    """An example input as the original shows it: strings in double quotes."""
    return f'"{example}"' if isinstance(example, str) else str(example)


def format_selection(selection: Selection, example: object, indent: str = "") -> list[str]:
    """A selector's matrix as the original prints it: the input across and down, 1 where selected."""
    items = [str(v) for v in example]
    head = f"{indent} \t\t\t     " + " ".join(items)
    rows = [f"{indent} \t\t\t {q} | " + " ".join("1" if on else " " for on in row)
            for q, row in zip(items, selection.rows, strict=True)]
    return [head, *rows]


def format_sequence_full(sequence: Sequence, example: object, indent: str = "") -> list[str]:
    """'full seq display' of a sequence: the input and the output aligned position by position."""
    shown_input = _clean_bools(list(example))
    shown_output = _clean_bools(list(sequence.values))
    cells = [str(v) for v in shown_input + shown_output]
    width = max(len(c) for c in cells)

    def line(values: list) -> str:
        return " ".join(str(v).rjust(width) for v in values)

    return [f"{indent} \t\tinput:   {line(shown_input)} \t ({Sequence(tuple(example)).type})",
            f"{indent} \t\toutput:  {line(shown_output)} \t ({sequence.type})"]


def _clean_bools(values: list) -> list:
    """Bools as the original's full display shows them: only the rarer value is written."""
    if not values or not isinstance(values[0], bool):
        return values
    trues = values.count(True)
    falses = len(values) - trues
    mark_true, mark_false = ("T" if trues <= falses else ""), ("F" if falses <= trues else "")
    return [mark_true if v else mark_false for v in values]


def _nested_name(node: Node) -> str:
    """How the original names an unnamed s-op or selector inside a list or dict."""
    if node.name:
        return node.name
    if isinstance(node, Selector):
        return "plain select"
    label = node.label
    return label if len(label) <= 30 else "s-op"


def _all_same(sequence: Sequence) -> bool:
    return len(set(sequence.values)) == 1


@dataclass
class Repl:
    """A RASP read-eval-print loop over a Session."""

    session: Session = field(default_factory=Session)
    draw: Callable[[DrawRequest], list[str]] | None = None
    """Called for `draw(...)`; returns lines to print (the CLI writes the picture files)."""
    buffer: str = ""
    finished: bool = False

    def banner(self) -> list[str]:
        """The lines printed when the REPL starts."""
        return ["RASP 0.1 (turingbox)", f"running example is: {self.session.examples.sequence}"]

    @property
    def prompt(self) -> str:
        """'>> ' for a new statement, '.. ' while one is unfinished."""
        return CONTINUATION if self.buffer.strip() else PROMPT

    def feed(self, line: str) -> list[str]:
        """Adds one line of input; once it completes a statement, runs it and returns what to print."""
        self.buffer += line if line.endswith("\n") else line + "\n"
        if not self.buffer.strip():
            self.buffer = ""
            return []
        if is_incomplete(self.buffer):
            return []
        text, self.buffer = self.buffer, ""
        try:
            program = parse(text, filename="<repl>")
        except RaspSyntaxError as error:
            return ["\t!! syntax error: " + line for line in str(error).splitlines()]
        lines: list[str] = []
        for statement in program.statements:
            try:
                results = self.session.execute(statement, source=text, filename="<repl>")
            except RecursionError:
                lines += _ignoring("recursion too deep")
                continue
            except RaspError as error:
                lines += reported(error)
                continue
            for result in results:
                if isinstance(result, ExitRequest):
                    self.finished = True
                    return lines
                lines += self.format(result)
        return lines

    def run_lines(self, lines: Iterable[str]) -> list[str]:
        """Feeds lines until they end or `exit`; returns everything printed."""
        out: list[str] = []
        for line in lines:
            out += self.feed(line)
            if self.finished:
                break
        return out

    def format_all(self, results: Iterable[object]) -> list[str]:
        """The printed form of several results."""
        return [line for result in results for line in self.format(result)]

    def format(self, result: object) -> list[str]:
        """The printed form of one statement result."""
        match result:
            case Named(name=name, value=value):
                return self.format_named(name, value)
            case Applied(value=value):
                if isinstance(value, Selection):
                    return ["\t = ", *format_selection(value, result.input)]
                if self.session.full_sequence_display:
                    if _all_same(value):
                        return [f"\t =   {value} [skipped full display: identical values]"]
                    return ["\t = ", *format_sequence_full(value, result.input)]
                return [f"\t =  {value}"]
            case ExampleShown(subset=subset):
                lines = []
                if subset in ("both", "s-op"):
                    lines.append(f"\ts-op example: {format_example(result.sequence_example)}")
                if subset in ("both", "selector"):
                    lines.append(f"\tselector example: {format_example(result.selector_example)}")
                return lines
            case DrawRequest():
                return self.draw(result) if self.draw else [f"\t =  {result.value}"]
            case Loaded(results=results):
                session = self.session
                shown = session.show_sequence_examples, session.show_selector_examples
                session.show_sequence_examples = session.show_selector_examples = False
                try:
                    return self.format_all(results)
                finally:
                    session.show_sequence_examples, session.show_selector_examples = shown
            case Failed(error=error):
                return [*reported(error), f"{DETAIL}at {error.location()}"]
        return []

    def format_named(self, name: str | None, value: object, tabs: int = 0, lead: str = "") -> list[str]:
        """A named value as the original prints it (s-ops with their value on the running example,
        lists and dicts of s-ops one entry per line); `tabs` and `lead` place entries of a container."""
        session = self.session
        pref = "\t" * tabs
        if name is None and isinstance(value, Node):
            name = _nested_name(value)
        if isinstance(value, SOp):
            lines = [f"{pref} {lead}    s-op: {name}"]
            if session.show_sequence_examples:
                example = session.examples.sequence
                head = f"{pref} \t Example: {name}({format_example(example)}) ="
                try:
                    value_shown = session.apply(value, example)
                except RaspError as error:
                    return [*lines, f"{head} (fails: {error.message})"]
                if session.full_sequence_display and not _all_same(value_shown):
                    return [*lines, f"{pref} \t Example:", *format_sequence_full(value_shown, example, pref)]
                suffix = " [skipped full display: identical values]" if session.full_sequence_display else ""
                lines.append(f"{head} {value_shown}{suffix}")
            return lines
        if isinstance(value, Selector):
            lines = [f"{pref} {lead}    selector: {name}"]
            if session.show_selector_examples:
                example = session.examples.selector
                lines.append(f"{pref} \t Example:")
                try:
                    lines += format_selection(session.apply(value, example), example, pref)
                except RaspError as error:
                    lines.append(f"{pref} \t\t(fails: {error.message})")
            return lines
        if isinstance(value, RaspFunction):
            return [f"{pref} {lead}    {value}"]
        if isinstance(value, (list, dict)):
            kind = "list" if isinstance(value, list) else "dict"
            named = f"   {kind}: " + (f"{name} = " if name is not None else "")
            items = value if isinstance(value, list) else list(value.values())
            if not any(isinstance(v, (list, dict, Node)) for v in items):
                return [f"{pref} {lead} {named}{value}"]
            lines = [f"{pref} {lead} {named}{pref} " + ("[" if kind == "list" else "{")]
            if isinstance(value, list):
                for item in value:
                    lines += self.format_named(None, item, tabs + 2)
            else:
                for key, item in value.items():
                    lines += self.format_named(None, item, tabs + 3, format_example(key) + " : ")
            lines.append(f"{pref} {' ' * len(named)} " + ("]" if kind == "list" else "}"))
            return lines
        shown = str(value) if isinstance(value, (Sequence, Selection)) else format_example(value)
        return [f"{pref}    value: " + (f"{name} = " if name is not None else "") + f" {shown}"]

    def interact(
        self,
        read: Callable[[str], str] | None = None,
        write: Callable[[str], None] = print,
        history: Path | None = None,
    ) -> None:
        """Runs the loop on a terminal until `exit` or end of input, with readline history if possible."""
        read = read or input
        readline = _readline(history)
        for line in self.banner():
            write(line)
        while not self.finished:
            try:
                line = read(self.prompt)
            except EOFError:
                write("")
                break
            except KeyboardInterrupt:
                self.buffer = ""
                write("")
                continue
            for out in self.feed(line):
                write(out)
        if readline is not None and history is not None:
            readline.write_history_file(str(history))


def _ignoring(message: str) -> list[str]:
    first, *rest = message.splitlines() or [""]
    return ["\t\t!!ignoring input:", "\t " + first, *("\t\t " + line for line in rest)]


def reported(error: RaspError) -> list[str]:
    """What the REPL prints for a failed statement: the original's lines for that kind of failure,
    then our DETAIL lines naming the s-op that failed and where it was defined."""
    reason = getattr(error, "reason", None) or getattr(error, "message", str(error))
    match getattr(error, "report", Report.IGNORED):
        case Report.UNEXPECTED:
            first, *rest = reason.splitlines()
            lines = [f"something went wrong: {first}", *("\t\t " + line for line in rest)]
        case Report.UNSUPPORTED:
            lines = ["not implemented this command yet! ignoring", f"{DETAIL}({reason})"]
        case _:
            lines = _ignoring(reason)
    where = getattr(error, "where", "")
    return [*lines, f"{DETAIL}in {where}"] if where else lines


def _readline(history: Path | None):
    try:
        import readline
    except ImportError:  # not every platform has it; the REPL works without history
        return None
    if history is not None and history.exists():
        readline.read_history_file(str(history))
    return readline
