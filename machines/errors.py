"""Provides the project's root error and the errors of the machines layer."""

from __future__ import annotations

from dataclasses import dataclass


class TuringboxError(Exception):
    """Root of every error turingbox raises on purpose; the CLI and TUI catch this alone."""


class MachineError(TuringboxError):
    """Root of the errors of the machines package."""


class InvalidMachineError(MachineError, ValueError):
    """A machine definition is malformed."""


class UnknownStateError(InvalidMachineError):
    """A rule or setting names a state the machine does not have."""


class UnknownSymbolError(InvalidMachineError):
    """A rule, input or setting uses a symbol outside the alphabet."""


class NondeterministicRuleError(InvalidMachineError):
    """Two rules apply to the same situation in a deterministic machine."""


class InvalidInputError(MachineError, ValueError):
    """An input cannot be fed to a machine (unknown symbol, wrong shape)."""


class BudgetError(MachineError, ValueError):
    """A step or time budget is not a positive integer."""


class UnknownFormatError(MachineError, ValueError):
    """A file's format is not known or cannot be detected."""


class ConversionError(MachineError, ValueError):
    """A machine cannot be expressed in the requested target format."""


@dataclass(frozen=True, slots=True)
class Span:
    """A region of source text; lines and columns count from 1."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


class SourceError(TuringboxError, ValueError):
    """An error located in source text: it shows file, line and column, and the line with a caret.

    Every package's parse errors derive from this, so the CLI and TUI report them the same way.
    """

    def __init__(self, message: str, *, span: Span | None = None, source: str | None = None,
                 filename: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.source = source
        self.filename = filename

    def with_filename(self, filename: str) -> SourceError:
        """Returns this error with the file it came from filled in."""
        self.filename = filename
        return self

    def context(self) -> str:
        """The offending line followed by a caret under the column, or '' when unknown."""
        if self.span is None or self.source is None:
            return ""
        lines = self.source.splitlines()
        if not 1 <= self.span.line <= len(lines):
            return ""
        text = lines[self.span.line - 1].expandtabs(1)
        width = 1
        if self.span.end_line == self.span.line and self.span.end_column:
            width = max(1, self.span.end_column - self.span.column)
        return f"{text}\n{' ' * (self.span.column - 1)}{'^' * width}"

    def location(self) -> str:
        """'file:line:column' with whatever parts are known."""
        parts = [self.filename or "<input>"]
        if self.span is not None:
            parts += [str(self.span.line), str(self.span.column)]
        return ":".join(parts)

    def __str__(self) -> str:
        head = f"{self.location()}: {self.message}"
        context = self.context()
        return f"{head}\n{context}" if context else head


class MachineSyntaxError(SourceError, MachineError):
    """A machine file does not follow its format's syntax."""


def check_budget(name: str, value: object) -> int:
    """Returns `value` if it is a positive int, else raises BudgetError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise BudgetError(f"{name}={value!r} must be a positive integer")
    return value
