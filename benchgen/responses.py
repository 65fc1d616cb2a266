"""Provides model responses on disk: JSONL keyed by item id (also the client's run files), TMBench's
results JSON, the dataset they answer, and matching the two.

A response line is `{"id": ..., "response": TEXT}` plus optional `finish_reason`, `usage`
(`completion_tokens`, ...), `latency` and `error`; `completion`, `answer` and `text` are accepted for
`response`. Bad lines are reported with file, line and column and skipped, so one broken line loses
nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchgen.errors import BenchgenError
from benchgen.item import Item
from machines.files import read_text

TEXT_KEYS = ("response", "completion", "answer", "text")


class ResponsesError(BenchgenError, ValueError):
    """A responses or dataset file cannot be used at all."""


@dataclass(frozen=True, slots=True)
class Response:
    """One model answer for item `id` (`error` set when the call failed and there is no answer)."""

    id: str
    text: str | None
    finish_reason: str | None = None
    usage: Mapping[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_json(self) -> str:
        """The run-file line (no newline)."""
        record = {"id": self.id, "response": self.text, "finish_reason": self.finish_reason,
                  "usage": dict(self.usage)}
        if self.error:
            record["error"] = self.error
        return json.dumps(record, ensure_ascii=False)


@dataclass(slots=True)
class Responses:
    """Responses by id, and the problems met reading them (each `file:line:col: message`)."""

    by_id: dict[str, Response] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def parse_line(line: str, where: str) -> Response:
    """One JSONL response line; ResponsesError (with `where` and the column) when it is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ResponsesError(f"{where}:{error.colno}: malformed JSON: {error.msg}") from None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise ResponsesError(f"{where}:1: a response line must be an object with a string 'id'")
    text = next((record[k] for k in TEXT_KEYS if k in record), None)
    if text is not None and not isinstance(text, str):
        raise ResponsesError(f"{where}:1: the response of {record['id']!r} is not a string")
    usage = dict(record.get("usage") or {})
    if "latency" in record:
        usage["latency"] = record["latency"]
    return Response(record["id"], text, record.get("finish_reason"), usage, record.get("error"))


def read_jsonl(path: str | Path, into: Responses | None = None) -> Responses:
    """The responses of a JSONL file (later lines for an id replace earlier ones)."""
    into = into if into is not None else Responses()
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            response = parse_line(line, f"{path}:{number}")
        except ResponsesError as error:
            into.problems.append(str(error))
            continue
        if response.error and response.id in into.by_id and into.by_id[response.id].text is not None:
            continue  # a failed retry does not hide an answer already received
        into.by_id[response.id] = response
    return into


def read_tmbench_results(path: str | Path, record: Mapping[str, Any]) -> Responses:
    """TMBench's results JSON (`samples` with `id`, `ans`, `num_token`); samples without `ans` are
    left out, as its `acc.py` does."""
    found = Responses()
    for index, sample in enumerate(record["samples"]):
        if not isinstance(sample, dict) or "id" not in sample:
            found.problems.append(f"{path}: samples[{index}] has no 'id'")
        elif "ans" in sample:
            usage = {"completion_tokens": sample["num_token"]} if "num_token" in sample else {}
            found.by_id[sample["id"]] = Response(sample["id"], sample["ans"], None, usage)
    return found


def read_responses(path: str | Path) -> Responses:
    """The responses of a JSONL file or of a TMBench results JSON."""
    text = read_text(path)
    if text.lstrip().startswith("{") and '"samples"' in text[:4096]:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            where = f"{path}:{error.lineno}:{error.colno}"
            raise ResponsesError(f"{where}: malformed JSON: {error.msg}") from None
        if isinstance(record, dict) and isinstance(record.get("samples"), list):
            return read_tmbench_results(path, record)
    return read_jsonl(path)


def dataset_files(path: str | Path) -> list[Path]:
    """The JSONL files of a dataset: the file itself, or every `jsonl/*.jsonl` of a dataset folder."""
    path = Path(path)
    if path.is_dir():
        files = sorted((path / "jsonl").glob("*.jsonl")) or sorted(path.glob("*.jsonl"))
        if not files:
            raise ResponsesError(f"{path}: no JSONL files (expected a dataset folder with jsonl/*.jsonl)")
        return files
    return [path]


def read_dataset(path: str | Path) -> list[Item]:
    """The items of a dataset folder or JSONL file, in file order."""
    items = []
    for file in dataset_files(path):
        for number, line in enumerate(read_text(file).splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                items.append(Item(row["id"], row["question"], row["answer"], row["cot"], row["metadata"]))
            except json.JSONDecodeError as error:
                raise ResponsesError(f"{file}:{number}:{error.colno}: malformed JSON: {error.msg}") from None
            except (KeyError, TypeError):
                raise ResponsesError(f"{file}:{number}:1: not a dataset row (needs id, question, answer, "
                                     "cot, metadata)") from None
    if not items:
        raise ResponsesError(f"{path}: the dataset has no items")
    return items


@dataclass(frozen=True, slots=True)
class Matched:
    """Items paired with their responses; items without one; response ids matching no item."""

    pairs: list[tuple[Item, Response]]
    missing: list[str]
    unknown: list[str]


def match(items: Sequence[Item], responses: Responses) -> Matched:
    """Pairs each item with its response, found by item id or by TMBench instance id."""
    pairs, missing, used = [], [], set()
    for item in items:
        key = item.id if item.id in responses.by_id else item.metadata.get("tmbench_id")
        response = responses.by_id.get(key) if isinstance(key, str) else None
        if response is None:
            missing.append(item.id)
        else:
            pairs.append((item, response))
            used.add(key)
    unknown = [key for key in responses.by_id if key not in used]
    return Matched(pairs, missing, unknown)
