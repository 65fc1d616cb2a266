"""The model client against a fake local server: retries, Retry-After, timeouts, cache, resume, faults."""

import json
import socket
import time

import pytest

from benchgen.client import ModelSettings, cache_key, retry_after, run_model, split_reasoning
from benchgen.registry import create_dataset
from benchgen.responses import read_jsonl
from tests.benchgen.scoring.fake_server import FakeServer, completion

ITEMS = list(create_dataset("tmbench", size=6, seed=1))
ANSWERS = {item.question: item.cot for item in ITEMS}


def oracle(number, body):
    return 200, {}, completion(ANSWERS[body["messages"][-1]["content"]]), 0.0


def settings(url, **changes):
    return ModelSettings(url, "fake", **{"retries": 3, "backoff": 0.01, "timeout": 5.0, **changes})


def test_answers_are_written_as_they_arrive_and_cached(tmp_path):
    with FakeServer(oracle) as server:
        result = run_model(settings(server.url, system="be exact", top_p=0.9), ITEMS, tmp_path / "run.jsonl",
                           cache_dir=tmp_path / "cache")
        assert (result.asked, result.cached, result.failed) == (6, 0, [])
        body = server.requests[0]
        assert body["messages"][0] == {"role": "system", "content": "be exact"}
        assert (body["model"], body["temperature"], body["top_p"]) == ("fake", 0.0, 0.9)
        written = read_jsonl(tmp_path / "run.jsonl").by_id
        assert {i.id: written[i.id].text for i in ITEMS} == {i.id: i.cot for i in ITEMS}
        assert all(r.usage["completion_tokens"] > 0 and r.usage["latency"] >= 0 for r in written.values())
        # a rerun into a new run file costs no request: every answer comes from the cache
        again = run_model(settings(server.url, system="be exact", top_p=0.9), ITEMS, tmp_path / "rerun.jsonl",
                          cache_dir=tmp_path / "cache")
        assert (again.asked, again.cached, len(server.requests)) == (0, 6, 6)
        # other sampling parameters are another request
        other = run_model(settings(server.url, temperature=0.7), ITEMS[:1], tmp_path / "t.jsonl",
                          cache_dir=tmp_path / "cache")
        assert other.asked == 1


def test_a_run_resumes_without_asking_again(tmp_path):
    run_file = tmp_path / "run.jsonl"
    with FakeServer(oracle) as server:
        run_model(settings(server.url), ITEMS[:3], run_file)
        run_file.write_text(run_file.read_text() + '{"id": "torn li', encoding="utf-8")  # killed mid-line
        result = run_model(settings(server.url), ITEMS, run_file)
        assert (result.resumed, result.asked, len(server.requests)) == (3, 3, 6)
    responses = read_jsonl(run_file)
    assert len(responses.by_id) == 6
    assert len(responses.problems) == 1 and "malformed JSON" in responses.problems[0]


def test_retries_honour_retry_after_on_429_and_5xx(tmp_path):
    def flaky(number, body):
        if number == 1:
            return 429, {"Retry-After": "0.3"}, b"slow down", 0.0
        if number == 2:
            return 503, {}, b"busy", 0.0
        return oracle(number, body)

    with FakeServer(flaky) as server:
        started = time.perf_counter()
        result = run_model(settings(server.url), ITEMS[:1], tmp_path / "run.jsonl")
        assert time.perf_counter() - started >= 0.3
        assert (result.asked, len(server.requests)) == (1, 3)


def test_timeouts_and_malformed_bodies_are_retried_then_reported(tmp_path):
    def broken(number, body):
        if number == 1:
            return 200, {}, b"{}", 1.0  # too slow
        return 200, {}, b"<html>not json", 0.0

    with FakeServer(broken) as server:
        result = run_model(settings(server.url, timeout=0.3, retries=2), ITEMS[:1], tmp_path / "run.jsonl")
    assert result.failed == [ITEMS[0].id] and result.aborted is None
    failure = read_jsonl(tmp_path / "run.jsonl").by_id[ITEMS[0].id]
    assert failure.text is None and "malformed response body" in failure.error


def test_an_endpoint_that_is_down_stops_the_run_cleanly(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_model(settings(f"http://127.0.0.1:{port}/v1", retries=1), ITEMS, tmp_path / "run.jsonl")
    assert result.aborted and "cannot reach" in result.aborted
    assert result.asked == 0 and result.failed


def test_a_client_error_is_not_retried(tmp_path):
    with FakeServer(lambda n, b: (401, {}, b'{"error": "bad key"}', 0.0)) as server:
        result = run_model(settings(server.url), ITEMS[:2], tmp_path / "run.jsonl")
        assert "HTTP 401" in result.aborted and len(server.requests) <= 2


def test_a_megabyte_answer_is_kept_and_reasoning_is_split_off(tmp_path):
    huge = "### step 0:\n - Queue State: [A]\n" + "x" * 2_000_000

    def verbose(number, body):
        body = completion("<think>let me see</think>" + huge, "length", reasoning_content="plan")
        return 200, {}, body, 0.0

    with FakeServer(verbose) as server:
        run_model(settings(server.url), ITEMS[:1], tmp_path / "run.jsonl", cache_dir=tmp_path / "c")
    response = read_jsonl(tmp_path / "run.jsonl").by_id[ITEMS[0].id]
    assert response.text == huge and response.finish_reason == "length"
    cached = json.loads(next((tmp_path / "c").rglob("*.json")).read_text())
    assert cached["reasoning"] == "plan\nlet me see"


@pytest.mark.parametrize(("message", "expected"), [
    ({"content": "42"}, ("42", "")),
    ({"content": "<think>a</think>42"}, ("42", "a")),
    ({"content": "42", "reasoning_content": "b"}, ("42", "b")),
    ({"content": None, "reasoning": "c"}, ("", "c")),
])
def test_split_reasoning(message, expected):
    assert split_reasoning(message) == expected


def test_retry_after_reads_seconds_and_dates():
    assert retry_after("2") == 2.0 and retry_after(None) is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


def test_cache_key_covers_endpoint_and_body():
    body = ModelSettings("http://a/v1", "m").body("hi")
    assert cache_key("http://a/v1/chat/completions", body) != cache_key("http://b/v1/chat/completions", body)
    assert cache_key("u", body) == cache_key("u", dict(reversed(list(body.items()))))
