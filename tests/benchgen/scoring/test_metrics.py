"""TMBench's metrics exactly, the metrics beyond them, and the published TMBench conformance figures."""

import json

import numpy as np
import pytest

from benchgen.metrics import bootstrap, step_matrix, summarize, tmbench_metrics
from benchgen.oracles import noisy_cot
from benchgen.registry import create_dataset
from benchgen.responses import match, read_responses
from benchgen.score import ItemScore, score_all, score_answer, score_item
from machines.turing.machine import TMConfig
from tests.common.paths import shared

# Per-step denominators N_i of TMBench's published 100 instances (reference, section 1.7).
TMBENCH_N = [100, 100, 99, 99, 97, 95, 95, 95, 94, 94, 94, 93, *[92] * 7, 91, *[90] * 5, *[89] * 6]


def scored(*rows: str) -> list[ItemScore]:
    """Scores from rows of step marks: '1' right, '0' wrong (the row length is the gold trace length)."""
    return [ItemScore(str(k), tuple(c == "1" for c in row), True, row.find("0") if "0" in row else None,
                      None, None, "ok", 0, True, 1.0, False, False) for k, row in enumerate(rows)]


def test_tmbench_metrics_by_hand():
    # steps 0..2; N = [3, 3, 2] (the third item halted after step 1); ACC = [1, 1/3, 1/2]
    metrics = tmbench_metrics(*step_matrix(scored("111", "100", "10")))
    assert metrics["n"] == [3, 3, 2]
    assert metrics["acc"] == pytest.approx([1, 1 / 3, 1 / 2])
    assert metrics["swa_uni"] == pytest.approx(100 * (1 + 1 / 3 + 1 / 2) / 3)
    assert metrics["swa_lin"] == pytest.approx(100 * (1 * 1 + 2 * 1 / 3 + 3 * 1 / 2) / 6)
    assert metrics["pass"] == pytest.approx(100 / 3)


def test_step_zero_counts_in_every_tmbench_metric():
    metrics = tmbench_metrics(*step_matrix(scored("011", "111")))
    assert metrics["acc"][0] == 0.5
    assert metrics["pass"] == 50.0


def test_the_published_set_has_the_published_step_denominators():
    items = create_dataset("tmbench", size=100, seed=1)
    metrics = summarize(score_all([(item, item.cot, None, None) for item in items]), ci=False)
    assert metrics["n"] == TMBENCH_N
    assert (metrics["swa_uni"], metrics["swa_lin"], metrics["pass"]) == (100.0, 100.0, 100.0)
    assert metrics["first_error"] == {} and metrics["one_step_accuracy"] == 100.0


def test_bootstrap_intervals_hold_the_estimate():
    rng = np.random.default_rng(1)
    rows = ["".join("1" if x else "0" for x in rng.random(10) < 0.8) for _ in range(200)]
    correct, present = step_matrix(scored(*rows))
    point = tmbench_metrics(correct, present)
    intervals = bootstrap(correct, present, {}, samples=300)
    for key in ("swa_uni", "swa_lin", "pass"):
        low, high = intervals[key]
        assert low <= point[key] <= high and high - low < 20


def test_first_error_histogram_and_correct_prefix():
    metrics = summarize(scored("1011", "1101", "1111"), ci=False)
    assert metrics["first_error"] == {"1": 1, "2": 1}
    assert metrics["mean_correct_prefix"] == pytest.approx((1 + 2 + 4) / 3)


def test_one_step_accuracy_forgives_a_slip_that_gold_accuracy_does_not():
    item = create_dataset("tmbench", size=1, seed=1)[0]
    states = item.metadata["states"]
    # a wrong state at step 1, then the rest computed correctly from the wrong state
    from benchgen.successors import queue_rules

    rules = queue_rules(item.metadata)
    wrong = [states[0], states[1][:-1]]
    while len(wrong) < len(states) and rules.next_state(wrong[-1]) is not None:
        wrong.append(rules.next_state(wrong[-1]))
    answer = "\n".join(f"### step {i}:\n - Queue State: [{' '.join(q)}]" for i, q in enumerate(wrong))
    score = score_item(item, answer)
    assert score.first_error == 1 and score.error_kind == "dropped"
    right, judged = score.one_step
    assert judged == len(wrong) - 1 and right == judged - 1
    assert 0 < score.credit < 1


