"""Provides the RASP parser: source text to a `syntax.Program`, with lark errors turned into RaspSyntaxError.

The grammar (`grammar.lark`, package data) keeps the original REPL's precedence and associativity.
Common mistakes get a friendly message from SYNTAX_ERRORS, matched the way lark's own grammar
errors are (`UnexpectedInput.match_examples`).
"""

from __future__ import annotations

from functools import cache

from lark import Lark, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from machines.errors import Span
from rasp import syntax as s
from rasp.errors import RaspSyntaxError

SYNTAX_ERRORS: dict[str, list[str]] = {
    "missing ';' at the end of the statement": ["a = 3", "x = indices + 1\ny = 2;", "tokens\ntokens;"],
    "'!=' only exists inside select(...); use 'not (a == b)'": ["a != b;", "x = indices != 1;"],
    "strings are written with double quotes": ["'abc';", "x = 'a';"],
    "a function body must end with 'return <values>;'": ["def f(x) { y = x; }", "def f() { }"],
    "select(...) takes a key, a query and one of == != < > <= >=": [
        "select(indices, indices, =);",
        "select(a, b, and);",
        "select(a, b);",
    ],
    "a conditional needs 'else': 'x if condition else y'": ["a if b;", "x = 1 if c;"],
    "a float needs digits on both sides of the dot, as in 1.0": ["1.;", "x = .5;"],
    "'=' assigns a name; compare values with '=='": ["a = b = c;", "x = (a = b);"],
    "a 'for' loop or 'def' ends at its '}', with no ';' after it": [
        "for i in range(3) { a = i; };",
        "def f() { return 1; };",
    ],
    "a 'for' loop body needs at least one statement": ["for i in range(3) { }"],
    "an empty statement: remove the extra ';'": [";", "a = 1;;"],
    "the comparison of select(...) is written bare, as in select(k, q, ==)": [
        'select(a, b, "==");', 'x = select(indices, indices, "<");'],
    "RASP has no slices; select the positions instead": ["tokens[1:3];", "x = b[:2];"],
    "no comma before a closing bracket": ["a = [1, 2,];", "f(x,);"],
}


@cache
def _lark() -> Lark:
    return Lark.open_from_package(
        "rasp", "grammar.lark", parser="lalr", propagate_positions=True, maybe_placeholders=True, cache=True
    )


def parse(text: str, *, filename: str | None = None) -> s.Program:
    """Parses RASP source text; raises RaspSyntaxError (with line, column and caret) if it does not parse."""
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as error:
        raise _syntax_error(error, text, filename) from None
    return _ToAst().transform(tree)


def is_incomplete(text: str) -> bool:
    """True if `text` is an unfinished statement (the REPL then reads another line)."""
    try:
        _lark().parse(text)
    except UnexpectedEOF:
        return True
    except UnexpectedToken as error:
        return error.token.type == "$END"
    except UnexpectedInput:
        return False
    return False


def parse_expression(text: str) -> s.Expr:
    """Parses a single expression (with or without its ';')."""
    body = text.strip()
    program = parse(body if body.endswith(";") else body + ";")
    if len(program.statements) != 1 or not isinstance(program.statements[0], s.ExprStmt):
        raise RaspSyntaxError(f"expected one expression, got {text!r}", source=text)
    return program.statements[0].expr


def _syntax_error(error: UnexpectedInput, text: str, filename: str | None) -> RaspSyntaxError:
    line, column = max(error.line, 1), max(error.column, 1)
    if isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    friendly = _friendly(error, text)
    message = friendly or _describe(error)
    return RaspSyntaxError(message, span=Span(line, column, line, column + 1), source=text, filename=filename)


def _friendly(error: UnexpectedInput, text: str) -> str | None:
    return _friendly_messages().get(_signature(error))


def _signature(error: UnexpectedInput) -> tuple:
    """What identifies a kind of mistake: the bad character, or the parser state and the token seen.

    Only the top of lark's state stack counts, so a mistake reads the same after earlier statements.
    """
    if isinstance(error, UnexpectedCharacters):
        return ("char", error.char)
    state = getattr(error, "state", None)
    position = state.position if state is not None else None
    token = getattr(error, "token", None)
    return ("token", position, token.type if token is not None else "$END")


@cache
def _friendly_messages() -> dict[tuple, str]:
    """The SYNTAX_ERRORS table keyed by the signature of the error each example raises."""
    found: dict[tuple, str] = {}
    for message, examples in SYNTAX_ERRORS.items():
        for example in examples:
            try:
                _lark().parse(example)
            except UnexpectedInput as error:
                found.setdefault(_signature(error), message)
    return found


def _describe(error: UnexpectedInput) -> str:
    if isinstance(error, UnexpectedCharacters):
        return f"unexpected character {error.char!r}"
    if isinstance(error, UnexpectedToken):
        if error.token.type == "$END":
            return "unexpected end of input (a statement is unfinished)"
        expected = sorted({_readable(t) for t in error.expected if not t.startswith("__")})
        shown = ", ".join(expected[:8]) + (", ..." if len(expected) > 8 else "")
        return f"unexpected {error.token.value!r}; expected {shown}"
    return "unexpected end of input (a statement is unfinished)"


