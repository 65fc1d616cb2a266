"""benchgen: chain-of-thought benchmark datasets from exact machine traces, and their scoring."""

from benchgen.config import TaskConfig
from benchgen.generate import Generation, generate
from benchgen.item import Item
from benchgen.registry import Dataset, Task, create_dataset, item_rng, register_task, task_named, task_names
from benchgen.splits import DuplicateReport, SplitRule, duplicate_report

__all__ = [
    "Dataset",
    "DuplicateReport",
    "Generation",
    "Item",
    "SplitRule",
    "Task",
    "TaskConfig",
    "create_dataset",
    "duplicate_report",
    "generate",
    "item_rng",
    "register_task",
    "task_named",
    "task_names",
]
