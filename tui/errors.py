"""Provides the errors of the tui package."""

from machines.errors import TuringboxError


class TuiError(TuringboxError):
    """Root of the errors of the tui package."""


class BreakpointSyntaxError(TuiError, ValueError):
    """A breakpoint's text is not one of the forms the stepper understands."""


class StepSyntaxError(TuiError, ValueError):
    """A 'go to step' entry is not a step number or a +/- offset."""
