"""Every example of the reference's conformance table (outputs of the original REPL), with exact
values and types: int and float elements are told apart (`frac_prevs("hello")` starts with int 0)."""

import pytest

from rasp.parser import parse_expression
from rasp.session import Session

T, F = True, False

# (program, input, expected values, expected sequence type)
STRING_CASES = [
    ("indices", "hello", [0, 1, 2, 3, 4], "ints"),
    ("length", "hello", [5] * 5, "ints"),
    ("selector_width(select(tokens,tokens,==))", "hello", [1, 1, 2, 2, 1], "ints"),
    ("selector_width(select(tokens,tokens,==))", "aabbbc", [2, 2, 3, 3, 3, 1], "ints"),
    ("aggregate(select(indices,length-indices-1,==),tokens)", "hello", list("olleh"), "strings"),
    ("aggregate(select(indices,length-indices-1,==),tokens)", "a", ["a"], "strings"),
    ('aggregate(full_s, indicator(tokens=="e"))', "hey", [1 / 3] * 3, "floats"),
    (
        'aggregate(select(indices,indices,<=), indicator(tokens=="l"))',
        "hello",
        [0, 0.0, 1 / 3, 0.5, 0.4],
        "floats",
    ),
    ("selector_width(select(indices,indices,<))", "hello", [0, 1, 2, 3, 4], "ints"),
    ("aggregate(full_s, indices)", "abcd", [1.5] * 4, "floats"),
    ('aggregate(select(indices,indices+1,==), tokens, "-")', "abc", ["b", "c", "-"], "strings"),
    ("sort(tokens,tokens)", "hello", list("ehllo"), "strings"),
    ("sort(tokens,-indices)", "abcd", list("dcba"), "strings"),
    ('count(tokens,"l")', "hello", [2] * 5, "ints"),
    ('contains(tokens,"z")', "hello", [F] * 5, "bools"),
    ("max(indices,2)", "hello", [2, 2, 2, 3, 4], "ints"),
    ("average(indices)", "hello", [2.0] * 5, "floats"),
    ('shift(tokens,1,"_")', "hello", list("_hell"), "strings"),
    ('shift(tokens,2,"_")', "hello", list("__hel"), "strings"),
    ('mark_first_instance(tokens,"l")', "hello", [F, F, T, F, F], "bools"),
    ('mark_last_instance(tokens,"l")', "hello", [F, F, F, T, F], "bools"),
    ("tokens[0]", "hello", ["h"] * 5, "strings"),
    ("tokens[-1]", "hello", ["o"] * 5, "strings"),
    ("round(indices/2)", "abcdef", [0, 0, 1, 2, 2, 2], "ints"),
    ("indices%3", "abcdefg", [0, 1, 2, 0, 1, 2, 0], "ints"),
    ("indices^2", "abcd", [0, 1, 4, 9], "ints"),
    ("1/(indices+1)", "abcd", [1.0, 0.5, 1 / 3, 0.25], "floats"),
    ('"x" if indices==0 else tokens', "hello", list("xello"), "strings"),
    ('not (tokens=="l")', "hello", [T, T, F, F, T], "bools"),
    ('(tokens=="l") or (indices==0)', "hello", [T, F, T, T, F], "bools"),
    ('tokens in ["a","e","i","o","u"]', "hello", [F, T, F, F, T], "bools"),
    ('"e" in tokens', "hello", [T] * 5, "bools"),
    ('{"h":1,"e":2,"l":3,"o":4}[tokens]', "hello", [1, 2, 3, 3, 4], "ints"),
    ("[5,8,2,9,4,7,5][indices]", "hello", [5, 8, 2, 9, 4], "ints"),
    ("indices == 1 == True", "abc", [F, T, F], "bools"),
    ("hist_bos", "§hello", [0, 1, 1, 2, 2, 1], "ints"),
    ("hist_nobos", "aaabbc", [3, 3, 3, 2, 2, 1], "ints"),
    ("sort_bos", "§hello", list("§ehllo"), "strings"),
    ("hist2_bos", "§hello", [0, 3, 3, 1, 1, 3], "ints"),
    ("hist2_bos", "§aaabbc", [0, 1, 1, 1, 1, 1, 1], "ints"),
    ("sort_by_most_freq", "§hello", list("§lheo§"), "strings"),
    ("sort_by_most_freq", "§abbccc", list("§cba§§§"), "strings"),
    ("dyck1_ptf", "()", list("PT"), "strings"),
    ("dyck1_ptf", "(()", list("PPP"), "strings"),
    ("dyck1_ptf", "())(", list("PTFF"), "strings"),
    ("dyck1_ptf", "(())()", list("PPPTPT"), "strings"),
    ("dyck1_ptf", ")(", list("FF"), "strings"),
    ("dyck2_ptf", "({})", list("PPPT"), "strings"),
    ("dyck2_ptf", "({)}", list("PPFF"), "strings"),
    ("dyck2_ptf", "(){}", list("PTPT"), "strings"),
    ("dyck2_ptf", "{(}", list("PPF"), "strings"),
    ("dyck3_ptf", "([]{})", list("PPPPPT"), "strings"),
    ("dyck3_ptf", "([)]", list("PPFF"), "strings"),
    ("longsum", "12+34", [0, 0, 0, 4, 6], "ints"),
    ("longsum", "99+1", [0, 1, 0, 0], "ints"),
    ("longsum", "123+989", [0, 0, 0, 1, 1, 1, 2], "ints"),
    ("longsum", "5+5", [0, 1, 0], "ints"),
    (
        "dyck1_ptf",
        "()(()())(((())(()(()))))((())((()()))(()))))(())((",
        [
            "P",
            "T",
            "P",
            "P",
            "P",
            "P",
            "P",
            "T",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "T",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "P",
            "T",
            "F",
            "F",
            "F",
            "F",
            "F",
            "F",
            "F",
            "F",
        ],
        "strings",
    ),
    (
        "hist_bos",
        "§hiya how are you doing there ey",
        [0, 3, 2, 3, 2, 6, 3, 3, 1, 6, 2, 2, 4, 6, 3, 3, 1, 6, 1, 3, 2, 1, 1, 6, 1, 3, 4, 2, 4, 6, 4, 3],
        "ints",
    ),
]

