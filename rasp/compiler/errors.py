"""Provides the compiler's error: every node that cannot be compiled, each with its reason."""

from __future__ import annotations

from rasp.errors import RaspError


class CompileError(RaspError, ValueError):
    """A program cannot be compiled; `problems` lists (node, reason) for every offending node."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = list(problems)
        lines = [f"  {node}: {reason}" for node, reason in self.problems]
        super().__init__(f"cannot compile {len(self.problems)} node(s):\n" + "\n".join(lines))
        self.message = str(self.args[0])

    def __str__(self) -> str:
        return self.message
