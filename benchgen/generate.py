"""Provides dataset generation into a folder: shards in worker processes, resume, progress, final files.

`generation.json` is written first and fixes everything that determines the files; a rerun with the
same generation skips complete shards (so an interrupted run resumes and a finished one does
nothing), and a different generation in the same folder is refused.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchgen.card import dataset_card, inspect_task, lm_eval_yaml
from benchgen.errors import ConfigError, OutputError
from benchgen.picture import steps_histogram_png
from benchgen.registry import Dataset, create_dataset
from benchgen.shards import JSONL_DIR, MARKERS, PARQUET_DIR, Shard, plan, read_marker, write_shard
from benchgen.splits import SplitRule, duplicate_report
from machines import __version__
from machines.errors import TuringboxError
from machines.files import write_bytes, write_text

DEFAULT_SHARD_SIZE = 50_000
EXECUTORS = ("local", "ray")
GENERATION = "generation.json"


@dataclass(frozen=True, slots=True)
class Generation:
    """Everything that determines a generated folder's data files."""

    task: str
    size: int
    seed: int
    knobs: dict[str, Any]
    shards: int
    split_by: str = "none"
    test_fraction: float = 0.1

    def dataset(self) -> Dataset:
        return create_dataset(self.task, size=self.size, seed=self.seed, **self.knobs)

    def split_rule(self) -> SplitRule:
        return SplitRule(self.split_by, self.test_fraction, self.seed)

    def to_dict(self, dataset: Dataset) -> dict[str, Any]:
        """The generation record: the dataset's full config plus sharding and splitting."""
        return {**dataset.generation_config(), "shards": self.shards, "split_by": self.split_by,
                "test_fraction": self.test_fraction, "turingbox": __version__}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Generation:
        try:
            return cls(record["task"], record["size"], record["seed"], dict(record["config"]),
                       record["shards"], record.get("split_by", "none"), record.get("test_fraction", 0.1))
        except (KeyError, TypeError) as error:
            raise ConfigError(f"{GENERATION} lacks {error}") from None


