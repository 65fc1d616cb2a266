"""Provides `compile_program`, the driver that runs the compiler passes in order (tracr's compiling.py)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from rasp.compiler import nodes as N
from rasp.compiler.assemble import Layout, assemble
from rasp.compiler.errors import CompileError
from rasp.compiler.graph_to_layers import graph_to_layers, insert_conversions, insert_joints
from rasp.compiler.infer_values import all_inputs, choose_encodings, infer_values, input_count
from rasp.compiler.model import CompiledModel
from rasp.compiler.program_to_graph import program_to_graph
from rasp.compiler.runs import DEPTH_BUDGET
from rasp.compiler.split_selects import split_disjoint_widths, split_lexicographic_widths
from rasp.compiler.stand_in_bos import with_primitive_widths
from rasp.dialect import ORIGINAL, Dialect
from rasp.errors import RaspError
from rasp.interpreter import evaluate_all
from rasp.sops import SOp, topological

CAUSAL_SAMPLES = 200
"""Inputs the causal-safety check tries when the input space is larger."""


def compile_program(
    program: SOp,
    vocab: Sequence,
    max_len: int,
    *,
    dialect: Dialect = ORIGINAL,
    causal: bool = False,
    values: str = "auto",
    keep_all: bool = False,
    min_depth: bool = False,
) -> CompiledModel:
    """Compiles `program` for inputs over `vocab` of length 1..max_len into an exact transformer.

    `values` picks value-set inference: 'abstract', 'exhaustive' or 'auto'. `keep_all` gives
    every s-op residual dimensions (else only those read outside the MLP computing them). With `causal`, the
    model masks future keys and the program must give the same values under that mask. `min_depth`
    allows MLPs DEPTH_BUDGET times larger before an elementwise s-op waits a layer (fewer layers,
    more parameters and compile time: shuffle_dyck3 at length 40).
    Raises CompileError naming every node that cannot be compiled and why.
    """
    vocab = list(dict.fromkeys(vocab))
    if not vocab:
        raise CompileError([("vocab", "the vocabulary is empty")])
    if max_len < 1:
        raise CompileError([("max_len", f"max_len={max_len} must be at least 1")])
    program = with_primitive_widths(program, dialect, max_len)
    if causal:
        check_causal(program, vocab, max_len, dialect)
    graph = program_to_graph(program)
    graph.graph["budget"] = DEPTH_BUDGET if min_depth else 1
    infer_values(graph, vocab, max_len, dialect, values)
    choose_encodings(graph, dialect)
    split_lexicographic_widths(graph)
    split_disjoint_widths(graph)
    insert_conversions(graph)
    insert_joints(graph)
    graph_to_layers(graph)
    layout = Layout(graph, dialect, keep_all)
    model = assemble(graph, layout, vocab, max_len, dialect, causal)
    model.notes["graph"] = graph
    model.notes["dialect"] = dialect
    model.notes["program"] = program
    return model


def check_causal(program: SOp, vocab: list, max_len: int, dialect: Dialect, *, seed: int = 0) -> None:
    """Raises CompileError naming every s-op whose values change when selectors are made causal."""
    from dataclasses import replace

    masked = replace(dialect, causal=True, name=dialect.name + "+causal")
    if input_count(vocab, max_len) <= CAUSAL_SAMPLES:
        inputs = list(all_inputs(vocab, max_len))
    else:
        rng = random.Random(seed)
        inputs = [[rng.choice(vocab) for _ in range(rng.randint(1, max_len))] for _ in range(CAUSAL_SAMPLES)]
    differing: dict[int, str] = {}
    for item in inputs:
        try:
            plain, causal = (
                evaluate_all(program, item, dialect=dialect),
                evaluate_all(program, item, dialect=masked),
            )
        except RaspError:
            continue
        for key, (node, value) in plain.items():
            if isinstance(node, SOp) and key not in differing and causal[key][1] != value:
                differing[key] = f"differs under a causal mask, e.g. on {item!r}"
    if differing:
        order = {id(n): k for k, n in enumerate(topological(program))}
        names = {id(n): n.display_name for n in topological(program)}
        raise CompileError(
            [(names[k], why) for k, why in sorted(differing.items(), key=lambda kv: order[kv[0]])]
        )


def node_names(model: CompiledModel) -> dict[int, str]:
    """Readout names by the id of the program node they decode (compiler-made nodes left out)."""
    graph = model.notes["graph"]
    return {
        id(d[N.EXPR]): d[N.NAME]
        for _, d in graph.nodes(data=True)
        if not d[N.SYNTHETIC] and d[N.NAME] in model.readouts
    }
