"""Provides the errors of the Turing-machine engines: choosing one, and what one cannot do."""

from machines.errors import MachineError


class EngineError(MachineError, ValueError):
    """Root of the errors about choosing or using an engine."""


class UnknownEngineError(EngineError):
    """No engine has the requested name."""


class UnsupportedMachineError(EngineError):
    """The chosen engine cannot run this machine (or cannot do what was asked of it)."""


class TapeTooLongError(EngineError):
    """A run's final tape would be too long to write out as a configuration."""
