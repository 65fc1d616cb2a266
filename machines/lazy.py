"""Provides lazy package facades: a package re-exports its API, each name imported on first use.

So `turingbox` starts fast even though every package's `__init__` names its whole public API
(PEP 562 module `__getattr__`).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def lazy_facade(package: str, exports: Mapping[str, Sequence[str]]
                ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """`__all__`, `__getattr__` and `__dir__` for `package`, given {module: [names it exports]}."""
    where = {name: module for module, names in exports.items() for name in names}
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(where[name]), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | where.keys())

    names = sorted(where)
    namespace.update(__all__=names, __getattr__=__getattr__, __dir__=__dir__)
    # A name that is also a submodule's would be replaced by that module when the submodule is first
    # imported, so those are resolved now: importing the submodule first, then setting the name.
    for name in names:
        if importlib.util.find_spec(f"{package}.{name}") is not None:
            __getattr__(name)
    return names, __getattr__, __dir__
