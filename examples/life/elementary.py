"""Elementary CA examples: rule 30 (chaotic, Wolfram's random generator) and rule 110 (universal).

Run with `python -m examples.life.elementary`; the same pictures come from `turingbox eca 30` and
`turingbox eca 110 --line`.
"""

from machines.life.eca import Boundary, ElementaryCA
from machines.life.picture import text

RULE_30 = ElementaryCA(30, Boundary.RING, width=63, name="rule 30 on a ring of 63 cells")
RULE_110 = ElementaryCA(110, Boundary.LINE, name="rule 110 on the unbounded line")


def main() -> None:
    for eca in (RULE_30, RULE_110):
        left, grid = eca.spacetime(None, max_steps=31)
        print(f"{eca.name}, 31 steps from one live cell (first column is cell {left}):")
        print(text(grid))


if __name__ == "__main__":
    main()
