"""`turingbox tui`: arguments, errors before any screen, and no textual import until it runs."""

import subprocess
import sys

import pytest

from machines.cli import main
from tests.common.paths import PROJECT


def test_registering_the_command_does_not_import_textual():
    code = "import sys, machines.cli; machines.cli.build_parser(); print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT,
                            check=True)
    assert result.stdout.strip() == "False"


def test_bad_file_is_one_located_error(capsys):
    status = main(["tui", str(PROJECT / "tests/tui/picker_files/broken.tm")])
    err = capsys.readouterr().err
    assert status == 2
    assert "broken.tm:4:8:" in err and "Traceback" not in err


def test_missing_file(capsys):
    assert main(["tui", "no/such/file.tm"]) == 2
    assert "no/such/file.tm" in capsys.readouterr().err


def test_screenshot_runs_headless_and_writes_an_svg(tmp_path, capsys):
    out = tmp_path / "bb2.svg"
    status = main(["tui", str(PROJECT / "tests/tui/picker_files/bb2.bb"), "--keys", "n n c",
                   "--screenshot", str(out), "--size", "80x24"])
    assert status == 0
    assert f"wrote {out}" in capsys.readouterr().out
    svg = out.read_text()
    assert svg.startswith("<svg") and "step&#160;6" in svg and "HALTED" in svg


def test_bad_size_is_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        main(["tui", "x.tm", "--screenshot", "x.svg", "--size", "huge"])
    assert "is not COLUMNSxROWS" in capsys.readouterr().err


def test_picker_without_an_examples_folder(capsys, tmp_path):
    assert main(["tui", "--examples", str(tmp_path / "absent")]) == 2
    assert "does not exist: give a FILE or --examples DIR" in capsys.readouterr().err
