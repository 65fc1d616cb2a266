"""Cellular automata: Life-like rules on the plane, torus and bounded plane, their file formats,
dense, sparse and Hashlife engines, analysis, pictures, and elementary CA."""

from machines.life.analysis import (
    Periodicity,
    extinction,
    find_period,
    period_in_box,
    population_series,
    stabilisation,
)
from machines.life.dense import DenseLife
from machines.life.eca import Boundary, ElementaryCA, Row
from machines.life.engines import ENGINES, Engine, choose_engine, make_engine
from machines.life.errors import PatternError, PatternSyntaxError, RuleError
from machines.life.hashlife import Hashlife
from machines.life.machine import LifeMachine
from machines.life.pattern import Box, Pattern
from machines.life.rule import DAY_AND_NIGHT, HIGHLIFE, LIFE, SEEDS, Kind, Rule, Topology
from machines.life.sparse import SparseLife

__all__ = [
    "DAY_AND_NIGHT",
    "ENGINES",
    "HIGHLIFE",
    "LIFE",
    "SEEDS",
    "Boundary",
    "Box",
    "DenseLife",
    "ElementaryCA",
    "Engine",
    "Hashlife",
    "Kind",
    "LifeMachine",
    "Pattern",
    "PatternError",
    "PatternSyntaxError",
    "Periodicity",
    "Row",
    "Rule",
    "RuleError",
    "SparseLife",
    "Topology",
    "choose_engine",
    "extinction",
    "find_period",
    "make_engine",
    "period_in_box",
    "population_series",
    "stabilisation",
]
