"""`turingbox bench list`, `show` and `tmbench-json`: real output, and one clear error for bad input."""

import hashlib
import json

import pytest

from machines.cli import main


def test_list_names_every_task_with_its_knobs(capsys):
    assert main(["bench", "list"]) == 0
    out = capsys.readouterr().out
    for task in ("arith", "fsm", "lag", "life", "rasp", "tag", "tmbench", "turing"):
        assert task in out
    assert 'relabel="none"' in " ".join(out.split())


def test_show_prints_the_item(capsys):
    assert main(["bench", "show", "tmbench", "--index", "1", "--field", "answer"]) == 0
    assert capsys.readouterr().out.startswith("[D E E A D D B C B C C B B A E D E D C")
    assert main(["bench", "show", "arith", "--set", "operation=mul"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert set(item) == {"id", "question", "answer", "cot", "metadata"}


def test_tmbench_json_writes_the_published_greek_file(tmp_path):
    out = tmp_path / "greek.json"
    assert main(["bench", "tmbench-json", "--set", "relabel=greek", "--out", str(out)]) == 0
    assert hashlib.sha256(out.read_bytes()).hexdigest() == \
        "dd0ffb32b2a901aea2a79fb14e269a6922c84e047871df7f99b6b9f0d9c7e402"


@pytest.mark.parametrize(("argv", "message"), [
    (["bench", "show", "nosuch"], "unknown task 'nosuch'"),
    (["bench", "show", "turing", "--set", "style=[unclosed"], "is not valid YAML"),
    (["bench", "tmbench-json", "--set", "m=-1", "--out", "x.json"], "m=-1 must be at least 1"),
])
def test_bad_input_is_one_message_and_exit_2(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert message in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())
