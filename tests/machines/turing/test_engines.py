"""Known answers for the Turing-machine engines: busy beavers, long halters, cyclers, errors, progress."""

import pytest

from machines.core import Outcome
from machines.errors import BudgetError, InvalidInputError
from machines.turing import (
    ENGINES,
    TapeTooLongError,
    TuringMachine,
    UnknownEngineError,
    UnsupportedMachineError,
    run_engine,
    run_engine_from,
)
from machines.turing.bbchallenge import load
from machines.turing.machine import Move, Rule
from tests.common.paths import shared
from tests.common.vectors import BB_VECTORS

# The 15 halting 2-state 2-symbol machines in tree normal form (wiki.bbchallenge.org, BB(2)).
BB2_TNF_HALTERS = [
    ("1RB1LB_1LA1RZ", 6, 4),
    ("1RB1RZ_1LB1LA", 6, 3),
    ("1RB0LB_1LA1RZ", 6, 3),
    ("1RB1RZ_0LB1LA", 6, 2),
    ("0RB1RZ_1LA1RB", 6, 2),
    ("1RB1LA_1LA1RZ", 5, 3),
    ("1RB1RZ_1LB1RA", 4, 2),
    ("1RB1RB_1LA1RZ", 4, 2),
    ("1RB1RZ_1LB0RA", 4, 1),
    ("1RB0RB_1LA1RZ", 4, 1),
    ("1RB1RZ_1LA---", 3, 2),
    ("1RB---_1LB1RZ", 3, 2),
    ("1RB1RZ_0LA---", 3, 1),
    ("1RB---_0LB1RZ", 3, 1),
    ("1RB---_1RZ---", 2, 2),
]

# Translated cyclers (sligocki/busy-beaver file names 3x2-LR-9-10 and 4x2-LR-7170-29117): from step
# `start` on, every `period` steps the machine repeats itself shifted along the tape.
TRANSLATED_CYCLERS = [
    ("1RB1RZ_0RC1LB_1LA0RB", 9, 10),
    ("1RB0RA_1RC0RB_1LD1LC_1RA0LC", 7_170, 29_117),
]

REFERENCE_REACH = 20_000  # steps each engine reaches well within the default suite's time
PLAIN_REACH = 5_000_000
SLOW_PLAIN_REACH = 50_000_000


def _cases(vectors):
    for machine, steps, non_blank in vectors:
        engines = ["accelerated"]
        if steps <= SLOW_PLAIN_REACH:
            engines.append("plain")
        if steps <= REFERENCE_REACH:
            engines.append("reference")
        for engine in engines:
            marks = [pytest.mark.slow] if engine == "plain" and steps > PLAIN_REACH else []
            yield pytest.param(machine, engine, steps, non_blank, id=f"{engine}-{machine}", marks=marks)


@pytest.mark.parametrize(("machine", "engine", "steps", "non_blank"), list(_cases(BB_VECTORS)))
def test_busy_beaver_vectors(machine, engine, steps, non_blank):
    result = run_engine(load(machine).machine, "", engine=engine, max_steps=10**12)
    assert (result.outcome, result.steps, result.non_blank) == (Outcome.HALTED, steps, non_blank)


@pytest.mark.parametrize(("machine", "engine", "steps", "non_blank"), list(_cases(BB2_TNF_HALTERS)))
def test_bb2_tree_normal_form_halters(machine, engine, steps, non_blank):
    result = run_engine(load(machine).machine, "", engine=engine, max_steps=100)
    assert (result.outcome, result.steps, result.non_blank) == (Outcome.HALTED, steps, non_blank)


def test_vector_table_holds_every_verified_row_of_the_shared_file():
    rows = []
    for line in shared("vectors", "bb.tsv").read_text().splitlines():
        if line and not line.startswith(("#", "machine\t")):
            machine, _, _, steps, non_blank, *_ = line.split("\t")
            rows.append((machine, int(steps), int(non_blank)))
    assert rows == BB_VECTORS


def test_all_engines_agree_on_the_final_configuration_of_bb5():
    tm = load("1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA").machine
    accelerated = run_engine(tm, "", engine="accelerated", max_steps=10**9)
    assert accelerated.final.state == "Z"
    assert accelerated.final.tape.head - accelerated.final.tape.start < len(accelerated.final.tape.cells)
    for cut in (1_000_003, 1_000_004):  # the budget ends the run mid-sweep
        expected = run_engine(tm, "", engine="plain", max_steps=cut)
        assert run_engine(tm, "", engine="accelerated", max_steps=cut) == expected
        assert expected.outcome is Outcome.STEP_LIMIT and expected.steps == cut


def _lin_recurrence_holds(tm: TuringMachine, start: int, period: int) -> bool:
    """True if the configuration at start + period is the one at start shifted, on all cells ahead."""
    first = run_engine(tm, "", engine="plain", max_steps=start).final
    heads = [first.tape.head]
    config = first
    for _ in range(period):  # one step at a time, to see how far back the head reaches
        config = run_engine_from(tm, config, engine="plain", max_steps=1).final
        heads.append(config.tape.head)
    shift = heads[-1] - heads[0]
    a, b = first.tape, config.tape
    end = max(a.start + len(a.cells), b.start + len(b.cells) - shift)
    begin = min(a.start, b.start - shift)
    cells = range(min(heads), end) if shift > 0 else range(begin, max(heads) + 1)
    return first.state == config.state and all(a.at(x, "0") == b.at(x + shift, "0") for x in cells)


@pytest.mark.parametrize(("machine", "start", "period"), TRANSLATED_CYCLERS[:1])
def test_translated_cycler_repeats_shifted_from_its_start(machine, start, period):
    tm = load(machine).machine
    assert _lin_recurrence_holds(tm, start, period)
    assert not _lin_recurrence_holds(tm, start - 1, period)


