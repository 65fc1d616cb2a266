"""Provides the RASP syntax tree: frozen dataclasses, one per construct, each carrying its source Span.

Spans are left out of equality, so two trees are equal when they say the same thing; the pretty
printer (`rasp.printer`) and the parser (`rasp.parser`) round-trip these trees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from machines.errors import Span

_span = field(default=None, compare=False, repr=False)


class Expr:
    """Base of every expression node."""

    __slots__ = ()


class Stmt:
    """Base of every statement node."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Name(Expr):
    """A variable reference (`True` and `False` are variables too, as in the original)."""

    id: str
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Int(Expr):
    """A non-negative integer literal (negative numbers are unary minus)."""

    value: int
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Float(Expr):
    """A float literal, written `digits.digits`."""

    value: float
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class String(Expr):
    """A double-quoted string literal without escapes."""

    value: str
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class ListLit(Expr):
    """`[a, b, ...]`."""

    items: tuple[Expr, ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class DictLit(Expr):
    """`{k: v, ...}`; keys must evaluate to atoms."""

    pairs: tuple[tuple[Expr, Expr], ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class ListComp(Expr):
    """`[value for names in iterable]`."""

    value: Expr
    names: tuple[str, ...]
    iterable: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class DictComp(Expr):
    """`{key: value for names in iterable}`."""

    key: Expr
    value: Expr
    names: tuple[str, ...]
    iterable: Expr
    span: Span | None = _span


UNARY_OPS = ("not", "-", "+", "round", "indicator")
BINARY_OPS = ("and", "or", "==", "<=", ">=", "<", ">", "+", "-", "%", "*", "/", "^")
SELECT_OPS = ("==", "!=", "<", ">", "<=", ">=")


@dataclass(frozen=True, slots=True)
class Unary(Expr):
    """`not x`, `-x`, `+x`, `round(x)` or `indicator(x)`."""

    op: str
    operand: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Binary(Expr):
    """`left op right` for one of BINARY_OPS."""

    op: str
    left: Expr
    right: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Ternary(Expr):
    """`then if cond else otherwise` (left-associative, as in the original)."""

    then: Expr
    cond: Expr
    otherwise: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Contains(Expr):
    """`item in container` (the loosest operator)."""

    item: Expr
    container: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Index(Expr):
    """`target[index]`."""

    target: Expr
    index: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Call(Expr):
    """`func(args)`: a call of a RASP function, or an s-op or selector applied to an input."""

    func: Expr
    args: tuple[Expr, ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Select(Expr):
    """`select(key, query, op)`: query i selects key j when `key_j op query_i`."""

    key: Expr
    query: Expr
    op: str
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Aggregate(Expr):
    """`aggregate(selector, values[, default])`."""

    selector: Expr
    values: Expr
    default: Expr | None = None
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Range(Expr):
    """`range(a[, b[, c]])`."""

    args: tuple[Expr, ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Zip(Expr):
    """`zip(list, ...)`."""

    args: tuple[Expr, ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Len(Expr):
    """`len(list)`."""

    arg: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class ExprStmt(Stmt):
    """An expression statement; its value is stored in `out`."""

    expr: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Assign(Stmt):
    """`a, b = e1, e2;` (or several names from one tuple-returning call)."""

    targets: tuple[str, ...]
    values: tuple[Expr, ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Draw(Stmt):
    """`draw(sop[, example]);`: draw the computation flow of an s-op."""

    sop: Expr
    example: Expr | None = None
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Load(Stmt):
    """`load "path";`: run `path.rasp`; names starting with `_` stay private to it."""

    path: str
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class FuncDef(Stmt):
    """`def name(params) { body return results; }`."""

    name: str
    params: tuple[str, ...]
    body: tuple[Stmt, ...]
    results: tuple[Expr, ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class ForLoop(Stmt):
    """`for names in iterable { body }`: unrolled when run, over a list or a dict's keys."""

    names: tuple[str, ...]
    iterable: Expr
    body: tuple[Stmt, ...]
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class SetExample(Stmt):
    """REPL: `set [s-op|selector] example expr`."""

    subset: str | None
    example: Expr
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class ShowExample(Stmt):
    """REPL: `show [s-op|selector] example`."""

    subset: str | None
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class ToggleExamples(Stmt):
    """REPL: `[s-op|selector] examples on|off`."""

    subset: str | None
    on: bool
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class FullSeqDisplay(Stmt):
    """REPL: `full seq display on|off`."""

    on: bool
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Exit(Stmt):
    """REPL: `exit`, `exit()`, `quit` or `quit()`."""

    word: str
    span: Span | None = _span


@dataclass(frozen=True, slots=True)
class Program:
    """A parsed source text: its statements in order."""

    statements: tuple[Stmt, ...]
