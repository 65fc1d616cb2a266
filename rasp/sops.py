"""Provides the computation graph RASP programs build: s-ops and selectors as frozen graph nodes.

Running RASP source (`rasp.session`) or the Python embedding (`rasp.embedding`) builds these nodes;
`rasp.interpreter` evaluates them on an input, `rasp.analysis` schedules them into layers and heads,
and the compiler reads them. Nodes compare by identity (`eq=False`): a graph shares sub-graphs, and
two separately written `select(...)`s are two attention heads even when they look alike, exactly as
in the original REPL. Elementwise operations keep their Python function (`Map.fn`), as tracr does,
so a compiler can tabulate them over inferred value sets.

Each node has a `name` (set when a program assigns it; empty otherwise), a human `label` of the
operation, and the `span` of the source expression that created it, for error messages.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field, replace

from machines.errors import Span


class Comparison(enum.Enum):
    """A select predicate; `comparison(key, query)` is True when the query selects the key."""

    EQ = "=="
    NEQ = "!="
    LT = "<"
    LEQ = "<="
    GT = ">"
    GEQ = ">="
    TRUE = "true"
    FALSE = "false"

    def __call__(self, key: object, query: object) -> bool:
        return _PREDICATES[self](key, query)


_PREDICATES: dict[Comparison, Callable[[object, object], bool]] = {
    Comparison.EQ: lambda k, q: k == q,
    Comparison.NEQ: lambda k, q: k != q,
    Comparison.LT: lambda k, q: k < q,
    Comparison.LEQ: lambda k, q: k <= q,
    Comparison.GT: lambda k, q: k > q,
    Comparison.GEQ: lambda k, q: k >= q,
    Comparison.TRUE: lambda k, q: True,
    Comparison.FALSE: lambda k, q: False,
}


@dataclass(frozen=True, eq=False)
class Predicate:
    """A custom select predicate from the Python embedding (tracr's `Select` takes any function).

    `value` is its label in place of a comparison's symbol; compilers need a Comparison, or must
    tabulate `fn` over value sets.
    """

    fn: Callable[[object, object], bool]
    value: str = "predicate"

    def __call__(self, key: object, query: object) -> bool:
        return bool(self.fn(key, query))


class Encoding(enum.Enum):
    """How a compiler should lay an s-op out in the residual stream (tracr's annotation)."""

    CATEGORICAL = "categorical"
    NUMERICAL = "numerical"


class Reduction(enum.Enum):
    """How an aggregate combines several selected values (MAX and MIN are RASP-L's)."""

    MEAN = "mean"
    MAX = "max"
    MIN = "min"


class _Unset:
    """The default of an aggregate that was given none: the dialect decides (0, or None in tracr)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()

_meta = {"compare": False, "repr": False}
LABEL_DEPTH = 2
"""How deep labels describe unnamed inputs (deeper ones show as '…'; graphs share sub-graphs)."""


@dataclass(frozen=True, eq=False, repr=False)
class Node:
    """Base of s-ops and selectors."""

    def children(self) -> tuple[Node, ...]:
        """The nodes this one is computed from, in a fixed order."""
        return ()

    @property
    def label(self) -> str:
        """A short description of the operation (inputs described two levels deep)."""
        return self._format([c.describe(LABEL_DEPTH) for c in self.children()])

    @property
    def display_name(self) -> str:
        """The name a program gave this node, else its label."""
        return getattr(self, "name", "") or self.label

    def describe(self, depth: int) -> str:
        """The node's name, else its operation with inputs described `depth` levels deep."""
        if getattr(self, "name", ""):
            return self.name
        if depth <= 0:
            return "…"
        return self._format([c.describe(depth - 1) for c in self.children()])

    def _format(self, parts: list[str]) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        return f"{type(self).__name__}<{self.display_name}>"

    def renamed(self, name: str) -> Node:
        """The same operation under a new name (assignment names s-ops, as in the original).

        The copy is a new node whose `origin` is the original's: analysis counts a selector and its
        renamed copies (`s2 = s1;`) as one attention head, as the original REPL does.
        """
        copy = replace(self, name=name)
        object.__setattr__(copy, "_origin", self.origin)
        if self.width_of is not None:
            object.__setattr__(copy, "_width_of", self.width_of)
        return copy

    @property
    def origin(self) -> Node:
        """The node this one was renamed from (through any chain of renames), else itself."""
        return self.__dict__.get("_origin", self)

    @property
    def width_of(self) -> Node | None:
        """For what the RASP library's `selector_width(sel)` returns: `sel` (see `mark_width_of`)."""
        return self.__dict__.get("_width_of")

    def mark_width_of(self, selector: Node) -> None:
        """Records that this node counts the keys `selector` selects, as the library's selector_width
        builds it from aggregates: the compiler makes it the primitive (one head)."""
        object.__setattr__(self, "_width_of", selector)

    named = renamed
    """tracr's spelling of `renamed`."""


def _lift(value: object) -> SOp:
    return value if isinstance(value, SOp) else Constant(value)


def _arithmetic(op: str, fn: Callable[[object, object], object], reflected: bool = False):
    """An operator method building a Map: elementwise with an atom, or over two s-ops."""

    def method(self: SOp, other: object) -> Map:
        if isinstance(other, SOp):
            args = (other, self) if reflected else (self, other)
            return Map(fn, args, op="{0} " + op + " {1}")
        if reflected:
            return Map(lambda a: fn(other, a), (self,), op=f"{other!r} {op} {{0}}")
        return Map(lambda a: fn(a, other), (self,), op=f"{{0}} {op} {other!r}")

    return method


@dataclass(frozen=True, eq=False, repr=False)
class SOp(Node):
    """A sequence operation: evaluates to one value per position.

    Arithmetic operators (+ - * / % and unary -), ordering comparisons (< <= > >=) and the bool
    operators (& | ~) build elementwise Maps, as in tracr. `==` is not overloaded (nodes compare
    by identity): build equality with `Map`, or in RASP source.
    """

    __add__ = _arithmetic("+", lambda a, b: a + b)
    __radd__ = _arithmetic("+", lambda a, b: a + b, reflected=True)
    __sub__ = _arithmetic("-", lambda a, b: a - b)
    __rsub__ = _arithmetic("-", lambda a, b: a - b, reflected=True)
    __mul__ = _arithmetic("*", lambda a, b: a * b)
    __rmul__ = _arithmetic("*", lambda a, b: a * b, reflected=True)
    __truediv__ = _arithmetic("/", lambda a, b: a / b)
    __rtruediv__ = _arithmetic("/", lambda a, b: a / b, reflected=True)
    __mod__ = _arithmetic("%", lambda a, b: a % b)
    __lt__ = _arithmetic("<", lambda a, b: a < b)
    __le__ = _arithmetic("<=", lambda a, b: a <= b)
    __gt__ = _arithmetic(">", lambda a, b: a > b)
    __ge__ = _arithmetic(">=", lambda a, b: a >= b)
    __and__ = _arithmetic("and", lambda a, b: a and b)
    __or__ = _arithmetic("or", lambda a, b: a or b)

    def __invert__(self) -> Map:
        return Map(lambda a: not a, (self,), op="not {0}")

    def __neg__(self) -> Map:
        return Map(lambda a: -a, (self,), op="-{0}")


@dataclass(frozen=True, eq=False, repr=False)
class Selector(Node):
    """An attention pattern: evaluates to a query × key boolean matrix (`&`, `|`, `~` compose)."""

    def __and__(self, other: Selector) -> SelectorAnd:
        return SelectorAnd(self, other)

    def __or__(self, other: Selector) -> SelectorOr:
        return SelectorOr(self, other)

    def __invert__(self) -> SelectorNot:
        return SelectorNot(self)


TOKEN_CASTS = ("str", "int", "float", "bool", "asis")


@dataclass(frozen=True, eq=False, repr=False)
class Tokens(SOp):
    """The input, each element cast by `cast` ('str', 'int', 'float', 'bool' or 'asis')."""

    cast: str = "str"
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)
    encoding: Encoding = field(default=Encoding.CATEGORICAL, **_meta)

    def _format(self, parts: list[str]) -> str:
        return f"tokens_{self.cast}"


@dataclass(frozen=True, eq=False, repr=False)
class Indices(SOp):
    """The positions 0 .. n-1."""

    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)
    encoding: Encoding = field(default=Encoding.CATEGORICAL, **_meta)

    def _format(self, parts: list[str]) -> str:
        return "indices"


