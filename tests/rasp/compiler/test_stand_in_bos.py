"""Selector widths RASP builds with position 0 as a stand-in BOS, compiled as the primitive."""

import random

import pytest

from rasp.analysis import schedule
from rasp.compiler.checking import check_compiled
from rasp.compiler.compiling import compile_program
from rasp.compiler.stand_in_bos import with_primitive_widths
from rasp.dialect import ORIGINAL, RASP_L
from rasp.interpreter import evaluate_all
from rasp.session import Session
from rasp.sops import SelectorWidth, topological

SOURCE = """
hist = selector_width(select(tokens, tokens, ==));
def my_sort(seq, key) {
    earlier = select(key, key, <) or (select(key, key, ==) and select(indices, indices, <));
    return aggregate(select(selector_width(earlier), indices, ==), seq);
}
sorted = my_sort(tokens, tokens);
ranked = selector_width(select(hist, hist, <)) + hist;
plain = aggregate(select(indices, length - indices - 1, ==), tokens);
"""


@pytest.fixture(scope="module")
def session():
    session = Session()
    session.run(SOURCE)
    return session


def test_library_calls_are_marked_through_renames(session):
    hist = session.value("hist")
    assert hist.width_of is not None and hist.width_of.comparison.value == "=="
    assert hist.renamed("again").width_of is hist.width_of
    assert session.value("plain").width_of is None


def test_a_program_without_library_widths_is_left_alone(session):
    plain = session.value("plain")
    assert with_primitive_widths(plain, ORIGINAL, 8) is plain


@pytest.mark.parametrize("name", ["hist", "sorted", "ranked"])
def test_the_rewritten_program_computes_what_the_original_does(session, name):
    original = session.value(name)
    rewritten = with_primitive_widths(original, ORIGINAL, 9)
    widths = [n for n in topological(rewritten) if isinstance(n, SelectorWidth)]
    assert widths and not any(n.width_of is not None for n in topological(rewritten))
    rng = random.Random(0)
    for _ in range(200):
        text = [rng.choice("abcd") for _ in range(rng.randint(1, 9))]
        ours = evaluate_all(rewritten, text)
        theirs = evaluate_all(original, text)
        assert ours[id(rewritten)][1] == theirs[id(original)][1], text
        # every node both programs share is unchanged
        for key in ours.keys() & theirs.keys():
            assert ours[key][1] == theirs[key][1]


# (s-op, layers: RASP's own analyser minimum, which the library version took one more than)
LAYERS = [("hist", 1), ("sorted", 2), ("ranked", 2)]


@pytest.mark.parametrize(("name", "layers"), LAYERS)
@pytest.mark.parametrize("max_len", [5, 12])
def test_library_widths_compile_at_the_analysers_depth(session, name, layers, max_len):
    sop = session.value(name)
    assert schedule(sop).layers == layers
    model = compile_program(sop, "abcd", max_len, keep_all=True)
    assert len(model.layers) == layers
    result = check_compiled(model, samples=100, seed=3)
    assert result.ok and result.checked >= 100, str(result)


def test_the_compiled_library_sort_sorts(session):
    model = compile_program(session.value("sorted"), "abcd", 10)
    assert model.run([list("dbcabd")]) == [list("abbcdd")]
    assert model.n_params < 20_000  # the library's `or` with position 0 once took 95,840 at length 8


def _agree(original, rewritten, texts):
    for text in texts:
        ours, theirs = evaluate_all(rewritten, text), evaluate_all(original, text)
        assert ours[id(rewritten)][1] == theirs[id(original)][1], text
        for key in ours.keys() & theirs.keys():
            assert ours[key][1] == theirs[key][1], text


# the paper's programs with a "§" at position 0: (s-op, RASP's analyser layers)
PAPER = [("hist_bos", 1), ("sort_bos", 2), ("hist2_bos", 2)]


@pytest.mark.parametrize(("name", "layers"), PAPER)
def test_the_papers_bos_widths_compile_at_the_analysers_depth(paper_session, name, layers):
    original = paper_session.value(name)
    rewritten = with_primitive_widths(original, ORIGINAL, 8)
    rng = random.Random(1)
    _agree(
        original,
        rewritten,
        [["§", *(rng.choice("abcd") for _ in range(rng.randint(0, 7)))] for _ in range(150)],
    )
    assert schedule(original).layers == layers
    model = compile_program(original, "§abcd", 8, values="abstract", keep_all=True)
    assert len(model.layers) == layers
    result = check_compiled(model, samples=100, seed=5)
    assert result.ok and result.checked >= 100, str(result)


SOURCE_NOT_BOS = """
almost = aggregate(select(tokens, tokens, ==) or select(indices, 0, ==), indicator(indices == 1));
"""


def test_only_the_position_zero_indicator_is_a_bos_width():
    session = Session()
    session.run(SOURCE_NOT_BOS)
    almost = session.value("almost")
    assert with_primitive_widths(almost, ORIGINAL, 6) is almost


def test_integer_means_keep_the_aggregates(paper_session, session):
    # truncated means make 1/(w+1) zero: neither idiom computes a width there
    for sop in (paper_session.value("hist_bos"), session.value("hist")):
        assert with_primitive_widths(sop, RASP_L, 6) is sop
