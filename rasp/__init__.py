"""RASP: the language of "Thinking Like Transformers", its interpreter, analyser and compiler."""

from rasp.analysis import Schedule, draw_png, flow_graph, schedule, to_dot
from rasp.dialect import DIALECTS, ORIGINAL, RASP_L, TRACR, Dialect
from rasp.embedding import (
    Aggregate,
    ConstantSOp,
    LinearSequenceMap,
    Map,
    Select,
    SelectorWidth,
    SequenceMap,
    aggregate,
    categorical,
    indices,
    length,
    make_length,
    numerical,
    select,
    selector_width,
    tokens,
)
from rasp.encodings import check_encodings, encoding_problems
from rasp.errors import (
    EncodingError,
    GraphSourceError,
    RaspBudgetError,
    RaspError,
    RaspEvaluationError,
    RaspLoadError,
    RaspNameError,
    RaspRuntimeError,
    RaspSyntaxError,
    RaspTypeError,
    RaspValueError,
    ReservedNameError,
)
from rasp.graph_source import graph_to_source
from rasp.interpreter import RaspFrame, evaluate, evaluate_all, evaluate_traced
from rasp.parser import SYNTAX_ERRORS, parse, parse_expression
from rasp.printer import to_source
from rasp.repl import Repl
from rasp.session import Session
from rasp.sops import UNSET, Comparison, Encoding, Reduction, Selector, SOp
from rasp.value_sets import infer_value_sets
from rasp.values import Selection, Sequence

__all__ = [
    "DIALECTS",
    "ORIGINAL",
    "RASP_L",
    "SYNTAX_ERRORS",
    "TRACR",
    "UNSET",
    "Aggregate",
    "Comparison",
    "ConstantSOp",
    "Dialect",
    "Encoding",
    "EncodingError",
    "GraphSourceError",
    "LinearSequenceMap",
    "Map",
    "RaspBudgetError",
    "RaspError",
    "RaspEvaluationError",
    "RaspFrame",
    "RaspLoadError",
    "RaspNameError",
    "RaspRuntimeError",
    "RaspSyntaxError",
    "RaspTypeError",
    "RaspValueError",
    "Reduction",
    "Repl",
    "ReservedNameError",
    "SOp",
    "Schedule",
    "Select",
    "Selection",
    "Selector",
    "SelectorWidth",
    "Sequence",
    "SequenceMap",
    "Session",
    "aggregate",
    "categorical",
    "check_encodings",
    "draw_png",
    "encoding_problems",
    "evaluate",
    "evaluate_all",
    "evaluate_traced",
    "flow_graph",
    "graph_to_source",
    "indices",
    "infer_value_sets",
    "length",
    "make_length",
    "numerical",
    "parse",
    "parse_expression",
    "schedule",
    "select",
    "selector_width",
    "to_dot",
    "to_source",
    "tokens",
]