@dataclass(frozen=True, eq=False, repr=False)
class Constant(SOp):
    """The same atom at every position (an atom lifted where an s-op is needed)."""

    value: object = 0
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)
    encoding: Encoding = field(default=Encoding.CATEGORICAL, **_meta)

    def _format(self, parts: list[str]) -> str:
        return repr(self.value) if isinstance(self.value, str) else str(self.value)


@dataclass(frozen=True, eq=False, repr=False)
class Map(SOp):
    """`fn` applied position by position to the values of `args` (one or more s-ops)."""

    fn: Callable[..., object]
    args: tuple[SOp, ...]
    op: str = "map"
    """What `fn` computes, for people: a template over the args such as '{0} + {1}' or
    'indicator({0})', or a plain word ('map') shown as 'map(args)'."""
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)
    encoding: Encoding = field(default=Encoding.CATEGORICAL, **_meta)

    def children(self) -> tuple[Node, ...]:
        return self.args

    def _format(self, parts: list[str]) -> str:
        if "{0}" in self.op:
            if not self.op.startswith(("indicator(", "round(")):
                parts = [f"({p})" if " " in p and not p.startswith("(") else p for p in parts]
            return self.op.format(*parts)
        return f"{self.op}({', '.join(parts)})"


@dataclass(frozen=True, eq=False, repr=False)
class Aggregate(SOp):
    """Per query, combines the `sop` values at the keys `selector` selects (§2.2 of the reference).

    No key selected gives `default` (UNSET: the dialect's default); one key gives its value
    unchanged; several give their mean (or max/min under RASP-L).
    """

    selector: Selector
    sop: SOp
    default: object = UNSET
    reduction: Reduction = Reduction.MEAN
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)
    encoding: Encoding = field(default=Encoding.CATEGORICAL, **_meta)

    def children(self) -> tuple[Node, ...]:
        return (self.selector, self.sop)

    def _format(self, parts: list[str]) -> str:
        return f"aggregate({parts[0]}, {parts[1]})"


