"""Pass 5: lays out the residual stream and assembles embeddings, heads and MLPs into a model.

The beginning-of-sequence (BOS) position attends only to itself, so its residual stream does not
depend on the input: it is computed layer by layer while assembling, and every head's BOS logit
and BOS value are corrected for it. Hence a query that selects nothing reads exactly the default.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.compiler.attention import plan_head
from rasp.compiler.embedding_sums import embedding_terms
from rasp.compiler.errors import CompileError
from rasp.compiler.graph_to_layers import has_input_mlp
from rasp.compiler.mlp import fused_function, plan_mlp
from rasp.compiler.model import MLP, CompiledModel, Head, Layer, Readout
from rasp.dialect import Dialect
from rasp.interpreter import evaluate
from rasp.sops import UNSET, Aggregate, Constant, Encoding, Indices, Reduction, Tokens


class Layout:
    """Residual dimensions: `one`, `bos`, then each s-op's in dependency order."""

    ONE, BOS = 0, 1

    def __init__(self, graph: nx.DiGraph, dialect: Dialect, keep_all: bool = True):
        self.graph, self.dialect = graph, dialect
        self.labels: list[str] = ["one", "bos"]
        self.dims: dict[str, list[int]] = {}
        self.index: dict[str, dict[object, int]] = {}
        problems = []
        for gid in nx.topological_sort(graph):
            data = graph.nodes[gid]
            if data[N.ROLE] == N.SELECTOR or not (keep_all or data.get(N.NEEDED, True)):
                continue
            if data[N.ENCODING] is Encoding.NUMERICAL:
                self.dims[gid] = [len(self.labels)]
                self.labels.append(data[N.NAME])
                continue
            if data[N.VALUES] is None:
                problems.append((data[N.NAME], "a one-hot s-op whose value set is unknown (too large)"))
                continue
            self.index[gid] = {}
            for value in data[N.VALUES]:
                self.index[gid][value] = len(self.labels)
                shown = f"{value:.10g}" if isinstance(value, float) else value
                self.labels.append(f"{data[N.NAME]}:{shown}")
            self.dims[gid] = list(self.index[gid].values())
        if problems:
            raise CompileError(problems)

    def encode(self, gid: str, value: object) -> np.ndarray:
        """The residual vector of s-op `gid` holding `value`."""
        vector = np.zeros(len(self.labels))
        if gid in self.index:
            vector[self.index[gid][value]] = 1.0
        else:
            vector[self.dims[gid][0]] = float(value)
        return vector

    def holds(self, gid: str, value: object) -> bool:
        """False for a value outside a one-hot s-op's set (never taken on an accepted input)."""
        return gid not in self.index or value in self.index[gid]

    def default_of(self, gid: str) -> object:
        """The value an aggregate takes where its selector selects nothing."""
        expr: Aggregate = self.graph.nodes[gid][N.EXPR]
        return self.dialect.default if expr.default is UNSET else expr.default


def _embeddings(graph: nx.DiGraph, layout: Layout, vocab: list, max_len: int, dialect: Dialect):
    d = len(layout.labels)
    tokens = np.zeros((len(vocab) + 1, d))
    positions = np.zeros((max_len + 1, d))
    tokens[0, layout.BOS] = 1.0
    tokens[1:, layout.ONE] = 1.0
    for gid, data in graph.nodes(data=True):
        expr = data[N.EXPR]
        if data[N.ROLE] == N.INPUT:
            if isinstance(expr, Tokens):
                for row, value in enumerate(evaluate(expr, vocab, dialect=dialect).values, start=1):
                    if layout.holds(gid, value):
                        tokens[row] += layout.encode(gid, value)
            elif isinstance(expr, Indices):
                for p in range(max_len):
                    if layout.holds(gid, p):
                        positions[p + 1] += layout.encode(gid, p)
            else:
                tokens[1:] += layout.encode(gid, expr.value)
        elif data[N.ROLE] == N.MLP and data[N.IN_EMBEDDING] and gid in layout.dims:
            _fold(graph, gid, layout, vocab, max_len, dialect, tokens, positions)
    return tokens, positions


def _fold(graph, gid, layout, vocab, max_len, dialect, tokens, positions) -> None:
    """An elementwise s-op of one input (or a sum of a token and a position term), written into the
    embedding tables."""
    terms = embedding_terms(graph, gid)
    if terms is not None:
        by_token, by_index = terms
        exprs = [graph.nodes[a][N.EXPR] for a in graph.nodes[gid][N.ARGS]]
        source = next(e for e in exprs if isinstance(e, Tokens))
        # a token or position no accepted input has (exhaustive inference) gets no term
        for row, value in enumerate(evaluate(source, vocab, dialect=dialect).values, start=1):
            tokens[row, layout.dims[gid][0]] += by_token.get(value, 0.0)
        for p in range(max_len):
            positions[p + 1, layout.dims[gid][0]] += by_index.get(p, 0.0)
        return
    leaves = graph.nodes[gid][N.LEAVES]
    fn = fused_function(graph, gid, leaves, dialect)
    exprs = [graph.nodes[a][N.EXPR] for a in leaves]
    varying = [k for k, e in enumerate(exprs) if not isinstance(e, Constant)]
    if varying and isinstance(exprs[varying[0]], Indices):
        table, rows = positions, [(p + 1, p) for p in range(max_len)]
    elif varying:
        values = evaluate(exprs[varying[0]], vocab, dialect=dialect).values
        table, rows = tokens, list(enumerate(values, start=1))
    else:
        table, rows = tokens, [(r, None) for r in range(1, len(vocab) + 1)]
    for row, value in rows:
        args = [value if k in varying else e.value for k, e in enumerate(exprs)]
        try:
            result = fn(*args)
        except Exception:  # the interpreter fails on such inputs too
            continue
        if not layout.holds(gid, result):
            continue
        table[row] += layout.encode(gid, result)


