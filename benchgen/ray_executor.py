"""Provides the Ray executor: the same shards as the local one, written by Ray tasks.

Ray is an optional extra (`pip install 'turingbox[ray]'`). `ray.init()` joins the cluster that
RAY_ADDRESS names, else starts a local instance; the output folder must be shared with every node.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchgen.errors import BenchgenError
from benchgen.shards import Shard, write_shard

if TYPE_CHECKING:
    from benchgen.generate import Generation


def require_ray() -> None:
    """Raises BenchgenError (before anything is written) if Ray is not installed."""
    try:
        import ray  # noqa: F401
    except ImportError:
        raise BenchgenError("--executor ray needs Ray: pip install 'turingbox[ray]'") from None


def _write(generation: Generation, out: str, shard: Shard) -> dict[str, Any]:
    return write_shard(generation.dataset(), shard, generation.split_rule(), Path(out))


def run_on_ray(generation: Generation, todo: list[Shard], out: Path, advance: Callable[[int], None]) -> None:
    """Writes the `todo` shards as Ray tasks, advancing the progress as each one finishes."""
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        if os.environ.get("RAY_ADDRESS"):
            ray.init(log_to_driver=False)
        else:
            ray.init(include_dashboard=False, log_to_driver=False)
    try:
        task = ray.remote(_write)
        pending = {task.remote(generation, str(out.resolve()), shard): shard for shard in todo}
        while pending:
            finished, _ = ray.wait(list(pending), num_returns=1)
            for ref in finished:
                shard = pending.pop(ref)
                try:
                    ray.get(ref)
                except ray.exceptions.RayTaskError as error:
                    raise error.as_instanceof_cause() from None
                advance(shard.stop - shard.start)
    finally:
        if started_here:
            ray.shutdown()
