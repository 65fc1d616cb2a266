"""Provides the dataset screens: pick a benchgen item, then step through its exact trace beside a
model's answer, with the first divergence (as benchgen's scorer judges it) highlighted."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from benchgen.item import Item
from benchgen.parsers import parse_answer
from benchgen.responses import Response
from benchgen.score import ItemScore, score_item
from tui.view import Lines


class DatasetScreen(Screen):
    """The items of a dataset, with each one's score when a responses file is given."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open", id="open")]

    def __init__(self, items: list[Item], responses: dict[str, Response], *, title: str) -> None:
        super().__init__()
        self.items = items
        self.responses = responses
        self.scores: dict[str, ItemScore] = {}
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Lines(id="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = self.title_text
        self.sub_title = f"{len(self.items)} items · {len(self.responses)} responses"
        table = self.query_one(DataTable)
        table.add_columns("#", "id", "task", "steps", "answer", "model")
        for index, item in enumerate(self.items):
            table.add_row(str(index), item.id[:12], str(item.metadata.get("task", "")),
                          str(len(item.metadata.get("states", ()))), _short(item.answer), self._mark(item))
        table.focus()
        self.query_one("#status", Lines).update("enter opens an item · q quits")

    def _mark(self, item: Item) -> str:
        score = self.score(item)
        if score is None:
            return "—"
        return "✓" if score.passed else f"✗ at step {score.first_error}"

    def score(self, item: Item) -> ItemScore | None:
        """benchgen's score of the model's answer to `item` (None without an answer)."""
        response = self.responses.get(item.id)
        if response is None or response.text is None:
            return None
        if item.id not in self.scores:
            self.scores[item.id] = score_item(item, response.text, finish_reason=response.finish_reason)
        return self.scores[item.id]

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        item = self.items[self.query_one(DataTable).cursor_row]
        self.app.push_screen(ItemScreen(item, self.responses.get(item.id), self.score(item)))


def _short(text: str, width: int = 30) -> str:
    line = text.replace("\n", " ")
    return line if len(line) <= width else line[: width - 1] + "…"


class ItemScreen(Screen):
    """One item: its gold states (the exact trace), step by step, beside the model's answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,n", "step(1)", "Step", key_display="→", id="item-step"),
        Binding("left,p", "step(-1)", "Back", key_display="←", id="item-back"),
        Binding("d", "divergence", "First divergence", id="divergence"),
        Binding("home", "goto(0)", "First", show=False, id="item-first"),
        Binding("escape", "app.pop_screen", "Items", id="items"),
    ]

    def __init__(self, item: Item, response: Response | None, score: ItemScore | None) -> None:
        super().__init__()
        self.item = item
        self.response = response
        self.item_score = score
        self.states: list[str] = [str(s) for s in item.metadata.get("states", ())]
        self.shown: list[str | None] = []
        self.position = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="side-by-side"):
            table = DataTable(id="gold", cursor_type="row")
            table.can_focus = False
            yield table
            with VerticalScroll(id="answer-box"):
                yield Lines(id="answer")
        yield Lines(id="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = f"item {self.item.id[:12]}"
        self.sub_title = str(self.item.metadata.get("task", ""))
        table = self.query_one("#gold", DataTable)
        table.add_columns("step", "", "gold state")
        correct = self.item_score.correct if self.item_score else ()
        first = self.item_score.first_error if self.item_score else None
        self.shown = shown = self._model_states()
        for step, state in enumerate(self.states):
            mark = "" if step >= len(correct) else "✓" if correct[step] else "✗"
            style = "bold red" if step == first else ""
            table.add_row(Text(str(step), style=style), Text(mark, style=style), Text(state, style=style))
        answer = Text("(no response)" if self.response is None or self.response.text is None
                      else self.response.text)
        if first is not None and first < len(shown) and shown[first]:
            answer.highlight_words([shown[first]], style="bold red reverse")
        self.query_one("#answer", Lines).update(answer)
        self.redraw()

    def _model_states(self) -> list[str | None]:
        """The states benchgen's parser reads in the model's answer, one per step (None: unreadable)."""
        if self.response is None or self.response.text is None:
            return []
        return [None if s is None else str(s) for s in parse_answer(self.response.text, self.item).states]

    def redraw(self) -> None:
        """Moves the cursor to the current step and writes the status bar."""
        self.query_one("#gold", DataTable).move_cursor(row=self.position, animate=False)
        parts = [f"step {self.position} of {len(self.states) - 1}"]
        score = self.item_score
        if score is None:
            parts.append("no model answer")
        elif score.first_error is None:
            parts.append("the answer follows the exact trace")
        else:
            parts.append(f"first divergence at step {score.first_error} ({score.error_kind})")
        if score is not None and self.position < len(self.states):
            model = self.shown[self.position] if self.position < len(self.shown) else None
            if model != self.states[self.position]:
                parts.append("model wrote nothing here" if model is None else f"model wrote {model!r} here")
        if score is not None:
            verdict = "right" if score.final_correct else "wrong"
            parts.append(f"final answer {verdict} · halting {score.halting}")
        self.query_one("#status", Lines).update(" · ".join(parts))

    def action_step(self, count: int) -> None:
        self.action_goto(self.position + count)

    def action_goto(self, step: int) -> None:
        self.position = max(0, min(len(self.states) - 1, step))
        self.redraw()

    def action_divergence(self) -> None:
        if self.item_score is not None and self.item_score.first_error is not None:
            self.action_goto(self.item_score.first_error)


def load_dataset(path: Any, responses: Any = None) -> tuple[list[Item], dict[str, Response]]:
    """The items of a benchgen dataset (folder or JSONL) and the responses matched to them by id."""
    from benchgen.responses import match, read_dataset, read_responses

    items = read_dataset(path)
    if responses is None:
        return items, {}
    matched = match(items, read_responses(responses))
    return items, {item.id: response for item, response in matched.pairs}
