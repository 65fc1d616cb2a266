"""JFLAP files: the 20 real files of ../shared/data/formats/jflap load and run as their content says.

The words are worked out by hand from each file's transitions; export and re-import keeps the
language; bad files give one located error.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import InvalidInputError, UnknownFormatError
from machines.formats import dump_text, load_text
from machines.fsm import DFA, NFA, JflapError, is_equivalent, minimize
from machines.fsm.jflap import BLANK, tm_outcome
from machines.turing import TuringMachine
from tests.common.paths import shared

# file, class loaded, accepted words, rejected words (the language, as read off the transitions)
AUTOMATA = [
    ("ABStarOrC.jff", NFA, ["a", "ab", "abbb", "c"], ["", "b", "ca", "cc", "ba", "abc"]),  # ab*|c, lambda
    ("ABStarOrCDFA.jff", DFA, ["a", "ab", "abbb", "c"], ["", "b", "ca", "cc", "ba", "abc"]),
    ("DFA_noTrapState.jff", DFA, ["ba", "bbba"], ["", "b", "a", "baa", "bab"]),  # b+a, partial
    ("DFAnotendinba.jff", DFA, ["", "a", "b", "ab", "bb", "baa", "bab"], ["ba", "aba", "bba"]),
    ("DFAprop1.jff", NFA, ["aba", "abab", "abababa"], ["", "ab", "abaa", "ababa"]),
    ("EvenBinaryEvenOnesDFA.jff", DFA, ["0", "00", "110", "1010", "0110"], ["", "1", "10", "11", "100"]),
    ("divisibleBy4.jff", DFA, ["0", "100", "1000", "1100", "10100"],
     ["", "00", "01", "1", "10", "110", "1001"]),
    ("evenaAtLeastOnebZeroOrOdda.jff", DFA, ["b", "aab", "bbb", "ba", "baaa", "aabba"],
     ["", "a", "ab", "baa", "bab"]),  # (aa)* b+ (a(aa)*)?
    ("NFA2DFAexample1.jff", NFA, ["a", "ab", "aba", "abab"], ["", "b", "aa", "abb", "ba"]),  # (ab)*(a|ab)
    ("NFAexample1.jff", NFA, ["aa", "ab", "abbb"], ["", "a", "aab", "aaa", "b"]),  # aa|ab+
    ("NFAexample2.jff", NFA, ["ab", "abab", "aab", "aaab"], ["", "a", "b", "aabab", "aba"]),  # (ab)+|a+b
    ("nfa1.jff", NFA, ["a", "ab", "aab"], ["", "b", "aa", "abb"]),
    ("example.jff", NFA, ["000011", "011000", "0011000", "10000111"],
     ["", "00011", "01100", "0000", "011011"]),  # 000 then later 011, or 011 then later 000
    ("stminDFA1.jff", DFA, ["ab", "ba", "abb", "abbaba"], ["", "a", "aa", "aba", "aab"]),
]

# file, input, JFLAP's verdict, the tape's non-blank content at the end
TURING = [
    ("testTM.jff", "ab", Outcome.ACCEPTED, ""),  # a+b erased; accepts on entering q2
    ("testTM.jff", "abb", Outcome.ACCEPTED, "b"),  # q2's own loop never fires
    ("testTM.jff", "", Outcome.REJECTED, ""),
    ("testTM.jff", "ba", Outcome.REJECTED, "ba"),
    ("TMabc.jff", "aabbcc", Outcome.ACCEPTED, "aabbcc"),  # a*b*c*
    ("TMabc.jff", "", Outcome.ACCEPTED, ""),
    ("TMabc.jff", "acb", Outcome.REJECTED, "acb"),
    ("TMabc.jff", "ba", Outcome.REJECTED, "ba"),
    ("TMexample1.jff", "aaa", Outcome.ACCEPTED, ""),  # a*, erasing
    ("TMexample1.jff", "", Outcome.ACCEPTED, ""),
    ("test_tm.jff", "0011", Outcome.ACCEPTED, "XXYY"),  # 0^n 1^n, n >= 0
    ("test_tm.jff", "", Outcome.ACCEPTED, ""),
    ("test_tm.jff", "011", Outcome.REJECTED, "XY1"),
    ("test_tm.jff", "10", Outcome.REJECTED, "10"),
    ("Maquinas_de_Turing_con_JFLAP_Ejercicio_1.jff", "000111", Outcome.ACCEPTED, "XXXYYY"),  # n >= 1
    ("Maquinas_de_Turing_con_JFLAP_Ejercicio_1.jff", "", Outcome.REJECTED, ""),
    ("Maquinas_de_Turing_con_JFLAP_Ejercicio_1.jff", "0101", Outcome.REJECTED, "XY01"),
    ("Maquinas_de_Turing_con_JFLAP_Ejercicio_2.jff", "1011", Outcome.ACCEPTED, "1100"),  # binary increment
    ("Maquinas_de_Turing_con_JFLAP_Ejercicio_2.jff", "111", Outcome.ACCEPTED, "1000"),
    ("Maquinas_de_Turing_con_JFLAP_Ejercicio_2.jff", "", Outcome.ACCEPTED, "1"),
]


def _load(name):
    path = shared("formats", "jflap", name)
    return load_text(path.read_text(encoding="utf-8"), path=path)


def test_every_file_is_covered():
    names = {p.name for p in shared("formats", "jflap").glob("*.jff")}
    assert names == {row[0] for row in AUTOMATA} | {row[0] for row in TURING}
    assert len(names) == 20


@pytest.mark.parametrize(("name", "kind", "accepted", "rejected"), AUTOMATA)
def test_automata_accept_the_words_read_off_their_transitions(name, kind, accepted, rejected):
    loaded = _load(name)
    assert loaded.format == "jflap" and type(loaded.machine) is kind
    for word in accepted:
        assert loaded.machine.accepts(word), word
        assert run(loaded.machine, word, max_steps=100).outcome is Outcome.ACCEPTED
    for word in rejected:
        assert not loaded.machine.accepts(word), word
        assert run(loaded.machine, word, max_steps=100).outcome is Outcome.REJECTED


@pytest.mark.parametrize(("name", "kind", "accepted", "rejected"), AUTOMATA)
def test_export_and_reimport_keeps_the_automaton(name, kind, accepted, rejected):
    machine = _load(name).machine
    again = load_text(dump_text(machine, "jflap"), path="again.jff").machine
    assert again == machine and is_equivalent(again, machine)


def test_the_dfa_and_nfa_of_ab_star_or_c_are_equivalent():
    assert is_equivalent(_load("ABStarOrC.jff").machine, _load("ABStarOrCDFA.jff").machine)


def test_stmin_dfa_minimises_to_five_states():
    # Worked by hand: classes {A,D}, {B,G}, {C}, {E}, {F}.
    assert len(minimize(_load("stminDFA1.jff").machine).states) == 5


@pytest.mark.parametrize(("name", "input", "verdict", "tape"), TURING)
def test_turing_machines_run_with_jflap_semantics(name, input, verdict, tape):
    loaded = _load(name)
    machine = loaded.machine
    assert isinstance(machine, TuringMachine) and machine.tapes == 1 and machine.blank == BLANK
    trace = run(machine, input, max_steps=10_000)
    assert trace.outcome is Outcome.HALTED
    assert tm_outcome(machine, trace.final.config, loaded.metadata["accepting"]) is verdict
    assert "".join(trace.final.config.tape.cells).strip(BLANK) == tape


def test_transitions_out_of_final_states_are_counted_as_unused():
    assert _load("testTM.jff").metadata["unused_transitions"] == 1


def test_input_outside_the_tape_alphabet_is_refused():
    with pytest.raises(InvalidInputError):
        run(_load("TMexample1.jff").machine, "b", max_steps=10)


STRUCTURE = '<structure><type>{type}</type><automaton>{body}</automaton></structure>'
STATE = '<state id="{id}" name="{name}">{extra}</state>'


@pytest.mark.parametrize(("text", "message", "line", "column"), [
    ("<structure><type>fa<automaton></structure>", "not well-formed XML: mismatched tag", 1, 33),
    (STRUCTURE.format(type="pda", body=""),
     "JFLAP type 'pda' is not supported (only 'fa' and 'turing')", 1, 12),
    (STRUCTURE.format(type="fa", body=STATE.format(id=0, name="a", extra="")),
     "no state is marked <initial/>", 1, 27),
    (STRUCTURE.format(type="fa", body=STATE.format(id=0, name="a", extra="<initial/>")
                      + "<transition><from>0</from><to>7</to><read>x</read></transition>"),
     "a transition's <to> names no state (id '7')", 1, 105),
    ("<structure>\n<type>turing</type><automaton>\n" + STATE.format(id=0, name="a", extra="<initial/>")
     + "\n<transition><from>0</from><to>0</to><read>x</read><write>y</write><move>R</move></transition>"
     + "\n<transition><from>0</from><to>0</to><read>x</read><write>z</write><move>L</move></transition>"
     + "</automaton></structure>",
     "state 'a' has two transitions reading 'x': turingbox runs deterministic machines only", 5, 1),
    ("<structure><type>turing</type><tapes>2</tapes><automaton></automaton></structure>",
     "a 2-tape JFLAP machine is not supported (only one tape)", 1, 31),
])
def test_bad_files_give_one_located_error(text, message, line, column):
    with pytest.raises(JflapError) as info:
        load_text(text, path="bad.jff")
    error = info.value
    assert error.message == message and (error.span.line, error.span.column) == (line, column)
    assert str(error).startswith(f"bad.jff:{line}:{column}: ")


def test_wildcard_reads_any_symbol_and_writes_it_back():
    text = ("<structure><type>turing</type><automaton>" + STATE.format(id=0, name="s", extra="<initial/>")
            + STATE.format(id=1, name="t", extra="<final/>")
            + "<transition><from>0</from><to>0</to><read>~</read><write>~</write><move>R</move></transition>"
            + "<transition><from>0</from><to>1</to><read/><write>x</write><move>S</move></transition>"
            + "<transition><from>1</from><to>1</to><read>a</read><write>b</write><move>S</move></transition>"
            + "</automaton></structure>")
    loaded = load_text(text, path="w.jff")
    trace = run(loaded.machine, "ab", max_steps=20)
    assert "".join(trace.final.config.tape.cells) == "abx"
    assert tm_outcome(loaded.machine, trace.final.config, loaded.metadata["accepting"]) is Outcome.ACCEPTED


def test_multi_character_labels_read_through_fresh_states():
    text = (STRUCTURE.format(type="fa", body=STATE.format(id=0, name="s", extra="<initial/>")
                             + STATE.format(id=1, name="t", extra="<final/>")
                             + "<transition><from>0</from><to>1</to><read>abc</read></transition>"))
    machine = load_text(text, path="m.jff").machine
    assert machine.accepts("abc") and not machine.accepts("ab") and len(machine.states) == 4


@settings(max_examples=60)
@given(st.sampled_from([row[0] for row in AUTOMATA + TURING]), st.data())
def test_damaged_files_load_or_raise_one_located_error(name, data):
    text = shared("formats", "jflap", name).read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    damaged = text[:start] + text[end:]
    try:
        loaded = load_text(damaged, path="damaged.jff")
    except JflapError as error:
        assert error.span is not None and error.filename == "damaged.jff"
    except UnknownFormatError:
        assert not damaged.lstrip().startswith("<")  # no longer recognisable as XML
    else:
        assert loaded.machine.start in loaded.machine.states


def test_multi_character_symbols_cannot_be_exported():
    from machines.errors import ConversionError
    from machines.fsm import make_symmetric_group

    with pytest.raises(ConversionError, match="multi-character label"):
        dump_text(make_symmetric_group(3), "jflap")


@pytest.mark.parametrize(("input", "verdict"), [("0011", "accepted"), ("011", "rejected")])
def test_turingbox_run_reports_jflaps_verdict(capsys, input, verdict):
    from machines.cli import main as turingbox

    path = shared("formats", "jflap", "test_tm.jff")
    assert turingbox(["run", str(path), "--input", input, "--json"]) == 0
    assert f'"outcome": "{verdict}"' in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted({row[0] for row in TURING}))
def test_turing_machines_round_trip_through_jflap(name):
    loaded = _load(name)
    text = dump_text(loaded.machine, "jflap-tm")
    again = load_text(text, path="again.jff")
    assert again.format == "jflap-tm" and again.machine == loaded.machine
    assert again.metadata["accepting"] == loaded.metadata["accepting"]


def test_jflap_files_are_told_apart_by_their_type(tmp_path):
    from machines.cli import main as turingbox

    assert _load("nfa1.jff").format == "jflap" and _load("TMabc.jff").format == "jflap-tm"
    tm, back = tmp_path / "tm.tm", tmp_path / "back.jff"
    assert turingbox(["convert", str(shared("formats", "jflap", "test_tm.jff")), str(tm)]) == 0
    assert turingbox(["convert", str(tm), str(back)]) == 0
    machine = load_text(back.read_text(), path=str(back)).machine
    trace = run(machine, "000111", max_steps=1000)
    assert tm_outcome(machine, trace.final.config, machine.halt_states) is Outcome.ACCEPTED
