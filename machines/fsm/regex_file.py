"""Provides `.regex` files: an optional `alphabet:` line and one pattern, loaded as a Thompson NFA.

    # Words over a and b that end in abb
    alphabet: ab
    (a|b)*abb

Lines starting with '#' are comments; the pattern is its line without surrounding spaces and may not
start with '#' (write '\\#'). The format is known by its extension only (any text could be a
pattern). Errors point at the line and column of the file.
"""

from __future__ import annotations

from dataclasses import replace

from machines.errors import Span
from machines.formats import Loaded
from machines.fsm.errors import RegexSyntaxError
from machines.fsm.regex import regex_to_nfa


def load(text: str) -> Loaded:
    """Reads the alphabet line (if any) and the pattern, and builds the NFA."""
    alphabet, pattern, where = None, None, 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if pattern is None and alphabet is None and stripped.startswith("alphabet:"):
            alphabet = stripped.removeprefix("alphabet:").split()
            alphabet = [c for token in alphabet for c in token]
            continue
        if pattern is not None:
            raise RegexSyntaxError("a .regex file holds one pattern (this is a second one)",
                                   span=Span(number, 1), source=text)
        pattern, where = stripped, number
        offset = len(line) - len(line.lstrip())
    if pattern is None:
        raise RegexSyntaxError("no pattern in the file", span=Span(1, 1), source=text)
    try:
        nfa = regex_to_nfa(pattern, alphabet=alphabet)
    except RegexSyntaxError as error:
        span = error.span or Span(1, 1)
        moved = replace(span, line=where, column=span.column + offset,
                        end_line=where if span.end_line else None,
                        end_column=span.end_column + offset if span.end_column else None)
        raise RegexSyntaxError(error.message, span=moved, source=text) from None
    return Loaded(nfa, None, "regex", {"pattern": pattern})
