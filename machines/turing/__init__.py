"""Turing machines: definitions, engines, file formats and pictures."""

from machines.turing.machine import Move, Rule, Tape, TMConfig, TuringMachine

__all__ = ["Move", "Rule", "TMConfig", "Tape", "TuringMachine"]
