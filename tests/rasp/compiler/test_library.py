"""Every library program compiles and matches the interpreter on every s-op (tracr's and the paper's)."""

import pytest

from rasp.analysis import schedule
from rasp.compiler.checking import check_compiled
from rasp.compiler.compiling import compile_program
from rasp.compiler.lib import LIBRARY
from rasp.dialect import TRACR
from rasp.session import Session

PROGRAMS = {p.name: p for p in LIBRARY}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_tracr_library_exhaustive_at_length_4(name):
    program = PROGRAMS[name]
    result = check_compiled(program.build(4), program.vocab, 4, dialect=TRACR)
    assert result.exhaustive and result.ok, str(result)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_tracr_library_sampled_at_length_10_abstract(name):
    program = PROGRAMS[name]
    result = check_compiled(
        program.build(10), program.vocab, 10, dialect=TRACR, values="abstract", samples=40
    )
    assert result.checked > 0 and result.ok, str(result)


# layers tracr needs (reference §4.6) against ours; ours never exceed RASP's analyser + 1 (an MLP
# before the first attention, for a map of tokens and indices together that is not a sum of a
# token term and a position term)
LAYERS = [
    ("reverse", 4, 2),
    ("hist", 1, 1),
    ("sort_unique", 2, 2),
    ("sort", 3, 2),
    ("sort_freq", 5, 3),
    ("frac_prevs", 2, 1),
    ("shuffle_dyck2", 8, 2),
]


@pytest.mark.parametrize(("name", "tracr", "ours"), LAYERS)
def test_layers_against_tracr_and_the_analyser(name, tracr, ours):
    program = PROGRAMS[name]
    model = compile_program(program.build(10), program.vocab, 10, dialect=TRACR, values="abstract")
    assert len(model.layers) == ours < tracr or len(model.layers) == ours == tracr
    assert len(model.layers) <= max(schedule(program.build(10)).layers, 1) + 1


PAPER = [
    ("reverse", "abc"),
    ("hist_nobos", "aab"),
    ("hist_bos", "§ab"),
    ("sort_bos", "§ab"),
    ("hist2_bos", "§ab"),
    ("sort_by_most_freq", "§ab"),
    ("dyck1_ptf", "()"),
    ("dyck2_ptf", "(){}"),
]


@pytest.fixture(scope="module")
def paper():
    session = Session()
    session.run('load "paper_examples";')
    return session


@pytest.mark.parametrize(("name", "vocab"), PAPER)
def test_paper_examples_exhaustive(paper, name, vocab):
    result = check_compiled(paper.value(name), vocab, 4)
    assert result.exhaustive and result.ok, str(result)


@pytest.mark.parametrize(("name", "vocab"), PAPER[:4])
def test_paper_examples_abstract(paper, name, vocab):
    result = check_compiled(paper.value(name), vocab, 7, values="abstract", samples=30)
    assert result.ok, str(result)


def test_rasp_library_sort_and_selector_width(paper):
    paper.run("s = sort(tokens, tokens); w = selector_width(select(tokens, tokens, <));")
    for name in ("s", "w"):
        result = check_compiled(paper.value(name), "cab", 4)
        assert result.exhaustive and result.ok, str(result)
