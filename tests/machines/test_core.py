"""The shared trace model: trace/run agreement, prefixes, outcomes, retention and cycle detection."""

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines import BudgetError, Outcome, Retention, run, trace


@dataclass(frozen=True)
class Counter:
    """Counts up from its input and halts at `limit`; with `modulus` it wraps around (a cycle)."""

    limit: int
    modulus: int | None = None
    name: str = "counter"

    def initial(self, input: int) -> int:
        return input

    def step(self, config: int):
        nxt = config + 1
        return (nxt % self.modulus if self.modulus else nxt), f"inc {config}"

    def classify(self, config: int) -> Outcome:
        return Outcome.HALTED if config >= self.limit else Outcome.RUNNING


def test_run_halts_with_every_snapshot():
    result = run(Counter(5), 0, max_steps=100)
    assert result.outcome is Outcome.HALTED
    assert result.steps == 5
    assert [s.config for s in result] == [0, 1, 2, 3, 4, 5]
    assert [s.event for s in result] == [None, "inc 0", "inc 1", "inc 2", "inc 3", "inc 4"]
    assert result.machine == "counter"


def test_step_limit_is_an_outcome():
    result = run(Counter(50), 0, max_steps=7)
    assert result.outcome is Outcome.STEP_LIMIT
    assert result.final.step == 7


def test_halting_exactly_at_the_budget_is_halted():
    assert run(Counter(7), 0, max_steps=7).outcome is Outcome.HALTED


@pytest.mark.parametrize("budget", [0, -1, 1.5, "10", True, None])
def test_budget_must_be_a_positive_integer(budget):
    with pytest.raises(BudgetError, match="max_steps"):
        run(Counter(5), 0, max_steps=budget)
    with pytest.raises(BudgetError):
        list(trace(Counter(5), 0, max_steps=budget))


def test_cycle_detection_reports_start_and_period():
    result = run(Counter(10**9, modulus=4), 1, max_steps=1000, detect_cycles=True)
    assert result.outcome is Outcome.CYCLE
    assert result.cycle_start == 0
    assert result.steps == 4
    assert result.cycle_period == 4


def test_without_cycle_detection_a_cycler_hits_the_limit():
    assert run(Counter(10**9, modulus=4), 1, max_steps=50).outcome is Outcome.STEP_LIMIT


def test_stride_retention_counts_dropped():
    result = run(Counter(100), 0, max_steps=1000, retention=Retention.stride(10))
    assert [s.step for s in result] == list(range(0, 101, 10))
    assert result.dropped == 101 - 11


def test_stride_always_keeps_the_final_snapshot():
    result = run(Counter(95), 0, max_steps=1000, retention=Retention.stride(10))
    assert [s.step for s in result][-2:] == [90, 95]
    assert result.dropped == 96 - 11


def test_ends_retention_keeps_first_and_last():
    result = run(Counter(100), 0, max_steps=1000, retention=Retention.ends(3, 2))
    assert [s.step for s in result] == [0, 1, 2, 99, 100]
    assert result.dropped == 96


@pytest.mark.parametrize("bad", [dict(every=0), dict(first=-1), dict(last=1.5)])
def test_retention_validates(bad):
    with pytest.raises(BudgetError):
        Retention(**bad)


@given(limit=st.integers(0, 60), k=st.integers(1, 60))
def test_run_with_k_steps_is_a_prefix_of_k_plus_one(limit, k):
    short = run(Counter(limit), 0, max_steps=k)
    longer = run(Counter(limit), 0, max_steps=k + 1)
    assert longer.snapshots[: len(short)] == short.snapshots
    assert tuple(trace(Counter(limit), 0, max_steps=k)) == short.snapshots
    assert [s.step for s in short] == list(range(len(short)))


@pytest.mark.parametrize(("umask", "file_mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_atomic_output_gets_the_usual_file_mode(tmp_path, umask, file_mode):
    import os

    from machines.files import write_text

    mask = os.umask(umask)
    try:
        write_text(tmp_path / "out.txt", "x")
    finally:
        os.umask(mask)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == file_mode


@given(cells=st.lists(st.sampled_from("01"), max_size=6), offset=st.integers(-3, 3),
       head=st.integers(-4, 10), symbol=st.sampled_from("01"), move=st.sampled_from(["L", "R", "S"]))
def test_tape_written_equals_normalising_from_scratch(cells, offset, head, symbol, move):
    from machines.turing.machine import Move, Tape

    tape = Tape.normal(cells, offset, head, "0")
    cells_after = list(tape.cells)
    cells_after[tape.head - tape.start] = symbol
    moved = Move.parse(move)
    expected = Tape.normal(cells_after, tape.start, tape.head + moved.value, "0")
    assert tape.written(symbol, moved, "0") == expected
