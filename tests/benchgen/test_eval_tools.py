"""The lm-eval task and the inspect-ai task of a generated dataset, loaded by the tools themselves.

These tools are not in the dev extra (each pulls a large tree of dependencies), so the tests run
where they are installed; `test_generate.py` checks the same files against the tools' schemas.
"""

import importlib.util
import json

import pytest

from benchgen.generate import Generation, generate


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "ds"
    generate(Generation("tmbench", 30, 1, {}, shards=1, split_by="input", test_fraction=0.3), out)
    return out


@pytest.fixture(scope="module")
def lm_eval():
    return pytest.importorskip("lm_eval", reason="lm-evaluation-harness is not installed")


@pytest.fixture(scope="module")
def inspect_ai():
    return pytest.importorskip("inspect_ai", reason="inspect-ai is not installed")


def test_lm_eval_loads_the_task_and_its_filter_finds_the_answers(lm_eval, dataset, monkeypatch):
    from lm_eval.filters.extraction import RegexFilter
    from lm_eval.tasks import TaskManager, get_task_dict

    monkeypatch.chdir(dataset)
    task = get_task_dict(["turingbox_tmbench"], TaskManager(include_path="."))["turingbox_tmbench"]
    docs = list(task.test_docs())
    rows = [json.loads(line) for path in sorted(dataset.glob("jsonl/test-*.jsonl")) for line in path.open()]
    assert [d["id"] for d in docs] == [r["id"] for r in rows]
    assert task.doc_to_text(docs[0]) == rows[0]["question"]
    regex = task.config.filter_list[0]["filter"][0]
    extracted = RegexFilter(regex_pattern=regex["regex_pattern"], group_select=-1).apply(
        [[d["cot"]] for d in docs], docs)
    assert [e[0] for e in extracted] == [d["answer"] for d in docs]


def test_inspect_loads_the_task(inspect_ai, dataset):
    spec = importlib.util.spec_from_file_location("inspect_task", dataset / "inspect_task.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    task = module.turingbox_tmbench()
    rows = [json.loads(line) for path in sorted(dataset.glob("jsonl/test-*.jsonl")) for line in path.open()]
    assert [s.id for s in task.dataset] == [r["id"] for r in rows]
    assert [s.target for s in task.dataset] == [r["answer"] for r in rows]
    assert task.dataset[0].metadata["cot"] == rows[0]["cot"]
