"""`turingbox tui`: arguments, errors before any screen, and no textual import until it runs."""

import subprocess
import sys

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
