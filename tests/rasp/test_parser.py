"""The parser: friendly messages for common mistakes, error locations, and hypothesis properties
(grammar-generated programs parse, any text parses or raises RaspSyntaxError, printing round-trips)."""

import contextlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

from rasp import syntax as s
from rasp.errors import RaspError, RaspSyntaxError
from rasp.parser import SYNTAX_ERRORS, parse
from rasp.printer import to_source
from rasp.session import Session

MISTAKES = [(message, example) for message, examples in SYNTAX_ERRORS.items() for example in examples]


@pytest.mark.parametrize(("message", "example"), MISTAKES)
def test_common_mistakes_get_their_friendly_message(message, example):
    with pytest.raises(RaspSyntaxError) as caught:
        parse(example)
    assert caught.value.message == message


@pytest.mark.parametrize(("message", "example"), MISTAKES)
def test_friendly_messages_hold_after_earlier_statements(message, example):
    with pytest.raises(RaspSyntaxError) as caught:
        parse("a = 1;\nb = a + 2;\n" + example)
    assert caught.value.message == message


def test_error_shows_file_line_column_and_caret():
    with pytest.raises(RaspSyntaxError) as caught:
        parse("a = 1;\nb = a != 2;\n", filename="prog.rasp")
    text = str(caught.value)
    assert text.splitlines() == [
        "prog.rasp:2:7: '!=' only exists inside select(...); use 'not (a == b)'",
        "b = a != 2;",
        "      ^",
    ]


# (source, tree) for constructs whose shape matters.
SHAPES = [
    ("2 ^ 3 ^ 2;", s.Binary("^", s.Binary("^", s.Int(2), s.Int(3)), s.Int(2))),
    ("-2 ^ 2;", s.Binary("^", s.Unary("-", s.Int(2)), s.Int(2))),
    ("10 % 4 * 2;", s.Binary("%", s.Int(10), s.Binary("*", s.Int(4), s.Int(2)))),
    ("not a == b;", s.Binary("==", s.Unary("not", s.Name("a")), s.Name("b"))),
    ("a or b and c;", s.Binary("and", s.Binary("or", s.Name("a"), s.Name("b")), s.Name("c"))),
    (
        "1 if a else 2 if b else 3;",
        s.Ternary(s.Ternary(s.Int(1), s.Name("a"), s.Int(2)), s.Name("b"), s.Int(3)),
    ),
    ("a if x in l else b;", s.Ternary(s.Name("a"), s.Contains(s.Name("x"), s.Name("l")), s.Name("b"))),
    ("1 + 1 in [2];", s.Contains(s.Binary("+", s.Int(1), s.Int(1)), s.ListLit((s.Int(2),)))),
    ("-x[0];", s.Unary("-", s.Index(s.Name("x"), s.Int(0)))),
    ("select(k, q, !=);", s.Select(s.Name("k"), s.Name("q"), "!=")),
    ("aggregate(s, v);", s.Aggregate(s.Name("s"), s.Name("v"), None)),
    ("select (k, q, c);", s.Call(s.Name("select"), (s.Name("k"), s.Name("q"), s.Name("c")))),
]


@pytest.mark.parametrize(("source", "tree"), SHAPES)
def test_precedence_and_associativity(source, tree):
    assert parse(source).statements == (s.ExprStmt(tree),)


def test_statements_and_repl_commands():
    program = parse(
        "a, b = 1, 2;\ndef f(x) { y = x; return y, 1; }\nfor i in range(3) { a = a + i; }\n"
        'load "lib";\ndraw(t, "ab");\nset s-op example [1, 2]\nshow example\n'
        "selector examples off\nfull seq display on\nexit()\n"
    )
    kinds = [type(st).__name__ for st in program.statements]
    assert kinds == [
        "Assign",
        "FuncDef",
        "ForLoop",
        "Load",
        "Draw",
        "SetExample",
        "ShowExample",
        "ToggleExamples",
        "FullSeqDisplay",
        "Exit",
    ]
    assert program.statements[5] == s.SetExample("s-op", s.ListLit((s.Int(1), s.Int(2))))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            list("ab1.;()[]{}=<>!+-*/%^,:\"' \nxyz#") + ["if ", "else ", "not ", "select(", "def ", "in "]
        ),
        max_size=40,
    ).map("".join)
    | st.text(max_size=40)
)
def test_any_text_parses_or_raises_our_syntax_error(text):
    try:
        parse(text)
    except RaspSyntaxError as error:
        assert error.span is not None and error.span.line >= 1


