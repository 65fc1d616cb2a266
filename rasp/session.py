"""Provides running RASP statements as the original REPL does: assignments, functions, loops, loads.

A `Session` holds the variables of a REPL or file run. Executing a statement returns result records
(`Named`, `Applied`, ...) that the REPL or CLI print; nothing here prints. Expressions evaluate to
atoms, lists, dicts, RASP functions, or graph nodes (`rasp.sops`); every new s-op or selector is
test-evaluated on the running example, and a definition that fails there is rejected, as in the
original. What operators, indexing and membership mean is in `rasp.operators`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from machines.files import read_text
from rasp import library
from rasp import syntax as s
from rasp.dialect import ORIGINAL, Dialect
from rasp.environment import BASE_RESERVED, Environment, RaspFunction
from rasp.errors import (
    RaspBudgetError,
    RaspError,
    RaspLoadError,
    RaspRuntimeError,
    RaspTypeError,
    RaspValueError,
    Report,
)
from rasp.interpreter import evaluate
from rasp.operators import as_sop, binary, contains, describe, short, subscript, unary
from rasp.parser import parse
from rasp.results import Applied, DrawRequest, ExampleShown, ExitRequest, Failed, Loaded, Named, Result
from rasp.sops import (
    UNSET,
    Aggregate,
    Comparison,
    Constant,
    Indices,
    Map,
    Node,
    Select,
    Selector,
    SOp,
    Tokens,
)
from rasp.values import Selection, Sequence, is_atom

LIBRARY_CREATOR = "RASP_support/rasplib"
"""The library's functions print as made by this file, as in the original."""
MEMO_INPUTS = 16
"""How many inputs' values a session remembers (oldest forgotten first)."""
NAME_MAX = 30
"""Longer automatic names are replaced by 's-op' or 'sel', as in the original."""


@dataclass
class _Examples:
    sequence: object = "hello"
    selector: object = "hello"
    backup: object = None


