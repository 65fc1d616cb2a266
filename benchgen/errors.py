"""Provides the errors of the benchgen package."""

from machines.errors import TuringboxError


class BenchgenError(TuringboxError):
    """Root of the errors of the benchgen package."""


class ConfigError(BenchgenError, ValueError):
    """A task configuration or generation option is invalid."""
