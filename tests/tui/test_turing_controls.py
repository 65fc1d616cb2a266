"""Every control of the stepper, driven by Pilot on Turing machines built in code."""

from dataclasses import dataclass

from textual.widgets import Input

from machines.core import Outcome
from machines.errors import InvalidInputError
from tests.tui.driving import position, prompt, settle, status
from tests.tui.machines import BB2, BB3, COPY2, COUNTER, MARKED, SWEEPER
from tui.app import make_app
from tui.dialogs import HelpScreen, PromptScreen
from tui.turing_view import TapeView
from tui.view import RuleTable


async def test_step_forward_and_back():
    app = make_app(machine=BB3)
    async with app.run_test() as pilot:
        await pilot.press("right", "n", "right")
        assert position(app) == 3
        assert app.screen.stepper.current.config.render() == "C | 0: 1 [0] 1"
        await pilot.press("left", "p")
        assert position(app) == 1
        await pilot.press("left", "left")
        assert position(app) == 0
        assert status(app).startswith("step 0 · computed 3+ · state A")


async def test_step_by_hundred_stops_at_the_end():
    app = make_app(machine=BB3)
    async with app.run_test() as pilot:
        await pilot.press("shift+right")
        assert position(app) == 14
        assert "HALTED" in status(app)
        await pilot.press("right")
        assert position(app) == 14
        await pilot.press("shift+left")
        assert position(app) == 0


async def test_view_shows_head_state_and_fired_rule():
    app = make_app(machine=BB2)
    async with app.run_test() as pilot:
        await pilot.press("right", "right")
        tape = app.screen.query_one(TapeView)
        assert tape.config.render() == "A | 0: [1] 1"
        table = app.screen.query_one(RuleTable)
        assert table.show_cursor and table.cursor_row == 2  # B 0 -> 1 L A
        await pilot.press("left", "left")
        assert not table.show_cursor


async def test_play_runs_to_the_end_and_pauses_itself():
    app = make_app(machine=BB3)
    async with app.run_test() as pilot:
        await pilot.press("plus", "plus")
        await pilot.press("space")
        await settle(pilot)
        assert position(app) == 14
        assert "end of run: halted" in status(app)
        assert not app.screen.stepper.playing


async def test_play_and_pause():
    app = make_app(machine=COUNTER)
    async with app.run_test() as pilot:
        await pilot.press("space")
        assert app.screen.stepper.playing
        await pilot.pause(0.3)
        await pilot.press("space")
        await settle(pilot)
        paused_at = position(app)
        assert paused_at > 0
        assert not app.screen.stepper.playing
        await pilot.pause(0.2)
        assert position(app) == paused_at


async def test_escape_stops_a_run():
    app = make_app(machine=COUNTER)
    async with app.run_test() as pilot:
        await pilot.press("space")
        await pilot.pause(0.2)
        await pilot.press("escape")
        await settle(pilot)
        assert not app.screen.stepper.running
        stopped_at = position(app)
        await pilot.pause(0.2)
        assert position(app) == stopped_at


async def test_faster_and_slower():
    app = make_app(machine=COUNTER)
    async with app.run_test() as pilot:
        await pilot.press("plus", "plus", "plus")
        assert app.screen.stepper.speed == 3
        assert "speed ×8" in status(app)
        await pilot.press(*["minus"] * 6)
        assert app.screen.stepper.speed == -3
        assert "speed ×1/8" in status(app)
        await pilot.press(*["minus"] * 9)
        assert app.screen.stepper.speed == -4


async def test_goto_absolute_relative_and_far_ahead():
    app = make_app(machine=SWEEPER, max_steps=100_000)
    async with app.run_test() as pilot:
        await prompt(pilot, "g", "10")
        assert position(app) == 10
        await prompt(pilot, "g", "+5")
        assert position(app) == 15
        await prompt(pilot, "g", "-20")
        assert position(app) == 0
        await prompt(pilot, "g", "3000")  # beyond the frontier: a worker computes it
        await settle(pilot)
        assert position(app) == 3000
        assert app.screen.stepper.history.frontier == 3000


async def test_goto_rejects_bad_text():
    app = make_app(machine=COUNTER)
    async with app.run_test() as pilot:
        await prompt(pilot, "g", "ten")
        assert position(app) == 0
        assert any("'ten' is not a number" in n.message for n in app._notifications)


async def test_dialog_escape_changes_nothing():
    app = make_app(machine=COUNTER)
    async with app.run_test() as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("5", "escape")
        assert position(app) == 0


async def test_continue_to_state_breakpoint():
    app = make_app(machine=BB3)
    async with app.run_test() as pilot:
        await prompt(pilot, "b", "state C")
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 2
        assert "breakpoint state C" in status(app)
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 3


