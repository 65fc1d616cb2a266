"""The dataset API: registry, string-seeded items, sequence protocol, ids, splits and duplicate reports."""

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchgen import Item, SplitRule, create_dataset, duplicate_report, item_rng, task_named, task_names
from benchgen.errors import ConfigError, UnknownTaskError


def test_tasks_are_registered():
    assert "tmbench" in task_names()


def test_unknown_task_names_the_known_ones():
    with pytest.raises(UnknownTaskError, match=r"unknown task 'tmbenchh'; tasks: .*tmbench"):
        create_dataset("tmbenchh")


@pytest.mark.parametrize(("size", "seed", "message"), [
    (0, 1, "size=0 must be an integer >= 1"), (-3, 1, "size=-3"), (2.5, 1, "size=2.5"),
    (5, -1, "seed=-1 must be an integer >= 0"), (5, "x", "seed='x'"), (True, 1, "size=True"),
])
def test_bad_size_or_seed(size, seed, message):
    with pytest.raises(ConfigError, match=message):
        create_dataset("tmbench", size=size, seed=seed)


@settings(max_examples=15)
@given(seed=st.integers(0, 10**6), index=st.integers(0, 40))
def test_item_depends_only_on_task_seed_and_index(seed, index):
    small = create_dataset("tmbench", size=index + 1, seed=seed, sampler="indexed")
    large = create_dataset("tmbench", size=index + 50, seed=seed, sampler="indexed")
    assert small[index] == large[index]


def test_neighbouring_seeds_share_no_items():
    a = {i.id for i in create_dataset("tmbench", size=50, seed=1, sampler="indexed")}
    b = {i.id for i in create_dataset("tmbench", size=50, seed=2, sampler="indexed")}
    assert not a & b


def test_string_seeding_is_stable():
    # random.Random seeded with a str hashes it with sha512: the same numbers on every platform and run.
    assert item_rng("tmbench", 1, 0).random() == item_rng("tmbench", 1, 0).random()
    assert item_rng("tmbench", 1, 0).random() != item_rng("tmbench", 0, 1).random()


def test_sequence_protocol():
    dataset = create_dataset("tmbench", size=6)
    items = list(dataset)
    assert len(dataset) == 6 and len(items) == 6
    assert dataset[-1] == items[5]
    assert dataset[1:4] == items[1:4]
    with pytest.raises(IndexError):
        dataset[6]


def test_item_id_is_a_content_hash():
    item = create_dataset("tmbench", size=1)[0]
    again = Item.make("tmbench", item.question, item.answer, item.cot, {})
    assert again.id == item.id
    assert Item.make("tmbench", item.question, item.answer, item.cot + " ", {}).id != item.id
    assert item.to_dict()["metadata"]["index"] == 0


def test_duplicate_report_counts_repeats():
    report = duplicate_report(["a", "b", "a", "a", "c"])
    assert (report.total, report.duplicates, report.most_repeated) == (5, 2, (("a", 3),))


def test_split_by_metadata_field_and_errors():
    item = create_dataset("tmbench", size=1)[0]
    assert SplitRule("metadata:halted").split_of(item) == "False"
    with pytest.raises(ConfigError, match="no metadata field 'colour'"):
        SplitRule("metadata:colour").split_of(item)
    with pytest.raises(ConfigError, match="test_fraction=0"):
        SplitRule("input", 0)


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 50), st.floats(allow_nan=False),
                   st.text(max_size=6), st.lists(st.text(max_size=2), max_size=4))


@settings(max_examples=60)
@given(data=st.data())
def test_any_knob_value_is_accepted_or_one_config_error(data):
    task = data.draw(st.sampled_from(task_names()))
    knob = data.draw(st.sampled_from(task_named(task).config.knobs()))
    value = data.draw(VALUES)
    try:
        task_named(task).config.from_knobs({knob: value})
    except ConfigError as error:
        assert knob in str(error)


@pytest.mark.parametrize(("task", "knobs"), [
    ("tmbench", {}), ("turing", {}), ("arith", {"operation": "mul"}), ("tag", {}), ("lag", {}),
    ("fsm", {"question": "membership"}), ("life", {}), ("life", {"prompt": "text", "steps": 2}), ("rasp", {}),
])
def test_answer_regex_finds_the_answer_last_in_the_gold_cot(task, knobs):
    pattern = re.compile(task_named(task).answer_regex)
    for item in create_dataset(task, size=3, seed=1, **knobs):
        assert pattern.findall(item.cot)[-1] == item.answer


def test_items_pickle():
    item = create_dataset("turing", size=1)[0]
    assert pickle.loads(pickle.dumps(item)) == item
