"""Provides dataset shards: which items each holds, their file names, and writing one shard atomically.

Shard k of n holds a contiguous index range fixed by (size, n) alone, so the files do not depend on
how many workers wrote them. A shard writes one JSONL and one Parquet file per split, each through a
temporary file renamed into place, and then a marker; a shard with a marker is complete.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchgen.item import Item
from benchgen.registry import Dataset
from benchgen.splits import SplitRule
from machines.files import atomic_output, write_text

MARKERS = ".benchgen"
# json.dumps with options builds a new encoder per call; these are built once (same output).
_compact_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_string_json = json.JSONEncoder(ensure_ascii=False).encode
PARQUET_DIR = "data"
JSONL_DIR = "jsonl"


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard `index` of `count`, holding items `start` to `stop` (exclusive)."""

    index: int
    count: int
    start: int
    stop: int

    def stem(self, split: str) -> str:
        return f"{split}-{self.index:05d}-of-{self.count:05d}"

    def marker(self, out: Path) -> Path:
        return out / MARKERS / f"shard-{self.index:05d}.json"


def plan(size: int, count: int) -> list[Shard]:
    """The `count` shards of a dataset of `size` items (sizes differ by at most one)."""
    bounds = [size * k // count for k in range(count + 1)]
    return [Shard(k, count, bounds[k], bounds[k + 1]) for k in range(count)]


def read_marker(shard: Shard, out: Path) -> dict[str, Any] | None:
    """The completion record of `shard` in `out`, or None if it is not complete."""
    path = shard.marker(out)
    return json.loads(path.read_text()) if path.exists() else None


def write_shard(dataset: Dataset, shard: Shard, rule: SplitRule, out: Path,
                progress: Callable[[int], None] = lambda n: None) -> dict[str, Any]:
    """Generates and writes `shard` of `dataset` into `out`; returns its record (rows per split)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Items become strings as they are made: a shard of plain strings is cheap to hold, while
    # holding the items' nested metadata would make every garbage collection walk all of it.
    columns: dict[str, _Columns] = {}
    pending = 0
    for index in range(shard.start, shard.stop):
        item = dataset[index]
        columns.setdefault(rule.split_of(item), _Columns()).add(item)
        pending += 1
        if pending == 1000:
            progress(pending)
            pending = 0
    progress(pending)
    rows: dict[str, int] = {}
    steps: dict[str, dict[int, int]] = {}
    for name, split in sorted(columns.items()):
        with atomic_output(out / JSONL_DIR / f"{shard.stem(name)}.jsonl") as handle:
            handle.writelines(split.lines)
        table = pa.table({k: pa.array(getattr(split, k), pa.string()) for k in _Columns.FIELDS})
        with atomic_output(out / PARQUET_DIR / f"{shard.stem(name)}.parquet", "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
        rows[name] = len(split.lines)
        steps[name] = dict(sorted(split.steps.items()))
    record = {"shard": shard.index, "of": shard.count, "start": shard.start, "stop": shard.stop, "rows": rows,
              "steps": steps}
    write_text(shard.marker(out), json.dumps(record, sort_keys=True) + "\n")
    return record


class _Columns:
    """One split's rows as strings: the Parquet columns and the JSONL lines, and its trace lengths."""

    FIELDS = ("id", "question", "answer", "cot", "metadata")

    def __init__(self) -> None:
        self.id: list[str] = []
        self.question: list[str] = []
        self.answer: list[str] = []
        self.cot: list[str] = []
        self.metadata: list[str] = []
        self.lines: list[str] = []
        self.steps: Counter[int] = Counter()

    def add(self, item: Item) -> None:
        # Metadata is serialised once: an object in the JSONL line, JSON text in Parquet (its shape
        # differs between tasks, and a string column loads anywhere).
        metadata = _compact_json(item.metadata)
        self.lines.append(f'{{"id":{_string_json(item.id)},"question":{_string_json(item.question)},'
                          f'"answer":{_string_json(item.answer)},"cot":{_string_json(item.cot)},'
                          f'"metadata":{metadata}}}\n')
        self.id.append(item.id)
        self.question.append(item.question)
        self.answer.append(item.answer)
        self.cot.append(item.cot)
        self.metadata.append(metadata)
        self.steps[item.metadata.get("steps", 0)] += 1
