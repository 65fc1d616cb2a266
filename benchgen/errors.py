"""Provides the errors of the benchgen package."""

from machines.errors import TuringboxError


class BenchgenError(TuringboxError):
    """Root of the errors of the benchgen package."""


class ConfigError(BenchgenError, ValueError):
    """A task configuration or generation option is invalid."""


class UnknownTaskError(ConfigError):
    """A task name is not in the registry."""


class OutputError(BenchgenError):
    """An output directory cannot be used (not writable, or holds a dataset of another config)."""


class CotParseError(BenchgenError, ValueError):
    """A chain of thought does not follow its style."""
