"""Provides breakpoints: where a run stops (a state, a rule, a condition on the view's metrics).

Breakpoints are written as text in the breakpoint dialog:
`state H`, `rule A 1 -> 0 L B` (or any part of a rule's text), `contains 1 1 1`, and conditions
`METRIC OP NUMBER` such as `head < -3` or `population == 0`. Rules that carry Morphett's `!`
(`breakpoint=True`) always stop a run.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from machines.core import Snapshot
from tui.errors import BreakpointSyntaxError

Metrics = Mapping[str, float | int | str]

_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<=": operator.le, ">=": operator.ge,
    "<": operator.lt, ">": operator.gt,
}
_CONDITION = re.compile(r"(\w+)\s*(==|!=|<=|>=|<|>)\s*(-?\d+)")


@dataclass(frozen=True, slots=True)
class Breakpoint:
    """One breakpoint: `kind` is 'state', 'rule', 'contains' or 'condition'."""

    kind: str
    text: str

    def __str__(self) -> str:
        return self.text if self.kind == "condition" else f"{self.kind} {self.text}"

    @classmethod
    def parse(cls, text: str) -> Breakpoint:
        """Reads one breakpoint; raises BreakpointSyntaxError saying what is expected."""
        text = text.strip()
        kind, _, rest = text.partition(" ")
        if kind in ("state", "rule", "contains") and rest.strip():
            return cls(kind, rest.strip())
        if _CONDITION.fullmatch(text):
            return cls("condition", text)
        raise BreakpointSyntaxError(
            f"breakpoint {text!r} is not 'state NAME', 'rule TEXT', 'contains TEXT' or 'METRIC OP NUMBER'")

    def check(self, metrics: Metrics) -> None:
        """Raises BreakpointSyntaxError if a condition names a metric the view does not provide."""
        if self.kind == "condition":
            name = _CONDITION.fullmatch(self.text)[1]
            if name not in metrics:
                raise BreakpointSyntaxError(f"metric {name!r} is not one of {sorted(metrics)}")

    def hits(self, snapshot: Snapshot, state: str | frozenset[str] | None, metrics: Metrics) -> bool:
        """True if the run should stop at `snapshot` (in `state`, with `metrics`)."""
        if self.kind == "state":
            return self.text == state if isinstance(state, str) else state is not None and self.text in state
        if self.kind == "rule":
            return snapshot.event is not None and self.text in str(snapshot.event)
        if self.kind == "contains":
            return self.text in snapshot.config.render()
        name, op, value = _CONDITION.fullmatch(self.text).groups()
        actual = metrics.get(name)
        return isinstance(actual, int | float) and _OPERATORS[op](actual, int(value))


def marked_rule(snapshot: Snapshot) -> bool:
    """True if the rule that fired carries a Morphett `!` breakpoint."""
    return bool(getattr(snapshot.event, "breakpoint", False))
