"""benchgen: chain-of-thought benchmark datasets from exact machine traces, and their scoring."""

from machines.lazy import lazy_facade as _lazy_facade

__all__, __getattr__, __dir__ = _lazy_facade(
    __name__,
    {
        "benchgen.client": ["ModelSettings", "run_model"],
        "benchgen.config": ["TaskConfig"],
        "benchgen.generate": ["Generation", "generate"],
        "benchgen.item": ["Item"],
        "benchgen.metrics": ["summarize", "tmbench_metrics"],
        "benchgen.oracles": ["noise_items", "oracle_responses"],
        "benchgen.registry": [
            "Dataset",
            "Task",
            "create_dataset",
            "item_rng",
            "register_task",
            "task_named",
            "task_names",
        ],
        "benchgen.responses": ["read_responses"],
        "benchgen.score": ["ItemScore", "score_all", "score_answer", "score_item"],
        "benchgen.splits": ["DuplicateReport", "SplitRule", "duplicate_report"],
    },
)
