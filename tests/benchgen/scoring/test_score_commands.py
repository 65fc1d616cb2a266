"""`turingbox bench score`, `compare` and `noise`: reports, plots, and one clear message per fault."""

import json
import socket

import pytest

from benchgen.registry import create_dataset
from machines.cli import main
from tests.benchgen.scoring.fake_server import FakeServer, completion

PNG = b"\x89PNG"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data") / "tmbench"
    assert main(["bench", "generate", "tmbench", "--size", "12", "--out", str(folder), "--workers", "1"]) == 0
    return folder


def score(dataset, out, *args):
    return main(["bench", "score", str(dataset), "--out", str(out), *args])


def test_oracle_and_noisy_oracle_reports(dataset, tmp_path, capsys):
    assert score(dataset, tmp_path / "oracle", "--oracle", "oracle") == 0
    assert score(dataset, tmp_path / "noisy", "--oracle", "dynamic", "--rate", "0.05") == 0
    out = capsys.readouterr().out
    assert "SWA-Uni" in out and "100.0 [100.0, 100.0]" in out
    report = json.loads((tmp_path / "noisy" / "report.json").read_text())
    assert report["model"] == "dynamic noise 0.05" and report["metrics"]["items"] == 12
    assert report["metrics"]["swa_uni"] < 100 and report["metrics"]["errors"]
    for name in ("accuracy_by_step.png", "first_error.png", "accuracy_by_difficulty.png"):
        assert (tmp_path / "noisy" / name).read_bytes().startswith(PNG)
    assert len((tmp_path / "noisy" / "scores.jsonl").read_text().splitlines()) == 12
    assert main(["bench", "compare", str(tmp_path / "oracle"), str(tmp_path / "noisy" / "report.json"),
                 "--out", str(tmp_path / "both")]) == 0
    table = capsys.readouterr().out
    assert "oracle" in table and "dynamic noise 0.05" in table
    assert (tmp_path / "both" / "accuracy_by_step.png").read_bytes().startswith(PNG)


def test_responses_file_with_faults_is_scored_where_it_can_be(dataset, tmp_path, capsys):
    items = create_dataset("tmbench", size=12, seed=1)
    lines = [json.dumps({"id": item.id, "response": item.cot}) for item in items[:8]]
    lines[3] = lines[3][:40]  # a torn line
    lines += [json.dumps({"id": "not-an-item", "response": "x"}),
              json.dumps({"id": items[8].id, "response": "### step 0:\n" + "y" * 3_000_000})]
    responses = tmp_path / "answers.jsonl"
    responses.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert score(dataset, tmp_path / "run", "--responses", str(responses)) == 0
    err = capsys.readouterr().err
    assert f"{responses}:4:" in err and "malformed JSON" in err
    assert "1 response(s) for ids not in the dataset" in err
    assert "4 item(s) have no response" in err  # the torn line and the last three
    report = json.loads((tmp_path / "run" / "report.json").read_text())
    metrics = report["metrics"]
    assert metrics["items"] == 8 and metrics["oversized"] == 1
    assert metrics["unparsed"] == pytest.approx(100 / 8)
    assert metrics["pass"] == pytest.approx(700 / 8)
    assert report["other_mode"] == {"mode": "official", "swa_uni": metrics["swa_uni"],
                                    "swa_lin": metrics["swa_lin"], "pass": metrics["pass"],
                                    "unparsed": metrics["unparsed"]}


def test_responses_to_another_dataset_are_refused(dataset, tmp_path, capsys):
    other = create_dataset("tag", size=3, seed=1)
    responses = tmp_path / "other.jsonl"
    responses.write_text("".join(json.dumps({"id": i.id, "response": i.cot}) + "\n" for i in other))
    assert score(dataset, tmp_path / "run", "--responses", str(responses)) == 2
    assert "are these answers to another dataset?" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--endpoint", "http://127.0.0.1:9/v1"], "--endpoint needs --model"),
    (["--responses", "missing.jsonl"], "missing.jsonl"),
])
def test_bad_arguments_give_one_message(dataset, tmp_path, capsys, args, message):
    assert score(dataset, tmp_path / "run", *args) == 2
    assert message in capsys.readouterr().err


def test_a_dataset_that_is_not_one_is_refused(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n{oops\n')
    assert main(["bench", "score", str(bad), "--oracle", "oracle", "--out", str(tmp_path / "o")]) == 2
    assert f"{bad}:1:1: not a dataset row" in capsys.readouterr().err


def test_endpoint_run_scores_and_resumes(dataset, tmp_path, capsys):
    items = {i.question: i for i in create_dataset("tmbench", size=12, seed=1)}

    def answer(number, body):
        item = items[body["messages"][-1]["content"]]
        return 200, {}, completion(item.cot if number % 3 else "I cannot do this."), 0.0

    with FakeServer(answer) as server:
        args = ["--endpoint", server.url, "--model", "fake", "--concurrency", "2"]
        assert score(dataset, tmp_path / "run", *args) == 0
        first = json.loads((tmp_path / "run" / "report.json").read_text())["metrics"]
        assert first["items"] == 12 and first["unparsed"] == pytest.approx(100 * 4 / 12)
        assert first["completion_tokens"]["total"] > 0 and first["latency_s"]["mean"] >= 0
        assert score(dataset, tmp_path / "run", *args) == 0
        assert len(server.requests) == 12
    assert "12 already in" in capsys.readouterr().err


def test_an_endpoint_that_is_down_is_reported_and_nothing_is_scored(dataset, tmp_path, capsys):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert score(dataset, tmp_path / "run", "--endpoint", f"http://127.0.0.1:{port}/v1", "--model", "m",
                 "--retries", "0", "--limit", "2") == 1
    captured = capsys.readouterr()
    assert "cannot reach" in captured.err and "rerun the same command to resume" in captured.err
    assert "n/a" in captured.out
    assert json.loads((tmp_path / "run" / "report.json").read_text())["metrics"]["items"] == 0


def test_noise_writes_a_training_dataset(dataset, tmp_path, capsys):
    out = tmp_path / "noised.jsonl"
    assert main(["bench", "noise", str(dataset), "--kind", "static", "--rate", "0.2", "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    gold = create_dataset("tmbench", size=12, seed=1)
    assert [r["id"] for r in rows] == [i.id for i in gold]
    assert any(r["cot"] != i.cot for r, i in zip(rows, gold, strict=True))
