"""Provides the errors of the cellular-automata family: bad rulestrings, bad pattern files, bad grids."""

from __future__ import annotations

from machines.errors import InvalidInputError, InvalidMachineError, MachineSyntaxError


class RuleError(InvalidMachineError):
    """A rulestring or topology suffix is malformed or not supported."""


class PatternSyntaxError(MachineSyntaxError):
    """A pattern file (RLE, plaintext, Life 1.06, LifeGPT grid) does not follow its format."""


class PatternError(InvalidInputError):
    """A pattern does not fit where it is used (outside a torus, too large to enumerate)."""