@pytest.mark.slow
@pytest.mark.parametrize(("machine", "start", "period"), TRANSLATED_CYCLERS[1:])
def test_long_translated_cycler_repeats_shifted_from_its_start(machine, start, period):
    test_translated_cycler_repeats_shifted_from_its_start(machine, start, period)


@pytest.mark.parametrize(("machine", "start", "period"), TRANSLATED_CYCLERS)
def test_translated_cyclers_run_out_of_budget_on_every_engine(machine, start, period):
    # A translated cycler never repeats a configuration in absolute coordinates, so even the
    # reference engine's exact cycle detection reports STEP_LIMIT, never CYCLE.
    tm = load(machine).machine
    budget = 3 * (start + period) if start + period < 1000 else 5_000
    results = {name: run_engine(tm, "", engine=name, max_steps=budget) for name in ENGINES}
    results["reference, detect_cycles"] = run_engine(tm, "", engine="reference", max_steps=budget,
                                                     detect_cycles=True)
    assert {r.outcome for r in results.values()} == {Outcome.STEP_LIMIT}
    assert len(set(results.values())) == 1


def test_reference_engine_detects_an_exact_cycle():
    tm = load("0RB---_0LA---").machine  # bounces between two blank cells forever
    result = run_engine(tm, "", engine="reference", max_steps=1_000, detect_cycles=True)
    assert (result.outcome, result.steps) == (Outcome.CYCLE, 2)
    assert run_engine(tm, "", engine="accelerated", max_steps=10**15).outcome is Outcome.STEP_LIMIT


def test_accelerated_engine_spends_a_huge_budget_on_a_loop_at_once():
    tm = load("0RB---_0LA---").machine
    for engine in ("plain", "accelerated"):
        result = run_engine(tm, "", engine=engine, max_steps=1_000_001)
        assert (result.outcome, result.steps, result.final.state) == (Outcome.STEP_LIMIT, 1_000_001, "B")
    result = run_engine(tm, "", engine="accelerated", max_steps=10**18 + 1)
    assert (result.steps, result.final.state, result.final.tape.head) == (10**18 + 1, "B", 1)


def test_accelerated_engine_sweeps_long_blank_stretches_at_once_but_will_not_write_out_huge_tapes():
    tm = load("1RA---").machine  # writes 1s rightwards forever
    result = run_engine(tm, "", engine="accelerated", max_steps=3_000_000)
    assert (result.steps, result.non_blank, result.final.tape.head) == (3_000_000, 3_000_000, 3_000_000)
    with pytest.raises(TapeTooLongError, match="max_steps"):
        run_engine(tm, "", engine="accelerated", max_steps=10**12)


def test_inputs_and_multi_tape_machines():
    incrementer = TuringMachine.from_rules(
        [("R", "0", "0", "R", "R"), ("R", "1", "1", "R", "R"), ("R", "_", "_", "L", "C"),
         ("C", "1", "0", "L", "C"), ("C", "0", "1", "S", "H"), ("C", "_", "1", "S", "H")],
        start="R", blank="_", halt_states=["H"])
    for engine in ENGINES:
        result = run_engine(incrementer, "1011", engine=engine, max_steps=100)
        assert result.final.render() == "H | 0: 1 [1] 0 0"
        assert (result.outcome, result.steps, result.non_blank) == (Outcome.HALTED, 8, 4)
    copier = TuringMachine(("A", "H"), ("_", "a", "b"), "_", "A", {"H"}, (
        Rule("A", ("a", "_"), ("a", "a"), (Move.R, Move.R), "A"),
        Rule("A", ("b", "_"), ("b", "b"), (Move.R, Move.R), "A"),
        Rule("A", ("_", "_"), ("_", "_"), (Move.L, Move.L), "H"),
    ), tapes=2)
    for engine in ("reference", "plain"):
        result = run_engine(copier, "abba", engine=engine, max_steps=100)
        assert result.final.render() == "H | 0: a b b [a] | 0: a b b [a]"
        assert (result.steps, result.non_blank) == (5, 8)


@pytest.mark.parametrize(("engine", "kwargs", "error"), [
    ("fast", {}, UnknownEngineError),
    ("plain", {"max_steps": 0}, BudgetError),
    ("plain", {"detect_cycles": True}, UnsupportedMachineError),
    ("accelerated", {"detect_cycles": True}, UnsupportedMachineError),
    ("plain", {"input": "2"}, InvalidInputError),
])
def test_bad_requests_raise_one_clear_error(engine, kwargs, error):
    tm = load("1RB1LB_1LA1RZ").machine
    kwargs = {"max_steps": 10, "input": ""} | kwargs
    with pytest.raises(error, match=r"engine=|max_steps=|symbol"):
        run_engine(tm, kwargs.pop("input"), engine=engine, **kwargs)


def test_accelerated_engine_refuses_multi_tape_machines():
    tm = TuringMachine(("A",), ("0",), "0", "A", frozenset(), (), tapes=2)
    with pytest.raises(UnsupportedMachineError, match="at most 1 tape"):
        run_engine(tm, "", engine="accelerated", max_steps=10)


@pytest.mark.parametrize("engine", ["plain", "accelerated"])
def test_progress_is_reported_during_long_runs(engine):
    tm = load("1RB2LB1LC_1LA2RB1RB_1RZ2LA0LC").machine  # 2,315,619 steps on a short tape
    reports = []
    result = run_engine(tm, "", engine=engine, max_steps=10**7, on_progress=reports.append)
    assert result.steps == 2_315_619
    assert reports and reports == sorted(reports) and reports[-1] < result.steps
