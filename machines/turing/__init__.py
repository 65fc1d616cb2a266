"""Turing machines: definitions, engines, file formats and pictures."""

from machines.turing.engines import ENGINES, EngineResult, run_engine
from machines.turing.machine import Move, Rule, Tape, TMConfig, TuringMachine

__all__ = ["ENGINES", "EngineResult", "Move", "Rule", "TMConfig", "Tape", "TuringMachine", "run_engine"]