def default_shards(size: int) -> int:
    return max(1, -(-size // DEFAULT_SHARD_SIZE))


@dataclass(frozen=True, slots=True)
class Result:
    """What a generation run did: rows per split, shards written now and skipped, and duplicates."""

    rows: dict[str, int]
    written: int
    skipped: int
    seconds: float
    duplicates: dict[str, Any] | None


def prepare(generation: Generation, out: Path) -> tuple[Dataset, dict[str, Any], list[Path]]:
    """Checks the generation (before touching the disk) and claims `out` for it.

    Also returns what claiming created (the folder, or `generation.json` and the subfolders), so a
    first run that fails can leave nothing behind.
    """
    dataset = generation.dataset()
    generation.split_rule()
    if isinstance(generation.shards, bool) or not isinstance(generation.shards, int) or \
            not 1 <= generation.shards <= generation.size:
        raise ConfigError(f"shards={generation.shards!r} must be between 1 and size={generation.size}")
    record = generation.to_dict(dataset)
    existing = out / GENERATION
    created: list[Path] = []
    if existing.exists():
        if json.loads(existing.read_text(encoding="utf-8")) != record:
            raise OutputError(f"{out} holds a dataset of another generation config; "
                              "choose another --out or remove it")
    else:
        if not out.exists():
            created.append(out)
        out.mkdir(parents=True, exist_ok=True)
        write_text(existing, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        created.append(existing)
    for folder in (JSONL_DIR, PARQUET_DIR, MARKERS):
        if not (out / folder).exists():
            (out / folder).mkdir()
            created.append(out / folder)
    for stale in out.rglob(".*.tmp"):  # left by a worker killed mid-write
        stale.unlink()
    return dataset, record, created


def _remove(paths: list[Path]) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


_worker: dict[str, Any] = {}


def _init_worker(generation: Generation, out: Path, queue: Any) -> None:
    _worker.update(dataset=generation.dataset(), rule=generation.split_rule(), out=out, queue=queue)


def _run_shard(shard: Shard) -> dict[str, Any]:
    return write_shard(_worker["dataset"], shard, _worker["rule"], _worker["out"], _worker["queue"].put)


def _run_local(generation: Generation, dataset: Dataset, todo: list[Shard], out: Path, workers: int,
               advance: Callable[[int], None]) -> None:
    """Writes the shards in this process, or in a pool of `workers` processes."""
    if workers <= 1 or len(todo) <= 1:
        rule = generation.split_rule()
        for shard in todo:
            write_shard(dataset, shard, rule, out, advance)
        return
    context = multiprocessing.get_context("fork")
    queue = context.SimpleQueue()
    with context.Pool(min(workers, len(todo)), _init_worker, (generation, out, queue)) as pool:
        pending = pool.map_async(_run_shard, todo)
        while not pending.ready() or not queue.empty():
            while not queue.empty():
                advance(queue.get())
            pending.wait(0.05)
        pending.get()


def generate(generation: Generation, out: Path, *, workers: int = 1, only: Iterable[int] | None = None,
             progress: Callable[[int, int], None] = lambda done, total: None,
             executor: str = "local") -> Result:
    """Writes the shards of `generation` (all, or the indices in `only`) into `out`.

    The `local` executor runs `workers` processes; `ray` runs the shards as Ray tasks (on the
    cluster RAY_ADDRESS names, else on a local Ray instance; `out` must be shared with its nodes).
    `progress(done, total)` is called as items are made. When every shard is complete, also writes
    the dataset card, the lm-eval YAML, the inspect-ai task and `steps.png` (trace lengths).
    """
    if executor not in EXECUTORS:
        raise ConfigError(f"executor={executor!r} must be one of {', '.join(EXECUTORS)}")
    if executor == "ray":
        from benchgen.ray_executor import require_ray

        require_ray()
    started = time.perf_counter()
    dataset, record, created = prepare(generation, out)
    try:
        return _generate(generation, dataset, record, out, workers, only, progress, started, executor)
    except TuringboxError:
        # A first run that fails (a task that cannot make an item) leaves no partial dataset; an
        # interruption (KeyboardInterrupt) keeps the finished shards for the resumed run.
        _remove([out] if out in created else created)
        raise


def _generate(generation: Generation, dataset: Dataset, record: dict[str, Any], out: Path, workers: int,
              only: Iterable[int] | None, progress: Callable[[int, int], None], started: float,
              executor: str) -> Result:
    shards = plan(generation.size, generation.shards)
    chosen = [shards[i] for i in sorted(set(only))] if only is not None else shards
    todo = [s for s in chosen if read_marker(s, out) is None]
    total = sum(s.stop - s.start for s in todo)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    progress(0, total)
    if executor == "ray" and todo:
        from benchgen.ray_executor import run_on_ray

        run_on_ray(generation, todo, out, advance)
    else:
        _run_local(generation, dataset, todo, out, workers, advance)
    markers = [read_marker(s, out) for s in shards]
    rows: dict[str, int] = {}
    steps: dict[str, dict[int, int]] = {}
    for marker in markers:
        for split, n in (marker or {}).get("rows", {}).items():
            rows[split] = rows.get(split, 0) + n
        for split, counts in (marker or {}).get("steps", {}).items():
            for length, n in counts.items():
                steps.setdefault(split, {})[int(length)] = steps.get(split, {}).get(int(length), 0) + n
    duplicates = None
    if all(markers):
        report = out / MARKERS / "report.json"
        duplicates = (json.loads(report.read_text())["duplicates"] if report.exists() and not todo
                      else _finish(dataset, record, out, rows, steps))
    return Result(rows, len(todo), len(chosen) - len(todo), time.perf_counter() - started, duplicates)


def _finish(dataset: Dataset, record: dict[str, Any], out: Path, rows: dict[str, int],
            steps: dict[str, dict[int, int]]) -> dict[str, Any]:
    import pyarrow.parquet as pq

    ids = []
    for path in sorted((out / PARQUET_DIR).glob("*.parquet")):
        ids += pq.read_table(path, columns=["id"]).column("id").to_pylist()
    duplicates = duplicate_report(ids).to_dict()
    task = dataset.task
    write_text(out / "README.md", dataset_card(record, rows, task.description, task.answer_regex, duplicates))
    write_text(out / f"turingbox_{task.name}.yaml", lm_eval_yaml(task.name, rows, task.answer_regex))
    write_text(out / "inspect_task.py", inspect_task(task.name, rows, task.answer_regex))
    write_bytes(out / "steps.png", steps_histogram_png(task.name, steps))
    write_text(out / MARKERS / "report.json", json.dumps({"rows": rows, "duplicates": duplicates},
                                                         sort_keys=True) + "\n")
    return duplicates
