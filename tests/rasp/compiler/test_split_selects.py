"""Widths of lexicographic selects as two small heads, and token-plus-position sums in the embeddings."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from rasp.compiler.checking import check_compiled
from rasp.compiler.compiling import compile_program
from rasp.compiler.lib import make_sort_unique
from rasp.compiler.split_selects import _ranks
from rasp.dialect import TRACR
from rasp.embedding import Aggregate, Map, Select, SelectorWidth, SequenceMap, indices, numerical, tokens
from rasp.sops import Comparison, Tokens

INTS = Tokens("int", name="tokens")
N = 8
MIXED = {1: 2, 2: 0, 3: 1, 4: 3}  # token ranks in neither their own order nor its reverse


def _keys(fn):
    return SequenceMap(fn, INTS, indices, name="keys")


def _width(fn, comparison):
    keys = _keys(fn)
    return SelectorWidth(Select(keys, keys, comparison, name="smaller"), name="width")


def _sort(fn):
    return make_sort_unique(INTS, _keys(fn))


def _shared_select(fn):
    """The select is read by a mean too: it stays, beside the two new heads."""
    keys = _keys(fn)
    smaller = Select(keys, keys, Comparison.LT, name="smaller")
    mean = numerical(Aggregate(smaller, numerical(Map(lambda x: x, INTS, name="x")), default=0, name="mean"))
    return SequenceMap(lambda w, m: w + m, SelectorWidth(smaller, name="width"), mean, name="both")


def _two_widths(fn):
    """Two widths of one select (merged into one selector node): both read the same two heads."""
    keys = _keys(fn)
    first = SelectorWidth(Select(keys, keys, Comparison.LT), name="first")
    second = SelectorWidth(Select(keys, keys, Comparison.LT), name="second")
    return SequenceMap(lambda a, b: 10 * a + b, first, second, name="both")


def token_major(x, i):
    return x + i / N


def index_major(x, i):
    return i + x / 10


def descending_tokens(x, i):
    return -x + i / N


def mixed_tokens(x, i):
    return MIXED[x] + i / N


def mixed_indices(x, i):
    return 100 * x + (7 * i) % 11


def product(x, i):
    return x * i


def tokens_only(x, i):
    return x + 0 * i


# (program, split into two heads?)
CASES = [
    ("sort by token then index", lambda: _sort(token_major), True),
    ("width, <=", lambda: _width(token_major, Comparison.LEQ), True),
    ("width, >", lambda: _width(token_major, Comparison.GT), True),
    ("width, >=", lambda: _width(token_major, Comparison.GEQ), True),
    ("sort by index then token", lambda: _sort(index_major), True),
    ("tokens descending", lambda: _sort(descending_tokens), True),
    ("token ranks out of order", lambda: _sort(mixed_tokens), True),
    ("index ranks out of order", lambda: _width(mixed_indices, Comparison.LT), True),
    ("select also averaged", lambda: _shared_select(token_major), True),
    ("two widths of one select", lambda: _two_widths(token_major), True),
    ("not lexicographic: ties between rows", lambda: _width(product, Comparison.LT), False),
    ("not lexicographic: equal keys", lambda: _width(tokens_only, Comparison.LT), False),
]


@pytest.mark.parametrize(("values", "max_len"), [("abstract", N), ("exhaustive", 5)])
@pytest.mark.parametrize(("name", "build", "split"), CASES, ids=[c[0] for c in CASES])
def test_lexicographic_widths_are_split_and_exact(name, build, split, values, max_len):
    program = build()
    model = compile_program(program, (1, 2, 3, 4), max_len, dialect=TRACR, values=values, keep_all=True)
    heads = [head.name for layer in model.layers for head in layer.heads]
    assert any(h.endswith(".tie.attn") for h in heads) == split, heads
    result = check_compiled(model, samples=150, seed=1)
    assert result.ok and result.checked >= 150, str(result)


def _paper_sort():
    """The RASP paper's sort: keys before, or equal keys at earlier positions."""
    earlier = Select(INTS, INTS, Comparison.LT) | (
        Select(INTS, INTS, Comparison.EQ) & Select(indices, indices, Comparison.LT)
    )
    target = SelectorWidth(earlier, name="target")
    return Aggregate(Select(target, indices, Comparison.EQ), INTS, name="sorted")


