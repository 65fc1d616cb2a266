"""Provides the compiled transformer: weights, a batched numpy forward pass, decoding and `.npz` export.

The residual stream has one labelled dimension per (s-op, value) of each one-hot s-op and one per
numerical s-op, plus `one` (1 at every input position) and `bos` (1 at the beginning-of-sequence
position the model puts before the input). Nothing is overwritten, so every s-op can be decoded
from the final residual stream.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field

import numpy as np

from rasp.compiler.staircases import split_staircases
from rasp.sops import Encoding

HIDDEN_BLOCK = 1 << 15
"""Hidden activations computed at once in the forward pass (256 KB of float64, cache-sized)."""


@dataclass(frozen=True)
class Head:
    """One attention head: logits (x W_q)(x W_k)^T, output softmax · (x W_v) W_o."""

    name: str
    w_q: np.ndarray  # [D, dk]
    w_k: np.ndarray  # [D, dk]
    w_v: np.ndarray  # [D, dv]
    w_o: np.ndarray  # [dv, D]


@dataclass(frozen=True)
class MLP:
    """relu(x W_1 + b_1) W_2 + b_2."""

    w_1: np.ndarray  # [D, H]
    b_1: np.ndarray  # [H]
    w_2: np.ndarray  # [H, D]
    b_2: np.ndarray  # [D]


def _is_identity(matrix: np.ndarray) -> bool:
    return matrix.shape[0] == matrix.shape[1] and np.array_equal(matrix, np.eye(len(matrix)))


def _nonzero_rows(matrix: np.ndarray) -> np.ndarray:
    return np.flatnonzero(np.abs(matrix).sum(axis=1))


def _project(x: np.ndarray, dims, matrix: np.ndarray | None) -> np.ndarray:
    """x[..., dims] @ matrix (None: the identity) as one 2-D product: numpy would loop over the batch."""
    part = x[..., dims]
    if matrix is None:
        return part
    rows = math.prod(part.shape[:-1])
    return (part.reshape(rows, part.shape[-1]) @ matrix).reshape(*part.shape[:-1], matrix.shape[1])


def _as_slice(dims: np.ndarray) -> slice | np.ndarray:
    """A run of consecutive dimensions as a slice: it reads a view and writes in place, no copies."""
    if len(dims) and dims[-1] - dims[0] == len(dims) - 1:
        return slice(int(dims[0]), int(dims[-1]) + 1)
    return dims


def _ramp_pairs(mlp: MLP) -> tuple[np.ndarray, np.ndarray]:
    """(first units of ramp pairs, the other units): a unit u and the next, u + 1, with the same
    input weights, a bias lower by 1 and the opposite output, add relu(a) - relu(a - 1), which is
    clip(a, 0, 1) of u's input a; the forward pass evaluates such a pair (a staircase step) as one
    clip, halving the step's work."""
    w_1, b_1, w_2 = mlp.w_1, mlp.b_1, mlp.w_2
    pairs = (
        np.all(w_1[:, :-1] == w_1[:, 1:], axis=0)
        & (b_1[:-1] - b_1[1:] == 1.0)
        & np.all(w_2[:-1] == -w_2[1:], axis=1)
    )
    first: list[int] = []
    unit = 0
    while unit < len(pairs):
        if pairs[unit]:
            first.append(unit)
            unit += 2
        else:
            unit += 1
    paired = np.zeros(len(b_1), dtype=bool)
    paired[first] = True
    paired[[u + 1 for u in first]] = True
    return np.array(first, dtype=np.int64), np.flatnonzero(~paired)


def _lookup(values: tuple, picks: np.ndarray) -> list[list]:
    """values[k] for each k of picks [B, T], as nested lists (one numpy gather, not a Python loop)."""
    table = np.empty(len(values), dtype=object)
    for k, value in enumerate(values):  # element by element: tuple values must stay whole
        table[k] = value
    return table[picks].tolist()


@dataclass(frozen=True)
class Layer:
    """Attention heads (possibly none) then an MLP (possibly None), each added to the residual."""

    heads: tuple[Head, ...]
    mlp: MLP | None


@dataclass(frozen=True)
class Readout:
    """Where one s-op lives in the residual stream and how to decode it."""

    name: str
    node: str
    encoding: Encoding
    dims: tuple[int, ...]
    values: tuple | None
    synthetic: bool = False


