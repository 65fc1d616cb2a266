"""Provides the choice of view for a machine: each family's view, else the text fallback."""

from __future__ import annotations

from typing import Any

from machines.fsm.dfa import DFA
from machines.fsm.nfa import NFA
from machines.fsm.transducer import Mealy, Moore
from machines.life.eca import ElementaryCA
from machines.life.machine import LifeMachine
from machines.tag.lag import LagSystem
from machines.tag.tag import TagSystem
from machines.turing.machine import TuringMachine
from tui.fsm_view import FsmView
from tui.life_view import EcaView, LifeView
from tui.rasp_run import RaspProgram
from tui.rasp_view import RaspView
from tui.tag_view import TagView
from tui.turing_view import TuringView
from tui.view import MachineView, TextView

VIEWS: tuple[tuple[type, type[MachineView]], ...] = (
    (TuringMachine, TuringView),
    (TagSystem, TagView),
    (LagSystem, TagView),
    (DFA, FsmView),
    (NFA, FsmView),
    (Mealy, FsmView),
    (Moore, FsmView),
    (LifeMachine, LifeView),
    (ElementaryCA, EcaView),
    (RaspProgram, RaspView),
)
"""(machine class, view class) pairs, tried in order."""


def view_for(machine: Any) -> type[MachineView]:
    """The view class that draws `machine`'s configurations."""
    for kind, view in VIEWS:
        if isinstance(machine, kind):
            return view
    return TextView
