"""Parsers either parse or raise our own error, whatever the text (no other exception leaks out)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.life import cells, life106, lifegpt, rle
from machines.life.errors import PatternSyntaxError, RuleError
from machines.life.pattern import Pattern
from machines.life.rule import Rule

RLE_TEXT = st.lists(st.sampled_from(["x = 3, y = 3", ", rule = B3/S23", ":T4,4", "#N a", "#C b", "#P 1 2",
                                     "bo", "$", "2", "o", "!", "b", "\n", " ", "z", "x", "0", "12"]),
                    max_size=20).map("".join)


@settings(max_examples=200)
@given(st.one_of(RLE_TEXT, st.text(max_size=40)))
def test_rle_parse_or_syntax_error(text):
    try:
        machine = rle.parse(text)
    except PatternSyntaxError as error:
        assert error.span is not None and error.span.line >= 1 and error.span.column >= 1
    else:
        assert rle.parse(rle.render(machine)).pattern == machine.pattern


@pytest.mark.parametrize("parse", [cells.parse, life106.parse, lifegpt.parse, Pattern.parse])
@settings(max_examples=100)
@given(text=st.text(alphabet=".O*01 #!Life.6\nxN-", max_size=40))
def test_other_parsers_parse_or_syntax_error(parse, text):
    try:
        parse(text)
    except PatternSyntaxError as error:
        assert error.span is not None and error.span.line >= 1


@given(st.text(alphabet="BSbs0123456789/:TP,x ", max_size=20))
def test_rule_parse_or_rule_error(text):
    try:
        rule = Rule.parse(text)
    except RuleError as error:
        assert repr(text) in str(error) or "topology" in str(error) or "width" in str(error)
    else:
        assert Rule.parse(rule.render()) == rule
