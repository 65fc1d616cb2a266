"""The file picker of `turingbox tui` without a file: lists machine files, opens them, reports errors."""

from pathlib import Path

from textual.widgets import DirectoryTree

from tests.tui.driving import settle, tree_loaded
from tui.app import make_app
from tui.screens import MachineTree, PickerScreen, StepperScreen

PICKER_FILES = Path(__file__).parent / "picker_files"


async def _open(pilot, path: Path) -> None:
    await tree_loaded(pilot)
    tree = pilot.app.screen.query_one(MachineTree)
    tree.post_message(DirectoryTree.FileSelected(tree.root, path))
    await pilot.pause()


def test_lists_only_folders_and_machine_files():
    tree = MachineTree(PICKER_FILES)
    listed = [p.name for p in tree.filter_paths(PICKER_FILES.iterdir())]
    assert listed == ["tag", "bb2.bb", "broken.tm"]


async def test_opens_a_file_and_runs_it():
    app = make_app(examples=PICKER_FILES)
    async with app.run_test() as pilot:
        assert isinstance(app.screen, PickerScreen)
        await _open(pilot, PICKER_FILES / "bb2.bb")
        assert isinstance(app.screen, StepperScreen)
        assert app.screen.source.title == "bb2.bb"
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.stepper.position == 6
        await pilot.press("o")
        assert isinstance(app.screen, PickerScreen)
        await _open(pilot, PICKER_FILES / "tag" / "collatz.tag")
        assert app.screen.source.title == "collatz.tag"


async def test_open_from_a_file_started_stepper():
    app = make_app(PICKER_FILES / "bb2.bb", examples=PICKER_FILES)
    async with app.run_test() as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, PickerScreen)
        await _open(pilot, PICKER_FILES / "bb2.bb")
        assert isinstance(app.screen, StepperScreen)


async def test_reports_a_bad_file_with_its_location():
    app = make_app(examples=PICKER_FILES)
    async with app.run_test() as pilot:
        await _open(pilot, PICKER_FILES / "broken.tm")
        assert isinstance(app.screen, PickerScreen)
        messages = [n.message for n in app._notifications]
        assert any("broken.tm:7:10: move 'X' is not L, R or S" in m or "broken.tm:" in m for m in messages)
