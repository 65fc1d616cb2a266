"""Provides held-out splits (by input, by whole machine, or by a metadata field) and duplicate reports.

A split is a pure function of one item, so every shard assigns splits alone and the same item
always lands in the same split: holding out by machine puts every item of a held-out machine
(whatever its input) in `test`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from benchgen.errors import ConfigError
from benchgen.item import Item

SPLIT_KINDS = ("none", "input", "machine")
METADATA_PREFIX = "metadata:"


@dataclass(frozen=True, slots=True)
class SplitRule:
    """How items are assigned to splits: `by` is none, input, machine or 'metadata:FIELD'."""

    by: str = "none"
    test_fraction: float = 0.1
    seed: int = 0

    def __post_init__(self) -> None:
        if self.by not in SPLIT_KINDS and not (self.by.startswith(METADATA_PREFIX)
                                               and len(self.by) > len(METADATA_PREFIX)):
            raise ConfigError(f"split_by={self.by!r} must be one of {', '.join(SPLIT_KINDS)} "
                              f"or '{METADATA_PREFIX}FIELD'")
        if isinstance(self.test_fraction, bool) or not 0.0 < self.test_fraction < 1.0:
            raise ConfigError(f"test_fraction={self.test_fraction!r} must be between 0 and 1 (exclusive)")

    def split_of(self, item: Item) -> str:
        """The split `item` belongs to."""
        if self.by == "none":
            return "train"
        if self.by.startswith(METADATA_PREFIX):
            field = self.by[len(METADATA_PREFIX):]
            if field not in item.metadata:
                raise ConfigError(f"split_by={self.by!r}: items have no metadata field {field!r} "
                                  f"(fields: {', '.join(item.metadata)})")
            return str(item.metadata[field])
        key = item.metadata["input"] if self.by == "input" else item.metadata["machine_id"]
        held_out = _unit(f"{self.seed}:{json.dumps(key, sort_keys=True)}") < self.test_fraction
        return "test" if held_out else "train"


def _unit(text: str) -> float:
    """A uniform number in [0, 1) determined by `text`."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") / 2**64


@dataclass(frozen=True, slots=True)
class DuplicateReport:
    """How many items repeat an earlier one (same id: same task, question, answer and cot)."""

    total: int
    duplicates: int
    most_repeated: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, object]:
        return {"total": self.total, "duplicates": self.duplicates,
                "most_repeated": [list(pair) for pair in self.most_repeated]}


def duplicate_report(ids: Iterable[str]) -> DuplicateReport:
    """Counts repeated ids; `most_repeated` lists up to five ids that occur more than once."""
    counts = Counter(ids)
    total = sum(counts.values())
    repeated = tuple((i, n) for i, n in counts.most_common(5) if n > 1)
    return DuplicateReport(total, total - len(counts), repeated)
