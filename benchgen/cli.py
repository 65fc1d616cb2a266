"""Provides the benchgen package's subcommands of the `turingbox` command: `turingbox bench ...`."""

from __future__ import annotations

import argparse

from machines.cli import positive_int


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds the benchgen subcommands to the `turingbox` command."""
    bench = subparsers.add_parser("bench", help="generate chain-of-thought benchmark datasets")
    commands = bench.add_subparsers(dest="bench_command", metavar="COMMAND", required=True)

    listing = commands.add_parser("list", help="list the tasks and their knobs")
    listing.set_defaults(handler=_list)

    def task_arguments(parser: argparse.ArgumentParser, task_optional: bool = False) -> None:
        parser.add_argument("task", nargs="?" if task_optional else None, metavar="TASK", help="task name")
        parser.add_argument("--seed", type=_natural, help="seed (default: the task's)")
        parser.add_argument("--set", dest="knobs", action="append", default=[], metavar="KNOB=VALUE",
                            help="set a task knob (value in YAML: 3, [A, B], true); repeatable")

    generate = commands.add_parser("generate", help="write a dataset (JSONL, Parquet, card, eval tasks)")
    task_arguments(generate, task_optional=True)
    generate.add_argument("--size", type=positive_int, help="number of items (default: the task's)")
    generate.add_argument("--out", required=True, help="output folder")
    generate.add_argument("--from", dest="from_file", metavar="GENERATION_JSON",
                          help="regenerate exactly from a dataset's generation.json")
    generate.add_argument("--workers", type=positive_int, default=2, help="worker processes (default 2)")
    generate.add_argument("--shards", type=positive_int, help="shard count (default: one per 50000 items)")
    generate.add_argument("--shard", type=_shard, metavar="I/N", help="write only shard I of N")
    generate.add_argument("--split-by", default="none",
                          help="none, input, machine (hold out inputs or whole machines) or metadata:FIELD")
    generate.add_argument("--test-fraction", type=float, default=0.1, help="held-out fraction (default 0.1)")
    generate.add_argument("--executor", choices=["local", "ray"], default="local",
                          help="local worker processes, or Ray tasks (RAY_ADDRESS, else a local Ray)")
    generate.set_defaults(handler=_generate)

    show = commands.add_parser("show", help="print one item")
    task_arguments(show)
    show.add_argument("--index", type=_natural, default=0)
    show.add_argument("--field", choices=["question", "answer", "cot", "metadata", "all"], default="all")
    show.set_defaults(handler=_show)

    tmbench = commands.add_parser("tmbench-json", help="write TMBench instances in its own JSON file format")
    tmbench.add_argument("--seed", type=_natural, default=1)
    tmbench.add_argument("--size", type=positive_int, default=100)
    tmbench.add_argument("--set", dest="knobs", action="append", default=[], metavar="KNOB=VALUE")
    tmbench.add_argument("--out", required=True, help="output file")
    tmbench.set_defaults(handler=_tmbench_json)

    from benchgen.score_commands import register as register_scoring  # score, compare, noise
    register_scoring(commands)


def _natural(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a non-negative integer")
    return value


def _shard(text: str) -> tuple[int, int]:
    index, _, count = text.partition("/")
    try:
        i, n = int(index), int(count)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not I/N (for example 0/4)") from None
    if not 0 <= i < n:
        raise argparse.ArgumentTypeError(f"{text!r}: I must be between 0 and N-1")
    return i, n


def _knobs(pairs: list[str]) -> dict[str, object]:
    import yaml

    from benchgen.errors import ConfigError

    knobs: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ConfigError(f"--set {pair!r} must be KNOB=VALUE")
        try:
            knobs[name.strip()] = yaml.safe_load(value) if value.strip() else ""
        except yaml.YAMLError:
            raise ConfigError(f"--set {pair!r}: the value is not valid YAML") from None
    return knobs


def _list(args: argparse.Namespace) -> int:
    import json

    from rich.console import Console
    from rich.table import Table

    from benchgen.registry import task_named, task_names

    table = Table("task", "description", "knobs (defaults)")
    for name in task_names():
        task = task_named(name)
        defaults = task.config().to_dict()
        knobs = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in defaults.items())
        table.add_row(name, task.description, knobs)
    Console().print(table)
    return 0


def _show(args: argparse.Namespace) -> int:
    import json

    from benchgen.registry import create_dataset

    dataset = create_dataset(args.task, size=args.index + 1, seed=args.seed, **_knobs(args.knobs))
    item = dataset[args.index]
    if args.field == "all":
        print(json.dumps(item.to_dict(), ensure_ascii=False, indent=1))
    elif args.field == "metadata":
        print(json.dumps(dict(item.metadata), ensure_ascii=False, indent=1))
    else:
        print(getattr(item, args.field))
    return 0


def _generate(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from rich.console import Console

    from benchgen.errors import ConfigError
    from benchgen.generate import Generation, default_shards, generate
    from benchgen.registry import task_named
    from machines.files import read_text

    if args.from_file:
        if args.task or args.knobs or args.seed is not None or args.size:
            raise ConfigError("--from takes the task, size, seed and knobs from the file; give no others")
        try:
            generation = Generation.from_dict(json.loads(read_text(args.from_file)))
        except json.JSONDecodeError as error:
            raise ConfigError(f"{args.from_file}:{error.lineno}:{error.colno}: {error.msg}") from None
    else:
        if not args.task:
            raise ConfigError("give a TASK (see `turingbox bench list`) or --from GENERATION_JSON")
        task = task_named(args.task)
        size = args.size or task.default_size
        shards = args.shard[1] if args.shard else args.shards or default_shards(size)
        generation = Generation(args.task, size, task.default_seed if args.seed is None else args.seed,
                                _knobs(args.knobs), shards, args.split_by, args.test_fraction)
    if args.shard and args.shard[1] != generation.shards:
        raise ConfigError(f"--shard {args.shard[0]}/{args.shard[1]} does not match "
                          f"shards={generation.shards}")
    only = [args.shard[0]] if args.shard else None
    out = Path(args.out)
    result = _with_progress(Console(stderr=True), lambda progress: generate(
        generation, out, workers=args.workers, only=only, progress=progress, executor=args.executor))
    rows = ", ".join(f"{split} {n}" for split, n in sorted(result.rows.items()))
    rate = sum(result.rows.values()) / result.seconds if result.written else 0.0
    console = Console(highlight=False)
    console.print(f"{out}: {rows} rows; {result.written} shard(s) written, {result.skipped} already complete"
                  + (f"; {rate:,.0f} items/s" if result.written else ""))
    if result.duplicates is not None:
        console.print(f"duplicates: {result.duplicates['duplicates']} of {result.duplicates['total']} rows")
    return 0


def _with_progress(console, run):
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.perf_counter()
    with Progress(TextColumn("generating"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=console,
                  transient=True) as progress:
        bar = progress.add_task("generate", total=None, rate="")

        def update(done: int, total: int) -> None:
            elapsed = time.perf_counter() - started
            rate = f"{done / elapsed:,.0f} items/s" if elapsed > 0 and done else ""
            progress.update(bar, completed=done, total=total, rate=rate)

        return run(update)


def _tmbench_json(args: argparse.Namespace) -> int:
    from benchgen.tasks.tmbench import TMBenchConfig, published_instances, tmbench_json
    from machines.files import write_text

    config = TMBenchConfig.from_knobs(_knobs(args.knobs))
    write_text(args.out, tmbench_json(config, published_instances(config, args.seed, args.size)))
    return 0
