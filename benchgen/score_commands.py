"""Provides `turingbox bench score`, `bench compare` and `bench noise`: scoring runs with reports."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from machines.cli import positive_int


def register(commands: argparse._SubParsersAction) -> None:
    """Adds the scoring subcommands to `turingbox bench`."""
    score = commands.add_parser("score", help="score a model's answers against the exact traces")
    score.add_argument("dataset", metavar="DATASET", help="dataset folder (or JSONL file) to score against")
    source = score.add_mutually_exclusive_group(required=True)
    source.add_argument("--responses", metavar="FILE", help="JSONL keyed by item id, or TMBench results JSON")
    source.add_argument("--endpoint", metavar="URL", help="OpenAI-compatible base URL (…/v1)")
    source.add_argument("--oracle", choices=["oracle", "static", "dynamic"],
                        help="a built-in model: the exact trace, or static or dynamic noise at --rate")
    score.add_argument("--model", help="model name (required with --endpoint)")
    score.add_argument("--name", help="name of the run in tables and plots (default: the model)")
    score.add_argument("--rate", type=float, default=0.02, help="noise per step for noisy oracles")
    score.add_argument("--mode", choices=["robust", "official"], default="robust",
                       help="TMBench parser: robust (block-scoped) or official (the published regex)")
    score.add_argument("--out", required=True, help="report folder (report.json, scores, plots, run file)")
    score.add_argument("--temperature", type=float, default=0.0)
    score.add_argument("--top-p", type=float)
    score.add_argument("--max-tokens", type=positive_int, default=4096)
    score.add_argument("--system", help="system prompt")
    score.add_argument("--api-key-env", default="OPENAI_API_KEY", help="environment variable with the key")
    score.add_argument("--concurrency", type=positive_int, default=4)
    score.add_argument("--timeout", type=float, default=600.0, help="seconds per request")
    score.add_argument("--retries", type=int, default=4)
    score.add_argument("--cache", metavar="DIR", help="request cache (default: OUT/cache)")
    score.add_argument("--limit", type=positive_int, help="score only the first N items")
    score.add_argument("--workers", type=positive_int, default=1, help="scoring processes")
    score.set_defaults(handler=_score)

    compare = commands.add_parser("compare", help="put several scored runs side by side")
    compare.add_argument("runs", nargs="+", metavar="RUN", help="report folders or report.json files")
    compare.add_argument("--out", help="folder for the side-by-side plots")
    compare.set_defaults(handler=_compare)

    noise = commands.add_parser("noise", help="write a dataset with noised chains of thought")
    noise.add_argument("dataset", metavar="DATASET")
    noise.add_argument("--kind", choices=["static", "dynamic"], required=True)
    noise.add_argument("--rate", type=float, required=True)
    noise.add_argument("--seed", type=int, default=0)
    noise.add_argument("--out", required=True, help="output JSONL file")
    noise.set_defaults(handler=_noise)


def _score(args: argparse.Namespace) -> int:
    from rich.console import Console

    from benchgen.errors import ConfigError
    from benchgen.responses import read_dataset

    console, errors = Console(highlight=False), Console(stderr=True, highlight=False)
    items = read_dataset(args.dataset)
    items = items[: args.limit] if args.limit else items
    out = Path(args.out)
    problems: list[str] = []
    if args.endpoint:
        if not args.model:
            raise ConfigError("--endpoint needs --model NAME")
        responses, model = _ask_endpoint(args, items, out, errors, problems), args.model
    elif args.oracle:
        from benchgen.oracles import oracle_responses
        from benchgen.responses import Responses

        responses = Responses({r.id: r for r in oracle_responses(items, args.oracle, rate=args.rate)})
        model = args.oracle if args.oracle == "oracle" else f"{args.oracle} noise {args.rate:g}"
    else:
        from benchgen.responses import read_responses

        responses, model = read_responses(args.responses), Path(args.responses).stem
    report = _score_report(items, responses, args, args.name or model, errors, problems)
    _write(out, report, console)
    return 0 if not report["aborted"] else 1


def _ask_endpoint(args: argparse.Namespace, items: list, out: Path, errors: Any, problems: list[str]):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from benchgen.client import ModelSettings, run_model
    from benchgen.responses import read_jsonl

    settings = ModelSettings(args.endpoint, args.model, args.temperature, args.top_p, args.max_tokens,
                             args.system, os.environ.get(args.api_key_env), args.timeout, args.retries,
                             args.concurrency)
    run_file = out / "responses.jsonl"
    with Progress(TextColumn(f"asking {args.model}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=errors, transient=True) as progress:
        bar = progress.add_task("ask", total=len(items))
        result = run_model(settings, items, run_file, cache_dir=args.cache or out / "cache",
                           on_response=lambda response: progress.advance(bar))
    errors.print(f"{args.model}: {result.asked} asked, {result.cached} from the cache, "
                 f"{result.resumed} already in {run_file}, {len(result.failed)} failed")
    if result.aborted:
        problems.append(f"run stopped: {result.aborted}; rerun the same command to resume")
    responses = read_jsonl(run_file)
    responses.problems.extend(problems)
    args.aborted = result.aborted
    return responses


def _score_report(items: list, responses: Any, args: argparse.Namespace, model: str, errors: Any,
                  problems: list[str]) -> dict[str, Any]:
    from benchgen.errors import ConfigError
    from benchgen.metrics import summarize
    from benchgen.responses import match
    from benchgen.score import score_all

    matched = match(items, responses)
    if not matched.pairs:
        some = next(iter(responses.by_id), None)
        raise ConfigError(f"no response matches an item of {args.dataset} ({len(items)} items, "
                          f"{len(responses.by_id)} responses; first response id {some!r}, first item id "
                          f"{items[0].id!r}): are these answers to another dataset?")
    failed = [item.id for item, response in matched.pairs if response.text is None]
    pairs = [(item, response.text, response.finish_reason, response.usage)
             for item, response in matched.pairs if response.text is not None]
    scores = score_all(pairs, args.mode, workers=args.workers)
    problems = list(dict.fromkeys([*responses.problems, *problems]))
    if matched.unknown:
        problems.append(f"{len(matched.unknown)} response(s) for ids not in the dataset, e.g. "
                        f"{matched.unknown[0]!r} (ignored)")
    if matched.missing:
        problems.append(f"{len(matched.missing)} item(s) have no response (left out of the metrics)")
    if failed:
        problems.append(f"{len(failed)} item(s) failed at the endpoint (left out; rerun to retry)")
    for problem in problems:
        errors.print(f"[yellow]warning:[/] {problem}")
    metrics = summarize(scores, knobs=[_knobs(item) for item, *_ in pairs])
    other = None
    if any(item.metadata.get("style") == "tmbench_blocks" for item, *_ in pairs):
        # TMBench answers: the other parser's headline too, so published and robust numbers sit side by side
        mode = "official" if args.mode == "robust" else "robust"
        summary = summarize(score_all(pairs, mode, workers=args.workers), ci=False)
        other = {"mode": mode, **{k: summary[k] for k in ("swa_uni", "swa_lin", "pass", "unparsed")}}
        errors.print(f"{mode} parser: SWA-Uni {other['swa_uni']:.1f}, SWA-Lin {other['swa_lin']:.1f}, "
                     f"Pass {other['pass']:.1f}, unparsed {other['unparsed']:.1f}%")
    return {"model": model, "dataset": str(args.dataset), "mode": args.mode, "other_mode": other,
            "metrics": metrics, "missing": matched.missing, "failed": failed,
            "unknown": matched.unknown[:100], "problems": problems,
            "aborted": getattr(args, "aborted", None),
            "scores": scores}


def _knobs(item: Any) -> dict[str, Any]:
    difficulty = item.metadata.get("difficulty")
    return difficulty if isinstance(difficulty, dict) else {}


def _write(out: Path, report: dict[str, Any], console: Any) -> None:
    import json
    from dataclasses import asdict

    from benchgen.report import table, write_plots, write_report
    from machines.files import write_text

    scores = report.pop("scores")
    out.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps(asdict(s), ensure_ascii=False) + "\n" for s in scores)
    write_text(out / "scores.jsonl", "".join(lines))
    path = write_report(out, report)
    plots = write_plots(out, [report])
    console.print(table([report]))
    console.print(f"wrote {path}, {out / 'scores.jsonl'} and {', '.join(p.name for p in plots)}")


def _compare(args: argparse.Namespace) -> int:
    import json

    from rich.console import Console

    from benchgen.errors import ConfigError
    from benchgen.report import table, write_plots
    from machines.files import read_text

    reports = []
    for run in args.runs:
        path = Path(run) / "report.json" if Path(run).is_dir() else Path(run)
        try:
            reports.append(json.loads(read_text(path)))
        except json.JSONDecodeError as error:
            raise ConfigError(f"{path}:{error.lineno}:{error.colno}: not a report: {error.msg}") from None
    console = Console(highlight=False)
    console.print(table(reports))
    if args.out:
        plots = write_plots(Path(args.out), reports)
        console.print(f"wrote {', '.join(str(p) for p in plots)}")
    return 0


def _noise(args: argparse.Namespace) -> int:
    from benchgen.oracles import noise_items
    from benchgen.responses import read_dataset
    from machines.files import write_text

    items = read_dataset(args.dataset)
    write_text(args.out, "".join(item.to_json() + "\n" for item in noise_items(items, args.kind, args.rate,
                                                                              args.seed)))
    print(f"{args.out}: {len(items)} items with {args.kind} noise at rate {args.rate:g}")
    return 0
