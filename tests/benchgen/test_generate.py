"""`turingbox bench generate`: the HF layout, loading with `datasets`, resume, determinism, bad input."""

import ast
import json
import re
from pathlib import Path

import pytest
import yaml

from benchgen.generate import Generation, generate
from machines.cli import main

# lm-evaluation-harness 0.4 TaskConfig fields (docs/task_guide.md) and its output types.
LM_EVAL_FIELDS = {
    "task", "task_alias", "tag", "group", "dataset_path", "dataset_name", "dataset_kwargs", "custom_dataset",
    "training_split", "validation_split", "test_split", "fewshot_split", "process_docs", "doc_to_text",
    "doc_to_target", "doc_to_choice", "process_results", "use_prompt", "description", "target_delimiter",
    "fewshot_delimiter", "fewshot_config", "num_fewshot", "gen_prefix", "metric_list", "output_type",
    "generation_kwargs", "repeats", "filter_list", "should_decontaminate", "doc_to_decontamination_query",
    "metadata",
}
LM_EVAL_OUTPUT_TYPES = {"generate_until", "loglikelihood", "loglikelihood_rolling", "multiple_choice"}


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(*argv: str) -> int:
    return main(["bench", "generate", *argv])


def test_layout_card_and_loading_with_datasets(tmp_path):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "ds"
    assert _run("tmbench", "--size", "120", "--out", str(out), "--shards", "2", "--split-by", "machine",
                "--set", "sampler=indexed") == 0
    names = set(_files(out))
    assert {"data/train-00000-of-00002.parquet", "data/test-00001-of-00002.parquet",
            "jsonl/train-00001-of-00002.jsonl", "README.md", "generation.json", "turingbox_tmbench.yaml",
            "inspect_task.py", "steps.png"} <= names
    assert (out / "steps.png").read_bytes().startswith(b"\x89PNG")
    card = (out / "README.md").read_text()
    front = yaml.safe_load(card.split("---\n")[1])
    assert front["configs"][0]["data_files"] == [{"split": "test", "path": "data/test-*.parquet"},
                                                 {"split": "train", "path": "data/train-*.parquet"}]
    assert {"license", "tags", "size_categories"} <= set(front)
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert set(loaded) == {"train", "test"}
    assert loaded["train"].num_rows + loaded["test"].num_rows == 120
    assert loaded["train"].column_names == ["id", "question", "answer", "cot", "metadata"]
    row = loaded["test"][0]
    assert json.loads(row["metadata"])["task"] == "tmbench"


def test_machine_split_holds_out_whole_machines(tmp_path):
    out = tmp_path / "ds"
    _run("tmbench", "--size", "300", "--out", str(out), "--split-by", "machine", "--test-fraction", "0.3",
         "--set", "sampler=indexed")
    machines = {split: {json.loads(line)["metadata"]["machine_id"]
                        for path in (out / "jsonl").glob(f"{split}-*.jsonl") for line in path.open()}
                for split in ("train", "test")}
    assert machines["train"] and machines["test"] and not machines["train"] & machines["test"]


