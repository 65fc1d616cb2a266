"""The compiled model's interface: errors, causal mode, batching, decoding, labels and .npz export."""

import io

import numpy as np
import pytest

from rasp.compiler.assemble import _side_by_side
from rasp.compiler.checking import check_compiled, compare
from rasp.compiler.compiling import compile_program
from rasp.compiler.errors import CompileError
from rasp.compiler.lib import make_frac_prevs, make_hist, make_reverse
from rasp.dialect import TRACR
from rasp.embedding import Aggregate, Map, Select, SequenceMap, indices, tokens
from rasp.sops import Comparison, Constant, Tokens


def test_every_uncompilable_node_is_named_in_one_error():
    floats = Tokens("float", name="floats")
    mean = Aggregate(Select(indices, indices, Comparison.LEQ), floats, name="mean")
    first = Map(lambda x: x > 0.5, mean, name="first")
    program = SequenceMap(lambda a, b: a or b > 0.25, first, mean, name="second")
    with pytest.raises(CompileError) as caught:
        compile_program(program, [x / 7 for x in range(12)], 40, values="abstract")
    names = [node for node, _ in caught.value.problems]
    assert names == ["first", "second"]
    assert "first:" in str(caught.value) and "second:" in str(caught.value)


@pytest.mark.parametrize(("vocab", "max_len"), [([], 3), ("ab", 0)])
def test_bad_arguments(vocab, max_len):
    with pytest.raises(CompileError):
        compile_program(make_hist(), vocab, max_len)


def test_causal_mode_accepts_causal_programs_and_names_the_others():
    program = make_frac_prevs(Map(lambda x: x == "a", tokens))
    model = compile_program(program, "ab", 5, causal=True, dialect=TRACR)
    assert model.causal and check_compiled(model).ok
    with pytest.raises(CompileError) as caught:
        compile_program(make_reverse(tokens), "ab", 5, causal=True)
    assert "reverse" in [node for node, _ in caught.value.problems]


def test_batched_forward_equals_one_by_one():
    model = compile_program(make_reverse(tokens), "abc", 6, values="abstract")
    batch = ["abcabc", "cbacba", "aaabbb"]
    together = model.decode(model.forward(model.encode([list(t) for t in batch])))
    assert together == [model.run([t])[0] for t in batch] == [list(t[::-1]) for t in batch]


def test_every_intermediate_is_decoded_and_compared():
    model = compile_program(make_reverse(tokens), "abc", 4, keep_all=True)
    assert {"length", "opp_idx", "opp_idx-1", "reverse"} <= set(model.readouts)
    values = model.run_all([list("abc")])[0]
    assert values["opp_idx-1"] == [2, 1, 0] and values["length"] == [3, 3, 3]


def test_a_wrong_weight_is_reported_at_the_first_differing_node():
    model = compile_program(make_reverse(tokens), "abc", 4, keep_all=True)
    head = model.layers[-1].heads[0]
    head.w_k[:] = 0.0  # every query now averages all keys
    _, _, mismatch = compare(model, [list("abc")])
    assert mismatch is not None and mismatch.node == "reverse"


def test_labels_and_npz_export():
    model = compile_program(make_hist(), "ab", 3)
    assert model.labels[:2] == ("one", "bos") and "hist:2" in model.labels
    assert model.dimension_table().splitlines()[0] == "0\tone"
    archive = np.load(io.BytesIO(model.to_npz()))
    assert list(archive["labels"]) == list(model.labels)
    assert archive["token_embed"].shape == (3, model.d_model)
    assert archive["unembed"].shape == (model.d_model, len(model.readouts["hist"].dims))
    assert (
        sum(archive[k].size for k in archive.files if k not in ("labels", "vocab", "unembed"))
        == model.n_params
    )


def test_inputs_outside_the_vocabulary_or_too_long_are_refused():
    model = compile_program(make_hist(), "ab", 3)
    with pytest.raises(ValueError, match="outside the vocabulary"):
        model.run(["abz"])
    with pytest.raises(ValueError, match="max_len"):
        model.run(["abab"])


# MLP blocks of one layer placed side by side: rows of zeros, a -0.0 and a single block
SIDE_BY_SIDE = [
    [np.array([[0.0, 1.5], [0.0, 0.0], [-2.0, 0.0]]), np.array([[0.0], [0.0], [3.0]])],
    [np.array([[0.0, -0.0], [0.0, 0.0]]), np.zeros((2, 3))],
    [np.arange(6.0).reshape(3, 2)],
]


@pytest.mark.parametrize("blocks", SIDE_BY_SIDE)
def test_blocks_side_by_side_equal_concatenation_bit_for_bit(blocks):
    got = _side_by_side(blocks)
    assert got.tobytes() == np.concatenate(blocks, axis=1).tobytes()


@pytest.mark.parametrize("values", ["exhaustive", "abstract"])
def test_an_or_of_selects_apart_only_by_equal_constants(values):
    # two Constant(1) nodes on the keys side: no joint of nothing is made for them (an MLP node
    # with no inputs once broke layer assignment)
    ints = Tokens("int", name="tokens")
    either = Select(Constant(1), ints, Comparison.EQ) | Select(Constant(1), ints, Comparison.LT)
    result = check_compiled(Aggregate(either, ints, default=0), [0, 1, 2], 4, values=values)
    assert result.ok and result.checked > 0, str(result)