@dataclass(frozen=True)
class CompiledModel:
    """A compiled RASP program: embeddings, layers and a readout of every s-op."""

    labels: tuple[str, ...]
    vocab: tuple
    max_len: int
    causal: bool
    token_embed: np.ndarray  # [1 + |vocab|, D], row 0 is BOS
    pos_embed: np.ndarray  # [1 + max_len, D], row 0 is the BOS position
    layers: tuple[Layer, ...]
    readouts: dict[str, Readout]
    output: str
    method: str = "abstract"
    notes: dict = field(default_factory=dict)

    @property
    def d_model(self) -> int:
        return len(self.labels)

    @property
    def n_heads(self) -> int:
        return max((len(layer.heads) for layer in self.layers), default=0)

    @property
    def d_mlp(self) -> int:
        return max((layer.mlp.w_1.shape[1] for layer in self.layers if layer.mlp), default=0)

    @property
    def n_params(self) -> int:
        """Every weight and bias, embeddings included."""
        arrays = [self.token_embed, self.pos_embed]
        for layer in self.layers:
            for head in layer.heads:
                arrays += [head.w_q, head.w_k, head.w_v, head.w_o]
            if layer.mlp:
                arrays += [layer.mlp.w_1, layer.mlp.b_1, layer.mlp.w_2, layer.mlp.b_2]
        return int(sum(a.size for a in arrays))

    def encode(self, inputs: list[list]) -> np.ndarray:
        """Token ids [B, 1 + n] of same-length inputs, BOS first."""
        index = {v: k + 1 for k, v in enumerate(self.vocab)}
        rows = []
        for item in inputs:
            missing = [v for v in item if v not in index]
            if missing:
                raise ValueError(f"input {item!r} has tokens {missing!r} outside the vocabulary")
            rows.append([0] + [index[v] for v in item])
        return np.array(rows, dtype=np.int64)

    def mask(self, length: int) -> np.ndarray:
        """The attention mask [T, T] (True: may attend): BOS attends only to itself."""
        t = length + 1
        allowed = np.tril(np.ones((t, t), dtype=bool)) if self.causal else np.ones((t, t), dtype=bool)
        allowed[0, 1:] = False
        return allowed

    def forward(self, tokens: np.ndarray) -> np.ndarray:
        """The final residual stream [B, T, D] of token ids [B, T] (BOS at position 0)."""
        t = tokens.shape[1]
        if t - 1 > self.max_len:
            raise ValueError(f"inputs of length {t - 1} exceed max_len={self.max_len}")
        x = self.token_embed[tokens]  # a fresh array, updated in place below
        x += self.pos_embed[None, :t]
        # non-causal: only BOS's row is masked, written into the logits instead of a [T, T] sum
        blocked = np.where(self.mask(t - 1), 0.0, -np.inf) if self.causal else None
        for layer in self.layers:
            # heads read the residual before any of them writes
            updates = [self._head(head, x, blocked) for head in layer.heads]
            for writes, update in updates:
                x[..., writes] += update
            if layer.mlp:
                self._mlp(layer.mlp, x.reshape(-1, x.shape[-1]))
        return x

    def _mlp(self, mlp: MLP, flat: np.ndarray) -> None:
        """Adds the MLP's output to the residual rows `flat` [N, D] in place, a block of rows at a
        time: a wide hidden layer over the whole batch would not stay in the cache."""
        reads, w_1, b_1, ramps, writes, w_2, biased, b_2, staircases = self._support(mlp)
        flat[:, biased] += b_2
        rows = max(1, HIDDEN_BLOCK // max(1, len(b_1)))
        for start in range(0, len(flat), rows):
            block = flat[start : start + rows]
            inputs = block[:, reads]
            for staircase in staircases:
                staircase.add(inputs, block)
            if len(b_1):
                hidden = inputs @ w_1
                hidden += b_1
                np.clip(hidden[:, :ramps], 0.0, 1.0, out=hidden[:, :ramps])
                np.maximum(hidden[:, ramps:], 0.0, out=hidden[:, ramps:])
                block[:, writes] += hidden @ w_2

    def _head(self, head: Head, x: np.ndarray, blocked: np.ndarray | None) -> tuple:
        """(the residual dimensions the head writes, what it adds to them)."""
        q_rows, w_q, k_rows, w_k, v_rows, w_v, writes, w_o = self._support(head)
        logits = np.matmul(_project(x, q_rows, w_q), _project(x, k_rows, w_k).transpose(0, 2, 1))
        if blocked is None:
            logits[:, 0, 1:] = -np.inf
        else:
            logits += blocked
        logits -= logits.max(axis=-1, keepdims=True)
        weights = np.exp(logits, out=logits)
        # normalised after reading the values: dividing [B, T, dv] is cheaper than [B, T, T]
        mixed = weights @ _project(x, v_rows, w_v)
        mixed /= weights.sum(axis=-1, keepdims=True)
        return writes, _project(mixed, slice(None), w_o)

    def _support(self, block: Head | MLP) -> tuple:
        """The residual dimensions a block reads and writes (the zero rows of its maps left out)
        with its maps cut to them (None for a plain copy), cached per block."""
        cache = self.notes.setdefault("support", {})
        if id(block) not in cache:
            if isinstance(block, Head):
                q_rows, k_rows, v_rows, writes = (
                    _nonzero_rows(m) for m in (block.w_q, block.w_k, block.w_v, block.w_o.T)
                )
                w_q, w_v = block.w_q[q_rows], block.w_v[v_rows]
                cache[id(block)] = (
                    _as_slice(q_rows),
                    None if _is_identity(w_q) else w_q,
                    _as_slice(k_rows),
                    block.w_k[k_rows],
                    _as_slice(v_rows),
                    None if _is_identity(w_v) else w_v,
                    _as_slice(writes),
                    block.w_o[:, writes],
                )
            else:
                reads, writes = _nonzero_rows(block.w_1), _nonzero_rows(block.w_2.T)
                biased = np.flatnonzero(block.b_2)
                first, rest = _ramp_pairs(block)
                staircases, first = split_staircases(
                    block.w_1[reads], block.b_1, block.w_2[:, writes], first, writes
                )
                units = np.concatenate([first, rest])
                cache[id(block)] = (
                    _as_slice(reads),
                    block.w_1[np.ix_(reads, units)],
                    block.b_1[units],
                    len(first),
                    _as_slice(writes),
                    block.w_2[np.ix_(units, writes)],
                    _as_slice(biased),
                    block.b_2[biased],
                    staircases,
                )
        return cache[id(block)]

    def decode(self, residual: np.ndarray, name: str | None = None) -> list[list]:
        """The values of s-op `name` (default: the output) per input and position, BOS left out."""
        readout = self.readouts[name or self.output]
        part = residual[:, 1:, list(readout.dims)]
        if readout.encoding is Encoding.CATEGORICAL:
            return _lookup(readout.values, part.argmax(axis=-1))
        raw = part[..., 0]
        if not readout.values:
            return raw.tolist()
        table = np.array([float(v) for v in readout.values])
        order = np.argsort(table)
        at = np.clip(np.searchsorted(table[order], raw), 1, len(table) - 1)
        left, right = order[at - 1], order[at]
        nearest = np.where(np.abs(raw - table[left]) <= np.abs(raw - table[right]), left, right)
        return _lookup(readout.values, nearest)

    def run(self, inputs: list) -> list[list]:
        """The decoded output for each input (inputs of any lengths up to max_len)."""
        return [self.decode(self.forward(self.encode([list(item)])))[0] for item in inputs]

    def run_all(self, inputs: list) -> list[dict[str, list]]:
        """Every s-op's decoded values for each input, batched by length."""
        results: list = [None] * len(inputs)
        by_length: dict[int, list[int]] = {}
        for k, item in enumerate(inputs):
            by_length.setdefault(len(item), []).append(k)
        for _, positions in sorted(by_length.items()):
            residual = self.forward(self.encode([list(inputs[k]) for k in positions]))
            decoded = {name: self.decode(residual, name) for name in self.readouts}
            for row, k in enumerate(positions):
                results[k] = {name: values[row] for name, values in decoded.items()}
        return results

    def summary(self) -> str:
        """One line: layers, heads, residual width, MLP width and parameters."""
        return (
            f"{len(self.layers)} layers, {self.n_heads} heads max, d_model {self.d_model}, "
            f"d_mlp {self.d_mlp}, {self.n_params:,} parameters"
        )

    def dimension_table(self) -> str:
        """What each residual dimension means, one per line: index, label."""
        return "\n".join(f"{k}\t{label}" for k, label in enumerate(self.labels))

    def to_npz(self) -> bytes:
        """The weights and the dimension labels as a numpy .npz archive."""
        arrays: dict[str, np.ndarray] = {
            "labels": np.array(self.labels),
            "vocab": np.array([repr(v) for v in self.vocab]),
            "token_embed": self.token_embed,
            "pos_embed": self.pos_embed,
            "unembed": self._unembed(),
        }
        for k, layer in enumerate(self.layers):
            for h, head in enumerate(layer.heads):
                for part in ("w_q", "w_k", "w_v", "w_o"):
                    arrays[f"layer{k}.head{h}.{part}"] = getattr(head, part)
            if layer.mlp:
                for part in ("w_1", "b_1", "w_2", "b_2"):
                    arrays[f"layer{k}.mlp.{part}"] = getattr(layer.mlp, part)
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        return buffer.getvalue()

    def _unembed(self) -> np.ndarray:
        """Projection [D, k] of the residual onto the output s-op's dimensions."""
        dims = self.readouts[self.output].dims
        projection = np.zeros((self.d_model, len(dims)))
        projection[list(dims), range(len(dims))] = 1.0
        return projection
