"""Provides the Turing-machine CoT styles by name: each renders a `TMRun` and parses back to configs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType

from benchgen.cot import caef, changes, tail_minimal, tail_styled, tm_blocks, turing_program
from benchgen.cot.tm_run import TMRun
from machines.turing.machine import TMConfig

STYLES: dict[str, ModuleType] = {
    "tm_blocks": tm_blocks,
    "turing_program": turing_program,
    "tail_minimal": tail_minimal,
    "tail_styled": tail_styled,
    "caef": caef,
    "changes": changes,
}


def render(style: str, run: TMRun) -> str:
    """`run` in `style`."""
    return STYLES[style].render(run)


_PARSERS: dict[str, Callable[[str, Sequence[int], str], tuple[TMConfig, ...]]] = {
    "tm_blocks": lambda text, starts, blank: tm_blocks.parse(text)[0],
    "turing_program": turing_program.parse,
    "tail_minimal": lambda text, starts, blank: tail_minimal.parse(text, blank),
    "tail_styled": lambda text, starts, blank: tail_styled.parse(text, blank),
    "caef": caef.parse,
    "changes": lambda text, starts, blank: changes.parse(text, blank),
}


def parse(style: str, text: str, starts: Sequence[int], blank: str) -> tuple[TMConfig, ...]:
    """The configurations a `style` text shows; `starts` are the first cells of the tape windows
    (item metadata `window_starts`), `blank` the machine's blank."""
    return _PARSERS[style](text, starts, blank)
