"""Tag and lag systems: Post m-tag systems, a fast engine, Wang lag systems and compilers into them."""

from machines.tag.fast import FastRun, run_fast
from machines.tag.tag import Production, TagConfig, TagSystem, parse_word, render_word

__all__ = ["FastRun", "Production", "TagConfig", "TagSystem", "parse_word", "render_word", "run_fast"]
