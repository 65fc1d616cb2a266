"""Turing machines compiled into 2-tag (Cocke–Minsky) and lag systems, checked by decoding."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.core import Outcome
from machines.errors import ConversionError
from machines.tag.side_by_side import side_by_side
from machines.tag.tm_to_lag import tm_to_lag
from machines.tag.tm_to_tag import tm_to_tag
from machines.tag.u15_2 import EXAMPLE, encode_bi_tag, make_u15_2
from machines.turing import TuringMachine
from tests.common.strategies import turing_machines

BB2 = TuringMachine.from_rules([("A", "0", "1", "R", "B"), ("A", "1", "1", "L", "B"),
                                ("B", "0", "1", "L", "A"), ("B", "1", "1", "R", "H")],
                               start="A", blank="0", halt_states=["H"], name="bb2")
BB3 = TuringMachine.from_rules([("A", "0", "1", "R", "B"), ("A", "1", "1", "R", "H"),
                                ("B", "0", "0", "R", "C"), ("B", "1", "1", "R", "B"),
                                ("C", "0", "1", "L", "C"), ("C", "1", "1", "L", "A")],
                               start="A", blank="0", halt_states=["H"], name="bb3")
THREE_SYMBOLS = TuringMachine.from_rules([("A", "0", "2", "R", "B"), ("B", "0", "1", "L", "A"),
                                          ("A", "2", "1", "S", "H")], start="A", blank="0",
                                         halt_states=["H"], name="three symbols")

COMPILERS = [tm_to_tag, tm_to_lag]


@pytest.mark.parametrize("compile", COMPILERS)
@pytest.mark.parametrize(("machine", "steps", "ones"), [(BB2, 6, 4), (BB3, 14, 6)])
def test_busy_beavers_decode_step_by_step(compile, machine, steps, ones):
    check = side_by_side(compile(machine), machine.initial(""), max_steps=1_000, max_system_steps=1_000_000)
    assert check.agree
    assert (check.machine_outcome, len(check.decoded) - 1) == (Outcome.HALTED, steps)
    assert check.final.tape.cells.count("1") == ones


@given(turing_machines(max_states=3, max_symbols=2), st.lists(st.sampled_from("01"), max_size=4))
@settings(max_examples=60, deadline=None)
def test_random_binary_machines_compile_to_tag(machine, input):
    check = side_by_side(tm_to_tag(machine), machine.initial(input), max_steps=12, max_system_steps=2_000_000)
    assert check.agree, (check.expected, check.decoded)


@given(turing_machines(max_states=4, max_symbols=3), st.lists(st.sampled_from("012"), max_size=4))
@settings(max_examples=60, deadline=None)
def test_random_machines_compile_to_lag(machine, input):
    input = [s for s in input if s in machine.alphabet]
    check = side_by_side(tm_to_lag(machine), machine.initial(input), max_steps=30, max_system_steps=200_000)
    assert check.agree, (check.expected, check.decoded)


def test_lag_construction_takes_any_alphabet():
    check = side_by_side(tm_to_lag(THREE_SYMBOLS), THREE_SYMBOLS.initial(""), max_steps=10,
                         max_system_steps=10_000)
    assert check.agree and check.final.render() == "H | 0: [1] 1"


def test_cocke_minsky_needs_two_symbols():
    with pytest.raises(ConversionError, match=r"machine 'three symbols' has 1 tape\(s\) and 3 symbols"):
        tm_to_tag(THREE_SYMBOLS)


U15_2 = make_u15_2()
SMALL_BI_TAG = {"letters": 2, "markers": 2, "productions": {(1, 1): (1, 2), (1, 2): (2, 2)},
                "data": (("e", 2), ("a", 1))}


def test_u15_2_table():
    assert (len(U15_2.states), len(U15_2.alphabet), len(U15_2.rules)) == (15, 2, 29)
    assert U15_2.rule_for("u10", ("b",)) is None


def test_u15_2_compiles_to_549_lag_rules():
    """Fewer than the 2,027 rules of Schuurmans' construction."""
    assert len(tm_to_lag(U15_2).system.rules) == 549


