"""The original REPL's own test scripts (read from ../shared/data) run through our REPL.

The expected lines are what the original REPL prints for them (its tests/tgt files), written here
without prompts. Two differences are normalised: each syntax error (antlr's message there, ours
with the line and a caret here) reads "SYNTAX ERROR", and the DETAIL lines we print under an
error (the s-op that failed and where it was defined, the position in a loaded file) are dropped.
"""

import re
from pathlib import Path

import pytest

from rasp.repl import DETAIL, Repl
from rasp.session import Session
from tests.common.paths import shared

SCRIPTS = ("formats", "rasp-repl-tests")


def _printed(values: str, kind: str) -> str:
    return f"\t =  [{values}] ({kind})"


PAPER_LONG = [
    _printed(
        "§, D, D, D, D, D, F, F, F, G, G, H, H, H, R, S, V, d, d, e, f, f, f, f, f, f, g, g, g, h, h, s, s",
        "strings",
    ),
    _printed(
        "P, T, P, P, P, P, P, T, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, T, P, P, P, P, P, P, "
        "P, P, P, P, P, P, P, P, P, P, P, T, F, F, F, F, F, F, F, F",
        "strings",
    ),
    _printed(
        "P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, T, P, P, P, P, P, P, P, P, "
        "P, P, P, T, P, T, P, T, P, T, P, P, P, P, P, P, P, P, P, P, P, P, P, T, P, F, F, F, F",
        "strings",
    ),
    _printed(
        "P, T, P, T, P, T, P, P, P, P, P, P, P, P, P, T, P, P, P, T, P, P, P, T, P, T, P, T, P, F, "
        "F, F, F, F, F, F, F, F, F, F, F, F, F",
        "strings",
    ),
]

