"""Stepping through a benchgen dataset beside a model's answers, first divergence highlighted."""

import json

import pytest

from benchgen import create_dataset
from tui.app import make_app
from tui.dataset_view import DatasetScreen, ItemScreen


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A 3-item turing dataset; the model gets step 2 of item 0 wrong, item 1 right, item 2 unanswered."""
    folder = tmp_path_factory.mktemp("dataset")
    items = [create_dataset("turing", size=3, seed=1, min_steps=4)[i] for i in range(3)]
    (folder / "items.jsonl").write_text("".join(item.to_json() + "\n" for item in items))
    states = items[0].metadata["states"]
    wrong = items[0].cot.replace(states[2], "Q" + states[2][1:], 1)
    responses = [{"id": items[0].id, "response": wrong}, {"id": items[1].id, "response": items[1].cot}]
    (folder / "responses.jsonl").write_text("".join(json.dumps(r) + "\n" for r in responses))
    return folder / "items.jsonl", folder / "responses.jsonl", items


async def test_lists_items_with_their_scores(files):
    dataset, responses, _ = files
    app = make_app(dataset=dataset, responses=responses)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DatasetScreen)
        marks = [app.screen.query_one("#items").get_row_at(i)[-1] for i in range(3)]
        assert marks == ["✗ at step 2", "✓", "—"]


async def test_steps_through_an_item_and_jumps_to_the_divergence(files):
    dataset, responses, items = files
    app = make_app(dataset=dataset, responses=responses)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item.id == items[0].id
        await pilot.press("right", "right", "right", "left")
        assert app.screen.position == 2
        await pilot.press("home", "d")
        assert app.screen.position == 2
        status = app.screen.query_one("#status").text.plain
        assert "first divergence at step 2" in status
        assert f"model wrote {'Q' + items[0].metadata['states'][2][1:]!r} here" in status
        await pilot.press("escape")
        assert isinstance(app.screen, DatasetScreen)


async def test_an_item_without_an_answer(files):
    dataset, _, items = files
    app = make_app(dataset=dataset)
    async with app.run_test() as pilot:
        await pilot.press("down", "down", "enter")
        assert app.screen.item.id == items[2].id
        assert "no model answer" in app.screen.query_one("#status").text.plain
        await pilot.press("d")
        assert app.screen.position == 0


def test_item_snapshot(files, snap_compare):
    dataset, responses, _ = files
    app = make_app(dataset=dataset, responses=responses)
    assert snap_compare(app, press=["enter", "d"], terminal_size=(100, 26))
