"""Provides the rasp package's subcommands of the `turingbox` command."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds the rasp subcommands to the `turingbox` command."""
