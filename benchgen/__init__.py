"""benchgen: chain-of-thought benchmark datasets from exact machine traces, and their scoring."""

from benchgen.client import ModelSettings, run_model
from benchgen.config import TaskConfig
from benchgen.generate import Generation, generate
from benchgen.item import Item
from benchgen.metrics import summarize, tmbench_metrics
from benchgen.oracles import noise_items, oracle_responses
from benchgen.registry import Dataset, Task, create_dataset, item_rng, register_task, task_named, task_names
from benchgen.responses import read_responses
from benchgen.score import ItemScore, score_all, score_answer, score_item
from benchgen.splits import DuplicateReport, SplitRule, duplicate_report

__all__ = [
    "Dataset",
    "DuplicateReport",
    "Generation",
    "Item",
    "ItemScore",
    "ModelSettings",
    "SplitRule",
    "Task",
    "TaskConfig",
    "create_dataset",
    "duplicate_report",
    "generate",
    "item_rng",
    "noise_items",
    "oracle_responses",
    "read_responses",
    "register_task",
    "run_model",
    "score_all",
    "score_answer",
    "score_item",
    "summarize",
    "task_named",
    "task_names",
    "tmbench_metrics",
]