async def test_continue_to_rule_and_condition_breakpoints():
    app = make_app(machine=BB3)
    async with app.run_test() as pilot:
        await prompt(pilot, "b", "rule C 1 -> 1 L A")
        await prompt(pilot, "b", "head < -1")
        assert "breaks: rule C 1 -> 1 L A; head < -1" in status(app)
        await pilot.press("c")
        await settle(pilot)
        assert str(app.screen.stepper.current.event) == "C 1 -> 1 L A"
        first = position(app)
        await pilot.press("c")
        await settle(pilot)
        assert position(app) > first
        await prompt(pilot, "b", "clear")
        assert "breaks" not in status(app)
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 14


async def test_bad_breakpoint_is_reported():
    app = make_app(machine=BB3)
    async with app.run_test() as pilot:
        await prompt(pilot, "b", "population == 0")
        assert app.screen.stepper.breakpoints == []
        assert any("'population' is not one of" in n.message for n in app._notifications)


async def test_morphett_breakpoint_stops_a_run():
    app = make_app(machine=MARKED, max_steps=1000)
    async with app.run_test() as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 2
        assert "breakpoint ! on rule B 0 -> 1 R A" in status(app)
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 4


async def test_cycle_is_detected_and_shown():
    app = make_app(machine=SWEEPER)
    async with app.run_test() as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 2
        assert "cycle: step 2 = step 0 (period 2)" in status(app)
        assert "CYCLE" in status(app)


async def test_step_limit_is_shown():
    app = make_app(machine=COUNTER, max_steps=40)
    async with app.run_test() as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 40
        assert "STEP LIMIT" in status(app)


async def test_reset():
    app = make_app(machine=BB3)
    async with app.run_test() as pilot:
        await pilot.press("right", "right", "r")
        assert position(app) == 0
        assert "computed 2" in status(app)


async def test_edit_input_restarts():
    app = make_app(machine=COPY2, input=("ab",))
    async with app.run_test() as pilot:
        await pilot.press("shift+right")
        assert app.screen.stepper.current.config.render() == "H | 0: a [b] | 0: a [b]"
        await pilot.press("i")
        assert app.screen.query_one(Input).value == "ab"
        app.screen.query_one(Input).value = "bba | "
        await pilot.press("enter")
        await pilot.pause()
        assert position(app) == 0
        await pilot.press("shift+right")
        assert app.screen.stepper.current.config.render() == "H | 0: b b [a] | 0: b b [a]"


async def test_bad_input_is_reported_and_the_run_kept():
    app = make_app(machine=BB2)
    async with app.run_test() as pilot:
        await pilot.press("right")
        await prompt(pilot, "i", "012")
        assert any("'2' is not in alphabet" in n.message for n in app._notifications)
        assert position(app) == 1


async def test_multi_tape_view_has_a_track_per_tape():
    app = make_app(machine=COPY2, input="ab")
    async with app.run_test() as pilot:
        await pilot.press("right")
        text = str(app.screen.query_one(TapeView).render())
        assert "tape 1:" in text and "tape 2:" in text


async def test_help_screen_lists_the_keys():
    app = make_app(machine=BB2)
    async with app.run_test() as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        described = {b.description for b in app.screen.bindings}
        assert {"Step", "Back", "Go to", "Faster", "Slower", "Quit"} <= described
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_lists_the_actions():
    app = make_app(machine=BB2)
    async with app.run_test() as pilot:
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Step", "Back", "Run", "Go to", "Break", "Reset", "Input", "Help"} <= titles
        step = next(c for c in app.get_system_commands(app.screen) if c.title == "Step")
        await step.callback()
        assert position(app) == 1
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


class _Failing:
    """A machine whose third step raises its own error (a bug or a bad input found late)."""

    name = "failing"

    def initial(self, input):
        return _Count(0)

    def step(self, config):
        if config.n == 2:
            raise InvalidInputError("symbol '?' met at step 3")
        return _Count(config.n + 1), "n + 1"

    def classify(self, config):
        return Outcome.RUNNING


@dataclass(frozen=True)
class _Count:
    n: int

    def render(self) -> str:
        return str(self.n)


async def test_a_machine_error_stops_the_run_not_the_app():
    app = make_app(machine=_Failing())
    async with app.run_test() as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 2
        assert status(app).startswith("step 2 · computed 2 · ERROR · speed ×1 · error after step 2: "
                                      "symbol '?' met at step 3")
        await pilot.press("right")
        assert position(app) == 2
        assert any("symbol '?'" in n.message for n in app._notifications)


async def test_morphett_file_breakpoints_are_honoured(tmp_path):
    program = tmp_path / "flip.txt"
    program.write_text("; flips bits to the right; the rule for 1 carries a breakpoint\n"
                       "0 0 1 r 0\n0 1 0 r 0 !\n0 _ _ * halt\n")
    app = make_app(program, input="0010")
    async with app.run_test() as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 3
        assert "breakpoint ! on rule 0 1 -> 0 R 0" in status(app)
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == 5
        assert "HALTED" in status(app)