def _complements():
    """`==` or not `==`: every key, in two heads."""
    same = Select(INTS, INTS, Comparison.EQ)
    return SelectorWidth(same | ~same, name="all")


def _three_ways():
    earlier = (
        Select(INTS, INTS, Comparison.LT)
        | Select(INTS, INTS, Comparison.GT)
        | (Select(INTS, INTS, Comparison.EQ) & Select(indices, indices, Comparison.LT))
    )
    return SelectorWidth(earlier, name="others_before")


def _shared_part():
    """Two widths whose `or`s share a part: the part's head is made once."""
    smaller = Select(INTS, INTS, Comparison.LT)
    one = SelectorWidth(smaller | Select(INTS, INTS, Comparison.EQ), name="at_most")
    other = SelectorWidth(smaller | Select(INTS, INTS, Comparison.GT), name="not_equal")
    return SequenceMap(lambda a, b: 10 * a + b, one, other, name="both")


def _and_of_an_or():
    """(`<` or `>`) and an earlier position: distributed into two parts that never meet."""
    earlier = Select(indices, indices, Comparison.LT)
    other = (Select(INTS, INTS, Comparison.LT) | Select(INTS, INTS, Comparison.GT)) & earlier
    return SelectorWidth(other, name="different_before")


def _overlapping():
    """`<` or `<=` select some keys twice: one head (over the joint one-hot)."""
    earlier = Select(INTS, INTS, Comparison.LT) | (
        Select(INTS, INTS, Comparison.LEQ) & Select(indices, indices, Comparison.LT)
    )
    return SelectorWidth(earlier, name="overlapping")


# (program, heads of the first layer)
DISJOINT = [
    ("paper sort", _paper_sort, 2),
    ("complements", _complements, 2),
    ("three ways", _three_ways, 3),
    ("shared part", _shared_part, 3),
    ("and of an or", _and_of_an_or, 2),
    ("overlapping: not split", _overlapping, 1),  # after a first MLP making the joint keys
]


@pytest.mark.parametrize(("values", "max_len"), [("abstract", N), ("exhaustive", 5)])
@pytest.mark.parametrize(("name", "build", "heads"), DISJOINT, ids=[c[0] for c in DISJOINT])
def test_widths_of_disjoint_ors_are_split_and_exact(name, build, heads, values, max_len):
    model = compile_program(build(), (1, 2, 3, 4), max_len, dialect=TRACR, values=values, keep_all=True)
    assert model.n_heads == heads
    result = check_compiled(model, samples=150, seed=2)
    assert result.ok and result.checked >= 150, str(result)


def test_the_paper_sort_in_two_layers_sorts():
    model = compile_program(_paper_sort(), (1, 2, 3, 4), 12, dialect=TRACR, values="abstract")
    assert len(model.layers) == 2
    assert model.run([[3, 1, 4, 1, 2, 4, 3]]) == [[1, 1, 2, 3, 3, 4, 4]]


def test_the_split_makes_sort_freq_small():
    from rasp.compiler.lib import make_sort_freq

    model = compile_program(make_sort_freq(20), "abcd", 20, dialect=TRACR, values="abstract")
    # the one-hot keys alone were 420 wide (474 in all, 1.28M parameters)
    assert model.d_model < 100 and model.n_params < 150_000
    assert check_compiled(model, samples=100).ok


RANKS = [
    # rows in disjoint ranges, columns ordered alike: (row ranks, column ranks)
    ([[0.0, 0.5], [1.0, 1.5]], ([0, 1], [0, 1])),
    ([[1.5, 1.0], [0.5, 0.0]], ([1, 0], [1, 0])),
    ([[2.0, 2.1, 2.2], [0.0, 0.1, 0.2], [1.0, 1.1, 1.2]], ([2, 0, 1], [0, 1, 2])),
    ([[0.0, 0.5], [0.4, 1.0]], None),  # overlapping rows
    ([[0.0, 0.5], [1.5, 1.0]], None),  # columns ordered differently
    ([[0.0, 0.0], [1.0, 1.0]], None),  # a tie within a row
]