@dataclass
class Session:
    """The state of a RASP run: variables, running examples, display switches and the dialect.

    `search_paths` are where `load "name";` looks for `name.rasp` (then among the packaged
    programs). With `with_library`, the standard library is loaded first and its names reserved.
    """

    dialect: Dialect = ORIGINAL
    search_paths: tuple[Path, ...] = (Path("."),)
    with_library: bool = True
    show_sequence_examples: bool = True
    show_selector_examples: bool = True
    full_sequence_display: bool = False
    max_steps: int = 10_000_000
    """Budget of statements run (loop bodies and function calls included) before RaspBudgetError."""
    max_length: int = 5_000
    """The longest input an s-op may be applied to (selectors take length² memory)."""
    examples: _Examples = field(default_factory=_Examples)

    def __post_init__(self) -> None:
        self.base = Environment("console")
        for name, value in _primitives().items():
            self.base.variables[name] = value
        self.full = Select(Constant(1), Constant(1), Comparison.TRUE, name="full average")
        self._memos: dict[tuple[str, str], dict] = {}
        self.steps = 0
        self.base.variables["tokens"] = self.base.variables["tokens_str"]
        if self.with_library:
            self.base.name = LIBRARY_CREATOR
            loaded = self._run_file_text(library.source("rasplib"), "rasplib", self.base)
            self.base.name = "console"
            failures = [r for r in loaded if isinstance(r, Failed)]
            if failures:
                raise failures[0].error
            self.base.reserved = BASE_RESERVED | {
                n for n in self.base.variables if n not in ("tokens", "out")
            }
        self.env = Environment("console", parent=self.base, reserved=self.base.reserved)

    # ---- running source -------------------------------------------------------------------------

    def run(self, source: str, *, filename: str | None = None) -> list[Result]:
        """Parses and runs `source`, stopping at `exit`; the first failing statement raises its error
        with file, line and column."""
        program = parse(source, filename=filename)
        results: list[Result] = []
        for statement in program.statements:
            produced = self.execute(statement, source=source, filename=filename)
            results.extend(produced)
            if any(isinstance(r, ExitRequest) for r in produced):
                break
        return results

    def execute(
        self,
        statement: s.Stmt,
        *,
        source: str | None = None,
        filename: str | None = None,
        env: Environment | None = None,
    ) -> list[Result]:
        """Runs one statement; a RaspRuntimeError gets the statement's location if it has none."""
        try:
            return self._statement(statement, env or self.env)
        except RecursionError:
            raise RaspBudgetError(
                "recursion too deep (a function calls itself without end?)",
                span=getattr(statement, "span", None),
                source=source,
                filename=filename,
            ) from None
        except RaspRuntimeError as error:
            if error.span is None:
                error.span = getattr(statement, "span", None)
            if error.source is None:
                error.source = source
            if error.filename is None:
                error.filename = filename
            raise

    def value(self, name: str) -> object:
        """The current value of a variable."""
        return self.env.get(name)

    def evaluate_expression(self, expr: s.Expr) -> object:
        """The value of one expression in the session's environment."""
        return self._expr(expr, self.env)

    def set_example(self, example: object, subset: str = "both") -> None:
        """Sets the running example(s) new s-ops are checked on."""
        if isinstance(example, (dict, Node)) or not hasattr(example, "__iter__"):
            raise RaspTypeError(f"example not iterable: {describe(example)}")
        if subset in ("both", "s-op"):
            self.examples.sequence = example
        if subset in ("both", "selector"):
            self.examples.selector = example

    def apply(self, node: Node, input: object) -> Sequence | Selection:
        """The value of an s-op or selector on `input`, sharing work with earlier evaluations."""
        if hasattr(input, "__len__") and len(input) > self.max_length:
            raise RaspValueError(
                f"the input has {len(input)} elements; the limit is max_length={self.max_length}"
            )
        key = (type(input).__name__, repr(input))
        if key not in self._memos and len(self._memos) >= MEMO_INPUTS:
            del self._memos[next(iter(self._memos))]
        memo = self._memos.setdefault(key, {})
        return evaluate(node, input, dialect=self.dialect, memo=memo)

    # ---- statements -----------------------------------------------------------------------------

    def _statement(self, statement: s.Stmt, env: Environment) -> list[Result]:
        self.steps += 1
        if self.steps > self.max_steps:
            raise RaspBudgetError(f"the program ran more than max_steps={self.max_steps} statements")
        match statement:
            case s.ExprStmt(expr=expr):
                value = self._expr(expr, env)
                if isinstance(expr, s.Call) and isinstance(value, (Sequence, Selection)):
                    return [Applied(value, self._last_input)]
                return [Named(expr.id if isinstance(expr, s.Name) else "out", value)]
            case s.Assign(targets=targets, values=exprs):
                return self._assign(targets, [self._expr(e, env) for e in exprs], env)
            case s.FuncDef():
                function = RaspFunction(
                    statement.name, statement.params, statement.body, statement.results, env, env.name
                )
                env.set(statement.name, function)
                return [Named(statement.name, function)]
            case s.ForLoop(names=names, iterable=iterable, body=body):
                items = self._expr(iterable, env)
                if not isinstance(items, (list, dict)):
                    raise RaspTypeError(
                        f"for loop needs to iterate over a list or dict, but got: {describe(items)}"
                    )
                for item in list(items):
                    self._bind(names, item, env)
                    for inner in body:
                        self._statement(inner, env)
                return []
            case s.Draw(sop=sop_expr, example=example_expr):
                example = (
                    self._expr(example_expr, env) if example_expr is not None else self.examples.sequence
                )
                saved, self.examples.backup = self.examples.backup, example
                try:
                    sop = self._expr(sop_expr, env)
                finally:
                    self.examples.backup = saved
                if not isinstance(sop, SOp):
                    raise RaspTypeError(f"draw expects unfinished sequence, got: {describe(sop)}")
                return [DrawRequest(sop, example, self.apply(sop, example))]
            case s.Load(path=path):
                return [Loaded(path, tuple(self._load(path, env)))]
            case s.SetExample(subset=subset, example=example_expr):
                self.set_example(self._expr(example_expr, env), subset or "both")
                return []
            case s.ShowExample(subset=subset):
                return [ExampleShown(subset or "both", self.examples.sequence, self.examples.selector)]
            case s.ToggleExamples(subset=subset, on=on):
                if subset in (None, "s-op"):
                    self.show_sequence_examples = on
                if subset in (None, "selector"):
                    self.show_selector_examples = on
                return []
            case s.FullSeqDisplay(on=on):
                self.full_sequence_display = on
                return []
            case s.Exit():
                return [ExitRequest()]
        raise RaspValueError(f"unknown statement {type(statement).__name__}")

    def _assign(self, targets: tuple[str, ...], values: list, env: Environment) -> list[Result]:
        value = values[0] if len(values) == 1 else values
        if len(targets) == 1:
            return [self._set_named(targets[0], value, env)]
        if not isinstance(value, list) or len(value) != len(targets):
            count = len(value) if isinstance(value, list) else 1
            raise RaspTypeError(f"expected {len(targets)} values, but got: {count}")
        return [self._set_named(name, v, env) for name, v in zip(targets, value, strict=True)]

    def _set_named(self, name: str, value: object, env: Environment) -> Named:
        if isinstance(value, Node):
            value = value.renamed(name)
        env.set(name, value)
        return Named(name, value)

    def _bind(self, names: tuple[str, ...], item: object, env: Environment) -> None:
        if len(names) == 1:
            env.set(names[0], item)
            return
        if not isinstance(item, (list, str)) or len(item) != len(names):
            raise RaspTypeError(f"iterating with {len(names)} names but got: {describe(item)}")
        for name, value in zip(names, item, strict=True):
            env.set(name, value)

    def _load(self, path: str, calling: Environment) -> list[Result]:
        filename = path + ".rasp"
        for folder in self.search_paths:
            candidate = Path(folder) / filename
            if candidate.is_file():
                text = read_text(candidate)
                break
        else:
            if not library.exists(path):
                raise RaspLoadError(f"could not find file: {filename}")
            text = library.source(path)
        env = Environment(path, parent=self.base, stealing=calling)
        saved = self.show_sequence_examples, self.show_selector_examples
        try:
            results = self._run_file_text(text, filename, env)
        finally:
            self.show_sequence_examples, self.show_selector_examples = saved
        return _last_public(results)

    def _run_file_text(self, text: str, filename: str, env: Environment) -> list[Result]:
        results: list[Result] = []
        for statement in parse(text, filename=filename).statements:
            try:
                results.extend(self.execute(statement, source=text, filename=filename, env=env))
            except RaspRuntimeError as error:
                results.append(Failed(error))
        return results

    # ---- expressions ----------------------------------------------------------------------------

    _last_input: object = None

    def _expr(self, expr: s.Expr, env: Environment) -> object:
        try:
            value = self._evaluate(expr, env)
            if isinstance(value, Node):
                self._check_on_examples(value, expr)
        except RaspRuntimeError as error:
            if error.span is None:
                error.span = expr.span
            raise
        if not (isinstance(expr, s.Call) and isinstance(value, (Sequence, Selection))):
            env.set_out(value)
        return value

    def _check_on_examples(self, node: Node, expr: s.Expr) -> None:
        """Rejects an s-op or selector that fails on the running example (or the input at hand)."""
        candidates = [e for e in (self.examples.backup, self.examples.sequence) if e is not None]
        first_error = None
        for example in candidates:
            try:
                self.apply(node, example)
                return
            except RaspError as error:
                first_error = first_error or error
        if first_error is not None:
            raise first_error

    def _evaluate(self, expr: s.Expr, env: Environment) -> object:
        match expr:
            case s.Name(id=name):
                return env.get(name)
            case s.Int(value=v) | s.Float(value=v) | s.String(value=v):
                return v
            case s.ListLit(items=items):
                return [self._expr(e, env) for e in items]
            case s.DictLit(pairs=pairs):
                return {self._key(k, env): self._expr(v, env) for k, v in pairs}
            case s.ListComp(value=value, names=names, iterable=iterable):
                return [self._expr(value, scope) for scope in self._comprehension(names, iterable, env)]
            case s.DictComp(key=key, value=value, names=names, iterable=iterable):
                result = {}
                for scope in self._comprehension(names, iterable, env):
                    result[self._key(key, scope)] = self._expr(value, scope)
                return result
            case s.Unary(op=op, operand=operand):
                return unary(op, self._expr(operand, env), expr)
            case s.Binary(op=op, left=left, right=right):
                return binary(op, self._expr(left, env), self._expr(right, env), expr)
            case s.Ternary(then=then, cond=cond, otherwise=otherwise):
                condition = self._expr(cond, env)
                if isinstance(condition, Node):
                    args = [
                        as_sop(condition),
                        as_sop(self._expr(then, env)),
                        as_sop(self._expr(otherwise, env)),
                    ]
                    return Map(
                        lambda c, a, b: a if c else b, tuple(args), op="{1} if {0} else {2}", span=expr.span
                    )
                return self._expr(then, env) if condition else self._expr(otherwise, env)
            case s.Contains(item=item, container=container):
                return contains(self._expr(item, env), self._expr(container, env), expr, self.full)
            case s.Index(target=target, index=index):
                return subscript(self._expr(target, env), self._expr(index, env), expr, env)
            case s.Call(func=func, args=args):
                return self._call(func, args, env, expr)
            case s.Select(key=key, query=query, op=op):
                keys, queries = as_sop(self._expr(key, env)), as_sop(self._expr(query, env))
                return Select(keys, queries, Comparison(op), span=expr.span)
            case s.Aggregate(selector=selector, values=values, default=default):
                return self._aggregate(selector, values, default, env, expr)
            case s.Range(args=args):
                numbers = [self._expr(a, env) for a in args]
                if not 1 <= len(numbers) <= 3:
                    raise RaspTypeError(
                        f"wrong number of inputs to range, expected: 1, 2, or 3, got: {len(numbers)}"
                    )
                if not all(isinstance(v, int) and not isinstance(v, bool) for v in numbers):
                    raise RaspTypeError(f"range expects all integer inputs, but got: {describe(numbers)}")
                return list(range(*numbers))
            case s.Zip(args=args):
                return self._zip([self._expr(a, env) for a in args])
            case s.Len(arg=arg):
                value = self._expr(arg, env)
                if not isinstance(value, list):
                    raise RaspTypeError(f"attempting to compute length of non-list: {describe(value)}")
                return len(value)
        raise RaspValueError(f"unknown expression {type(expr).__name__}")

    def _key(self, expr: s.Expr, env: Environment) -> object:
        key = self._expr(expr, env)
        if not is_atom(key):
            raise RaspTypeError(f"dictionary keys can only be atoms, but instead got: {describe(key)}")
        return key

    def _comprehension(self, names: tuple[str, ...], iterable: s.Expr, env: Environment):
        items = self._expr(iterable, env)
        if not isinstance(items, (list, dict)):
            raise RaspTypeError(
                f"comprehension should have got a list or dict to loop over, but got: {describe(items)}"
            )
        for item in list(items):
            scope = env.nested()
            self._bind(names, item, scope)
            yield scope

    def _zip(self, lists: list) -> list:
        if not lists:
            raise RaspTypeError("zip needs at least one list")
        for i, item in enumerate(lists):
            if not isinstance(item, list):
                raise RaspTypeError(
                    f"attempting to zip lists, but {i + 1} -th element is not list: {describe(item)}"
                )
            if len(item) != len(lists[0]):
                raise RaspTypeError(
                    f"attempting to zip lists of length {len(lists[0])}, but {i + 1} "
                    f"-th list has length {len(item)}"
                )
        return [list(v) for v in zip(*lists, strict=True)]

    def _call(
        self, func_expr: s.Expr, arg_exprs: tuple[s.Expr, ...], env: Environment, expr: s.Call
    ) -> object:
        saved = self.examples.backup
        args = [self._expr(a, env) for a in arg_exprs]
        if len(args) == 1 and not isinstance(args[0], Node):
            self.examples.backup = args[0]
        try:
            func = self._expr(func_expr, env)
        finally:
            self.examples.backup = saved
        if isinstance(func, Node):
            if len(args) != 1:
                raise RaspTypeError(
                    f"wrong number of args for evaluate unfinished- expected: 1, got: {len(args)}."
                )
            self._last_input = args[0]
            try:
                return self.apply(func, args[0])
            except RaspRuntimeError as error:
                raise type(error)(error.message).failing(error.where, error.reason, error.report) from None
        if isinstance(func, RaspFunction):
            return self._call_function(func, args)
        raise RaspTypeError(f"cannot call {describe(func)}: it is not a function, s-op or selector").failing(
            "", f"cannot call {describe(func)}: it is not a function, s-op or selector", Report.UNSUPPORTED
        )

    def _call_function(self, func: RaspFunction, args: list) -> object:
        self.steps += 1
        if len(args) != len(func.params):
            raise RaspTypeError(
                f"wrong number of args for {func.name}- expected: {len(func.params)}, got: {len(args)}."
            )
        env = func.closure.nested()
        for name, value in zip(func.params, args, strict=True):
            env.set(name, value)
        for statement in func.body:
            self._statement(statement, env)
        results = [self._expr(e, env) for e in func.results]
        result = results[0] if len(results) == 1 else results
        if isinstance(result, Node):
            name = f"{func.name}({' , '.join(short(a) for a in args)})"
            if len(name) > NAME_MAX:
                name = "s-op" if isinstance(result, SOp) else "sel"
            result = result.renamed(name)
            if (func.creator, func.name) == (LIBRARY_CREATOR, "selector_width") and isinstance(
                args[0], Selector
            ):
                result.mark_width_of(args[0])
        return result

    def _aggregate(
        self, selector_expr, values_expr, default_expr, env: Environment, expr: s.Expr
    ) -> Aggregate:
        selector = self._expr(selector_expr, env)
        values = self._seq_or_error(self._expr(values_expr, env))
        default = UNSET if default_expr is None else self._expr(default_expr, env)
        if not isinstance(selector, Selector):
            raise RaspTypeError(f"Expected selector, got: {describe(selector)}")
        if isinstance(default, Node):
            raise RaspTypeError(f"Expected atom, got: {describe(default)}")
        return Aggregate(selector, values, default, span=expr.span)

    def _seq_or_error(self, value: object) -> SOp:
        if isinstance(value, SOp):
            return value
        if is_atom(value):
            return Constant(value, name=str(value))
        raise RaspTypeError(f"Expected sequence, got: {describe(value)}")


def _primitives() -> dict[str, object]:
    values: dict[str, object] = {
        f"tokens_{cast}": Tokens(cast, name=f"tokens_{cast}")
        for cast in ("str", "int", "float", "bool", "asis")
    }
    values["indices"] = Indices(name="indices")
    values["True"] = True
    values["False"] = False
    return values


def _last_public(results: list[Result]) -> list[Result]:
    """What a load shows: public named values and failures in order; when nothing failed, only the
    last value of each name (the original's filter)."""
    dedupe = not any(isinstance(r, Failed) for r in results)
    kept: list[Result] = []
    seen: set[str] = set()
    for result in reversed(results):
        if isinstance(result, Named):
            if result.name.startswith("_") or result.name == "out" or (dedupe and result.name in seen):
                continue
            seen.add(result.name)
        if isinstance(result, (Named, Failed, Loaded)):
            kept.append(result)
    return kept[::-1]