# Programs run after `tokens = tokens_int;` on int inputs.
INT_CASES = [
    ("sort(tokens,tokens)", [3, 3, 1, 2], [1, 2, 3, 3], "ints"),
    ("selector_width(select(tokens,tokens,<))", [3, 3, 1, 2], [2, 2, 0, 1], "ints"),
    ("aggregate(select(indices,indices,<=), tokens)", [4, 2, 6, 0], [4, 3.0, 4.0, 3.0], "floats"),
    ("sort(tokens,-tokens)", [5, 2, 7, 1], [7, 5, 2, 1], "ints"),
]


def _typed(values):
    return [(type(v), v) for v in values]


def _check(session, program, input, expected, kind):
    value = session.apply(session.evaluate_expression(parse_expression(program)), input)
    assert _typed(value.values) == _typed(expected)
    assert value.type == kind


@pytest.mark.parametrize(("program", "input", "expected", "kind"), STRING_CASES)
def test_string_input_cases(paper_session, program, input, expected, kind):
    _check(paper_session, program, input, expected, kind)


@pytest.mark.parametrize(("program", "input", "expected", "kind"), INT_CASES)
def test_int_input_cases(program, input, expected, kind):
    session = Session()
    session.run(f"set example {input}\ntokens = tokens_int;")
    _check(session, program, input, expected, kind)


def test_sort_by_most_freq_long_prefix(paper_session):
    value = paper_session.apply(paper_session.value("sort_by_most_freq"), "§dnv,dmnvs,alaadslksmvxlmvlskd")
    assert value.values[:12] == ("§", "d", "v", "s", "l", "m", "a", "n", ",", "k", "x", "§")


EMPTY = "e = select(indices,indices,!=) and select(indices,indices,==);"


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ("aggregate(e, indices)", [0, 0, 0]),
        ("aggregate(e, indices, 7)", [7, 7, 7]),
        ("selector_width(e)", [0, 0, 0]),
    ],
)
def test_empty_selector(program, expected):
    session = Session()
    session.run(EMPTY)
    value = session.apply(session.evaluate_expression(parse_expression(program)), "abc")
    assert _typed(value.values) == _typed(expected)


# (source, value) from the reference's verified precedence table.
PRECEDENCE = [
    ("2 + 3 * 4", 14),
    ("2 ^ 3 ^ 2", 64),
    ("-2 ^ 2", 4),
    ("10 - 4 - 3", 3),
    ("7 % 3 + 1", 2),
    ("10 % 4 * 2", 2),
    ("2 * 3 % 4", 2),
    ("not True == False", True),
    ("1 if True else 2 if False else 3", 3),
    ("True or False and False", False),
    ("3 > 2 > 1", False),
    ("1 + 1 in [2]", True),
    ("7 / 2 * 2", 7.0),
    ("3 / 2", 1.5),
    ("round(2.5)", 2),
    ("round(3.5)", 4),
]


@pytest.mark.parametrize(("source", "expected"), PRECEDENCE)
def test_precedence(paper_session, source, expected):
    value = paper_session.evaluate_expression(parse_expression(source))
    assert (type(value), value) == (type(expected), expected)


def test_string_aggregate_without_default_is_a_type_error():
    from rasp.errors import RaspTypeError

    session = Session()
    with pytest.raises(RaspTypeError, match="different types"):
        session.run("x = aggregate(select(indices,indices+1,==), tokens);")