EXPECTED = {
    "simple_sequences_no_errors.txt": """
     s-op: indices
 \t Example: indices("hello") = [0, 1, 2, 3, 4] (ints)
     s-op: length
 \t Example: length("hello") = [5]*5 (ints)
     s-op: tokens
 \t Example: tokens("hello") = [h, e, l, l, o] (strings)
     s-op: out
 \t Example: out("hello") = [1, 2, 3, 4, 5] (ints)
     s-op: out
 \t Example: out("hello") = [0, 3, 6, 9, 12] (ints)
     s-op: tokens
 \t Example: tokens([4, 7, 10]) = [4, 7, 10] (ints)
     s-op: out
 \t Example: out([4, 7, 10]) = [0, 7, 20] (ints)
     s-op: out
 \t Example: out([4, 7, 10]) = [4]*3 (ints)
     s-op: tokens
 \t Example: tokens("hello there") = [h, e, l, l, o,  , t, h, e, r, e] (strings)
     s-op: out
 \t Example: out("hello there") = [2, 3, 2, 2, 1, 1, 1, 2, 3, 1, 3] (ints)
     s-op: out
 \t Example: out("hello there") = [h, a, l, a, o, a, t, a, e, a, e] (strings)
""",
    "indexing.txt": """
     dict: d = {'1': 1, '2': 2, '3': 3, '4': 5, '5': 4}
    value: out =  5
     s-op: out
 \t Example: out("12345") = [1, 2, 3, 5, 4] (ints)
\t\t!!ignoring input:
\t index [ 4 ] not in dict.
\t\t!!ignoring input:
\t index [ 0 ] not in dict.
    value: a =  "qwertyuioplkjhgfdsazxcvbnm"
    value: out =  "u"
     s-op: out
 \t Example: out("12345") = [q, w, e, r, t] (strings)
     s-op: out
 \t Example: out("12345") = [q, r, u, p, j] (strings)
     s-op: out
 \t Example: out("12345") = [5]*5 (strings)
\t\t!!ignoring input:
\t index into sequence has to be integer, got: indices
     list: b = [5, 8, 2, 9, 4, 7, 5]
     s-op: out
 \t Example: out("12345") = [5, 8, 2, 9, 4] (ints)
    value: out =  7
""",
    "paper_examples.txt": """
     s-op: hist_bos
     s-op: hist_nobos
     s-op: reverse
     s-op: sort_bos
     s-op: hist2_bos
     s-op: sort_by_most_freq
     s-op: dyck1_ptf
     paper_examples function: dyckk_ptf(paren_pairs)
     s-op: dyck2_ptf
     s-op: dyck3_ptf
\t\t!!ignoring input:
\t Error: Undefined variable: _with_bos_selector_width
\t =  [0, 3, 2, 3, 2, 6, 3, 3, 1, 6, 2, 2, 4, 6, 3, 3, 1, 6, 1, 3, 2, 1, 1, 6, 1, 3, 4, 2, 4, 6, 4, 3] (ints)
\t =  [2, 1, 3, 1, 3, 2, 5, 1, 4, 3, 3, 4, 5, 5, 4, 1, 3, 3, 4, 5, 5] (ints)
\t\t!!ignoring input:
\t Error: Undefined variable: _flip_s
{0}
\t =  [0, 2, 1, 2, 1, 2, 2, 4, 2, 1, 1, 1, 4, 1, 4, 1, 1, 1, 1, 1, 1, 2, 1, 4, 1, 1] (ints)
\t =  [§, d, v, s, l, m, a, n, ,, k, x, §, §, §, §, §, §, §, §, §, §, §, §, §, §, §, §, §, §, §] (strings)
{1}
{2}
{3}
""",
    "load_nesteds.txt": """
    value: f =  10
\t\t!!ignoring input:
\t Error: Undefined variable: f
    value: a =  3
\t\t!!ignoring input:
\t Error: Undefined variable: f
    value: b =  7
\t\t!!ignoring input:
\t Error: Undefined variable: a
    value: c =  7
\t\t!!ignoring input:
\t Error: Undefined variable: _b
    value: e =  4
    value: a =  3
    value: b =  7
    value: c =  7
\t\t!!ignoring input:
\t Error: Undefined variable: d
    value: e =  4
    value: f =  10
\t\t!!ignoring input:
\t Error: Undefined variable: _a
\t\t!!ignoring input:
\t Error: Undefined variable: _b
""",
    "load_multi_assigns3.txt": """
    value: a =  7
    value: c =  5
    value: d =  11
    value: b =  8
""",
    "skip_bad_assign.txt": """
\t\t!!ignoring input:
\t Error: Undefined variable: g
\t\t!!ignoring input:
\t Error: Undefined variable: a
    value: g =  3
    value: g =  3
\t\t!!ignoring input:
\t Error: Undefined variable: a
\t\t!!ignoring input:
\t Error: Undefined variable: b
    value: a =  3
    value: a =  3
\t\t!!ignoring input:
\t Error: Undefined variable: b
    value: b =  3
    value: a =  3
    value: b =  3
""",
    "simple_assignments.txt": """
    value: a =  3
    value: b =  5
     s-op: c
 \t Example: c("hello") = [4, 5, 6, 7, 8] (ints)
     console function: foo(a, b)
    value: e =  13
    value: f =  5
""",
    "stay_constant.txt": """
    value: a =  4
    value: b =  4
    value: a =  3
    value: a =  3
    value: b =  4
     s-op: a
 \t Example: a("hello") = [0, 1, 2, 3, 4] (ints)
     s-op: b
 \t Example: b("hello") = [0, 1, 2, 3, 4] (ints)
     s-op: a
 \t Example: a("hello") = [1, 2, 3, 4, 5] (ints)
     s-op: a
 \t Example: a("hello") = [1, 2, 3, 4, 5] (ints)
     s-op: b
 \t Example: b("hello") = [0, 1, 2, 3, 4] (ints)
""",
    "smol.txt": """
     s-op: tokens
 \t Example: tokens("hello") = [h, e, l, l, o] (strings)
""",
    "forloop.txt": """
    value: a =  3
    value: a =  9
""",
    "load_multi_assigns1.txt": "    value: a =  9",
    "load_multi_assigns2.txt": """
    value: b =  3
    value: a =  12
""",
    "whitespace_okay.txt": "\n".join([
        "     s-op: out",
        ' \t Example: out("hello") = [4, 5, 6, 7, 8] (ints)',
        "     s-op: out",
        ' \t Example: out("hello") = [T]*5 (bools)',
        "     selector: out",
        " \t Example:",
        " \t\t\t     h e l l o",
        " \t\t\t h |          ",
        " \t\t\t e | 1        ",
        " \t\t\t l | 1 1      ",
        " \t\t\t l | 1 1 1    ",
        " \t\t\t o | 1 1 1 1  ",
    ]),
    "set_reserved.txt": "\n".join([
        '     s-op: tokens',
        ' \t Example: tokens([0, 1, 2]) = [0, 1, 2] (ints)',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: tokens_asis',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: tokens_str',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: tokens_int',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: tokens_bool',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: tokens_float',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: indices',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: True',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: False',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: out',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: range',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: zip',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: len',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: get',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: length',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: full_s',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: selector_width',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: has_focus',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: count',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: contains',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: max',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: min',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: average',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: load_from_location',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: shift',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: mark_last_instance',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: mark_first_instance',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: select_from_last',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: select_from_first',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: sort',
        '\t\t!!ignoring input:',
        '\t Error: Cannot set reserved name: select_next_identical',
        '     s-op: tokens',
        ' \t Example: tokens([0, 1, 2]) = [0, 1, 2] (ints)',
        '     s-op: tokens_asis',
        ' \t Example: tokens_asis([0, 1, 2]) = [0, 1, 2] (ints)',
        '     s-op: tokens_str',
        ' \t Example: tokens_str([0, 1, 2]) = [0, 1, 2] (strings)',
        '     s-op: tokens_int',
        ' \t Example: tokens_int([0, 1, 2]) = [0, 1, 2] (ints)',
        '     s-op: tokens_bool',
        ' \t Example: tokens_bool([0, 1, 2]) = [F, T, T] (bools)',
        '     s-op: tokens_float',
        ' \t Example: tokens_float([0, 1, 2]) = [0.0, 1.0, 2.0] (floats)',
        '     s-op: indices',
        ' \t Example: indices([0, 1, 2]) = [0, 1, 2] (ints)',
        '    value: True =  True',
        '    value: False =  False',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        '    value: out =  False',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        '\t\t!!ignoring input:',
        '\t Error: Undefined variable: range',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        '\t\t!!ignoring input:',
        '\t Error: Undefined variable: zip',
        '\t\t!!ignoring input:',
        '\t Error: Undefined variable: len',
        '\t\t!!ignoring input:',
        '\t Error: Undefined variable: get',
        '     s-op: length',
        ' \t Example: length([0, 1, 2]) = [3]*3 (ints)',
        '     selector: full_s',
        ' \t Example:',
        ' \t\t\t     0 1 2',
        ' \t\t\t 0 | 1 1 1',
        ' \t\t\t 1 | 1 1 1',
        ' \t\t\t 2 | 1 1 1',
        '     RASP_support/rasplib function: selector_width(sel)',
        '     RASP_support/rasplib function: has_focus(sel)',
        '     RASP_support/rasplib function: count(seq, atom)',
        '     RASP_support/rasplib function: contains(seq, atom)',
        '     RASP_support/rasplib function: max(a, b)',
        '     RASP_support/rasplib function: min(a, b)',
        '     RASP_support/rasplib function: average(a)',
        '     RASP_support/rasplib function: load_from_location(seq, location)',
        '     RASP_support/rasplib function: shift(seq, n, filler)',
        '     RASP_support/rasplib function: mark_last_instance(seq, val)',
        '     RASP_support/rasplib function: mark_first_instance(seq, val)',
        '     RASP_support/rasplib function: select_from_last(seq, val)',
        '     RASP_support/rasplib function: select_from_first(seq, val)',
        '     RASP_support/rasplib function: sort(seq, key)',
        '     RASP_support/rasplib function: select_next_identical(seq)',
    ]),
    "some_errors.txt": "\n".join([
        '\t\t!!ignoring input:',
        '\t Error: Undefined variable: dgsdfsdf',
        "something went wrong: unsupported operand type(s) for /: 'int' and 'str'",
        'not implemented this command yet! ignoring',
        'SYNTAX ERROR',
        "something went wrong: asked to average multiple values, but they are non-numbers: "
        "['h', 'e', 'l', 'l', 'o']",
        "something went wrong: unsupported operand type(s) for +: 'int' and 'str'",
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'something went wrong: can only concatenate list (not "int") to list',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        'SYNTAX ERROR',
        '     dict: out = {}',
        'SYNTAX ERROR',
        '\t\t!!ignoring input:',
        '\t attempted to create sequence with vals of different types:',
        "\t\t ['a', 3]",
        '\t\t!!ignoring input:',
        '\t attempted to create sequence with illegal val types (vals must be bool, float, int or string):',
        '\t\t [[1, 2]]',
    ]),
    "exit.txt": "",
    "exit_fun.txt": "",
    "quit.txt": "",
    "quit_fun.txt": "",
    "load_eval.txt": "     s-op: a",
}

