"""Provides file helpers for the command-line tools: reading source text and atomic output writes.

Only the CLIs and the TUI touch files; the cores take and return values and strings.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from machines.errors import SourceError


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a UTF-8 file; a file that is not text raises SourceError naming it."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"not a UTF-8 text file (byte {error.start} is {data[error.start]:#04x})",
                          filename=str(path)) from None


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO]:
    """Opens a temporary file beside `path` and renames it over `path` only if the block succeeds.

    So an error or interruption never leaves a partial output file behind.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; outputs get the usual mode
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process's umask, read without setting it where Linux shows it (os.umask can only swap it,
    which races with other threads creating files)."""
    with contextlib.suppress(OSError, StopIteration, IndexError, ValueError):
        status = Path("/proc/self/status").read_text()
        return int(next(line for line in status.splitlines() if line.startswith("Umask:")).split()[1], 8)
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Writes `text` to `path` atomically."""
    with atomic_output(path) as handle:
        handle.write(text)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Writes `data` to `path` atomically."""
    with atomic_output(path, "wb") as handle:
        handle.write(data)
