"""Provides the machines package's subcommands: run, convert and diagram."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds `run`, `convert` and `diagram` to the `turingbox` command."""
