"""Provides answer parsers for scoring: the states a model wrote, step by step, and its final answer.

`parse_answer(text, item, mode)` reads a completion in the item's chain-of-thought style
(`metadata["style"]`) and returns a `Parsed` whose `states[i]` is the state shown for step i in the
same canonical text as the gold `metadata["states"]` (None where the step is missing or unreadable).

For TMBench's step blocks, mode `official` is the published parser (`src/acc.py`): one DOTALL regex
from `step N:` to the first `Queue State: [...]` after it, English only, a fixed symbol class, the
last match of each step number kept, spaces and commas dropped. Mode `robust` splits the answer into
blocks at step headers in several languages and takes the last bracketed queue of each block, so a
block never borrows the next block's state. Other styles have one parser (both modes agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from benchgen.cot import generations, rasp_frames, state_trace, tm_styles
from benchgen.errors import CotParseError
from benchgen.item import Item
from machines.errors import MachineSyntaxError
from machines.tag.tag import render_word
from machines.turing.machine import TMConfig

Mode = Literal["official", "robust"]
MODES: tuple[Mode, ...] = ("official", "robust")

MAX_ANSWER_CHARS = 400_000
"""Longer answers are cut here before parsing (and flagged), so a runaway answer cannot stall scoring."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a parser read: the state of each step (None: missing), the halt mark, the final answer."""

    states: tuple[str | None, ...]
    halted: bool | None
    final: str | None

    @property
    def readable(self) -> bool:
        """True when at least one step state was read."""
        return any(s is not None for s in self.states)


def gold_states(item: Item) -> tuple[str, ...]:
    """The gold states a style's answer shows: every state, except that Life's text style starts at
    the first new generation and LifeGPT's prompt asks for the last generation only."""
    states = item.metadata["states"]
    style = item.metadata.get("style")
    if style == "lifegpt":
        return (states[-1],)
    if item.metadata.get("task") == "life":
        return tuple(states[1:])
    return tuple(states)


def final_answer(text: str, item: Item) -> str | None:
    """The last match of the task's answer pattern in `text` (its one group), stripped."""
    from benchgen.registry import task_named

    pattern = _answer_patterns.get(item.metadata["task"])
    if pattern is None:
        pattern = _answer_patterns[item.metadata["task"]] = re.compile(
            task_named(item.metadata["task"]).answer_regex, re.MULTILINE)
    found = pattern.findall(text)
    return found[-1].strip() if found else None


_answer_patterns: dict[str, re.Pattern[str]] = {}


def parse_answer(text: str, item: Item, mode: Mode = "robust") -> Parsed:
    """The states and final answer of `text`, a completion for `item`, read in its style."""
    text = text[:MAX_ANSWER_CHARS]
    meta = item.metadata
    style = meta["style"]
    if style == "tmbench_blocks":
        states, halted = (official_tmbench if mode == "official" else robust_tmbench)(text)
    elif style == "lifegpt":
        states, halted = (final_answer(text, item),), None
    else:
        states, halted = _READERS[style](text, meta)
    return Parsed(tuple(states), halted, final_answer(text, item))


# TMBench's parser, character for character (src/acc.py of the published snapshot, max_steps = 31,
# where `if step not in steps_ans` is commented out: a later match of a step number replaces it).
OFFICIAL_PATTERN = re.compile(r"(?i)step (\d+):.*?Queue State:.*?\[([ABCDE12345αβγδε@#$%&* ,]*)\]", re.DOTALL)


def official_tmbench(text: str) -> tuple[list[str | None], None]:
    """The published parser: the last match of each step number, spaces and commas removed."""
    steps: dict[int, str] = {}
    for number, content in OFFICIAL_PATTERN.findall(text):
        steps[int(number)] = content.replace(" ", "").replace(",", "")
    return _by_step(steps), None


def _any_case(word: str) -> str:
    return "".join(f"[{c}{c.upper()}]" if c.upper() != c else re.escape(c) for c in word)


_KEYWORDS = ("step", "steps", "步骤", "步", "schritt", "étape", "etapa", "paso", "passo", "шаг", "ステップ")
# The leading newline is a literal the regex engine can search for quickly (the text gets one
# prepended); IGNORECASE or a MULTILINE '^' would make it try the pattern at every character.
# The lookahead on the keywords' first letters rejects most lines in one test, and the possessive
# prefix (none of those letters) is not backtracked into for another try.
_FIRST = "".join(sorted({c for k in _KEYWORDS for c in (k[0], k[0].upper())}))
_HEADER = re.compile(r"\n[ \t#*>-]*+(?=[" + _FIRST + "])(?:" + "|".join(map(_any_case, _KEYWORDS))
                     + r")[ \t]*(\d+)[ \t]*\**[ \t]*[:：.]")
_BRACKETS = re.compile(r"\[([^\[\]\n]*)\]([^\[\n]*)")
_LAST_BRACKETS = re.compile(_BRACKETS.pattern + r"[^\[]*\Z")  # only the last '[' can match


