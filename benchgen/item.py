"""Provides the typed dataset item every task produces, and its stable content hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def content_id(*parts: str) -> str:
    """A stable hex digest of `parts` (length-prefixed, so ('ab', 'c') and ('a', 'bc') differ)."""
    framed = []
    for part in parts:
        data = part.encode("utf-8")
        framed += (len(data).to_bytes(8, "little"), data)
    return hashlib.sha256(b"".join(framed)).hexdigest()[:24]  # one call: millions of items are hashed


@dataclass(frozen=True, slots=True)
class Item:
    """One benchmark item.

    `question` is the prompt, `answer` the final answer, `cot` the exact trace rendered as the
    reasoning a model should write, `metadata` the task, difficulty knobs, machine, input and the
    per-step gold `states` a scorer compares against. `id` hashes the task, question, answer and cot.
    Items pickle (for worker processes and data loaders); treat `metadata` as read-only.
    """

    id: str
    question: str
    answer: str
    cot: str
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def make(cls, task: str, question: str, answer: str, cot: str, metadata: Mapping[str, Any]) -> Item:
        """An item whose id is the content hash of its task, question, answer and cot."""
        return cls(content_id(task, question, answer, cot), question, answer, cot, dict(metadata))

    def to_dict(self) -> dict[str, Any]:
        """The item as a plain dict (the JSONL row), metadata included as a nested dict."""
        return {"id": self.id, "question": self.question, "answer": self.answer, "cot": self.cot,
                "metadata": dict(self.metadata)}

    def to_json(self) -> str:
        """One JSONL line (no newline), keys in schema order."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
