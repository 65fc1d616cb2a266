"""Provides the errors of the tui package."""

from machines.errors import TuringboxError


class TuiError(TuringboxError):
    """Root of the errors of the tui package."""
