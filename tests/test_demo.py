"""The README's first command: the demo runs every step and ends with a generated dataset."""

import json
import subprocess
import sys

from tests.common.paths import PROJECT


def test_demo_runs_to_the_end_and_writes_a_dataset():
    done = subprocess.run([sys.executable, "-m", "examples.demo"], cwd=PROJECT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    dataset = PROJECT / "out" / "dataset"
    card = (dataset / "README.md").read_text()
    assert card.startswith("---")
    config = json.loads((dataset / "generation.json").read_text())
    assert config["task"] == "turing"
    assert list((dataset / "data").glob("train-*.parquet"))
