"""Provides the `turingbox fsm` subcommands: info, regex, minimize, equiv, words and diagram."""

from __future__ import annotations

import argparse
from pathlib import Path

from machines.cli import positive_int
from machines.errors import ConversionError, UnknownFormatError

DIAGRAMS = (".png", ".dot", ".mmd")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds `fsm` and its subcommands to the `turingbox` command."""
    fsm = subparsers.add_parser("fsm", help="finite automata: regexes, minimisation, equivalence, diagrams",
                                description="Work with finite automata in .fsm, .jff and .regex files.")
    commands = fsm.add_subparsers(dest="fsm_command", metavar="SUBCOMMAND", required=True)

    info = commands.add_parser("info", help="what an automaton is and what its language is like")
    info.add_argument("file")
    info.set_defaults(handler=info_command)

    regex = commands.add_parser("regex", help="compile a regular expression into an automaton")
    regex.add_argument("pattern")
    regex.add_argument("--alphabet", help="the symbols, e.g. 'ab' (default: those the pattern names)")
    regex.add_argument("--minimize", action="store_true", help="output the minimal DFA instead of the NFA")
    regex.add_argument("--out", help="write to this file (.fsm, .jff, or a diagram: .png, .dot, .mmd)")
    regex.set_defaults(handler=regex_command)

    minimize = commands.add_parser("minimize", help="the minimal DFA of an automaton file")
    minimize.add_argument("file")
    minimize.add_argument("--out", help="write to this file (.fsm, .jff, or a diagram: .png, .dot, .mmd)")
    minimize.set_defaults(handler=minimize_command)

    equiv = commands.add_parser("equiv", help="equivalent? else a shortest word that differs")
    equiv.add_argument("first")
    equiv.add_argument("second")
    equiv.set_defaults(handler=equiv_command)

    words = commands.add_parser("words", help="the accepted words, shortest first")
    words.add_argument("file")
    words.add_argument("--max-length", type=int, default=8, help="longest word to list (default 8)")
    words.add_argument("--limit", type=positive_int, default=50, help="list at most this many (default 50)")
    words.set_defaults(handler=words_command)

    diagram = commands.add_parser("diagram", help="draw the state diagram (.png, .dot or .mmd)")
    diagram.add_argument("file")
    diagram.add_argument("--out", required=True, help="output file: .png, .dot or .mmd")
    diagram.set_defaults(handler=diagram_command)


def _load(path: str, *, kinds: str = "DFA NFA"):
    from machines import fsm
    from machines.files import read_text
    from machines.formats import load_text

    loaded = load_text(read_text(path), path=path)
    if not isinstance(loaded.machine, tuple(getattr(fsm, kind) for kind in kinds.split())):
        raise ConversionError(f"{path}: a {type(loaded.machine).__name__} is not one of {kinds.split()}")
    return loaded.machine


def _output(machine, out: str | None) -> None:
    from machines.files import write_bytes, write_text
    from machines.formats import FORMATS, dump_text
    from machines.fsm import graph

    if out is None:
        print(dump_text(machine, "fsm"), end="")
        return
    suffix = Path(out).suffix.lower()
    if suffix == ".png":
        write_bytes(out, graph.to_png(machine))
    elif suffix in (".dot", ".mmd"):
        write_text(out, graph.to_dot(machine) if suffix == ".dot" else graph.to_mermaid(machine))
    else:
        formats = [f.name for f in FORMATS if f.family == "fsm" and f.dump and suffix in f.extensions]
        if not formats:
            raise UnknownFormatError(f"--out {out!r}: write an automaton as .fsm or .jff, or a diagram as "
                                     f"{', '.join(DIAGRAMS)}")
        write_text(out, dump_text(machine, formats[0]))
    print(f"wrote {out}")


def _word(word) -> str:
    return repr(" ".join(word) if any(len(s) > 1 for s in word) else "".join(word))


def info_command(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from machines.fsm import ops
    from machines.fsm.dfa import DFA

    machine = _load(args.file)
    table = Table(show_header=False)
    shortest = ops.shortest_word(machine)
    rows = [
        ("automaton", " ".join([type(machine).__name__, repr(machine.name) if machine.name else ""])),
        ("states", str(len(machine.states))),
        ("alphabet", " ".join(machine.alphabet)),
        ("complete", str(machine.is_complete) if isinstance(machine, DFA) else "—"),
        ("minimal DFA states", str(len(ops.minimize(machine).states))),
        ("language", "empty" if shortest is None else "finite" if ops.is_finite(machine) else "infinite"),
        ("shortest word", "—" if shortest is None else _word(shortest)),
    ]
    for key, value in rows:
        table.add_row(key, value)
    Console(highlight=False).print(table)
    return 0


def regex_command(args: argparse.Namespace) -> int:
    from machines.fsm import ops
    from machines.fsm.regex import regex_to_nfa

    nfa = regex_to_nfa(args.pattern, alphabet=list(args.alphabet) if args.alphabet else None)
    _output(ops.minimize(nfa) if args.minimize else nfa, args.out)
    return 0


def minimize_command(args: argparse.Namespace) -> int:
    from machines.fsm import ops

    _output(ops.minimize(_load(args.file)), args.out)
    return 0


def equiv_command(args: argparse.Namespace) -> int:
    from machines.fsm import ops

    first, second = _load(args.first), _load(args.second)
    witness = ops.find_counterexample(first, second)
    if witness is None:
        print("equivalent")
        return 0
    owner = args.first if first.accepts(witness) else args.second
    print(f"not equivalent: {_word(witness)} is accepted by {owner} only")
    return 1


def words_command(args: argparse.Namespace) -> int:
    from machines.fsm import ops

    machine = _load(args.file)
    for count, word in enumerate(ops.words(machine, max_length=max(0, args.max_length))):
        if count == args.limit:
            print(f"... (stopped at --limit {args.limit})")
            break
        print(_word(word))
    return 0


def diagram_command(args: argparse.Namespace) -> int:
    if Path(args.out).suffix.lower() not in DIAGRAMS:
        raise ConversionError(f"--out {args.out!r}: a diagram is written as {', '.join(DIAGRAMS)}")
    _output(_load(args.file, kinds="DFA NFA Mealy Moore"), args.out)
    return 0
