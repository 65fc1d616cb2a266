"""SVG snapshots of every view and dialog (pytest-textual-snapshot; `--snapshot-update` rewrites them)."""

from dataclasses import dataclass

import pytest
from textual.widgets import Input

from machines.core import Outcome
from machines.fsm import NFA
from tests.tui.driving import settle, tree_loaded
from tests.tui.families import CASES
from tests.tui.machines import BB3
from tests.tui.test_picker import PICKER_FILES
from tui.app import make_app

SIZE = (80, 24)
BY_ID = {c.id: c for c in CASES}


@dataclass(frozen=True)
class Countdown:
    """A machine with no view of its own: counts down to zero (shown by the text fallback)."""

    name: str = "countdown"

    def initial(self, input):
        return Count(int(input or 5))

    def step(self, config):
        return Count(config.n - 1), "n -> n - 1"

    def classify(self, config):
        return Outcome.HALTED if config.n == 0 else Outcome.RUNNING


@dataclass(frozen=True)
class Count:
    n: int

    def render(self) -> str:
        return f"n = {self.n}"


@pytest.mark.parametrize(("case_id", "keys"), [
    pytest.param("turing", ["right"] * 5, id="turing"),
    pytest.param("turing-2tape", ["right"] * 2, id="turing-2tape"),
    pytest.param("tag", ["right"] * 3, id="tag"),
    pytest.param("lag", ["right"] * 2, id="lag"),
    pytest.param("dfa", ["right"] * 2, id="dfa"),
    pytest.param("nfa", ["right"] * 2, id="nfa"),
    pytest.param("mealy", ["right"] * 3, id="mealy"),
    pytest.param("rasp", ["right"] * 4, id="rasp"),
    pytest.param("life", ["right"] * 4, id="life"),
    pytest.param("eca", ["shift+right"], id="eca"),
])
def test_view(snap_compare, case_id, keys):
    case = BY_ID[case_id]
    assert snap_compare(make_app(machine=case.machine, input=case.input), press=keys, terminal_size=SIZE)


ENDS_IN_AB = NFA.from_dict({"q0": {"a": ["q0", "q1"], "b": ["q0"]}, "q1": {"b": ["q2"]}},
                          start="q0", accepting=["q2"], name="ends in ab")
"""Small enough to be drawn as a diagram, with a set of current states after reading an a."""


def test_small_nfa_diagram(snap_compare):
    app = make_app(machine=ENDS_IN_AB, input="bab")
    assert snap_compare(app, press=["right"] * 2, terminal_size=SIZE)


def test_life_zoomed_and_panned(snap_compare):
    case = BY_ID["life"]
    assert snap_compare(make_app(machine=case.machine), press=["z", "d", "x", "x"], terminal_size=SIZE)


def test_text_fallback_view(snap_compare):
    assert snap_compare(make_app(machine=Countdown(), input="3"), press=["right"], terminal_size=SIZE)


def test_help_screen(snap_compare):
    assert snap_compare(make_app(machine=BB3), press=["f1"], terminal_size=SIZE)


async def _no_blink(pilot):
    await pilot.press("b")
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.pause()


def test_breakpoint_dialog(snap_compare):
    assert snap_compare(make_app(machine=BB3), run_before=_no_blink, terminal_size=SIZE)


def test_breakpoint_hit_in_status_bar(snap_compare):
    async def run_before(pilot):
        await pilot.press("b")
        pilot.app.screen.query_one(Input).value = "state C"
        await pilot.press("enter", "c")
        await settle(pilot)

    assert snap_compare(make_app(machine=BB3), run_before=run_before, terminal_size=SIZE)


def test_picker(snap_compare):
    assert snap_compare(make_app(examples=PICKER_FILES), run_before=tree_loaded, terminal_size=SIZE)
