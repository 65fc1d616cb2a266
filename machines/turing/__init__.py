"""Turing machines: definitions, engines, file formats and pictures."""

from machines.lazy import lazy_facade as _lazy_facade

__all__, __getattr__, __dir__ = _lazy_facade(
    __name__,
    {
        "machines.turing.batch": [
            "BatchResult",
            "BatchTables",
            "random_tables",
            "run_machines",
            "run_tables",
        ],
        "machines.turing.cyclers": ["TranslatedCycle", "find_translated_cycle"],
        "machines.turing.engine_errors": [
            "EngineError",
            "TapeTooLongError",
            "UnknownEngineError",
            "UnsupportedMachineError",
        ],
        "machines.turing.engines": ["ENGINES", "EngineResult", "run_engine", "run_engine_from"],
        "machines.turing.machine": ["Move", "Rule", "Tape", "TMConfig", "TuringMachine"],
    },
)
