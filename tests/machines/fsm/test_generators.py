"""Generators: seeded random DFAs and the state-tracking automata, checked against arithmetic."""

import itertools

import pytest

from machines.errors import BudgetError, InvalidMachineError
from machines.fsm import (
    make_divisibility,
    make_modular_counter,
    make_parity,
    make_symmetric_group,
    random_dfa,
)
from machines.fsm.generators import permutation_name


def test_random_dfas_are_reproducible_and_complete():
    a, b, c = random_dfa(12, seed=7), random_dfa(12, seed=7), random_dfa(12, seed=8)
    assert a == b and a != c and a.is_complete and len(a.states) == 12


@pytest.mark.parametrize(("divisor", "base"), [(3, 2), (4, 2), (7, 10), (5, 3), (1, 2)])
def test_divisibility_matches_integer_arithmetic(divisor, base):
    dfa = make_divisibility(divisor, base=base)
    for length in range(5):
        for digits in itertools.product(dfa.alphabet, repeat=length):
            word = "".join(digits)
            assert dfa.accepts(word) is (int(word or "0", base) % divisor == 0)


def test_modular_counter_and_parity():
    counter = make_modular_counter(3, alphabet=("0", "1", "2"))
    for word in ["", "12", "2222", "1111", "210"]:
        assert counter.accepts(word) is (sum(map(int, word)) % 3 == 0)
    assert make_parity().accepts("1001") and not make_parity().accepts("100")


def test_s5_state_is_the_product_of_the_word():
    s5 = make_symmetric_group()
    assert len(s5.states) == len(s5.alphabet) == 120
    swap, cycle = "10234", "12340"
    assert s5.accepts([swap, swap]) and s5.accepts([cycle] * 5) and not s5.accepts([cycle] * 4)
    # (swap then cycle) sends 0 -> 1 -> 2, 1 -> 0 -> 1, 2 -> 2 -> 3, ...
    assert s5.next_state(s5.next_state(s5.start, swap), cycle) == "21340"


def test_s3_from_generators():
    s3 = make_symmetric_group(3, generators=["102", "120"])
    assert s3.alphabet == ("102", "120") and len(s3.states) == 6
    assert permutation_name((2, 0, 1)) == "201"


@pytest.mark.parametrize(("call", "error"), [
    (lambda: random_dfa(0, seed=1), BudgetError),
    (lambda: random_dfa(3, seed=1, accept_probability=2), InvalidMachineError),
    (lambda: make_divisibility(3, base=1), InvalidMachineError),
    (lambda: make_symmetric_group(3, generators=["123"]), InvalidMachineError),
])
def test_bad_arguments(call, error):
    with pytest.raises(error):
        call()
