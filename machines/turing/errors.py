"""Provides the located errors of Turing machine files: a semantic mistake with its line and column."""

from __future__ import annotations

from machines.errors import (
    InvalidInputError,
    MachineSyntaxError,
    NondeterministicRuleError,
    UnknownStateError,
    UnknownSymbolError,
)


class UndefinedStateError(MachineSyntaxError, UnknownStateError):
    """A file uses a state it never defines."""


class UndefinedSymbolError(MachineSyntaxError, UnknownSymbolError):
    """A file uses a symbol outside the alphabet it declares."""


class ConflictingRulesError(MachineSyntaxError, NondeterministicRuleError):
    """A file gives two rules for the same state and symbols."""


class InputSymbolError(MachineSyntaxError, InvalidInputError):
    """A file's input holds a symbol outside the machine's alphabet."""
