"""Tag and lag systems: Post m-tag systems, Wang lag systems, fast engines, and Turing machines
compiled into them (Cocke–Minsky 2-tag, window-3 lag), with U(15,2) as the showcase."""

from machines.tag.fast import FastRun, run_fast, run_lag_fast
from machines.tag.lag import LagRule, LagSystem
from machines.tag.side_by_side import SideBySide, side_by_side
from machines.tag.tag import Production, TagConfig, TagSystem, parse_word, render_word
from machines.tag.tm_to_lag import LagSimulation, tm_to_lag
from machines.tag.tm_to_tag import TagSimulation, tm_to_tag
from machines.tag.u15_2 import encode_bi_tag, make_u15_2

__all__ = [
    "FastRun",
    "LagRule",
    "LagSimulation",
    "LagSystem",
    "Production",
    "SideBySide",
    "TagConfig",
    "TagSimulation",
    "TagSystem",
    "encode_bi_tag",
    "make_u15_2",
    "parse_word",
    "render_word",
    "run_fast",
    "run_lag_fast",
    "side_by_side",
    "tm_to_lag",
    "tm_to_tag",
]