@pytest.mark.parametrize(("table", "expected"), RANKS)
def test_ranks_of_a_lexicographic_table(table, expected):
    ranks = _ranks(np.array(table))
    if expected is None:
        assert ranks is None
    else:
        assert [r.tolist() for r in ranks] == [list(e) for e in expected]


@pytest.mark.parametrize(("fn", "layers"), [(token_major, 1), (product, 2)])
def test_sums_of_a_token_and_a_position_term_need_no_first_mlp(fn, layers):
    program = _width(fn, Comparison.LT)
    model = compile_program(program, (1, 2, 3, 4), N, dialect=TRACR, values="abstract", keep_all=True)
    assert len(model.layers) == layers
    assert check_compiled(model, samples=100).ok


def _lexicographic_holds(table: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> bool:
    """The definition, pair by pair: cell order is (row rank, column rank) order."""
    cells = [(i, j) for i in range(table.shape[0]) for j in range(table.shape[1])]
    return all(
        (table[a] < table[b]) == ((rows[a[0]], columns[a[1]]) < (rows[b[0]], columns[b[1]]))
        for a in cells
        for b in cells
    )


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(4)), st.permutations(range(5)), st.integers(0, 3))
def test_ranks_find_every_lexicographic_table(row_ranks, column_ranks, spread):
    rows, columns = np.array(row_ranks), np.array(column_ranks)
    table = rows[:, None] * (5 + spread) + columns[None, :] * (1 + spread / 10)
    found = _ranks(table)
    assert found is not None
    assert found[0].tolist() == row_ranks and found[1].tolist() == column_ranks


@settings(max_examples=100, deadline=None)
@given(
    hnp.arrays(
        np.int64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=4), elements=st.integers(0, 6)
    )
)
def test_ranks_are_only_found_where_they_hold(table):
    found = _ranks(table.astype(float))
    if found is not None:
        assert _lexicographic_holds(table, *found)


@settings(max_examples=15, deadline=None)
@given(
    st.permutations(range(4)),
    st.permutations(range(N)),
    st.sampled_from([Comparison.LT, Comparison.LEQ, Comparison.GT, Comparison.GEQ]),
    st.booleans(),
)
def test_random_lexicographic_widths_compile_exactly(token_ranks, index_ranks, comparison, tokens_first):
    def keys(x, i):
        t, p = token_ranks[x - 1], index_ranks[i]
        return t * N + p if tokens_first else p * 4 + t

    model = compile_program(
        _width(keys, comparison), (1, 2, 3, 4), N, dialect=TRACR, values="abstract", keep_all=True
    )
    assert any(head.name.endswith(".tie.attn") for layer in model.layers for head in layer.heads)
    result = check_compiled(model, samples=60, seed=2)
    assert result.ok, str(result)


def test_widths_of_one_select_share_its_two_heads():
    model = compile_program(_two_widths(token_major), (1, 2, 3, 4), N, dialect=TRACR, values="abstract")
    assert [len(layer.heads) for layer in model.layers] == [2]


@pytest.mark.parametrize("order", ["abcd", "dcba", "cadb"])
def test_string_tokens_ranked_in_any_order(order):
    keys = SequenceMap(lambda x, i: order.index(x) * 100 + i, tokens, indices, name="keys")
    program = make_sort_unique(tokens, keys)
    model = compile_program(program, "abcd", N, dialect=TRACR, values="abstract", keep_all=True)
    assert len(model.layers) == 2
    result = check_compiled(model, samples=100, seed=3)
    assert result.ok, str(result)


def test_a_token_no_accepted_input_has_gets_no_embedding_term():
    keys = numerical(SequenceMap(lambda x, i: x + i / N, INTS, indices, name="keys"))
    refuses_4 = Map(lambda x: 1 // (4 - x), INTS, name="refuses_4")
    program = numerical(SequenceMap(lambda k, r: k + r, keys, refuses_4, name="out"))
    model = compile_program(program, (1, 2, 3, 4), 4, dialect=TRACR, values="exhaustive", keep_all=True)
    assert model.notes["graph"].graph["skipped_inputs"] > 0
    result = check_compiled(model)
    assert result.ok and result.rejected > 0, str(result)
