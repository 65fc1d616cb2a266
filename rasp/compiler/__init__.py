"""Compiles RASP programs into exact numpy transformers and property-tests them against the interpreter."""

from rasp.compiler.checking import CheckResult, Mismatch, assert_matches, check_compiled, inputs_strategy
from rasp.compiler.compiling import compile_program
from rasp.compiler.errors import CompileError
from rasp.compiler.model import CompiledModel
from rasp.compiler.turing import run_in_transformer, tm_step_program

__all__ = [
    "CheckResult",
    "CompileError",
    "CompiledModel",
    "Mismatch",
    "assert_matches",
    "check_compiled",
    "compile_program",
    "inputs_strategy",
    "run_in_transformer",
    "tm_step_program",
]
