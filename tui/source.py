"""Provides what the stepper opens: a machine with its input and a title, read from a file or given."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from machines.core import machine_name
from machines.files import read_text
from machines.formats import load_text

DEFAULT_MAX_STEPS = 10_000_000
"""The step budget of a run in the stepper unless the caller gives one."""


@dataclass(frozen=True, slots=True)
class Source:
    """A machine to step through, the input it starts on, and the title the screen shows."""

    machine: Any
    input: Any = None
    """None: the view's default input (the empty word, or a pattern file's own pattern)."""
    title: str = ""

    @classmethod
    def of(cls, machine: Any, input: Any = None, title: str = "") -> Source:
        """A source for a machine built in code (the title defaults to the machine's name)."""
        return cls(machine, input, title or machine_name(machine))


def load_source(path: str | Path, *, format: str | None = None, input: Any = None) -> Source:
    """Reads a machine file or a RASP program; `input` (if given) replaces the input the file names."""
    if Path(path).suffix == ".rasp":
        from tui.rasp_run import load_rasp

        program, example = load_rasp(path)
        return Source.of(program, example if input is None else input, Path(path).name)
    loaded = load_text(read_text(path), path=str(path), format=format)
    return Source.of(loaded.machine, input if input is not None else loaded.input, Path(path).name)
