"""Cellular automata: Life-like rules on the plane, torus and bounded plane, their file formats,
dense, sparse and Hashlife engines, analysis, pictures, and elementary CA."""

from machines.lazy import lazy_facade as _lazy_facade

__all__, __getattr__, __dir__ = _lazy_facade(
    __name__,
    {
        "machines.life.analysis": [
            "Periodicity",
            "extinction",
            "find_period",
            "period_in_box",
            "population_series",
            "stabilisation",
        ],
        "machines.life.dense": ["DenseLife"],
        "machines.life.eca": ["Boundary", "ElementaryCA", "Row"],
        "machines.life.engines": ["ENGINES", "Engine", "choose_engine", "make_engine"],
        "machines.life.errors": ["PatternError", "PatternSyntaxError", "RuleError"],
        "machines.life.hashlife": ["Hashlife"],
        "machines.life.machine": ["LifeMachine"],
        "machines.life.pattern": ["Box", "Pattern"],
        "machines.life.rule": ["DAY_AND_NIGHT", "HIGHLIFE", "LIFE", "SEEDS", "Kind", "Rule", "Topology"],
        "machines.life.sparse": ["SparseLife"],
    },
)
