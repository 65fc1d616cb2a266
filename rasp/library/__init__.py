"""Provides the RASP programs shipped with turingbox: the standard library and the paper's examples.

`rasplib` is what every session loads first (as the original REPL does); `paper_examples` holds the
programs of "Thinking Like Transformers" (histograms, sort, reverse, Dyck-1/2/3) and
`long_addition` the long-addition program. `load "paper_examples";` finds them from anywhere.
"""

from __future__ import annotations

from importlib import resources


def names() -> list[str]:
    """The names of the shipped programs (without `.rasp`)."""
    return sorted(
        p.name[: -len(".rasp")] for p in resources.files(__package__).iterdir() if p.name.endswith(".rasp")
    )


def exists(name: str) -> bool:
    """True if `name` is a shipped program."""
    return name in names()


def source(name: str) -> str:
    """The RASP source of the shipped program `name`."""
    return resources.files(__package__).joinpath(name + ".rasp").read_text(encoding="utf-8")
