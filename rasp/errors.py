"""Provides the errors of the rasp package."""

from machines.errors import SourceError, TuringboxError


class RaspError(TuringboxError):
    """Root of the errors of the rasp package."""


class RaspSyntaxError(SourceError, RaspError):
    """RASP source text does not parse."""
