"""Finite automata: DFAs, NFAs, transducers, regexes, algorithms, generators, diagrams and formats."""

from machines.fsm.dfa import DFA, DFAConfig, Transition
from machines.fsm.errors import FsmSyntaxError, JflapError, RegexSyntaxError
from machines.fsm.fast import TransitionMonoid, accepts_batch, accepts_scan, final_states_batch, states_batch
from machines.fsm.generators import (
    make_divisibility,
    make_modular_counter,
    make_parity,
    make_symmetric_group,
    random_dfa,
)
from machines.fsm.graph import to_dot, to_mermaid, to_networkx, to_png
from machines.fsm.nfa import NFA, NFAConfig, SubsetStep
from machines.fsm.ops import (
    complement,
    count_words,
    determinize,
    difference,
    find_counterexample,
    intersection,
    is_empty,
    is_equivalent,
    is_finite,
    minimize,
    shortest_word,
    symmetric_difference,
    union,
    words,
    words_of_length,
)
from machines.fsm.regex import parse_regex, regex_to_nfa
from machines.fsm.transducer import Mealy, Moore, OutputTransition, TransducerConfig
from machines.fsm.words import EPSILON

__all__ = [
    "DFA",
    "EPSILON",
    "NFA",
    "DFAConfig",
    "FsmSyntaxError",
    "JflapError",
    "Mealy",
    "Moore",
    "NFAConfig",
    "OutputTransition",
    "RegexSyntaxError",
    "SubsetStep",
    "TransducerConfig",
    "Transition",
    "TransitionMonoid",
    "accepts_batch",
    "accepts_scan",
    "complement",
    "count_words",
    "determinize",
    "difference",
    "final_states_batch",
    "find_counterexample",
    "intersection",
    "is_empty",
    "is_equivalent",
    "is_finite",
    "make_divisibility",
    "make_modular_counter",
    "make_parity",
    "make_symmetric_group",
    "minimize",
    "parse_regex",
    "random_dfa",
    "regex_to_nfa",
    "shortest_word",
    "states_batch",
    "symmetric_difference",
    "to_dot",
    "to_mermaid",
    "to_networkx",
    "to_png",
    "union",
    "words",
    "words_of_length",
]
