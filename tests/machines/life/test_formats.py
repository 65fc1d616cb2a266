"""Pattern files: every shared LifeWiki RLE loads, each format round-trips, bad files give one error
with line and column, and the formats are registered for `load_text`."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.errors import ConversionError, SourceError
from machines.formats import detect_format, dump_text, load_text
from machines.life import cells, life106, lifegpt, rle
from machines.life.errors import PatternSyntaxError
from machines.life.machine import LifeMachine
from machines.life.pattern import Pattern
from machines.life.rule import HIGHLIFE, LIFE, Rule
from tests.common.paths import shared

from .strategies import life_worlds

LIFEWIKI = ["10cellinfinitegrowth", "bheptomino", "bunnies", "century", "copperhead", "herschel",
            "koksgalaxy", "lidka", "noahsark", "pentadecathlon", "piheptomino", "queenbeeshuttle",
            "rabbits", "schickengine", "switchengine", "thunderbird", "twinbeesshuttle", "weekender"]
# Cell counts stated by the patterns' names and LifeWiki descriptions.
KNOWN_POPULATIONS = {"10cellinfinitegrowth": 10, "bheptomino": 7, "herschel": 7, "piheptomino": 7,
                     "pentadecathlon": 12}


@pytest.mark.parametrize("name", LIFEWIKI)
def test_every_lifewiki_rle_loads(name):
    text = shared("formats", "rle", f"{name}.rle").read_text()
    machine = rle.parse(text)
    header = re.search(r"x = (\d+), y = (\d+)", text)
    box = machine.pattern.box
    assert (box.width, box.height) == (int(header[1]), int(header[2]))
    assert machine.rule == LIFE  # written as B3/S23, b3/s23 or 23/3
    assert machine.name
    if name in KNOWN_POPULATIONS:
        assert machine.pattern.population == KNOWN_POPULATIONS[name]
    again = rle.parse(rle.render(machine))
    assert (again.pattern, again.rule, again.name, again.comments) == (
        machine.pattern, machine.rule, machine.name, machine.comments)


def test_rle_reads_comments_names_and_rules():
    machine = rle.parse("#N Glider\n#C a comment\n#O someone\nx = 3, y = 3, rule = B36/S23\nbo$2bo$3o!")
    assert machine.name == "Glider"
    assert machine.comments == ("a comment", "someone")
    assert machine.rule == HIGHLIFE
    assert machine.pattern == Pattern.from_rows([".O.", "..O", "OOO"])


def test_rle_accepts_whitespace_crlf_multi_line_and_text_after_the_end():
    text = "x = 3, y = 3\r\nbo$\r\n2bo $ 3o!and this is ignored\r\n"
    assert rle.parse(text).pattern == Pattern.from_rows([".O.", "..O", "OOO"])


def test_rle_blank_rows_and_position():
    machine = rle.parse("#P -3 4\nx = 2, y = 4\no3$bo!")
    assert machine.pattern == Pattern.of([(-3, 4), (-2, 7)])


def test_rle_places_patterns_in_the_middle_of_a_torus():
    machine = rle.parse("x = 3, y = 3, rule = B3/S23:T64,64\nb2o$2o$bo!")
    assert machine.pattern.box.x == 30 and machine.pattern.box.y == 30


def test_rle_writer_wraps_at_70_characters():
    soup = Pattern.of((x, y) for x in range(200) for y in range(3) if (x * 7 + y) % 3)
    text = rle.render(LifeMachine(LIFE, soup))
    body = text.splitlines()[1:]
    assert max(len(line) for line in body) <= 70
    assert len(body) > 1
    assert rle.parse(text).pattern == soup


@given(life_worlds(size=15, x=-7, y=3))
def test_rle_round_trip_on_the_plane(pattern):
    assert rle.parse(rle.render(LifeMachine(LIFE, pattern))).pattern == pattern


@given(life_worlds(size=10), st.sampled_from(["B3/S23:T10,12", "B36/S23:P11,10"]))
def test_rle_round_trip_on_finite_grids(pattern, rule):
    machine = LifeMachine(Rule.parse(rule), pattern)
    again = rle.parse(rle.render(machine))
    assert (again.pattern, again.rule) == (pattern, machine.rule)


@given(life_worlds(size=9))
def test_cells_round_trip(pattern):
    machine = LifeMachine(LIFE, pattern, "soup", ("one", "two"))
    again = cells.parse(cells.render(machine))
    assert (again.pattern, again.name, again.comments) == (pattern.normalized(), "soup", ("one", "two"))


def test_cells_reads_old_style_files():
    text = "!Name: Glider\n!\n.O\n..*\n\nOOO\n"
    assert cells.parse(text).pattern == Pattern.of([(1, 0), (2, 1), (0, 3), (1, 3), (2, 3)])


@given(life_worlds(size=9, x=-4, y=-4))
def test_life106_round_trip_keeps_positions(pattern):
    assert life106.parse(life106.render(LifeMachine(LIFE, pattern, "soup"))).pattern == pattern


@given(life_worlds(size=8))
def test_lifegpt_round_trip(pattern):
    machine = LifeMachine(Rule.parse("B3/S23:T8,8"), pattern)
    text = lifegpt.render(machine)
    assert len(text.strip()) == 64 and set(text.strip()) <= {"0", "1"}
    assert lifegpt.parse(text) == machine


def test_lifegpt_strings_are_row_major():
    pattern = Pattern.of([(1, 0), (0, 1)])
    assert lifegpt.to_string(pattern, 3, 2) == "010100"
    assert lifegpt.from_string("010100", 3, 2) == pattern
    assert lifegpt.parse("010\n100\n").rule == Rule.parse("B3/S23:T3,2")


def test_formats_without_a_rule_refuse_other_rules():
    machine = LifeMachine(HIGHLIFE, Pattern.of([(0, 0)]))
    for module in (cells, life106, lifegpt):
        with pytest.raises(ConversionError):
            module.render(machine)


BAD_FILES = [
    ("rle", "", 1, 1, "header"),
    ("rle", "#N only a name\n", 1, 1, "header"),
    ("rle", "#N x\nbo$2bo!", 2, 1, "expected the header"),
    ("rle", "x = 3, y = 3\nbo$2bz$3o!", 2, 6, "not an RLE tag"),
    ("rle", "x = 3, y = 3, rule = B3/S23:Q3,3\nbo!", 1, 22, "not supported"),
    ("rle", "x = 3, y = 3, rule = B9/S23\nbo!", 1, 22, "0 to 8"),
    ("rle", "x = 3, y = 3\nbo$2bo$3o", 2, 9, "does not end with '!'"),
    ("rle", "x = 3, y = 3\n2 o!", 2, 2, "without spaces"),
    ("rle", "x = 2, y = 1\n3o!", 2, 2, "larger than the header"),
    ("rle", "x = 3, y = 3\n0o!", 2, 1, "at least 1"),
    ("rle", "#P a b\nx = 1, y = 1\no!", 1, 1, "two integers"),
    ("rle", "x = 80, y = 3, rule = B3/S23:T64,64\no!", 1, 1, "does not fit"),
    ("cells", "!Name: x\n.O.\n.Q.\n", 3, 2, "not a cell"),
    ("life106", "0 0\n", 1, 1, "#Life 1.06"),
    ("life106", "#Life 1.06\n0 0\n  1 x\n", 3, 3, "two integers"),
    ("lifegpt", "0101\n01x1\n", 2, 3, "not a cell"),
    ("lifegpt", "010\n", 1, 1, "square"),
    ("lifegpt", "0101\n011\n", 2, 1, "every row"),
    ("lifegpt", "\n", 1, 1, "empty"),
]


@pytest.mark.parametrize(("fmt", "text", "line", "column", "message"), BAD_FILES)
def test_bad_files_give_one_error_with_line_and_column(fmt, text, line, column, message):
    with pytest.raises(PatternSyntaxError, match=message) as caught:
        load_text(text, path=f"bad.{fmt}", format=fmt)
    error = caught.value
    assert (error.span.line, error.span.column) == (line, column)
    assert str(error).startswith(f"bad.{fmt}:{line}:{column}: ")


def test_load_text_detects_life_formats():
    glider = "x = 3, y = 3\nbo$2bo$3o!"
    for path, text, name in [("g.rle", glider, "rle"), ("g.cells", ".O.\n..O\nOOO\n", "cells"),
                             ("g.lif", "#Life 1.06\n1 0\n", "life106"), ("g.lifegpt", "0110", "lifegpt"),
                             ("noext", glider, "rle"), ("noext", "#Life 1.06\n0 0\n", "life106")]:
        loaded = load_text(text, path=path)
        assert loaded.format == name
        assert isinstance(loaded.machine, LifeMachine)
        assert loaded.input == loaded.machine.pattern
    assert detect_format("x.lifegpt", "01").name == "lifegpt"


def test_dump_text_writes_the_input_pattern():
    loaded = load_text("x = 3, y = 1\n3o!", path="b.rle")
    moved = loaded.input.translated(0, 5)
    assert rle.parse(dump_text(loaded.machine, "rle", input=moved)).pattern == moved
    assert life106.parse(dump_text(loaded.machine, "life106")).pattern == loaded.input


def test_source_errors_are_turingbox_errors():
    assert issubclass(PatternSyntaxError, SourceError)
