"""Finite automata: DFAs, NFAs, transducers, regexes, algorithms, generators, diagrams and formats."""

from machines.lazy import lazy_facade as _lazy_facade

__all__, __getattr__, __dir__ = _lazy_facade(
    __name__,
    {
        "machines.fsm.dfa": ["DFA", "DFAConfig", "Transition"],
        "machines.fsm.errors": ["FsmSyntaxError", "JflapError", "RegexSyntaxError"],
        "machines.fsm.fast": [
            "TransitionMonoid",
            "accepts_batch",
            "accepts_scan",
            "final_states_batch",
            "states_batch",
        ],
        "machines.fsm.generators": [
            "make_divisibility",
            "make_modular_counter",
            "make_parity",
            "make_symmetric_group",
            "random_dfa",
        ],
        "machines.fsm.graph": ["to_dot", "to_mermaid", "to_networkx", "to_png"],
        "machines.fsm.nfa": ["NFA", "NFAConfig", "SubsetStep"],
        "machines.fsm.ops": [
            "complement",
            "count_words",
            "determinize",
            "difference",
            "find_counterexample",
            "intersection",
            "is_empty",
            "is_equivalent",
            "is_finite",
            "minimize",
            "shortest_word",
            "symmetric_difference",
            "union",
            "words",
            "words_of_length",
        ],
        "machines.fsm.regex": ["parse_regex", "regex_to_nfa"],
        "machines.fsm.transducer": ["Mealy", "Moore", "OutputTransition", "TransducerConfig"],
        "machines.fsm.words": ["EPSILON"],
    },
)
