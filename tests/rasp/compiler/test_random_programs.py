"""Random typed RASP programs (hypothesis): each compiles or raises CompileError, and then matches
the interpreter on every s-op for every input (exhaustive inference) or sampled inputs (abstract)."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rasp.compiler.checking import assert_matches, check_compiled, inputs_strategy
from rasp.compiler.compiling import compile_program
from rasp.compiler.errors import CompileError
from rasp.embedding import indices
from rasp.sops import Aggregate, Comparison, Constant, Map, Reduction, Select, SelectorWidth, Tokens

INTS = Tokens("int", name="tokens")
VOCAB = [0, 1, 2]

INT_MAPS = [
    ("x + 1", lambda x: x + 1),
    ("x - 2", lambda x: x - 2),
    ("-x", lambda x: -x),
    ("x % 2", lambda x: x % 2),
    ("2 * x", lambda x: 2 * x),
    ("min(x, 1)", lambda x: min(x, 1)),
]
BOOL_MAPS = [("x > 0", lambda x: x > 0), ("x == 1", lambda x: x == 1), ("x % 2 == 0", lambda x: x % 2 == 0)]
PAIR_MAPS = [
    ("x + y", lambda x, y: x + y),
    ("x - y", lambda x, y: x - y),
    ("x * y", lambda x, y: x * y),
    ("max(x, y)", max),
]


@st.composite
def programs(draw):
    """A random program over int tokens: maps, selects (with and/or/not), aggregates, widths."""
    ints = [INTS, indices]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["map", "pair", "bool", "mean", "copy", "maxmin", "width"]))
        if kind == "map":
            op, fn = draw(st.sampled_from(INT_MAPS))
            ints.append(Map(fn, (draw(st.sampled_from(ints)),), op=op))
        elif kind == "pair":
            op, fn = draw(st.sampled_from(PAIR_MAPS))
            ints.append(Map(fn, (draw(st.sampled_from(ints)), draw(st.sampled_from(ints))), op=op))
        elif kind == "bool":
            op, fn = draw(st.sampled_from(BOOL_MAPS))
            flag = Map(fn, (draw(st.sampled_from(ints)),), op=op)
            ints.append(Map(lambda b: 1 if b else 0, (flag,), op="indicator({0})"))
        elif kind == "copy":
            source = Select(indices, draw(st.sampled_from(ints)), Comparison.EQ)
            ints.append(Aggregate(source, draw(st.sampled_from(ints)), draw(st.integers(-1, 3))))
        else:
            selector = draw(selectors(ints))
            if kind == "width":
                ints.append(SelectorWidth(selector))
            else:
                reduction = (
                    Reduction.MEAN
                    if kind == "mean"
                    else draw(st.sampled_from([Reduction.MAX, Reduction.MIN]))
                )
                ints.append(
                    Aggregate(selector, draw(st.sampled_from(ints)), draw(st.integers(0, 2)), reduction)
                )
    return ints[-1]


@st.composite
def selectors(draw, ints):
    def one():
        keys = draw(st.sampled_from(ints + [Constant(1)]))
        return Select(keys, draw(st.sampled_from(ints)), draw(st.sampled_from(list(Comparison))))

    selector = one()
    for _ in range(draw(st.integers(0, 2))):
        combine = draw(st.sampled_from(["and", "or", "not"]))
        selector = (
            ~selector if combine == "not" else (selector & one() if combine == "and" else selector | one())
        )
    return selector


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_exhaustive_inference_matches_on_every_input(program):
    try:
        result = check_compiled(program, VOCAB, 4, values="exhaustive")
    except CompileError:
        return
    assume(result.checked > 0)
    assert result.exhaustive and result.ok, str(result)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.data())
def test_abstract_inference_matches_on_generated_inputs(program, data):
    try:
        model = compile_program(program, VOCAB, 6, values="abstract", keep_all=True)
    except CompileError:
        return
    for _ in range(5):
        assert_matches(model, data.draw(inputs_strategy(model)))
