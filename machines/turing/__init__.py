"""Turing machines: definitions, engines, file formats and pictures."""

from machines.turing.batch import BatchResult, BatchTables, random_tables, run_machines, run_tables
from machines.turing.cyclers import TranslatedCycle, find_translated_cycle
from machines.turing.engine_errors import (
    EngineError,
    TapeTooLongError,
    UnknownEngineError,
    UnsupportedMachineError,
)
from machines.turing.engines import ENGINES, EngineResult, run_engine, run_engine_from
from machines.turing.machine import Move, Rule, Tape, TMConfig, TuringMachine

__all__ = [
    "ENGINES",
    "BatchResult",
    "BatchTables",
    "EngineError",
    "EngineResult",
    "Move",
    "Rule",
    "TMConfig",
    "Tape",
    "TapeTooLongError",
    "TranslatedCycle",
    "TuringMachine",
    "UnknownEngineError",
    "UnsupportedMachineError",
    "find_translated_cycle",
    "random_tables",
    "run_engine",
    "run_engine_from",
    "run_machines",
    "run_tables",
]