def robust_tmbench(text: str) -> tuple[list[str | None], bool]:
    """Block-scoped reading: each step's state is the last `[...]` inside its own block."""
    parts = _HEADER.split("\n" + text)  # [before, number, block, number, block, ...]
    steps: dict[int, str] = {}
    rest = None
    for number, block in zip(parts[1::2], parts[2::2], strict=True):
        content, rest = _last_brackets(block)
        if content is None:
            steps.pop(int(number), None)
        else:
            steps[int(number)] = _word(content)
    return _by_step(steps), rest is not None and "<halt>" in rest


def _last_brackets(block: str) -> tuple[str, str] | tuple[None, None]:
    """(content, rest of its line) of the last `[...]` closed on its own line in `block`."""
    found = _LAST_BRACKETS.search(block)
    if found is not None:
        return found.groups()
    closed = _BRACKETS.findall(block)  # the last '[' is not closed: take the last closed one
    return closed[-1] if closed else (None, None)


def _blocks(text: str) -> list[tuple[int, str]]:
    """(step number, text after the header up to the next header) for every step header line."""
    parts = _HEADER.split("\n" + text)  # [before, number, block, number, block, ...]
    return [(int(number), block) for number, block in zip(parts[1::2], parts[2::2], strict=True)]


def _word(content: str) -> str:
    """Canonical text of the symbols written between brackets (spaces or commas between them)."""
    symbols = content.replace(",", " ").split()
    joined = "".join(symbols)
    return joined if len(joined) == len(symbols) else render_word(symbols)


def _by_step(steps: Mapping[int, str]) -> list[str | None]:
    return list(map(steps.get, range(max(steps) + 1))) if steps else []


_RULE_LINE = re.compile(r"^[ \t]*(\d+)[ \t]*[:.][^\n\[]*?(?:;[ \t]*)?\[([^\[\]\n]*)\][ \t]*$", re.MULTILINE)
_HALT_LINE = re.compile(r"^[ \t]*halt[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _rule_steps(text: str, meta: Mapping[str, Any]) -> tuple[list[str | None], bool]:
    steps = {int(n): _word(q) for n, q in _RULE_LINE.findall(text)}
    return _by_step(steps), _HALT_LINE.search(text) is not None


_CONFIG_LINE = re.compile(r"Configuration:[ \t]*(.*?)[ \t]*(<halt>)?[ \t]*$", re.MULTILINE)


def _tm_blocks(text: str, meta: Mapping[str, Any]) -> tuple[list[str | None], bool]:
    steps: dict[int, str] = {}
    halted = False
    for number, block in _blocks(text):
        found = list(_CONFIG_LINE.finditer(block))
        if not found:
            continue
        try:
            steps[number] = TMConfig.parse(found[-1].group(1)).render()
        except MachineSyntaxError:
            steps[number] = found[-1].group(1)  # unreadable: kept as written, so it counts as wrong
        halted = found[-1].group(2) is not None
    return _by_step(steps), halted


def _longest_prefix(parse: Callable[[str], Sequence[str]], text: str) -> list[str | None]:
    """The states of the longest parsable prefix of lines: these styles are read line by line, so
    once a line fails every longer prefix fails too, and bisection finds the boundary."""
    lines = text.splitlines()

    def attempt(count: int) -> Sequence[str] | None:
        try:
            return parse("\n".join(lines[:count]))
        except (CotParseError, MachineSyntaxError, ValueError, IndexError, KeyError):
            return None

    whole = attempt(len(lines))
    if whole is not None:
        return list(whole)
    lo, hi, best = 0, len(lines), None
    while lo < hi:
        mid = (lo + hi + 1) // 2
        found = attempt(mid)
        if found is not None:
            lo, best = mid, found
        else:
            hi = mid - 1
    return list(best or [])


def _tm_style(style: str) -> Callable[[str, Mapping[str, Any]], tuple[list[str | None], None]]:
    def read(text: str, meta: Mapping[str, Any]) -> tuple[list[str | None], None]:
        def parse(part: str) -> list[str]:
            return [c.render() for c in tm_styles.parse(style, part, meta["window_starts"], meta["blank"])]
        return _longest_prefix(parse, text), None
    return read


_READERS: dict[str, Callable[[str, Mapping[str, Any]], tuple[list[str | None], bool | None]]] = {
    "rule_steps": _rule_steps,
    "tm_blocks": _tm_blocks,
    **{style: _tm_style(style) for style in tm_styles.STYLES if style != "tm_blocks"},
    "state_trace": lambda text, meta: (_longest_prefix(state_trace.parse, text), None),
    "text": lambda text, meta: (_longest_prefix(generations.parse, text), None),
    "rasp_frames": lambda text, meta: (
        _longest_prefix(lambda part: [f.render() for f in rasp_frames.parse(part)], text), None),
}

STYLES: tuple[str, ...] = ("tmbench_blocks", "lifegpt", *_READERS)
"""Every chain-of-thought style a parser reads."""