def test_lm_eval_yaml_follows_its_schema_and_its_filter_finds_the_answer(tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "ds"
    _run("tmbench", "--size", "40", "--out", str(out), "--split-by", "input", "--test-fraction", "0.5")
    config = yaml.safe_load((out / "turingbox_tmbench.yaml").read_text())
    assert set(config) <= LM_EVAL_FIELDS
    assert config["output_type"] in LM_EVAL_OUTPUT_TYPES
    monkeypatch.chdir(out)  # lm-eval resolves data_files against the working directory
    loaded = datasets.load_dataset(config["dataset_path"], name=config["dataset_name"],
                                   cache_dir=str(tmp_path / "cache"), **config["dataset_kwargs"])
    rows = loaded[config["test_split"]]
    assert rows.num_rows > 0
    regex = config["filter_list"][0]["filter"][0]
    assert regex["group_select"] == -1
    for row in rows:
        assert re.findall(regex["regex_pattern"], row["cot"])[-1] == row["answer"]
        assert row["question"] == config["doc_to_text"].replace("{{question}}", row["question"])


def test_inspect_task_reads_the_rows_it_names(tmp_path):
    out = tmp_path / "ds"
    _run("tmbench", "--size", "10", "--out", str(out))
    source = (out / "inspect_task.py").read_text()
    tree = ast.parse(source)
    decorated = [f.name for f in tree.body if isinstance(f, ast.FunctionDef)
                 and any(getattr(d, "id", None) == "task" for d in f.decorator_list)]
    assert decorated == ["turingbox_tmbench"]
    spec = re.search(r"FieldSpec\((.*?)\)\)", source, re.DOTALL).group(1)
    fields = set(re.findall(r'"(\w+)"', spec))
    answer = re.compile(ast.literal_eval(re.search(r"ANSWER = re.compile\((.*)\)", source).group(1)))
    for line in (out / "jsonl" / "train-00000-of-00001.jsonl").open():
        row = json.loads(line)
        assert fields <= set(row) | set()
        assert answer.findall(row["cot"])[-1] == row["answer"]


def test_same_config_gives_identical_bytes_across_runs_and_worker_counts(tmp_path):
    generation = Generation("tmbench", 200, 5, {"sampler": "indexed"}, shards=3, split_by="input")
    generate(generation, tmp_path / "one", workers=1)
    generate(generation, tmp_path / "two", workers=2)
    generate(generation, tmp_path / "again", workers=1)
    one = _files(tmp_path / "one")
    assert one == _files(tmp_path / "two") == _files(tmp_path / "again")


def test_rerun_does_nothing_and_interrupted_run_resumes(tmp_path):
    out = tmp_path / "ds"
    generation = Generation("tmbench", 90, 2, {"sampler": "indexed"}, shards=3)
    first = generate(generation, out)
    before = _files(out)
    assert (first.written, first.skipped) == (3, 0)
    rerun = generate(generation, out)
    assert (rerun.written, rerun.skipped) == (0, 3)
    # An interruption: shard 1 lost its marker and its files, and a worker left a temporary file.
    (out / ".benchgen" / "shard-00001.json").unlink()
    (out / "data" / "train-00001-of-00003.parquet").unlink()
    (out / "jsonl" / ".train-00001-of-00003.jsonl.x.tmp").write_text("partial")
    resumed = generate(generation, out)
    assert (resumed.written, resumed.skipped) == (1, 2)
    assert _files(out) == before


def test_shards_by_hand_add_up_to_the_whole(tmp_path):
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    assert _run("tmbench", "--size", "60", "--out", str(whole), "--shards", "3",
                "--set", "sampler=indexed") == 0
    for i in range(3):
        assert _run("tmbench", "--size", "60", "--out", str(parts), "--shard", f"{i}/3",
                    "--set", "sampler=indexed") == 0
    assert _files(whole) == _files(parts)


def test_regenerates_from_generation_json(tmp_path):
    _run("tmbench", "--size", "30", "--out", str(tmp_path / "a"), "--set", "m=3", "--seed", "9")
    assert _run("--from", str(tmp_path / "a" / "generation.json"), "--out", str(tmp_path / "b")) == 0
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_other_config_into_the_same_folder_is_refused(tmp_path, capsys):
    _run("tmbench", "--size", "10", "--out", str(tmp_path / "a"))
    assert _run("tmbench", "--size", "11", "--out", str(tmp_path / "a")) == 2
    assert "holds a dataset of another generation config" in " ".join(capsys.readouterr().err.split())


BAD_INPUT = [
    (["nosuchtask"], "unknown task 'nosuchtask'; tasks:"),
    (["tmbench", "--set", "m=0"], "m=0 must be at least 1"),
    (["tmbench", "--set", "alphabet=[]"], "alphabet=[] must not be empty"),
    (["tmbench", "--set", "m"], "must be KNOB=VALUE"),
    (["tmbench", "--split-by", "colour"], "split_by='colour' must be one of"),
    (["tmbench", "--test-fraction", "1.5", "--split-by", "input"], "test_fraction=1.5"),
    (["tmbench", "--shards", "500"], "shards=500 must be between 1 and size=100"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT)
def test_bad_input_is_one_message_exit_2_and_nothing_written(tmp_path, capsys, argv, message):
    out = tmp_path / "ds"
    assert _run(*argv, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert message in " ".join(err.split())
    assert "Traceback" not in err
    assert not out.exists()


def test_negative_size_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        _run("tmbench", "--size", "-5", "--out", str(tmp_path / "ds"))
    assert info.value.code == 2
    assert "'-5' is not a positive integer" in capsys.readouterr().err
    assert not (tmp_path / "ds").exists()


def test_unwritable_output_folder(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _run("tmbench", "--size", "5", "--out", str(blocker / "ds")) == 2
    assert "file/ds" in " ".join(capsys.readouterr().err.split())
    assert blocker.read_text() == "not a folder"


def test_jsonl_rows_are_the_items_as_json(tmp_path):
    generation = Generation("fsm", 20, 3, {"automaton": "s5"}, shards=1)
    generate(generation, tmp_path)
    lines = (tmp_path / "jsonl" / "train-00000-of-00001.jsonl").read_text().splitlines()
    assert lines == [item.to_json() for item in generation.dataset()]


def test_a_first_run_that_fails_leaves_nothing(tmp_path, capsys):
    out = tmp_path / "ds"
    argv = ["tmbench", "--size", "4", "--out", str(out), "--set", "halting=halting",
            "--set", "rule_min_length=3", "--set", "rule_max_length=3", "--set", "max_attempts=20"]
    assert _run(*argv) == 2
    assert "no acceptable tmbench instance in max_attempts=20" in " ".join(capsys.readouterr().err.split())
    assert not out.exists()
    existing = tmp_path / "mine"
    (existing / "notes").mkdir(parents=True)
    assert _run(*argv[:4], str(existing), *argv[5:], "--workers", "2", "--shards", "2") == 2
    assert [p.name for p in existing.iterdir()] == ["notes"]