def test_u15_2_lag_agrees_on_the_first_steps():
    check = side_by_side(tm_to_lag(U15_2), encode_bi_tag(**EXAMPLE), max_steps=300,
                         max_system_steps=1_000_000)
    assert check.agree and len(check.decoded) == 301


@pytest.mark.slow
def test_u15_2_lag_agrees_until_it_halts():
    """U(15,2) on an encoded bi-tag system halts in (u10, b) after 11,083 steps; so does its lag system."""
    check = side_by_side(tm_to_lag(U15_2), encode_bi_tag(**SMALL_BI_TAG), max_steps=20_000,
                         max_system_steps=10_000_000)
    assert check.agree
    assert (check.machine_outcome, len(check.decoded) - 1) == (Outcome.HALTED, 11_083)
    assert (check.final.state, check.final.tape.symbol) == ("u10", "b")


@pytest.mark.parametrize("compile", COMPILERS)
def test_compiled_systems_run_alike_on_both_engines(compile):
    from machines.core import Retention, run
    from machines.tag.fast import run_fast, run_lag_fast

    simulation = compile(BB3)
    start = simulation.encode(BB3.initial(""))
    fast = (run_fast if compile is tm_to_tag else run_lag_fast)(simulation.system, start, max_steps=10_000)
    reference = run(simulation.system, start, max_steps=10_000, retention=Retention.ends(0, 1))
    assert (fast.outcome, fast.steps, fast.final) == \
        (reference.outcome, reference.steps, reference.final.config)
    assert fast.outcome is Outcome.HALTED


ARITY_ONE = {(1, 1): (1, 2), (1, 2): (2, 2)}   # e1 a_i -> a_i e2
ARITY_TWO = {(1, 1): (2, 1, 2), (1, 2): (1, 2, 2)}  # e1 a_i -> a_(3-i) a_i e2
DATA = [(("e", 1), ("a", 1), ("a", 1)), (("a", 2), ("e", 1), ("a", 2), ("a", 1)), (("e", 2), ("a", 1))]


@pytest.mark.parametrize("productions", [ARITY_ONE, ARITY_TWO])
@pytest.mark.parametrize("data", DATA)
def test_u15_2_halts_in_u10_b_on_encoded_bi_tag_systems(productions, data):
    """The transcription's own check of Table 16 and the encoding: these runs stop in (u10, b)."""
    from machines.turing.engines import run_engine_from

    result = run_engine_from(U15_2, encode_bi_tag(2, 2, productions, data), max_steps=1_000_000)
    assert result.outcome is Outcome.HALTED
    assert (result.final.state, result.final.tape.symbol) == ("u10", "b")


@pytest.mark.parametrize(("productions", "data", "message"), [
    ({(1, 1): (1, 2)}, DATA[0], r"exactly the pairs \[\(1, 1\), \(1, 2\)\]"),
    ({(1, 1): (1, 2), (1, 2): (3, 2)}, DATA[0], r"production \(1, 2\) -> \(3, 2\)"),
    ({(1, 1): (2,), (1, 2): (1, 2)}, DATA[0], r"production \(1, 1\) -> \(2,\)"),
    (ARITY_ONE, (("a", 1),), "exactly one marker"),
])
def test_bi_tag_encoding_refuses_bad_systems(productions, data, message):
    from machines.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match=message):
        encode_bi_tag(2, 2, productions, data)


def test_lag_simulation_starts_in_the_start_state():
    """Its rules cover runs from the start state only (that is what keeps U(15,2) at 549 rules)."""
    simulation = tm_to_lag(BB2)
    later = BB2.step(BB2.initial(""))[0]
    with pytest.raises(ConversionError, match="from the start state 'A', not from 'B'"):
        simulation.encode(later)
