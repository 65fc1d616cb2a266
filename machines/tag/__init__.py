"""Tag and lag systems: Post m-tag systems, Wang lag systems, fast engines, and Turing machines
compiled into them (Cocke–Minsky 2-tag, window-3 lag), with U(15,2) as the showcase."""

from machines.lazy import lazy_facade as _lazy_facade

__all__, __getattr__, __dir__ = _lazy_facade(
    __name__,
    {
        "machines.tag.fast": ["FastRun", "run_fast", "run_lag_fast"],
        "machines.tag.lag": ["LagRule", "LagSystem"],
        "machines.tag.side_by_side": ["SideBySide", "side_by_side"],
        "machines.tag.tag": ["Production", "TagConfig", "TagSystem", "parse_word", "render_word"],
        "machines.tag.tm_to_lag": ["LagSimulation", "tm_to_lag"],
        "machines.tag.tm_to_tag": ["TagSimulation", "tm_to_tag"],
        "machines.tag.u15_2": ["encode_bi_tag", "make_u15_2"],
    },
)
