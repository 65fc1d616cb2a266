"""Provides Neary and Woods' universal Turing machine U(15,2) and its encoding of bi-tag systems.

The table is Table 16 of Neary & Woods, "Four small universal Turing machines", Fundamenta
Informaticae 91 (2009) 105–126, as transcribed in VladimirReshetnikov/ProveIt (not re-checked
against the PDF): symbols `c` (blank) and `b`, start state u1, and no rule for (u10, b), where
the machine halts. The encoding of a bi-tag system (their Tables 2–3 and Equation 4, after the
same transcription) puts the program left of the data and starts u1 on the `c` of `bc` between.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from machines.errors import InvalidInputError
from machines.turing import Tape, TMConfig, TuringMachine

# state: (rule reading c, rule reading b), each 'write move next'; None where the machine halts.
TABLE: dict[str, tuple[str, str | None]] = {
    "u1": ("c R u2", "b R u1"),
    "u2": ("b R u3", "b R u1"),
    "u3": ("c L u7", "c L u5"),
    "u4": ("c L u6", "b L u5"),
    "u5": ("b R u1", "b L u4"),
    "u6": ("b L u4", "b L u4"),
    "u7": ("c L u8", "b L u7"),
    "u8": ("b L u9", "b L u7"),
    "u9": ("c R u1", "b L u10"),
    "u10": ("b L u11", None),
    "u11": ("c R u12", "b R u14"),
    "u12": ("c R u13", "b R u12"),
    "u13": ("c L u2", "b R u12"),
    "u14": ("c L u3", "c R u15"),
    "u15": ("c R u14", "b R u14"),
}


def make_u15_2() -> TuringMachine:
    """U(15,2): 15 states, symbols c (blank) and b, 29 rules."""
    rules = [(state, read, *cell.split())
             for state, cells in TABLE.items()
             for read, cell in zip("cb", cells, strict=True) if cell is not None]
    return TuringMachine.from_rules(rules, start="u1", blank="c", name="U(15,2)")


def _letter(i: int) -> str:
    return "cb" * (8 * i - 5) + "bb"


def _marker(j: int, letters: int, markers: int) -> str:
    return "cb" * (8 * markers * letters + 3) + "bb" if j == markers else "cb" * (8 * j * letters)


def _production(output: Sequence[int], letters: int, markers: int) -> str:
    *appended, m = output
    halting = m == markers
    symbol = "cc" * (8 * markers * letters + 3) if halting else "cc" * (8 * m * letters)
    if len(appended) == 1:
        head = "cb" * 3 + "cccb" * 2 if halting else "cb" * 5
        return head + symbol + "cccb" * 2 + "cc" * (8 * appended[0] - 5)
    head = "cb" + "cccb" * 2 if halting else "cb" * 3
    return (head + symbol + "cccb" * 2 + "cc" * (8 * appended[1] - 5)
            + "cccb" * 2 + "cc" * (8 * appended[0] - 5))


def encode_bi_tag(letters: int, markers: int, productions: Mapping[tuple[int, int], Sequence[int]],
                  data: Sequence[tuple[str, int]]) -> TMConfig:
    """U(15,2)'s start configuration for a bi-tag system, the head at position 0.

    The system has letters a_1..a_`letters` and markers e_1..e_`markers` (e_`markers` halts);
    `productions[(j, i)]` is the output for e_j a_i: one or two letter indices, then a marker
    index. `data` is the word, as ('a', i) and ('e', j) items with exactly one marker.
    """
    wanted = {(j, i) for j in range(1, markers) for i in range(1, letters + 1)}
    if letters < 1 or markers < 2 or set(productions) != wanted:
        raise InvalidInputError(f"productions must be given for exactly the pairs {sorted(wanted)}")
    for key, output in productions.items():
        *appended, m = output
        if len(appended) not in (1, 2) or not all(1 <= a <= letters for a in appended) \
                or not 1 <= m <= markers:
            raise InvalidInputError(f"production {key} -> {tuple(output)} must be 1 or 2 letters and "
                                    "a marker")
    if sum(kind == "e" for kind, _ in data) != 1:
        raise InvalidInputError(f"data={list(data)!r} must hold exactly one marker ('e', j)")
    active = [_production(productions[j, i], letters, markers)
              for j in range(markers - 1, 0, -1) for i in range(letters, 0, -1)]
    passive = ["cb" * 4 + "cccb" * 2 + "cc" * (8 * i - 5) for i in range(letters, 0, -1)]
    program = "bbcccb" + "cb".join(active) + "cb" * 2 + ("cb" * 2).join(passive) + "cb" * 3
    word = "".join(_letter(i) if kind == "a" else _marker(i, letters, markers) for kind, i in data)
    cells = program + "bc" + word
    head = len(program) + 1
    return TMConfig("u1", (Tape.normal(tuple(cells), -head, 0, "c"),))


# A small bi-tag system and word from the transcription's own checks: U(15,2) halts in (u10, b).
EXAMPLE = {"letters": 2, "markers": 2, "productions": {(1, 1): (1, 2), (1, 2): (2, 2)},
           "data": (("e", 1), ("a", 1), ("a", 1))}
