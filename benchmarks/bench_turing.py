"""Benchmark of the Turing-machine engines against automata-lib's DTM and against each other.

    .venv/bin/python benchmarks/bench_turing.py [--batch-machines 100000] [--skip-plain-bb5]

Baselines timed in the same run: automata-lib's DTM on the same machine (for the reference stepper
and the plain engine), the plain engine (for the accelerated engine on BB(5), and as a rate for the
3-state 3-symbol halter, which it would need minutes for), and a loop of plain-engine runs (for the
batch engine).
"""

from __future__ import annotations

import argparse
import itertools

from rich.console import Console
from rich.table import Table
from timing import median_time

from machines.turing import TuringMachine, batch, run_engine
from machines.turing.bbchallenge import load

BB4 = "1RB1LB_1LA0LC_1RZ1LD_1RD0RA"
BB5 = "1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA"
BB5_STEPS, BB5_ONES = 47_176_870, 4_098
HALTER_3X3 = "1RB1RZ2RB_1LC0LB1RA_1RA2LC1RC"
HALTER_3X3_STEPS, HALTER_3X3_NONZERO = 4_939_345_068, 107_900


def to_automata_lib(tm: TuringMachine):
    """The same one-tape machine as an automata-lib DTM (halt states become its final states)."""
    from automata.tm.dtm import DTM

    transitions: dict[str, dict[str, tuple[str, str, str]]] = {}
    for rule in tm.rules:
        transitions.setdefault(rule.state, {})[rule.read[0]] = (
            rule.next_state, rule.write[0], {-1: "L", 0: "N", 1: "R"}[rule.moves[0].value])
    return DTM(states=set(tm.states), input_symbols=set(tm.alphabet) - {tm.blank},
               tape_symbols=set(tm.alphabet), transitions=transitions, initial_state=tm.start,
               blank_symbol=tm.blank, final_states=set(tm.halt_states))


def automata_lib_steps(dtm, steps: int) -> int:
    """Steps automata-lib's DTM takes (configurations it yields after the first), at most `steps`."""
    return sum(1 for _ in itertools.islice(dtm.read_input_stepwise(""), 1, steps + 1))


def per_machine_rates(table: Table, label: str, tm: TuringMachine, steps: int, runs: int) -> float:
    """Adds automata-lib, reference and plain rows for `runs` runs of `steps` steps; returns plain/alib."""
    dtm = to_automata_lib(tm)
    alib_time, alib_steps = median_time(lambda: sum(automata_lib_steps(dtm, steps) for _ in range(runs)))
    rates = {"automata-lib DTM": alib_steps / alib_time}
    for engine in ("reference", "plain"):
        elapsed, total = median_time(lambda e=engine: sum(run_engine(tm, "", engine=e, max_steps=steps).steps
                                                    for _ in range(runs)))
        assert total == alib_steps, (engine, total, alib_steps)
        rates[engine] = total / elapsed
    for name, rate in rates.items():
        table.add_row(label, name, f"{rate / 1e6:.3f} M steps/s", f"{rate / rates['automata-lib DTM']:.1f}x")
    return rates["plain"] / rates["automata-lib DTM"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-machines", type=int, default=100_000)
    parser.add_argument("--batch-steps", type=int, default=1_000)
    parser.add_argument("--skip-plain-bb5", action="store_true", help="skip the ~10 s plain run of BB(5)")
    args = parser.parse_args(argv)
    console = Console()
    table = Table(title="Turing-machine engines", show_lines=False)
    for column in ("workload", "engine", "figure", "ratio to baseline"):
        table.add_column(column)

    with console.status("automata-lib, reference and plain on the same machines"):
        short = per_machine_rates(table, "BB(4) to halt (107 steps) x200", load(BB4).machine, 107, 200)
        long = per_machine_rates(table, "BB(5), first 50,000 steps", load(BB5).machine, 50_000, 1)

    bb5 = load(BB5).machine
    with console.status("BB(5) on the accelerated engine"):
        acc_time, acc = median_time(lambda: run_engine(bb5, "", engine="accelerated", max_steps=10**9))
    assert (acc.steps, acc.non_blank) == (BB5_STEPS, BB5_ONES)
    if args.skip_plain_bb5:
        table.add_row("BB(5) to halt (47,176,870 steps)", "accelerated", f"{acc_time:.3f} s", "")
    else:
        with console.status("BB(5) on the plain engine (the baseline)"):
            plain_time, plain = median_time(lambda: run_engine(bb5, "", engine="plain", max_steps=10**9),
                                            repeat=1)
        assert (plain.steps, plain.non_blank) == (BB5_STEPS, BB5_ONES)
        table.add_row("BB(5) to halt (47,176,870 steps)", "plain", f"{plain_time:.2f} s", "1.0x")
        table.add_row("", "accelerated", f"{acc_time:.3f} s", f"{plain_time / acc_time:.0f}x faster")

    halter = load(HALTER_3X3).machine
    with console.status("the 3-state 3-symbol halter on the accelerated engine"):
        halter_time, result = median_time(
            lambda: run_engine(halter, "", engine="accelerated", max_steps=10**12))
        plain_rate_time, _ = median_time(lambda: run_engine(halter, "", engine="plain", max_steps=2_000_000))
    assert (result.steps, result.non_blank) == (HALTER_3X3_STEPS, HALTER_3X3_NONZERO)
    plain_estimate = HALTER_3X3_STEPS / (2_000_000 / plain_rate_time)
    table.add_row("3x3 halter (4,939,345,068 steps)", "plain (estimated from its rate)",
                  f"{plain_estimate:.0f} s", "1.0x")
    table.add_row("", "accelerated", f"{halter_time:.3f} s", f"{plain_estimate / halter_time:.0f}x faster")

    n, steps = args.batch_machines, args.batch_steps
    with console.status(f"batch engine: {n:,} random 5-state 2-symbol machines, {steps:,} steps"):
        tables = batch.random_tables(n, states=5, symbols=2, seed=1)
        batch_time, batched = median_time(lambda: batch.run_tables(tables, max_steps=steps), repeat=1)
        sample = [tables.machine(i) for i in range(min(n, 2_000))]
        loop_time, loop_steps = median_time(
            lambda: sum(run_engine(tm, "", engine="plain", max_steps=steps).steps for tm in sample), repeat=1)
    batch_rate = int(batched.steps.sum()) / batch_time
    loop_rate = loop_steps / loop_time
    table.add_row(f"{n:,} random 5x2 machines x {steps:,} steps", f"plain, looped ({len(sample):,})",
                  f"{loop_rate / 1e6:.2f} M machine-steps/s", "1.0x")
    table.add_row("", "batch (numpy lockstep)",
                  f"{batch_rate / 1e6:.2f} M machine-steps/s ({batch_time:.1f} s)",
                  f"{batch_rate / loop_rate:.1f}x")
    console.print(table)
    console.print(f"plain vs automata-lib: {short:.1f}x on BB(4) runs, {long:.1f}x on BB(5) (target >= 15x); "
                  f"BB(5) accelerated {acc_time:.3f} s (target < 1 s); "
                  f"3x3 halter accelerated {halter_time:.2f} s (target < 60 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
