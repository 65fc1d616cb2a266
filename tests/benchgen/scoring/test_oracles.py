"""The oracle and the static and dynamic noisy oracles (TInt study), and noised training datasets."""

import pytest

from benchgen.errors import ConfigError
from benchgen.metrics import summarize
from benchgen.oracles import noise_items, noisy_cot, oracle_responses
from benchgen.registry import create_dataset
from benchgen.score import score_all, score_item


def run(items, model, rate):
    responses = list(oracle_responses(items, model, rate=rate))
    return summarize(score_all([(i, r.text, None, None) for i, r in zip(items, responses, strict=True)]),
                     ci=False)


@pytest.mark.parametrize(("task", "knobs"), [("tmbench", {}), ("tag", {}), ("lag", {}),
                                             ("tag", {"style": "tmbench_blocks"})])
def test_noise_at_rate_zero_is_the_oracle(task, knobs):
    items = create_dataset(task, size=10, seed=3, **knobs)
    for kind in ("static", "dynamic"):
        assert [noisy_cot(i, kind, 0.0) for i in items] == [i.cot for i in items]


def test_static_noise_does_not_propagate_and_dynamic_noise_does():
    items = list(create_dataset("tmbench", size=150, seed=1))
    static, dynamic = run(items, "static", 0.03), run(items, "dynamic", 0.03)
    # static: about 3% of steps wrong, later steps right again; dynamic: errors carry forward
    assert 94 < static["swa_uni"] < 99.5
    assert dynamic["swa_uni"] < static["swa_uni"] - 10
    assert dynamic["acc"][-1] < static["acc"][-1]
    # one-step accuracy from the model's own state: a static error breaks two transitions, a dynamic one
    assert dynamic["one_step_accuracy"] > static["one_step_accuracy"]
    assert run(items, "oracle", 0)["pass"] == 100.0


def test_noise_is_reproducible_and_changes_with_the_seed():
    item = create_dataset("tmbench", size=1, seed=1)[0]
    assert noisy_cot(item, "dynamic", 0.3, seed=1) == noisy_cot(item, "dynamic", 0.3, seed=1)
    assert noisy_cot(item, "dynamic", 0.3, seed=1) != noisy_cot(item, "dynamic", 0.3, seed=2)


def test_noised_dataset_keeps_the_gold_trace():
    items = list(create_dataset("tag", size=5, seed=1))
    noised = list(noise_items(items, "static", 0.5))
    assert [n.metadata for n in noised] == [i.metadata for i in items]
    assert any(n.cot != i.cot for n, i in zip(noised, items, strict=True))
    assert all(score_item(i, n.cot).parsed for n, i in zip(noised, items, strict=True))


@pytest.mark.parametrize(("model", "rate", "error"), [("gpt", 0.1, "not a built-in model"),
                                                      ("static", 1.5, "between 0 and 1")])
def test_bad_oracle_arguments(model, rate, error):
    items = create_dataset("tmbench", size=1, seed=1)
    with pytest.raises(ConfigError, match=error):
        list(oracle_responses(items, model, rate=rate))


def test_noisy_oracles_need_a_queue_task():
    item = create_dataset("turing", size=1, seed=1)[0]
    with pytest.raises(ConfigError, match="queue task"):
        noisy_cot(item, "static", 0.1)
