"""Provides the model client: OpenAI-compatible chat completions (vLLM, llama.cpp, Ollama, hosted
APIs) for a dataset, with bounded concurrency, retries, a run file and a disk cache.

Every answer is appended to the run file (JSONL, `responses.Response` lines) as it arrives, and
stored in the cache under the sha256 of the endpoint and the request body, so an interrupted run
resumes where it stopped (answers already in the run file are not asked again) and a rerun with the
same settings costs nothing. Timeouts, connection errors, 408, 429, 5xx and malformed bodies are
retried with exponential backoff, honouring Retry-After; an item that still fails is written with
its error and asked again on the next run. Reasoning (`reasoning_content`, or `<think>` blocks) is
split off the answer and kept in the cache.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import json
import os
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchgen.errors import BenchgenError
from benchgen.item import Item
from benchgen.responses import Response, read_jsonl

RETRY_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
MAX_BACKOFF = 60.0


class EndpointError(BenchgenError):
    """The endpoint cannot be used (unreachable after retries, or refusing every request)."""


@dataclass(frozen=True, slots=True)
class ModelSettings:
    """Where and how to ask: the sampling parameters are part of every request (and cache key)."""

    endpoint: str
    model: str
    temperature: float = 0.0
    top_p: float | None = None
    max_tokens: int = 4096
    system: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 600.0
    retries: int = 4
    concurrency: int = 4
    backoff: float = 1.0
    """First retry delay in seconds (doubled each retry, capped at MAX_BACKOFF)."""

    @property
    def url(self) -> str:
        base = self.endpoint.rstrip("/")
        return base if base.endswith("/chat/completions") else base + "/chat/completions"

    def body(self, prompt: str) -> dict[str, Any]:
        """The request body for one prompt."""
        messages = ([{"role": "system", "content": self.system}] if self.system else []) + [
            {"role": "user", "content": prompt}]
        body: dict[str, Any] = {"model": self.model, "messages": messages, "temperature": self.temperature,
                                "max_tokens": self.max_tokens}
        if self.top_p is not None:
            body["top_p"] = self.top_p
        return body


def cache_key(url: str, body: dict[str, Any]) -> str:
    """sha256 of the endpoint URL and the canonical JSON of the request body."""
    return hashlib.sha256(json.dumps([url, body], sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class DiskCache:
    """One JSON file per request key under `directory` (written atomically; safe to share)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            record = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        self.hits += 1
        return record

    def put(self, key: str, record: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)


_THINK = re.compile(r"<think>(.*?)</think>", re.DOTALL)


def split_reasoning(message: dict[str, Any]) -> tuple[str, str]:
    """(answer, reasoning) of a chat message: `reasoning_content`/`reasoning`, and `<think>` blocks."""
    content = message.get("content") or ""
    reasoning = message.get("reasoning_content") or message.get("reasoning") or ""
    thoughts = _THINK.findall(content)
    if thoughts:
        content = _THINK.sub("", content).strip()
        reasoning = "\n".join([reasoning, *thoughts]).strip()
    return content, reasoning


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)
        return None if when is None else max(0.0, when.timestamp() - time.time())


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.wait, self.unreachable = reason, wait, unreachable


@dataclass(slots=True)
class RunResult:
    """What a run did: responses received now, from the cache, already in the run file; failures."""

    asked: int = 0
    cached: int = 0
    resumed: int = 0
    failed: list[str] = field(default_factory=list)
    aborted: str | None = None


