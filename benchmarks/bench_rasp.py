"""Times the RASP interpreter on the library and paper programs at input length 1,000.

Each program is evaluated cold (no memo) with the numpy interpreter and, as a baseline timed in the
same run, with a plain-Python evaluator that computes selectors and aggregates position by
position as the original REPL does. Prints per-program timings and the speed-up.

    .venv/bin/python benchmarks/bench_rasp.py [--length 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random

from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from timing import best_time

from rasp.interpreter import evaluate
from rasp.session import Session
from rasp.sops import (
    Aggregate,
    Constant,
    Indices,
    Map,
    Select,
    SelectorAnd,
    SelectorNot,
    SelectorOr,
    SelectorWidth,
    Tokens,
    topological,
)

DEFINITIONS = '''
load "paper_examples"; load "long_addition";
hist = selector_width(select(tokens, tokens, ==));
sorted = sort(tokens, tokens);
frac_prevs = aggregate(select(indices, indices, <=), indicator(tokens == "a"));
count_a = count(tokens, "a");
shifted = shift(tokens, 1, "_");
first_a = mark_first_instance(tokens, "a");
'''


def inputs(length: int, rng: random.Random) -> dict[str, str]:
    letters = "".join(rng.choice("abcde") for _ in range(length))
    half = (length - 1) // 2
    return {
        "letters": letters,
        "bos": "§" + letters[1:],
        "parens": "".join(rng.choice("()") for _ in range(length)),
        "brackets": "".join(rng.choice("(){}[]") for _ in range(length)),
        "sum": "".join(rng.choice("0123456789") for _ in range(half)) + "+"
               + "".join(rng.choice("0123456789") for _ in range(length - half - 1)),
    }


PROGRAMS = [
    ("length", "letters"), ("hist", "letters"), ("sorted", "letters"), ("reverse", "letters"),
    ("frac_prevs", "letters"), ("count_a", "letters"), ("shifted", "letters"), ("first_a", "letters"),
    ("hist_bos", "bos"), ("sort_bos", "bos"), ("hist2_bos", "bos"), ("sort_by_most_freq", "bos"),
    ("dyck1_ptf", "parens"), ("dyck2_ptf", "brackets"), ("dyck3_ptf", "brackets"), ("longsum", "sum"),
]


def plain_evaluate(root, items: list) -> list:
    """The baseline: every node evaluated with Python loops, selectors as lists of lists."""
    n = len(items)
    values: dict[int, object] = {}
    for node in topological(root):
        get = [values[id(c)] for c in node.children()]
        match node:
            case Tokens(cast=cast):
                value = [str(v) if cast == "str" else int(v) for v in items]
            case Indices():
                value = list(range(n))
            case Constant(value=constant):
                value = [constant] * n
            case Map(fn=fn):
                value = [fn(*row) for row in zip(*get, strict=True)] if get else [fn() for _ in range(n)]
            case Select(comparison=comparison):
                keys, queries = get
                value = [[comparison(k, q) for k in keys] for q in queries]
            case SelectorAnd():
                value = [[a and b for a, b in zip(x, y, strict=True)] for x, y in zip(*get, strict=True)]
            case SelectorOr():
                value = [[a or b for a, b in zip(x, y, strict=True)] for x, y in zip(*get, strict=True)]
            case SelectorNot():
                value = [[not a for a in row] for row in get[0]]
            case SelectorWidth():
                value = [sum(row) for row in get[0]]
            case Aggregate(default=default):
                matrix, column = get
                value = []
                for row in matrix:
                    chosen = [v for v, on in zip(column, row, strict=True) if on]
                    value.append((0 if default is None or repr(default) == "UNSET" else default) if not chosen
                                 else chosen[0] if len(chosen) == 1 else sum(chosen) * 1.0 / len(chosen))
        values[id(node)] = value
    return values[id(root)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    session = Session(max_length=max(5000, args.length))
    session.run(DEFINITIONS)
    data = inputs(args.length, random.Random(0))
    table = Table(title=f"RASP interpreter, input length {args.length} (best of {args.repeat})")
    for column in ("program", "numpy interpreter", "plain Python", "speed-up"):
        table.add_column(column, justify="right" if column != "program" else "left")
    total_fast = total_plain = 0.0
    with Progress(transient=True) as progress:
        task = progress.add_task("timing", total=len(PROGRAMS))
        for name, kind in PROGRAMS:
            sop, text = session.value(name), data[kind]
            fast, value = best_time(lambda sop=sop, text=text: evaluate(sop, text), args.repeat)
            plain, expected = best_time(lambda sop=sop, text=text: plain_evaluate(sop, list(text)), 1)
            assert list(value.values) == expected, f"{name}: the two evaluators disagree"
            total_fast += fast
            total_plain += plain
            table.add_row(name, f"{fast * 1000:.1f} ms", f"{plain * 1000:.0f} ms", f"{plain / fast:.0f}x")
            progress.advance(task)
    table.add_row("all", f"{total_fast * 1000:.1f} ms", f"{total_plain * 1000:.0f} ms",
                  f"{total_plain / total_fast:.0f}x")
    Console().print(table)


if __name__ == "__main__":
    main()