@dataclass(frozen=True, eq=False, repr=False)
class SelectorWidth(SOp):
    """How many keys each query selects (a primitive in tracr; the RASP library builds it)."""

    selector: Selector
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)
    encoding: Encoding = field(default=Encoding.CATEGORICAL, **_meta)

    def children(self) -> tuple[Node, ...]:
        return (self.selector,)

    def _format(self, parts: list[str]) -> str:
        return f"selector_width({parts[0]})"


@dataclass(frozen=True, eq=False, repr=False)
class Select(Selector):
    """Query i selects key j when `comparison(keys[j], queries[i])`."""

    keys: SOp
    queries: SOp
    comparison: Comparison | Predicate = Comparison.EQ
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)

    def children(self) -> tuple[Node, ...]:
        return (self.keys, self.queries)

    def _format(self, parts: list[str]) -> str:
        return f"select({parts[0]}, {parts[1]}, {self.comparison.value})"


@dataclass(frozen=True, eq=False, repr=False)
class SelectorAnd(Selector):
    """Both selectors select."""

    left: Selector
    right: Selector
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)

    def _format(self, parts: list[str]) -> str:
        return f"({parts[0]} and {parts[1]})"


@dataclass(frozen=True, eq=False, repr=False)
class SelectorOr(Selector):
    """Either selector selects."""

    left: Selector
    right: Selector
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)

    def _format(self, parts: list[str]) -> str:
        return f"({parts[0]} or {parts[1]})"


@dataclass(frozen=True, eq=False, repr=False)
class SelectorNot(Selector):
    """The complement of a selector."""

    inner: Selector
    name: str = field(default="", **_meta)
    span: Span | None = field(default=None, **_meta)

    def children(self) -> tuple[Node, ...]:
        return (self.inner,)

    def _format(self, parts: list[str]) -> str:
        return f"(not {parts[0]})"


def topological(root: Node, known: Container[int] = ()) -> list[Node]:
    """Every node `root` depends on (itself last), each after its children; iterative, so deep
    graphs do not hit Python's recursion limit. Nodes whose id is in `known` are left out, with
    everything below them."""
    if id(root) in known:
        return []
    order: list[Node] = []
    seen: set[int] = set()
    stack: list[tuple[Node, Iterator[Node]]] = [(root, iter(root.children()))]
    seen.add(id(root))
    while stack:
        node, pending = stack[-1]
        child = next(pending, None)
        if child is None:
            stack.pop()
            order.append(node)
        elif id(child) not in seen and id(child) not in known:
            seen.add(id(child))
            stack.append((child, iter(child.children())))
    return order