def _head_groups(graph: nx.DiGraph, layer: int) -> list[list[str]]:
    """Attention nodes of a layer, those that average under the same selector sharing a head."""
    groups: dict[object, list[str]] = {}
    for gid, data in graph.nodes(data=True):
        if data[N.ROLE] != N.ATTENTION or data[N.LAYER] != layer:
            continue
        expr = data[N.EXPR]
        shared = isinstance(expr, Aggregate) and expr.reduction is Reduction.MEAN
        key = ("mean", data[N.ARGS][0]) if shared else gid
        groups.setdefault(key, []).append(gid)
    return list(groups.values())


def _head(plan, bos: np.ndarray, layout: Layout) -> tuple[Head, np.ndarray]:
    logits, values = plan.logits.copy(), plan.values.copy()
    logits[:, layout.BOS] = -(logits @ bos)
    logits[layout.ONE, layout.BOS] += plan.bos_logit
    values[layout.BOS] = plan.default - bos @ values
    rows = np.flatnonzero(np.abs(logits).sum(axis=1))
    vrows = np.flatnonzero(np.abs(values).sum(axis=1))
    d = len(layout.labels)
    eye = np.eye(d)
    head = Head(plan.name, eye[:, rows], logits[rows].T.copy(), eye[:, vrows], values[vrows].copy())
    return head, bos @ values


def assemble(
    graph: nx.DiGraph, layout: Layout, vocab: list, max_len: int, dialect: Dialect, causal: bool
) -> CompiledModel:
    """The model computing every node of the laid-out graph."""
    tokens, positions = _embeddings(graph, layout, vocab, max_len, dialect)
    bos = tokens[0] + positions[0]
    top = max((d[N.LAYER] for _, d in graph.nodes(data=True)), default=0)
    layers, problems = [], []
    for layer in range(0 if has_input_mlp(graph) else 1, top + 1):
        heads = []
        update = np.zeros_like(bos)
        for members in _head_groups(graph, layer):
            try:
                head, out = _head(plan_head(graph, members, layout, max_len), bos, layout)
            except CompileError as error:
                problems += error.problems
                continue
            heads.append(head)
            update += out
        bos = bos + update
        mlp = _layer_mlp(graph, layer, layout, dialect, problems)
        if mlp is not None:
            bos = bos + np.maximum(bos @ mlp.w_1 + mlp.b_1, 0.0) @ mlp.w_2 + mlp.b_2
        layers.append(Layer(tuple(heads), mlp))
    if problems:
        raise CompileError(problems)
    readouts = {}
    for gid, dims in layout.dims.items():
        data = graph.nodes[gid]
        readouts[data[N.NAME]] = Readout(
            data[N.NAME], gid, data[N.ENCODING], tuple(dims), data[N.VALUES], data[N.SYNTHETIC]
        )
    root = graph.nodes[graph.graph["root"]][N.NAME]
    return CompiledModel(
        tuple(layout.labels),
        tuple(vocab),
        max_len,
        causal,
        tokens,
        positions,
        tuple(layers),
        readouts,
        root,
        graph.graph.get("method", "abstract"),
    )


def _layer_mlp(graph, layer: int, layout: Layout, dialect: Dialect, problems: list) -> MLP | None:
    plans = []
    for gid, data in graph.nodes(data=True):
        if (
            data[N.ROLE] == N.MLP
            and data[N.LAYER] == layer
            and not data[N.IN_EMBEDDING]
            and gid in layout.dims
        ):
            try:
                plans.append(plan_mlp(graph, gid, layout, dialect))
            except CompileError as error:
                problems += error.problems
    if not plans:
        return None
    return MLP(
        _side_by_side([p.w_1 for p in plans]),
        np.concatenate([p.b_1 for p in plans]),
        np.concatenate([p.w_2 for p in plans], axis=0),
        np.sum([p.b_2 for p in plans], axis=0),
    )


def _side_by_side(blocks: list[np.ndarray]) -> np.ndarray:
    """np.concatenate(blocks, axis=1), writing only the rows a block reads (a staircase reads a
    few dimensions of the residual): the zeros of fresh memory cost nothing until written."""
    out = np.zeros((blocks[0].shape[0], sum(b.shape[1] for b in blocks)))
    start = 0
    for block in blocks:
        rows = np.flatnonzero(block.view(np.int64).any(axis=1))  # bit patterns: -0.0 is kept
        out[rows, start : start + block.shape[1]] = block[rows]
        start += block.shape[1]
    return out
