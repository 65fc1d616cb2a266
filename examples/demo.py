"""Demo: runs the bundled example machines (the README's first command, `make demo`)."""

import sys
from pathlib import Path

from machines.cli import main as turingbox


def main() -> int:
    """Runs each demo step through the `turingbox` CLI, stopping at the first failure."""
    Path("out").mkdir(exist_ok=True)
    turing = "examples/turing"
    steps = [["--version"],
             ["run", f"{turing}/bb4.tm"],
             ["run", f"{turing}/binary_add_2tape.tm", "--input", "1101|111"],
             ["run", f"{turing}/bb5.bb", "--engine", "accelerated", "--max-steps", "50_000_000"],
             ["diagram", f"{turing}/bb4.tm", "--out", "out/bb4.png"],
             ["diagram", f"{turing}/bb4.tm", "--out", "out/bb4.mmd"],
             ["convert", f"{turing}/bb4.tm", "out/bb4.bb"],
             ["run", "examples/fsm/div3.fsm", "--trace"],
             ["fsm", "info", "examples/fsm/ends_with_abb.regex"],
             ["fsm", "diagram", "examples/fsm/div3.fsm", "--out", "out/div3.png"],
             ["run", "examples/tag/tmbench.tag", "--trace"],
             ["queue-diagram", "examples/tag/collatz.tag", "--input", "aaaaaaa", "--out", "out/collatz.png"],
             ["compile", f"{turing}/bb3.bb", "out/bb3.lag", "--check"],
             ["life", "examples/life/gosper_glider_gun.rle", "--gens", "120", "--gif", "out/gun.gif"],
             ["eca", "30", "--steps", "31", "--width", "63", "--png", "out/rule30.png"]]
    # The main job, last: a small chain-of-thought dataset from the exact traces of a bundled machine.
    steps.append(["bench", "generate", "turing", "--size", "200", "--seed", "1", "--out", "out/dataset",
                  "--set", f"machine={turing}/binary_add_2tape.tm", "--set", "style=tail_minimal",
                  "--set", "max_steps=200", "--set", "input_min_length=4", "--set", "input_max_length=12",
                  "--split-by", "input"])
    for argv in steps:
        try:
            status = turingbox(argv)
        except SystemExit as exit:  # argparse exits after --version and on usage errors
            status = exit.code or 0
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
