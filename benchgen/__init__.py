"""benchgen: chain-of-thought benchmark datasets from exact machine traces, and their scoring."""

from benchgen.config import TaskConfig
from benchgen.item import Item
from benchgen.registry import Dataset, Task, create_dataset, item_rng, register_task, task_named, task_names
from benchgen.splits import DuplicateReport, SplitRule, duplicate_report

__all__ = [
    "Dataset",
    "DuplicateReport",
    "Item",
    "SplitRule",
    "Task",
    "TaskConfig",
    "create_dataset",
    "duplicate_report",
    "item_rng",
    "register_task",
    "task_named",
    "task_names",
]
