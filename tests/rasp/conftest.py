"""Fixtures of the rasp tests: sessions with the standard library and the paper's programs loaded."""

import pytest

from rasp.session import Session


@pytest.fixture(scope="module")
def paper_session() -> Session:
    """A session with paper_examples and long_addition loaded (do not reassign names in it)."""
    session = Session()
    session.run('load "paper_examples"; load "long_addition";')
    return session
