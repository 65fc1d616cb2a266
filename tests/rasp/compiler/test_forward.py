"""The fast forward pass (cut weights, row blocks, ramp pairs as clips) against the textbook one."""

import numpy as np
import pytest

from rasp.compiler.compiling import compile_program
from rasp.compiler.lib import LIBRARY
from rasp.compiler.model import MLP, _ramp_pairs
from rasp.dialect import TRACR

PROGRAMS = {p.name: p for p in LIBRARY}


def textbook_forward(model, tokens: np.ndarray) -> np.ndarray:
    """Full matrices, softmax over every key, relu MLPs: the definition, with no shortcut."""
    t = tokens.shape[1]
    x = model.token_embed[tokens] + model.pos_embed[None, :t]
    mask = np.where(model.mask(t - 1), 0.0, -np.inf)
    for layer in model.layers:
        update = np.zeros_like(x)
        for head in layer.heads:
            logits = (x @ head.w_q) @ (x @ head.w_k).transpose(0, 2, 1) + mask
            weights = np.exp(logits - logits.max(axis=-1, keepdims=True))
            weights /= weights.sum(axis=-1, keepdims=True)
            update += weights @ (x @ head.w_v) @ head.w_o
        x = x + update
        if layer.mlp:
            mlp = layer.mlp
            x = x + np.maximum(x @ mlp.w_1 + mlp.b_1, 0.0) @ mlp.w_2 + mlp.b_2
    return x


@pytest.mark.parametrize(
    ("name", "length", "causal"),
    [
        ("sort", 12, False),
        ("sort_freq", 12, False),
        ("reverse", 12, False),
        ("shuffle_dyck2", 12, False),
        ("shuffle_dyck3", 20, False),  # a staircase of 2,503 steps, looked up
        ("frac_prevs", 12, True),
    ],
)
def test_fast_forward_equals_the_textbook_one(name, length, causal):
    program = PROGRAMS[name]
    model = compile_program(
        program.build(length), program.vocab, length, dialect=TRACR, values="abstract", causal=causal
    )
    rng = np.random.default_rng(0)
    tokens = model.encode(rng.choice(np.array(program.vocab, dtype=object), size=(64, length)).tolist())
    fast, slow = model.forward(tokens), textbook_forward(model, tokens)
    assert np.allclose(fast, slow, rtol=1e-9, atol=1e-9)
    assert model.decode(fast) == model.decode(slow)


def test_ramp_pairs_are_adjacent_units_adding_a_clip():
    # units 0,1: a ramp pair; 2: alone (no partner); 3,4: same inputs but a bias gap of 2; 5,6: a pair
    w_1 = np.array([[1.0, 1.0, 2.0, 3.0, 3.0, 4.0, 4.0]])
    b_1 = np.array([0.5, -0.5, 0.0, 1.0, -1.0, 2.0, 1.0])
    w_2 = np.array([[1.0], [-1.0], [5.0], [1.0], [-1.0], [-2.0], [2.0]])
    first, rest = _ramp_pairs(MLP(w_1, b_1, w_2, np.zeros(1)))
    assert first.tolist() == [0, 5] and rest.tolist() == [2, 3, 4]
