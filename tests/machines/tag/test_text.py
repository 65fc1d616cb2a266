"""The .tag and .lag formats: round trips, detection, and one located error per mistake."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.errors import MachineSyntaxError, SourceError
from machines.formats import detect_format, dump_text, load_text
from machines.tag.lag import LagSystem
from machines.tag.tag import TagConfig, TagSystem
from machines.tag.text import dump_lag, dump_tag, load_lag, load_tag

SYMBOLS = st.one_of(st.sampled_from("abcAB#$%&@01"), st.sampled_from(["A.1", "x_y", "⊢", "q:0", "#1"]))
WORDS = st.lists(SYMBOLS, max_size=6).map(tuple)


@given(WORDS)
def test_config_text_round_trips(word):
    assert TagConfig.parse(TagConfig(word).render()) == TagConfig(word)


@st.composite
def tag_systems(draw):
    heads = draw(st.lists(SYMBOLS, min_size=1, max_size=5, unique=True))
    productions = {h: draw(WORDS) for h in heads}
    halts = draw(st.sets(SYMBOLS.filter(lambda s: s not in productions), max_size=2))
    name = draw(st.sampled_from(["", "t 1"]))
    return TagSystem(draw(st.integers(1, 4)), productions, frozenset(halts), name)


@st.composite
def lag_systems(draw):
    width = draw(st.integers(1, 3))
    windows = draw(st.lists(st.lists(SYMBOLS, min_size=width, max_size=width).map(tuple), min_size=1,
                            max_size=6, unique=True))
    return LagSystem(width, {w: draw(WORDS) for w in windows}, frozenset(draw(st.sets(SYMBOLS, max_size=2))))


@given(tag_systems(), WORDS)
@settings(max_examples=60)
def test_tag_files_round_trip(system, input):
    input = tuple(s for s in input if s in system.alphabet)
    loaded = load_tag(dump_tag(system, input=input))
    assert (loaded.machine, loaded.input) == (system, input)


@given(lag_systems())
@settings(max_examples=60)
def test_lag_files_round_trip(system):
    assert load_lag(dump_lag(system)).machine == system


@given(st.text(alphabet="am:2 ->bc#[]\n", max_size=40))
@settings(max_examples=200)
def test_tag_parser_raises_only_syntax_errors(text):
    try:
        load_tag(text)
    except MachineSyntaxError as error:
        assert error.span is not None


COLLATZ = "m: 2\na -> bc\nb -> a\nc -> aaa\n"

# (format, text, message, line, column)
BAD_FILES = [
    ("tag", "a -> bc\n", "missing the setting 'm: N'", 1, 1),
    ("tag", "m: 0\na -> b\n", "m='0' must be a positive integer", 1, 4),
    ("tag", "m: two\na -> b\n", "m='two' must be a positive integer", 1, 4),
    ("tag", "m :  -1\na -> b\n", "m='-1' must be a positive integer", 1, 6),
    ("tag", "m: 2\n", "no productions", 1, 1),
    ("tag", COLLATZ + "  a -> c\n", "symbol 'a' has two productions", 5, 3),
    ("tag", COLLATZ + "ab -> c\n", "one symbol, not 'ab'", 5, 1),
    ("tag", COLLATZ + "a c\n", "expected a rule 'LEFT -> WORD' or a setting", 5, 1),
    ("tag", COLLATZ + "speed: 3\n", "unknown setting 'speed'", 5, 1),
    ("tag", COLLATZ + "m: 3\n", "setting 'm' is given twice (first on line 1)", 5, 1),
    ("tag", COLLATZ + "input: aaz\n", "input symbols ['z'] are not in the alphabet", 5, 8),
    ("tag", COLLATZ + "d -> [a b\n", "unbalanced brackets", 5, 6),
    ("tag", COLLATZ + "  [d e] ->  [a b\n", "unbalanced brackets", 5, 13),
    ("tag", COLLATZ + "halt: a\n", "halt symbol 'a' has a production", 2, 1),
    ("lag", "width: 2\nab -> c\nabc -> d\n", "window 'abc' has 3 symbols, not width=2", 3, 1),
    ("lag", "width: 2\nab -> c\n[a b] -> d\n", "window 'ab' has two rules", 3, 1),
    ("lag", "ab -> c\n", "missing the setting 'width: N'", 1, 1),
]


@pytest.mark.parametrize(("format", "text", "message", "line", "column"), BAD_FILES)
def test_bad_files_give_one_located_error(format, text, message, line, column):
    with pytest.raises(SourceError) as caught:
        load_text(text, path=f"bad.{format}")
    error = caught.value
    assert message in error.message
    assert (error.span.line, error.span.column) == (line, column)
    assert str(error).startswith(f"bad.{format}:{line}:{column}: ")


def test_comments_and_bracketed_hash_symbol():
    loaded = load_tag("# a -> b is a comment\nm: 1\n[#] -> $#\n$ ->\n")
    assert dict(loaded.machine.productions) == {"#": ("$", "#"), "$": ()}
    assert dump_tag(loaded.machine) == "m: 1\n[#] -> $#\n$ ->\n"


@pytest.mark.parametrize(("path", "text", "format"), [
    ("x.tag", COLLATZ, "tag"), ("x.lag", "width: 1\na -> b\n", "lag"),
    ("notes", COLLATZ, "tag"), ("notes", "width: 2\nab -> b\n", "lag"),
])
def test_detection(path, text, format):
    assert detect_format(path, text).name == format


def test_dump_text_by_format_name():
    system = load_text(COLLATZ, format="tag").machine
    assert dump_text(system, "tag") == COLLATZ


@given(st.text(alphabet="ab width:2->[]#\n", max_size=40))
@settings(max_examples=200)
def test_lag_parser_raises_only_syntax_errors(text):
    try:
        load_lag(text)
    except MachineSyntaxError as error:
        assert error.span is not None


@given(st.text(max_size=20))
def test_config_parser_parses_or_raises_a_syntax_error(text):
    try:
        config = TagConfig.parse(text)
    except MachineSyntaxError as error:
        assert error.span is not None
    else:
        assert TagConfig.parse(config.render()) == config
