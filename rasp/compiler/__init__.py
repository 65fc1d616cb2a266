"""Compiles RASP programs into exact numpy transformers and property-tests them against the interpreter."""

from machines.lazy import lazy_facade as _lazy_facade

__all__, __getattr__, __dir__ = _lazy_facade(
    __name__,
    {
        "rasp.compiler.checking": [
            "CheckResult",
            "Mismatch",
            "assert_matches",
            "check_compiled",
            "inputs_strategy",
        ],
        "rasp.compiler.compiling": ["compile_program"],
        "rasp.compiler.errors": ["CompileError"],
        "rasp.compiler.model": ["CompiledModel"],
        "rasp.compiler.turing": ["run_in_transformer", "tm_step_program"],
    },
)
