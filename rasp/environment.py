"""Provides the scopes of a RASP run: environments, RASP functions, and the reserved names."""

from __future__ import annotations

from dataclasses import dataclass

from rasp import syntax as s
from rasp.errors import RaspNameError, ReservedNameError

BASE_RESERVED = frozenset(
    {
        "if",
        "else",
        "not",
        "and",
        "or",
        "out",
        "def",
        "return",
        "range",
        "for",
        "in",
        "zip",
        "len",
        "get",
        "tokens_asis",
        "tokens_str",
        "tokens_int",
        "tokens_bool",
        "tokens_float",
        "indices",
        "True",
        "False",
    }
)


@dataclass(eq=False)
class RaspFunction:
    """A function defined with `def`: its body runs in a fresh environment nested in `closure`."""

    name: str
    params: tuple[str, ...]
    body: tuple[s.Stmt, ...]
    results: tuple[s.Expr, ...]
    closure: Environment
    creator: str

    def __str__(self) -> str:
        return f"{self.creator} function: {self.name}({', '.join(self.params)})"


class Environment:
    """Variables of one scope; lookups fall back to the parent. `stealing` receives public names."""

    def __init__(
        self,
        name: str,
        parent: Environment | None = None,
        stealing: Environment | None = None,
        reserved: frozenset[str] = BASE_RESERVED,
    ) -> None:
        self.name = name
        self.parent = parent
        self.stealing = stealing
        self.reserved = reserved
        self.variables: dict[str, object] = {}

    def get(self, name: str) -> object:
        """The value of `name` here or in an enclosing scope."""
        env: Environment | None = self
        while env is not None:
            if name in env.variables:
                return env.variables[name]
            env = env.parent
        raise RaspNameError(f"Error: Undefined variable: {name}")

    def set(self, name: str, value: object) -> None:
        """Binds `name` (refusing reserved names) and passes public names to `stealing`."""
        if name in self.reserved:
            raise ReservedNameError(f"Error: Cannot set reserved name: {name}")
        self.variables[name] = value
        if self.stealing is not None and not name.startswith("_") and name != "out":
            self.stealing.set(name, value)

    def set_out(self, value: object) -> None:
        """Stores the last expression's value in `out`, as the original does."""
        self.variables["out"] = value

    def nested(self) -> Environment:
        """A fresh scope inside this one (function bodies, comprehensions)."""
        # library names may be shadowed inside a function, as in the original
        return Environment(self.name + "'", parent=self)