def test_one_step_accuracy_of_turing_machine_answers():
    item = create_dataset("turing", size=1, seed=3, max_steps=12)[0]
    states = item.metadata["states"]
    assert len(states) > 3
    first = TMConfig.parse(states[1])
    # a wrong state name at step 1 that no rule knows: that step and the next transition are wrong
    wrong = states[1].replace(first.state, "Q9", 1)
    answer = item.cot.replace(f"Configuration: {states[1]}", f"Configuration: {wrong}", 1)
    score = score_item(item, answer)
    assert score.first_error == 1 and score.error_kind == "state"
    right, judged = score.one_step
    assert judged == len(states) - 1 and right == judged - 2


def test_halting_is_judged():
    item = next(i for i in create_dataset("tmbench", size=40, seed=1) if i.metadata["halted"])
    gold = item.cot
    assert score_item(item, gold).halting == "ok"
    assert score_item(item, gold.replace(" <halt>", "")).halting == "missed_halt"
    extra = gold.replace(" <halt>", "") + "\n\n### step 99:\n - Queue State: [A]"
    assert score_item(item, extra).halting == "after_halt"
    early = item.cot.split("\n\n### step 1:")[0] + " <halt>"
    assert score_item(item, early).halting == "early_halt"


def test_score_answer_is_a_reward_in_the_unit_interval():
    item = create_dataset("tmbench", size=1, seed=1)[0]
    assert score_answer(item.cot, item) == 1.0
    assert score_answer(None, item) == 0.0 and score_answer("", item) == 0.0
    half = item.cot.split("### step 15:")[0]
    assert 0.3 < score_answer(half, item) < 0.99


def test_breakdowns_cover_the_difficulty_knobs_that_vary():
    items = create_dataset("tmbench", size=60, seed=1)
    metrics = summarize(score_all([(i, i.cot, None, None) for i in items]), ci=False,
                        knobs=[i.metadata["difficulty"] for i in items])
    assert {"trace_length", "max_queue_length", "trace_symbols"} <= set(metrics["by_knob"])
    assert sum(v["items"] for v in metrics["by_knob"]["trace_length"].values()) == 60
    assert "m" not in metrics["by_knob"]  # every item has m = 2


def test_shared_tmbench_instances_score_as_published_traces(tmp_path):
    record = json.loads(shared("tmbench", "TMBench.json").read_text(encoding="utf-8"))
    items = create_dataset("tmbench", size=100, seed=1)
    # TMBench's own results format, answered with the published step results
    results = {"samples": [{"id": s["id"], "step_results": s["step_results"], "num_token": 1,
                            "ans": "\n".join(f"### step {i}:\n   - Queue State: [{' '.join(q)}]"
                                             for i, q in enumerate(s["step_results"]))}
                           for s in record["samples"]]}
    file = tmp_path / "TMBench_model_chat.json"
    file.write_text(json.dumps(results), encoding="utf-8")
    matched = match(items, read_responses(file))
    assert not matched.missing and not matched.unknown
    for mode in ("official", "robust"):
        metrics = summarize(score_all([(i, r.text, None, r.usage) for i, r in matched.pairs], mode), ci=False)
        assert (metrics["swa_uni"], metrics["pass"], metrics["n"]) == (100.0, 100.0, TMBENCH_N)


def test_published_gemini_outputs_give_the_paper_figures():
    """TMBench's shipped Gemini-2.5-Pro results: official parser 96.6 / 96.2 / 94 (the paper's
    figures), robust parser 98.1 / 97.4 / 96 with genuine first errors in samples 10, 26, 78, 80."""
    path = shared("tmbench", "results", "TMBench_gemini-2.5-pro-exp-03-25_chat.json")
    items = create_dataset("tmbench", size=100, seed=1)
    matched = match(items, read_responses(path))
    figures = {}
    for mode in ("official", "robust"):
        scores = score_all([(i, r.text, None, r.usage) for i, r in matched.pairs], mode)
        metrics = summarize(scores, ci=False)
        figures[mode] = (round(metrics["swa_uni"], 1), round(metrics["swa_lin"], 1), round(metrics["pass"]))
        if mode == "robust":
            assert [k for k, s in enumerate(scores) if s.first_error is not None] == [10, 26, 78, 80]
    assert figures == {"official": (96.6, 96.2, 94), "robust": (98.1, 97.4, 96)}


@pytest.mark.parametrize("workers", [1, 2])
def test_scoring_many_answers_per_item_matches_scoring_each_alone(workers):
    items = create_dataset("tmbench", size=6, seed=4)
    pairs = [(item, noisy_cot(item, kind, 0.2, seed=k), None, None)
             for k, kind in enumerate(["static", "dynamic"] * 3) for item in items]
    alone = [score_item(item, answer) for item, answer, _, _ in pairs]
    assert score_all(pairs, workers=workers, chunk=5) == alone
