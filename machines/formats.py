"""Provides the registry of machine file formats, format detection, and loading and saving machines.

Each family's codecs live in its own package; this module only knows where they are (as
'module:function' strings, imported on use) so that the CLI can load any machine file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from machines.errors import ConversionError, SourceError, UnknownFormatError


@dataclass(frozen=True, slots=True)
class Loaded:
    """A machine read from a file, with the input the file names (if any) and other metadata."""

    machine: Any
    input: Any = None
    format: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Format:
    """A machine file format.

    `load(text) -> Loaded` raises a SourceError on bad text; `dump(machine, input=None) -> str`
    raises ConversionError when the format cannot express the machine (or its input);
    `sniff(text) -> bool` tells whether text looks like this format (used when the extension does
    not decide).
    """

    name: str
    family: str
    extensions: tuple[str, ...]
    load: str
    dump: str | None = None
    sniff: str | None = None

    def function(self, attribute: str) -> Callable[..., Any]:
        module, _, name = getattr(self, attribute).partition(":")
        return getattr(importlib.import_module(module), name)


# Families add their formats here, most specific first (detection tries them in this order).
FORMATS: tuple[Format, ...] = (
    Format("tm", "turing", (".tm",), "machines.turing.tm_format:load", "machines.turing.tm_format:dump",
           "machines.turing.tm_format:sniff"),
    Format("bbchallenge", "turing", (".bb",), "machines.turing.bbchallenge:load",
           "machines.turing.bbchallenge:dump", "machines.turing.bbchallenge:sniff"),
    Format("morphett", "turing", (".txt",), "machines.turing.morphett:load",
           "machines.turing.morphett:dump", "machines.turing.morphett:sniff"),
    Format("turingmachine.io", "turing", (".yaml", ".yml"), "machines.turing.tmio:load",
           "machines.turing.tmio:dump", "machines.turing.tmio:sniff"),
    Format("rle", "life", (".rle",), "machines.life.rle:load", "machines.life.rle:render",
           "machines.life.rle:sniff"),
    Format("life106", "life", (".lif", ".life"), "machines.life.life106:load", "machines.life.life106:render",
           "machines.life.life106:sniff"),
    Format("cells", "life", (".cells",), "machines.life.cells:load", "machines.life.cells:render",
           "machines.life.cells:sniff"),
    Format("lifegpt", "life", (".lifegpt",), "machines.life.lifegpt:load", "machines.life.lifegpt:render",
           "machines.life.lifegpt:sniff"),
    Format("fsm", "fsm", (".fsm",), "machines.fsm.fsm_format:load", "machines.fsm.fsm_format:dump",
           "machines.fsm.fsm_format:sniff"),
    Format("jflap", "fsm", (".jff",), "machines.fsm.jflap:load", "machines.fsm.jflap:dump",
           "machines.fsm.jflap:is_automaton"),
    Format("jflap-tm", "turing", (".jff",), "machines.fsm.jflap:load", "machines.fsm.jflap:dump_tm",
           "machines.fsm.jflap:is_turing_machine"),
    Format("regex", "fsm", (".regex",), "machines.fsm.regex_file:load"),
    Format("tag", "tag", (".tag",), "machines.tag.text:load_tag", "machines.tag.text:dump_tag",
           "machines.tag.text:is_tag_text"),
    Format("lag", "tag", (".lag",), "machines.tag.text:load_lag", "machines.tag.text:dump_lag",
           "machines.tag.text:is_lag_text"),
)


def format_named(name: str) -> Format:
    """The format called `name`."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise UnknownFormatError(f"format={name!r} is not one of {[f.name for f in FORMATS]}")


def detect_format(path: str | Path, text: str) -> Format:
    """The format of a file: by its extension, then by sniffing its text."""
    suffix = Path(path).suffix.lower()
    by_extension = [f for f in FORMATS if suffix in f.extensions]
    if len(by_extension) == 1:
        return by_extension[0]
    candidates = by_extension or list(FORMATS)
    for fmt in candidates:
        if fmt.sniff and fmt.function("sniff")(text):
            return fmt
    known = sorted({e for f in FORMATS for e in f.extensions})
    raise UnknownFormatError(f"{path}: cannot tell the format (known extensions: {', '.join(known)}); "
                             "name it with --format")


def load_text(text: str, *, path: str | Path = "<input>", format: str | None = None) -> Loaded:
    """Parses machine text in the named or detected format; errors name `path`."""
    fmt = format_named(format) if format else detect_format(path, text)
    try:
        loaded = fmt.function("load")(text)
    except SourceError as error:
        raise error.with_filename(str(path)) from None
    return Loaded(loaded.machine, loaded.input, fmt.name, loaded.metadata)


def dump_text(machine: Any, format: str, *, input: Any = None) -> str:
    """Writes `machine` (and the input it runs on, if any) in the named format, or raises
    ConversionError saying why it cannot."""
    fmt = format_named(format)
    if fmt.dump is None:
        raise ConversionError(f"format {fmt.name!r} can be read but not written")
    dump = fmt.function("dump")
    return dump(machine) if input is None else dump(machine, input=input)
