"""Provides the split of a numerical map of tokens and indices into a token term plus a position term.

Such a map (sort's `keys = token + i/n`) needs no MLP before the first attention: the token
embedding writes one term and the position embedding the other into the same dimension.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.sops import Encoding, Indices, Tokens

TOLERANCE = 1e-12
"""Largest relative rounding a sum of the two terms may differ from the map's value by."""


def embedding_terms(graph: nx.DiGraph, gid: str) -> tuple[dict, dict] | None:
    """({token value: term}, {index: term}) whose sum is numerical map `gid` of tokens and indices
    on every pair of their values; None when it is not such a sum."""
    data = graph.nodes[gid]
    args = data[N.ARGS]
    if data.get(N.ENCODING) is not Encoding.NUMERICAL or len(args) != 2:
        return None
    kinds = [type(graph.nodes[a][N.EXPR]) for a in args]
    if set(kinds) != {Tokens, Indices}:
        return None
    tokens, indices = args[kinds.index(Tokens)], args[kinds.index(Indices)]
    token_values, index_values = graph.nodes[tokens][N.VALUES], graph.nodes[indices][N.VALUES]
    fn = data[N.FN]
    try:
        grid = np.array(
            [
                [float(fn(*((t, i) if tokens == args[0] else (i, t)))) for i in index_values]
                for t in token_values
            ]
        )
    except Exception:  # a non-number or a pair the map refuses
        return None
    token_term = grid[:, 0] - grid[0, 0]
    index_term = grid[0, :]
    error = np.abs(token_term[:, None] + index_term[None, :] - grid)
    if np.any(error > TOLERANCE * np.maximum(1.0, np.abs(grid))):
        return None
    return dict(zip(token_values, token_term.tolist(), strict=True)), dict(
        zip(index_values, index_term.tolist(), strict=True)
    )
