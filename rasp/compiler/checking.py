"""Provides the property check: a compiled model against the interpreter, node by node.

`check_compiled` runs both on inputs (all of them when there are few, else a seeded sample),
decodes every s-op from the residual stream and reports the first node, in dependency order,
whose values differ. `inputs_strategy` is the matching hypothesis strategy for property tests.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from rasp.compiler.compiling import compile_program, node_names
from rasp.compiler.infer_values import all_inputs, input_count
from rasp.compiler.model import CompiledModel
from rasp.errors import RaspError
from rasp.interpreter import evaluate_all
from rasp.sops import SOp

EXHAUSTIVE_LIMIT = 5_000
"""Inputs up to which `check_compiled` tries every input."""


@dataclass(frozen=True)
class Mismatch:
    """The first s-op whose compiled values differ from the interpreter's, on one input."""

    input: list
    node: str
    expected: list
    got: list

    def __str__(self) -> str:
        return f"{self.node} on {self.input!r}: interpreter {self.expected!r}, compiled {self.got!r}"


@dataclass(frozen=True)
class CheckResult:
    """How many inputs were compared (and how many the interpreter rejects) and the first mismatch."""

    checked: int
    rejected: int
    exhaustive: bool
    nodes: int
    mismatch: Mismatch | None

    @property
    def ok(self) -> bool:
        return self.mismatch is None

    def __str__(self) -> str:
        scope = "all" if self.exhaustive else "sampled"
        verdict = "no mismatch" if self.ok else f"MISMATCH at {self.mismatch}"
        rejected = f" ({self.rejected} rejected by the interpreter)" if self.rejected else ""
        return f"{self.checked} {scope} inputs{rejected}, {self.nodes} s-ops each: {verdict}"


def same_value(expected: object, got: object) -> bool:
    """Equal atoms; numbers also when equal to 1e-9 (a float sum's rounding)."""
    if expected == got:
        return True
    numbers = (int, float)
    if isinstance(expected, numbers) and isinstance(got, numbers) and not isinstance(expected, bool):
        return math.isclose(expected, got, rel_tol=1e-9, abs_tol=1e-12)
    return False


def sample_inputs(
    vocab: Sequence,
    max_len: int,
    *,
    samples: int = 200,
    seed: int = 0,
    exhaustive_limit: int = EXHAUSTIVE_LIMIT,
) -> tuple[list[list], bool]:
    """Every input when there are at most `exhaustive_limit`, else `samples` seeded random ones
    (every length equally likely, the longest always included)."""
    vocab = list(vocab)
    if input_count(vocab, max_len) <= exhaustive_limit:
        return list(all_inputs(vocab, max_len)), True
    rng = random.Random(seed)
    lengths = [max_len] + [rng.randint(1, max_len) for _ in range(samples - 1)]
    return [[rng.choice(vocab) for _ in range(n)] for n in lengths], False


def compare(model: CompiledModel, inputs: list[list]) -> tuple[int, int, Mismatch | None]:
    """(inputs compared, inputs the interpreter rejects, first mismatch) on these inputs."""
    program: SOp = model.notes["program"]
    dialect = model.notes["dialect"]
    names = node_names(model)
    expected_all, kept = [], []
    for item in inputs:
        try:
            expected_all.append(evaluate_all(program, item, dialect=dialect))
            kept.append(item)
        except RaspError:
            continue
    decoded = model.run_all(kept)
    for item, expected, got in zip(kept, expected_all, decoded, strict=True):
        for key, (_, value) in expected.items():
            name = names.get(key)
            if name is None:
                continue
            want, have = list(value.values), got[name]
            if len(want) != len(have) or not all(map(same_value, want, have)):
                return len(kept), len(inputs) - len(kept), Mismatch(item, name, want, have)
    return len(kept), len(inputs) - len(kept), None


def check_compiled(
    program: SOp | CompiledModel,
    vocab: Sequence | None = None,
    max_len: int | None = None,
    *,
    samples: int = 200,
    seed: int = 0,
    exhaustive_limit: int = EXHAUSTIVE_LIMIT,
    **options,
) -> CheckResult:
    """Checks compiled == interpreted on every s-op for generated inputs.

    `program` is an s-op (compiled here with `vocab`, `max_len` and `options` for
    `compile_program`, keeping every s-op decodable) or a model compiled already (its decodable
    s-ops are compared).
    """
    if not isinstance(program, CompiledModel):
        options.setdefault("keep_all", True)
    model = (
        program if isinstance(program, CompiledModel) else compile_program(program, vocab, max_len, **options)
    )
    inputs, exhaustive = sample_inputs(
        model.vocab, model.max_len, samples=samples, seed=seed, exhaustive_limit=exhaustive_limit
    )
    checked, rejected, mismatch = compare(model, inputs)
    return CheckResult(checked, rejected, exhaustive, len(node_names(model)), mismatch)


def inputs_strategy(model: CompiledModel):
    """A hypothesis strategy of inputs the model accepts (lists over its vocabulary)."""
    from hypothesis import strategies as st

    return st.lists(st.sampled_from(list(model.vocab)), min_size=1, max_size=model.max_len)


def assert_matches(model: CompiledModel, input: list) -> None:
    """Raises AssertionError naming the first differing s-op if the model and interpreter disagree."""
    _, _, mismatch = compare(model, [list(input)])
    if mismatch is not None:
        raise AssertionError(str(mismatch))
