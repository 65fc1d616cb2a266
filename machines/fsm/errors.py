"""Provides the errors of the finite-automata family, one class per kind of mistake."""

from __future__ import annotations

from machines.errors import InvalidMachineError, MachineSyntaxError


class RegexSyntaxError(MachineSyntaxError):
    """A regular expression does not follow the regex grammar (or names a symbol outside the alphabet)."""


class FsmSyntaxError(MachineSyntaxError):
    """A `.fsm` file does not follow the format or describes a malformed automaton."""


class JflapError(MachineSyntaxError):
    """A JFLAP `.jff` file is not well-formed XML or not a machine turingbox can read."""


def raise_problems(problems: list[tuple[type[InvalidMachineError], str]]) -> None:
    """Raises once for every collected problem: the first problem's class, all messages joined."""
    if not problems:
        return
    kinds = {kind for kind, _ in problems}
    kind = problems[0][0] if len(kinds) == 1 else InvalidMachineError
    raise kind("; ".join(message for _, message in problems))