async def _ask(client: Any, settings: ModelSettings, body: dict[str, Any]) -> dict[str, Any]:
    import httpx

    headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
    for attempt in range(settings.retries + 1):
        started = time.perf_counter()
        try:
            try:
                reply = await client.post(settings.url, json=body, headers=headers)
            except httpx.TimeoutException:
                raise _Retry(f"timed out after {settings.timeout:g} s") from None
            except httpx.TransportError as error:
                raise _Retry(f"cannot reach {settings.url}: {error or type(error).__name__}",
                             unreachable=True) from None
            if reply.status_code in RETRY_STATUS:
                raise _Retry(f"HTTP {reply.status_code}", retry_after(reply.headers.get("retry-after")))
            if reply.status_code != 200:
                raise EndpointError(f"{settings.url}: HTTP {reply.status_code}: {reply.text[:300]}")
            try:
                record = reply.json()
                choice = record["choices"][0]
                answer, reasoning = split_reasoning(choice["message"])
            except (ValueError, KeyError, IndexError, TypeError):
                raise _Retry(f"malformed response body: {reply.text[:120]!r}") from None
            return {"text": answer, "reasoning": reasoning, "finish_reason": choice.get("finish_reason"),
                    "usage": {**(record.get("usage") or {}), "latency": time.perf_counter() - started}}
        except _Retry as retry:
            if attempt == settings.retries:
                raise
            delay = retry.wait if retry.wait is not None else settings.backoff * 2 ** attempt
            await asyncio.sleep(min(MAX_BACKOFF, delay * (1 + 0.1 * random.random())))
    raise AssertionError("unreachable")


async def _run(settings: ModelSettings, items: Sequence[Item], run_file: Path, cache: DiskCache | None,
               on_response: Callable[[Response], None] | None, result: RunResult) -> None:
    import httpx

    done = read_jsonl(run_file).by_id if run_file.exists() else {}
    todo = [item for item in items if done.get(item.id) is None or done[item.id].text is None]
    result.resumed = len(items) - len(todo)
    semaphore = asyncio.Semaphore(settings.concurrency)
    run_file.parent.mkdir(parents=True, exist_ok=True)
    limits = httpx.Limits(max_connections=settings.concurrency)
    with run_file.open("a", encoding="utf-8") as handle:
        if run_file.stat().st_size and not _ends_with_newline(run_file):
            handle.write("\n")  # a run killed mid-line: keep the torn line apart from the next answer

        def record(response: Response) -> None:
            handle.write(response.to_json() + "\n")
            handle.flush()
            if on_response:
                on_response(response)

        async with httpx.AsyncClient(timeout=settings.timeout, limits=limits) as client:
            async def one(item: Item) -> None:
                body = settings.body(item.question)
                key = cache_key(settings.url, body)
                hit = cache.get(key) if cache else None
                if hit is not None:
                    result.cached += 1
                    record(Response(item.id, hit["text"], hit.get("finish_reason"), hit.get("usage") or {}))
                    return
                if result.aborted:
                    return
                async with semaphore:
                    if result.aborted:
                        return
                    try:
                        answer = await _ask(client, settings, body)
                    except _Retry as error:
                        result.failed.append(item.id)
                        record(Response(item.id, None, None, {}, error.reason))
                        if error.unreachable:
                            result.aborted = error.reason
                        return
                    except EndpointError as error:
                        result.failed.append(item.id)
                        result.aborted = str(error)
                        record(Response(item.id, None, None, {}, str(error)))
                        return
                result.asked += 1
                if cache:
                    cache.put(key, answer)
                record(Response(item.id, answer["text"], answer["finish_reason"], answer["usage"]))

            await asyncio.gather(*(one(item) for item in todo))


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def run_model(settings: ModelSettings, items: Sequence[Item], run_file: str | Path, *,
              cache_dir: str | Path | None = None,
              on_response: Callable[[Response], None] | None = None) -> RunResult:
    """Asks `settings.model` every item not yet answered in `run_file`, appending each answer there.

    Returns counts; `aborted` is set when the endpoint could not be reached (the remaining items are
    left for the next run). Nothing already written is lost.
    """
    result = RunResult()
    cache = DiskCache(cache_dir) if cache_dir else None
    asyncio.run(_run(settings, items, Path(run_file), cache, on_response, result))
    return result
