"""`turingbox run` takes a family's fast engine when no trace is asked for; both paths agree."""

import json

import pytest

from machines.cli import main
from tests.common.paths import EXAMPLES


@pytest.mark.parametrize(("file", "input"), [("tag/collatz.tag", "a" * 9), ("tag/tmbench.tag", None),
                                             ("tag/bb2.lag", None)])
def test_fast_and_traced_runs_agree(capsys, file, input):
    argv = ["run", str(EXAMPLES / file), "--json", "--max-steps", "5000"]
    argv += ["--input", input] if input else []
    assert main(argv) == 0
    fast = json.loads(capsys.readouterr().out)
    assert main([*argv, "--trace"]) == 0
    traced = json.loads(capsys.readouterr().out)
    assert (fast["outcome"], fast["steps"], fast["final"]) == (traced["outcome"], traced["steps"],
                                                               traced["final"])
    assert fast["steps"] > 0