def _spaced(strategy):
    return strategy.map(lambda text: f" {text} ")


def _grammar_strategy():
    """Programs from the grammar. hypothesis does not insert %ignore'd whitespace, so words get
    spaces around them (else `not x` would come out as the name `notx`)."""
    lark = Lark.open_from_package(
        "rasp", "grammar.lark", parser="lalr"
    )  # not the cached one: it has no .grammar
    explicit = {
        "ID": _spaced(st.sampled_from(["a", "b", "tokens", "x_1"])),
        "INT": _spaced(st.integers(0, 99).map(str)),
        "FLOAT": _spaced(st.sampled_from(["0.5", "1.25"])),
        "STRING": st.sampled_from(['"a"', '"hi there"', '""']),
        "COMMENT": st.just(""),
    }
    for terminal in lark.terminals:
        if re.fullmatch(r"[a-z]+", terminal.pattern.value) or terminal.name in (
            "S_OP",
            "FULL_SEQ_DISPLAY",
            "EXIT_CALL",
        ):
            explicit[terminal.name] = _spaced(
                st.just(
                    terminal.pattern.value.replace("\\b", "").replace("\\", "").replace("(exit|quit)", "exit")
                )
            )
    return from_lark(lark, explicit=explicit)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.deferred(_grammar_strategy))
def test_programs_generated_from_the_grammar_parse(source):
    program = parse(source)
    assert parse(to_source(program)) == program


NAMES = st.sampled_from(["a", "b", "tokens", "indices", "x1"])


def _expressions():
    leaves = st.one_of(
        NAMES.map(s.Name),
        st.integers(0, 1000).map(s.Int),
        st.integers(0, 10_000).map(lambda n: s.Float(n / 8)),
        st.text(alphabet="abc xyz§", max_size=4).map(s.String),
    )

    def extend(inner):
        return st.one_of(
            st.builds(s.Unary, st.sampled_from(s.UNARY_OPS), inner),
            st.builds(s.Binary, st.sampled_from(s.BINARY_OPS), inner, inner),
            st.builds(s.Ternary, inner, inner, inner),
            st.builds(s.Contains, inner, inner),
            st.builds(s.Index, inner, inner),
            st.builds(s.Call, inner, st.lists(inner, max_size=2).map(tuple)),
            st.builds(s.Select, inner, inner, st.sampled_from(s.SELECT_OPS)),
            st.builds(s.Aggregate, inner, inner, st.none() | inner),
            st.lists(inner, max_size=3).map(lambda items: s.ListLit(tuple(items))),
            st.lists(st.tuples(inner, inner), max_size=2).map(lambda pairs: s.DictLit(tuple(pairs))),
            st.builds(s.ListComp, inner, st.lists(NAMES, min_size=1, max_size=2).map(tuple), inner),
            st.builds(s.Range, st.lists(inner, min_size=1, max_size=3).map(tuple)),
        )

    return st.recursive(leaves, extend, max_leaves=12)


def _statements():
    expr = _expressions()
    simple = st.one_of(
        expr.map(s.ExprStmt),
        st.builds(
            s.Assign,
            st.lists(NAMES, min_size=1, max_size=2).map(tuple),
            st.lists(expr, min_size=1, max_size=2).map(tuple),
        ),
        st.builds(s.Load, st.sampled_from(["lib", "a/b"])),
    )
    return st.one_of(
        simple,
        st.builds(
            s.FuncDef,
            NAMES,
            st.lists(NAMES, max_size=2).map(tuple),
            st.lists(simple, max_size=2).map(tuple),
            st.lists(expr, min_size=1, max_size=2).map(tuple),
        ),
        st.builds(
            s.ForLoop,
            st.lists(NAMES, min_size=1, max_size=2).map(tuple),
            expr,
            st.lists(simple, min_size=1, max_size=2).map(tuple),
        ),
    )


@given(st.lists(_statements(), max_size=4))
def test_printing_then_parsing_gives_the_same_tree(statements):
    program = s.Program(tuple(statements))
    assert parse(to_source(program)) == program


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(_statements(), max_size=4))
def test_random_programs_run_or_raise_our_errors(statements):
    """Whatever a program does, running it ends normally or with a RaspError, never a Python error."""
    session = Session(max_steps=2_000)
    session.run("a = 1; b = [1, 2]; x1 = indices + 1;")
    for statement in statements:
        with contextlib.suppress(RaspError):
            session.execute(statement)