_TERMINAL_NAMES = {
    "SEMICOLON": "';'",
    "RPAR": "')'",
    "LPAR": "'('",
    "RSQB": "']'",
    "LSQB": "'['",
    "RBRACE": "'}'",
    "LBRACE": "'{'",
    "COMMA": "','",
    "COLON": "':'",
    "EQUAL": "'='",
    "ID": "a name",
    "INT": "a number",
    "FLOAT": "a number",
    "STRING": "a string",
    "SELECT_OP": "a comparison",
    "CMP_OP": "a comparison",
    "ELSE": "'else'",
    "IN": "'in'",
    "RETURN": "'return'",
    "SELECT_OPEN": "'select('",
    "AGGREGATE_OPEN": "'aggregate('",
    "RANGE_OPEN": "'range('",
    "ZIP_OPEN": "'zip('",
    "LEN_OPEN": "'len('",
}


def _readable(terminal: str) -> str:
    return _TERMINAL_NAMES.get(terminal, terminal.lower())


def _span(meta) -> Span | None:
    if getattr(meta, "empty", True):
        return None
    return Span(meta.line, meta.column, meta.end_line, meta.end_column)


def _ids(tree) -> tuple[str, ...]:
    return tuple(str(token) for token in tree.children)


@v_args(meta=True, inline=True)
class _ToAst(Transformer):
    """Turns the lark parse tree into syntax nodes; it never raises (semantic checks come later)."""

    def start(self, meta, *statements):
        return s.Program(tuple(statements))

    def expr_stmt(self, meta, expr):
        return s.ExprStmt(expr, span=_span(meta))

    def assign(self, meta, names, values):
        return s.Assign(_ids(names), tuple(values.children), span=_span(meta))

    def draw(self, meta, sop, example=None):
        return s.Draw(sop, example, span=_span(meta))

    def load(self, meta, path):
        return s.Load(str(path)[1:-1], span=_span(meta))

    def funcdef(self, meta, name, params, *rest):
        *body, results = rest
        return s.FuncDef(
            str(name), _ids(params) if params else (), tuple(body), tuple(results.children), span=_span(meta)
        )

    def forloop(self, meta, names, iterable, *body):
        return s.ForLoop(_ids(names), iterable, tuple(body), span=_span(meta))

    def set_example(self, meta, subset, example):
        return s.SetExample(subset, example, span=_span(meta))

    def show_example(self, meta, subset):
        return s.ShowExample(subset, span=_span(meta))

    def toggle_examples(self, meta, subset, switch):
        return s.ToggleExamples(subset, switch == "on", span=_span(meta))

    def full_seq_display(self, meta, _words, switch):
        return s.FullSeqDisplay(switch == "on", span=_span(meta))

    def exit(self, meta, word):
        return s.Exit(word, span=_span(meta))

    def subset(self, meta, token):
        return str(token)

    switch = exit_word = and_or = unary_op = round_or_indicator = subset
    cmp_op = add_op = mod_op = mul_op = pow_op = select_op = subset

    def contains(self, meta, item, container):
        return s.Contains(item, container, span=_span(meta))

    def ternary(self, meta, then, cond, otherwise):
        return s.Ternary(then, cond, otherwise, span=_span(meta))

    def binary(self, meta, left, op, right):
        return s.Binary(str(op), left, right, span=_span(meta))

    def unary(self, meta, op, operand):
        return s.Unary(str(op), operand, span=_span(meta))

    def index(self, meta, target, index):
        return s.Index(target, index, span=_span(meta))

    def call(self, meta, func, args):
        return s.Call(func, tuple(args.children) if args else (), span=_span(meta))

    def name(self, meta, token):
        return s.Name(str(token), span=_span(meta))

    def int(self, meta, token):
        return s.Int(int(token), span=_span(meta))

    def float(self, meta, token):
        return s.Float(float(token), span=_span(meta))

    def string(self, meta, token):
        return s.String(str(token)[1:-1], span=_span(meta))

    def list(self, meta, items):
        return s.ListLit(tuple(items.children) if items else (), span=_span(meta))

    def dict(self, meta, *pairs):
        return s.DictLit(tuple(p for p in pairs if p is not None), span=_span(meta))

    def pair(self, meta, key, value):
        return (key, value)

    def listcomp(self, meta, value, names, iterable):
        return s.ListComp(value, _ids(names), iterable, span=_span(meta))

    def dictcomp(self, meta, key, value, names, iterable):
        return s.DictComp(key, value, _ids(names), iterable, span=_span(meta))

    def select(self, meta, _open, key, query, op):
        return s.Select(key, query, str(op), span=_span(meta))

    def aggregate(self, meta, _open, selector, values, default):
        return s.Aggregate(selector, values, default, span=_span(meta))

    def range(self, meta, _open, args):
        return s.Range(tuple(args.children), span=_span(meta))

    def zip(self, meta, _open, args):
        return s.Zip(tuple(args.children), span=_span(meta))

    def len(self, meta, _open, arg):
        return s.Len(arg, span=_span(meta))
