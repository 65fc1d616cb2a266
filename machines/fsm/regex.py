"""Provides regular expressions: a lark grammar (regex.lark), a syntax tree and Thompson's NFAs."""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lark import Lark, Token, Transformer, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, v_args

from machines.errors import Span
from machines.fsm.errors import RegexSyntaxError
from machines.fsm.nfa import NFA
from machines.fsm.words import EPSILON

MAX_REPEAT = 100
"""The largest count allowed in a `{m,n}` repetition (each copy is a copy of the sub-automaton)."""


@dataclass(frozen=True, slots=True)
class Symbols:
    """One symbol out of a set: a literal, an escape, a character class or '.'. `negated` means 'any but'."""

    chars: frozenset[str]
    negated: bool = False
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Concat:
    """The parts in sequence (no parts: the empty word)."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Union:
    """Any one of the options."""

    options: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Repeat:
    """`node` repeated between `low` and `high` times (`high` None: unbounded)."""

    node: Node
    low: int
    high: int | None


Node = Symbols | Concat | Union | Repeat

_CLASS_ESCAPES = {"d": frozenset(string.digits), "w": frozenset(string.ascii_letters + string.digits + "_")}
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "0": "\0"}

# Known mistakes and their messages, recognised by lark's match_examples (as lark's own GRAMMAR_ERRORS).
MISTAKES: dict[str, list[str]] = {
    "nothing to repeat before this quantifier": ["*", "a|*", "(*)", "+a", "?", "{2}", "a(|+)"],
    "missing ')' to close a group": ["(a", "((a)", "a(b|c", "(", "(a|"],
    "unbalanced ')' with no group open": [")", "a)", "(a))", "a|)"],
    "empty or unclosed character class": ["[]", "[^]", "[a", "[^", "[a-", "["],
    "a range needs a character after '-' (escape a literal '-' as '\\-')": ["[a-]", "[--a]"],
    "'^' negates only at the start of a class (escape it as '\\^')": ["[a^]"],
    "'{' starts a repetition like {2} or {1,3} (escape a literal brace as '\\{')": ["{", "a{", "a{x}", "}"],
}


@cache
def _parser() -> Lark:
    grammar = resources.files("machines.fsm").joinpath("regex.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="contextual", propagate_positions=True)


def _span(token: Token) -> Span:
    return Span(token.line, token.column, token.end_line, token.end_column)


@v_args(inline=True)
class _ToTree(Transformer):
    def __init__(self, pattern: str) -> None:
        super().__init__()
        self.pattern = pattern

    def error(self, message: str, token: Token) -> RegexSyntaxError:
        return RegexSyntaxError(message, span=_span(token), source=self.pattern)

    def start(self, node: Node) -> Node:
        return node

    def alt(self, *options: Node) -> Node:
        return options[0] if len(options) == 1 else Union(options)

    def concat(self, *parts: Node) -> Node:
        return parts[0] if len(parts) == 1 else Concat(parts)

    def repeat(self, node: Node, *quantifiers: Token) -> Node:
        for q in quantifiers:
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}.get(str(q), (None, None))
            if low is None:
                lo, _, hi = q[1:-1].partition(",")
                low = int(lo)
                high = int(hi) if hi else (None if "," in q else low)
                if max(low, high or 0) > MAX_REPEAT:
                    raise self.error(f"repetition count above {MAX_REPEAT}", q)
                if high is not None and high < low:
                    raise self.error(f"repetition {q} has its bounds the wrong way round", q)
            node = Repeat(node, low, high)
        return node

    def literal(self, token: Token) -> Symbols:
        return Symbols(frozenset(str(token)), span=_span(token))

    def escape(self, token: Token) -> Symbols:
        return Symbols(self._escaped(token), span=_span(token))

    def _escaped(self, token: Token) -> frozenset[str]:
        char = token[1]
        if char in _CLASS_ESCAPES:
            return _CLASS_ESCAPES[char]
        if char in _CHAR_ESCAPES:
            return frozenset(_CHAR_ESCAPES[char])
        if char.isalnum():
            raise self.error(f"unknown escape {token!s}", token)
        return frozenset(char)

    def any(self, token: Token) -> Symbols:
        return Symbols(frozenset(), negated=True, span=_span(token))

    def group(self, node: Node) -> Node:
        return node

    def char_class(self, bracket: Token, *items) -> Symbols:
        negated = bool(items) and isinstance(items[0], Token) and items[0].type == "CARET"
        chars: set[str] = set()
        for item in items[negated:]:
            chars |= item
        return Symbols(frozenset(chars), negated=negated, span=_span(bracket))

    def item(self, first: Token, dash: Token | None = None, last: Token | None = None) -> frozenset[str]:
        low = self._member(first)
        if dash is None:
            return low
        high = self._member(last)
        if len(low) != 1 or len(high) != 1:
            raise self.error("a range's ends must be single characters", dash)
        (a,), (b,) = low, high
        if ord(a) > ord(b):
            raise self.error(f"range {a}-{b} is empty (its ends are the wrong way round)", dash)
        return frozenset(chr(c) for c in range(ord(a), ord(b) + 1))

    def _member(self, token: Token) -> frozenset[str]:
        return self._escaped(token) if token.type == "ESCAPE" else frozenset(str(token))


def parse_regex(pattern: str) -> Node:
    """The syntax tree of `pattern`, or RegexSyntaxError with the column and a friendly message."""
    try:
        tree = _parser().parse(pattern)
    except UnexpectedInput as error:
        raise _syntax_error(pattern, error) from None
    try:
        return _ToTree(pattern).transform(tree)
    except Exception as error:  # lark wraps errors raised inside transformer callbacks
        cause = getattr(error, "orig_exc", error)
        if isinstance(cause, RegexSyntaxError):
            raise cause from None
        raise


def _syntax_error(pattern: str, error: UnexpectedInput) -> RegexSyntaxError:
    message = error.match_examples(_parser().parse, MISTAKES, use_accepts=True)
    if isinstance(error, UnexpectedCharacters) and pattern[error.pos_in_stream] == "\\":
        message = "a pattern cannot end with a lone backslash"
    elif message is None:
        if isinstance(error, UnexpectedCharacters):
            message = f"unexpected character {pattern[error.pos_in_stream]!r}"
        elif isinstance(error, UnexpectedEOF):
            message = "unexpected end of pattern"
        else:
            message = f"unexpected {error.token!s}"
    line = getattr(error, "line", 1)
    column = getattr(error, "column", len(pattern) + 1)
    if line in (None, -1) or column in (None, -1):
        line, column = 1, len(pattern) + 1
    return RegexSyntaxError(message, span=Span(line, column), source=pattern)


def regex_to_nfa(pattern: str, *, alphabet: Sequence[str] | None = None, name: str = "") -> NFA:
    """An NFA (Thompson's construction, states s0, s1, ...) accepting the words `pattern` fully matches.

    Without `alphabet`, the symbols are the characters the pattern names; '.', negated classes and
    literals outside a given alphabet raise RegexSyntaxError.
    """
    tree = parse_regex(pattern)
    if alphabet is None:
        symbols = sorted(_mentioned(tree))
        _check_no_negation(tree, pattern)
    else:
        symbols = list(dict.fromkeys(alphabet))
    for symbol in symbols:
        if len(symbol) != 1 or symbol.isspace():
            raise RegexSyntaxError(f"symbol {symbol!r} cannot be used: regex symbols are single "
                                   "non-whitespace characters", span=Span(1, 1), source=pattern)
    builder = _Thompson(tuple(symbols), pattern)
    start, end = builder.build(tree)
    states = tuple(f"s{i}" for i in range(builder.count))
    return NFA(states, tuple(symbols), builder.transitions, f"s{start}", frozenset({f"s{end}"}),
               name or pattern)


def _children(node: Concat | Union | Repeat) -> Sequence[Node]:
    if isinstance(node, Concat):
        return node.parts
    return node.options if isinstance(node, Union) else [node.node]


def _mentioned(node: Node) -> set[str]:
    if isinstance(node, Symbols):
        return set(node.chars)
    return set().union(*map(_mentioned, _children(node)))


def _check_no_negation(node: Node, pattern: str) -> None:
    if isinstance(node, Symbols):
        if node.negated:
            raise RegexSyntaxError("'.' and negated classes need an alphabet (pass alphabet=...)",
                                   span=node.span, source=pattern)
        return
    for child in _children(node):
        _check_no_negation(child, pattern)


class _Thompson:
    """Builds NFA fragments (start, end) with fresh numbered states; one construction per node kind."""

    def __init__(self, alphabet: tuple[str, ...], pattern: str) -> None:
        self.alphabet, self.pattern = alphabet, pattern
        self.count = 0
        self.transitions: dict[tuple[str, str], set[str]] = {}

    def state(self) -> int:
        self.count += 1
        return self.count - 1

    def edge(self, source: int, symbol: str, target: int) -> None:
        self.transitions.setdefault((f"s{source}", symbol), set()).add(f"s{target}")

    def build(self, node: Node) -> tuple[int, int]:
        if isinstance(node, Symbols):
            return self.symbols(node)
        if isinstance(node, Concat):
            return self.concat(node.parts)
        if isinstance(node, Union):
            start, end = self.state(), self.state()
            for option in node.options:
                a, b = self.build(option)
                self.edge(start, EPSILON, a)
                self.edge(b, EPSILON, end)
            return start, end
        return self.repeat(node)

    def symbols(self, node: Symbols) -> tuple[int, int]:
        if node.negated:
            chars = [s for s in self.alphabet if s not in node.chars]
        else:
            outside = sorted(node.chars - set(self.alphabet))
            if outside and len(node.chars) == 1:
                raise RegexSyntaxError(f"symbol {outside[0]!r} is not in alphabet {list(self.alphabet)!r}",
                                       span=node.span, source=self.pattern)
            chars = [s for s in self.alphabet if s in node.chars]
        start, end = self.state(), self.state()
        for char in chars:
            self.edge(start, char, end)
        return start, end

    def concat(self, parts: Sequence[Node]) -> tuple[int, int]:
        start = end = self.state()
        for part in parts:
            a, b = self.build(part)
            self.edge(end, EPSILON, a)
            end = b
        return start, end

    def repeat(self, node: Repeat) -> tuple[int, int]:
        start = end = self.state()
        for _ in range(node.low):
            a, b = self.build(node.node)
            self.edge(end, EPSILON, a)
            end = b
        if node.high is None:
            a, b = self.build(node.node)
            loop = self.state()
            self.edge(end, EPSILON, loop)
            self.edge(loop, EPSILON, a)
            self.edge(b, EPSILON, loop)
            return start, loop
        final = self.state()
        self.edge(end, EPSILON, final)
        for _ in range(node.high - node.low):
            a, b = self.build(node.node)
            self.edge(end, EPSILON, a)
            self.edge(b, EPSILON, final)
            end = b
        return start, final
