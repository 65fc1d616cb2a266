"""Machines: the interpreter core and the trace model shared by every layer of turingbox."""

__version__ = "0.1.0"

from machines.core import Machine, Outcome, Retention, Snapshot, Trace, run, trace
from machines.errors import (
    BudgetError,
    InvalidMachineError,
    MachineError,
    SourceError,
    Span,
    TuringboxError,
)

__all__ = [
    "BudgetError",
    "InvalidMachineError",
    "Machine",
    "MachineError",
    "Outcome",
    "Retention",
    "Snapshot",
    "SourceError",
    "Span",
    "Trace",
    "TuringboxError",
    "__version__",
    "run",
    "trace",
]
