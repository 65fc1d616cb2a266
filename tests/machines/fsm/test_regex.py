"""Regular expressions: the grammar, Thompson's construction, and agreement with Python's `re`."""

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from machines.fsm import RegexSyntaxError, determinize, parse_regex, regex_to_nfa
from machines.fsm.regex import MISTAKES, _parser

ALPHABET = "abc"

CASES = [
    # pattern, accepted, rejected
    ("a*b", ["b", "ab", "aaab"], ["", "a", "ba", "abb"]),
    ("(a|b)*abb", ["abb", "aabb", "babb"], ["", "ab", "abba"]),
    ("[a-c]+", ["a", "cab"], [""]),
    ("[^a]b?", ["b", "c", "cb", "bb"], ["a", "ab", ""]),
    ("a{2,3}", ["aa", "aaa"], ["a", "aaaa"]),
    ("a{2}", ["aa"], ["a", "aaa"]),
    ("a{1,}c", ["ac", "aaac"], ["c"]),
    ("", [""], ["a"]),
    ("a|", ["", "a"], ["aa"]),
    ("()", [""], ["a"]),
    (".c", ["ac", "cc"], ["c", "acc"]),
    ("(ab|c)*", ["", "ab", "cab", "abab"], ["a", "ba"]),
    ("a+?", ["", "a", "aa"], ["b"]),
]


@pytest.mark.parametrize(("pattern", "accepted", "rejected"), CASES)
def test_known_languages(pattern, accepted, rejected):
    nfa = regex_to_nfa(pattern, alphabet=ALPHABET)
    assert all(nfa.accepts(w) for w in accepted)
    assert not any(nfa.accepts(w) for w in rejected)


@pytest.mark.parametrize(("pattern", "word"), [
    (r"\.", "."), (r"\*\+", "*+"), (r"\d\d", "42"), (r"[\]x]", "]"), (r"a\-b", "a-b"), (r"[\-]", "-"),
    (r"\w", "_"), (r"\{", "{"),
])
def test_escapes(pattern, word):
    assert regex_to_nfa(pattern).accepts(word)


def test_alphabet_defaults_to_the_characters_named():
    assert regex_to_nfa("b[a-c]").alphabet == ("a", "b", "c")


@pytest.mark.parametrize(("message", "example"), [(m, e) for m, cases in MISTAKES.items() for e in cases])
def test_table_of_known_mistakes(message, example):
    with pytest.raises(RegexSyntaxError) as info:
        parse_regex(example)
    assert info.value.message == message


@pytest.mark.parametrize(("pattern", "message", "column"), [
    ("ab(c", "missing ')' to close a group", 4),
    ("[z-a]", "range z-a is empty (its ends are the wrong way round)", 3),
    ("a{5,2}", "repetition {5,2} has its bounds the wrong way round", 2),
    ("a{200}", "repetition count above 100", 2),
    (r"x\q", r"unknown escape \q", 2),
    ("a\\", "a pattern cannot end with a lone backslash", 2),
])
def test_errors_point_at_the_mistake(pattern, message, column):
    with pytest.raises(RegexSyntaxError) as info:
        regex_to_nfa(pattern, alphabet=ALPHABET)
    assert info.value.message == message and info.value.span.column == column
    assert str(info.value).startswith(f"<input>:1:{column}: ")


@pytest.mark.parametrize(("pattern", "alphabet", "message"), [
    (".", None, "'.' and negated classes need an alphabet (pass alphabet=...)"),
    ("[^a]", None, "'.' and negated classes need an alphabet (pass alphabet=...)"),
    ("x", "ab", "symbol 'x' is not in alphabet ['a', 'b']"),
    ("a b", None, "symbol ' ' cannot be used: regex symbols are single non-whitespace characters"),
])
def test_alphabet_errors(pattern, alphabet, message):
    with pytest.raises(RegexSyntaxError, match=re.escape(message)):
        regex_to_nfa(pattern, alphabet=alphabet)


LEAVES = st.sampled_from(["a", "b", "c", "[ab]", "[^a]", "[a-b]", ".", "()", "[bc]"])


def _combine(children):
    unary = st.tuples(children, st.sampled_from(["*", "+", "?", "{2}", "{0,2}", "{1,}"])).map(
        lambda t: f"({t[0]}){t[1]}")
    concat = st.lists(children, min_size=2, max_size=3).map("".join)
    union = st.lists(children, min_size=2, max_size=3).map(lambda xs: "(" + "|".join(xs) + ")")
    return unary | concat | union


REGEXES = st.recursive(LEAVES, _combine, max_leaves=8)
WORDS = ["".join(w) for n in range(5) for w in itertools.product(ALPHABET, repeat=n)]


@settings(max_examples=60)
@given(REGEXES)
def test_agrees_with_python_re_fullmatch(pattern):
    dfa = determinize(regex_to_nfa(pattern, alphabet=ALPHABET))
    compiled = re.compile(pattern)
    for word in WORDS:
        assert dfa.accepts(word) is bool(compiled.fullmatch(word)), (pattern, word)


@settings(max_examples=60)
@given(from_lark(_parser()))
def test_generated_programs_parse_or_raise_our_error(pattern):
    try:
        nfa = regex_to_nfa(pattern)
    except RegexSyntaxError as error:
        assert error.span is not None and error.source == pattern
    else:
        assert all(len(s) == 1 and not s.isspace() for s in nfa.alphabet)


@settings(max_examples=100)
@given(st.text(alphabet="ab()[]^-*+?|.{}\\,0123", max_size=12))
def test_arbitrary_text_parses_or_raises_our_error(pattern):
    try:
        nfa = regex_to_nfa(pattern, alphabet="ab0123")
    except RegexSyntaxError as error:
        assert error.span is not None
    else:
        assert nfa.alphabet == tuple("ab0123")