# The values of res(example0) ... res(example21) after loading rover.rasp, under "full seq display on".
ROVER = [
    "[T]*8",
    "[F]*8",
    "[?]*8",
    "[T]*16",
    "[T]*16",
    "[F]*16",
    "[F]*16",
    "[F]*16",
    "[?]*16",
    "[F]*24",
    "[T]*24",
    "[T]*24",
    "[F]*24",
    "[F]*24",
    "[?]*8",
    "[T]*16",
    "[F]*16",
    "[T]*16",
    "[F]*16",
    "[F]*16",
    "[T]*24",
    "[T]*24",
]

def _run(name: str) -> list[str]:
    folder = shared(*SCRIPTS)
    repl = Repl(Session(search_paths=(folder / "support",)))
    return _normalise(repl.run_lines((folder / name).read_text(encoding="utf-8").splitlines(keepends=True)))


def _normalise(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if re.match(r"\t!! syntax error: \S+:\d+:\d+: ", line):
            out.append("SYNTAX ERROR")
        elif not line.startswith(("\t!! syntax error:", DETAIL)):
            out.append(line)
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_script_prints_what_the_original_prints(name):
    text = EXPECTED[name].format(*PAPER_LONG) if name == "paper_examples.txt" else EXPECTED[name]
    expected = text.strip("\n").split("\n") if text else []
    assert _run(name) == expected


def test_every_script_is_covered():
    folder = shared(*SCRIPTS)
    covered = set(EXPECTED) | {"load_rover.txt"}
    assert {path.name for path in folder.glob("*.txt")} == covered


def test_loading_rover_prints_what_the_original_prints():
    """tests/rasps/rover.rasp defines 120-odd values, lists and dicts of s-ops and selectors; the
    original's listing of them (its tests/tgt/load_rover.txt) is kept in rover_load.txt."""
    expected = (Path(__file__).parent / "rover_load.txt").read_text(encoding="utf-8").splitlines()
    assert _run("load_rover.txt")[: len(expected)] == expected


def test_rover_answers_every_question():
    lines = _run("load_rover.txt")
    answers = [line for line in lines if line.startswith("\t = ")]
    assert answers == [f"\t =   {v} (strings) [skipped full display: identical values]" for v in ROVER]


# Statements whose failure the original reports in its own words; we add DETAIL lines that name the
# failing s-op and where it was defined (or what could not be called).
REPORTED = [
    (
        "bad = aggregate(full_s, tokens);",
        [
            "something went wrong: asked to average multiple values, but they are non-numbers: "
            "['h', 'e', 'l', 'l', 'o']",
            "\t   in 'aggregate(full_s, tokens)' (defined at line 1, column 7)",
        ],
    ),
    (
        'd = {"a": 1}; y = d[tokens];',
        [
            "     dict: d = {'a': 1}",
            "\t\t!!ignoring input:",
            '\t index [ "h" ] not in dict.',
            "\t   in '{\"a\": 1}[tokens]' (defined at line 1, column 19)",
        ],
    ),
    (
        'z = "a" if indices == 0 else 1;',
        [
            "\t\t!!ignoring input:",
            "\t attempted to create sequence with vals of different types:",
            "\t\t ['a', 1, 1, 1, 1]",
            "\t   in 'a if (indices == 0) else 1' (defined at line 1, column 5)",
        ],
    ),
    (
        "s = aggregate(select(indices, indices + 1, ==), tokens);",
        [
            "\t\t!!ignoring input:",
            "\t attempted to create sequence with vals of different types:",
            "\t\t ['e', 'l', 'l', 'o', 0]",
            "\t   in 'aggregate(select(indices, indices + 1, ==), tokens)' (defined at line 1, column 5)",
        ],
    ),
    ("w = 1 / 0;", ["something went wrong: division by zero"]),
    ('w = "a" - 1;', ["something went wrong: unsupported operand type(s) for -: 'str' and 'int'"]),
    ("w = 3(1);", ["not implemented this command yet! ignoring",
                   "\t   (cannot call 3: it is not a function, s-op or selector)"]),
]


@pytest.mark.parametrize(("source", "printed"), REPORTED)
def test_failures_print_the_original_lines_then_the_failing_sop(source, printed):
    assert Repl().run_lines([source + "\n"]) == printed
