"""Our U(15,2) table is the published transcription in ../shared/data, cell for cell."""

from machines.tag.u15_2 import make_u15_2
from tests.common.paths import shared


def test_u15_2_matches_the_shared_transcription():
    rows = [line.split("\t") for line in shared("vectors", "u15_2_neary_woods.tsv").read_text().splitlines()
            if line and not line.startswith("#")][1:]
    tm = make_u15_2()
    assert tm.start == "u1" and tm.blank == "c"
    cells = 0
    for state, *reads in rows:
        for symbol, cell in zip("cb", reads, strict=True):
            rule = tm.rule_for(state, (symbol,))
            if cell == "HALT":
                assert rule is None
                continue
            write, move, next_state = cell.split()
            assert (rule.write, rule.moves[0].name, rule.next_state) == ((write,), move, next_state)
            cells += 1
    assert cells == len(tm.rules) == 29
