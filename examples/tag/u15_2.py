"""Runs Neary and Woods' universal machine U(15,2) directly and as a compiled lag system on a small
encoded bi-tag system, and shows that the lag system reproduces every step.

    .venv/bin/python -m examples.tag.u15_2 [--max-steps N]
"""

from __future__ import annotations

import argparse
import time

from rich.console import Console
from rich.table import Table

from machines.cli import positive_int
from machines.tag.side_by_side import side_by_side
from machines.tag.tm_to_lag import tm_to_lag
from machines.tag.u15_2 import encode_bi_tag, make_u15_2

# Letters a1, a2 and markers e1, e2 (e2 halts); e1 a1 -> a1 e2, e1 a2 -> a2 e2; the word e2 a1.
BI_TAG = {"letters": 2, "markers": 2, "productions": {(1, 1): (1, 2), (1, 2): (2, 2)},
          "data": (("e", 2), ("a", 1))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-steps", type=positive_int, default=20_000, help="Turing steps to compare")
    args = parser.parse_args(argv)
    console = Console(highlight=False)
    machine = make_u15_2()
    simulation = tm_to_lag(machine)
    start = encode_bi_tag(**BI_TAG)
    console.print(f"U(15,2): {len(machine.states)} states, {len(machine.rules)} rules; its lag system: "
                  f"window {simulation.system.width}, {len(simulation.system.rules)} rules "
                  f"(Schuurmans' construction: 2,027)")
    started = time.perf_counter()
    with console.status("running both and decoding every pass of the lag system"):
        check = side_by_side(simulation, start, max_steps=args.max_steps, max_system_steps=100_000_000)
    table = Table(show_header=False)
    table.add_row("encoded input", f"{len(start.tape.cells)} cells, head on cell {-start.tape.start}")
    table.add_row("U(15,2)", f"{len(check.expected) - 1:,} steps, {check.machine_outcome.value}"
                  + (f" in ({check.final.state}, {check.final.tape.symbol})" if check.final else ""))
    if check.system is not None:
        table.add_row("lag system", f"{check.system.steps:,} steps, {check.system.outcome.value}")
    table.add_row("configurations compared", f"{len(check.decoded):,}")
    table.add_row("every step agrees", "yes" if check.agree else "NO")
    table.add_row("time", f"{time.perf_counter() - started:.1f} s")
    console.print(table)
    return 0 if check.agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
