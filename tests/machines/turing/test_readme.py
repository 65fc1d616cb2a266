"""The README's Python session for the Turing engines gives the output it shows."""

import doctest
import re

import pytest

from tests.common.paths import PROJECT


@pytest.mark.slow
def test_readme_engine_session_runs_as_shown():
    readme = (PROJECT / "README.md").read_text()
    sessions = [block for block in re.findall(r"```python\n(.*?)```", readme, re.S)
                if "find_translated_cycle" in block]
    assert len(sessions) == 1
    test = doctest.DocTestParser().get_doctest(sessions[0], {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False) == doctest.TestResults(failed=0, attempted=6)
