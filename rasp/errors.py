"""Provides the errors of the rasp package."""

from __future__ import annotations

import enum

from machines.errors import SourceError, TuringboxError


class Report(enum.Enum):
    """How the original REPL reported a kind of failure (the REPL prints ours the same way)."""

    IGNORED = "ignored"
    """Its own errors: '!!ignoring input:' and the message."""
    UNEXPECTED = "unexpected"
    """A Python error inside its evaluator: 'something went wrong: ' and Python's message."""
    UNSUPPORTED = "unsupported"
    """An expression form it has no rule for: 'not implemented this command yet! ignoring'."""


class RaspError(TuringboxError):
    """Root of the errors of the rasp package."""


class RaspSyntaxError(SourceError, RaspError):
    """RASP source text does not parse."""


class RaspRuntimeError(SourceError, RaspError):
    """A RASP program fails while it runs; it carries the span of the statement when known.

    `reason` is the failure in the original REPL's words (the message without the s-op that
    failed), `where` names that s-op and where it was defined ('' when no s-op failed), and
    `report` says how the original reported this kind of failure.
    """

    report: Report = Report.IGNORED
    where: str = ""

    @property
    def reason(self) -> str:
        """The message without the failing s-op, as the original words it."""
        return self.__dict__.get("_reason", self.message)

    def failing(self, where: str, reason: str, report: Report) -> RaspRuntimeError:
        """This error as the failure of the s-op `where` (its message names it) for `reason`."""
        self.where, self._reason, self.report = where, reason, report
        return self

    def __str__(self) -> str:
        if self.span is None and self.filename is None:
            return self.message
        return super().__str__()


class RaspNameError(RaspRuntimeError, NameError):
    """A name is used before it is defined."""


class ReservedNameError(RaspRuntimeError):
    """A statement assigns to a reserved name (a built-in or a library name)."""


class RaspTypeError(RaspRuntimeError, TypeError):
    """A value has the wrong type for an operation (averaging strings, mixing types in a sequence)."""


class EncodingError(RaspTypeError):
    """Values break tracr's encoding rules (numerical vs categorical); the message names every
    offending s-op."""


class RaspValueError(RaspRuntimeError):
    """A value is out of range for an operation (a missing dict key, an index past the end)."""


class GraphSourceError(RaspValueError):
    """A computation graph has a part with no RASP source (a custom select predicate, a max/min
    aggregate, a value with no RASP literal, a lookup table that would be too large)."""


class RaspLoadError(RaspRuntimeError):
    """`load` cannot find or read its file."""


class RaspEvaluationError(RaspRuntimeError):
    """An s-op or selector fails on an input; the message names it and where it was defined."""


class RaspBudgetError(RaspRuntimeError):
    """A program runs past its statement budget or recurses without end."""
