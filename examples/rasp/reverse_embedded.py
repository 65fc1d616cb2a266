"""tracr's make_reverse ported to the Python embedding, evaluated and analysed.

    .venv/bin/python examples/rasp/reverse_embedded.py
"""

import rasp


def make_reverse(sop: rasp.SOp) -> rasp.SOp:
    opp_idx = (rasp.length - rasp.indices).named("opp_idx")
    opp_idx = (opp_idx - 1).named("opp_idx-1")
    reverse_selector = rasp.Select(rasp.indices, opp_idx, rasp.Comparison.EQ).named("reverse_selector")
    return rasp.Aggregate(reverse_selector, sop).named("reverse")


def main() -> None:
    reverse = make_reverse(rasp.tokens)
    print("reverse('hello') =", rasp.evaluate(reverse, "hello"))
    plan = rasp.schedule(reverse)
    print(f"layers: {plan.layers}, heads per layer: {list(plan.heads)}")
    for snapshot in rasp.evaluate_traced(reverse, "abc"):
        print(" ", snapshot.config.render())


if __name__ == "__main__":
    main()
