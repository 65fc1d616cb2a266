"""Provides the errors of the rasp package."""

from machines.errors import SourceError, TuringboxError


class RaspError(TuringboxError):
    """Root of the errors of the rasp package."""


class RaspSyntaxError(SourceError, RaspError):
    """RASP source text does not parse."""


class RaspRuntimeError(SourceError, RaspError):
    """A RASP program fails while it runs; it carries the span of the statement when known."""

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


class RaspValueError(RaspRuntimeError):
    """A value is out of range for an operation (a missing dict key, an index past the end)."""


class RaspLoadError(RaspRuntimeError):
    """`load` cannot find or read its file."""


class RaspEvaluationError(RaspRuntimeError):
    """An s-op or selector fails on an input; the message names it and where it was defined."""


class RaspBudgetError(RaspRuntimeError):
    """A program runs past its statement budget or recurses without end."""
