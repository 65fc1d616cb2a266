"""Provides the Cocke–Minsky pass: a two-symbol Turing machine compiled into a 2-tag system.

The tape is held as two numbers: M, the cells left of the head read as binary with the nearest
cell lowest, and N, the scanned cell and those right of it likewise. The synchronisation word of
the configuration (q, M, N) is

    A.q A.q (a.q a.q)^M B.q x (b.q x)^N

(after a left move its first A.q may already be gone: `A.q (a.q a.q)^M x B.q x (b.q x)^N`; both
are read the same). One Turing step takes three passes over the word (four for a left move):
halve N, whose parity shifts the reading phase by one and so selects the `1` or `0` letters;
then double, halve or copy the numbers for the rule found. A step of the Turing machine is
complete each time an `A.q` letter reaches the head, which is where `decode` reads it back.

Only one-tape machines over two symbols (the blank and one other) are supported: the
construction stores the tape in binary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from machines.errors import ConversionError
from machines.tag.tag import TagConfig, TagSystem, Word, is_symbol
from machines.turing import Move, Tape, TMConfig, TuringMachine

FILLER = "x"


def binary_symbols(machine: TuringMachine) -> tuple[str, str]:
    """(blank, other): the two symbols of a one-tape, two-symbol machine, else ConversionError."""
    if machine.tapes != 1 or len(machine.alphabet) != 2:
        raise ConversionError(f"Cocke–Minsky needs a one-tape machine over 2 symbols; machine "
                              f"{machine.name!r} has {machine.tapes} tape(s) and "
                              f"{len(machine.alphabet)} symbols")
    other = next(s for s in machine.alphabet if s != machine.blank)
    return machine.blank, other


def _letters(q: str) -> dict[str, str]:
    names = ("A", "a", "B", "b", "C", "c", "S", "s", "C1", "c1", "T1", "t1", "C0", "c0", "T0", "t0")
    return {name: f"{name}.{q}" for name in names}


def _left_letters(q: str, s: int) -> dict[str, str]:
    return {name: f"{name}.{q}.{s}" for name in ("H", "h", "V1", "V0", "v1", "v0")}


def tm_to_tag(machine: TuringMachine) -> TagSimulation:
    """Compiles a one-tape, two-symbol Turing machine into a 2-tag system (Cocke–Minsky)."""
    blank, other = binary_symbols(machine)
    bit = {blank: 0, other: 1}
    for q in machine.states:
        if not is_symbol(f"A.{q}"):
            raise ConversionError(f"state {q!r} cannot be part of a tag symbol (no square brackets)")
    x = FILLER
    productions: dict[str, Word] = {}
    for q in machine.states:
        if q in machine.halt_states:
            continue  # A.q has no production: the tag system halts at the synchronisation point
        L = _letters(q)
        productions |= {L["A"]: (L["C"], x), L["a"]: (L["c"], x), L["B"]: (L["S"],), L["b"]: (L["s"],),
                        L["C"]: (L["C1"], L["C0"]), L["c"]: (L["c1"], L["c0"]),
                        L["S"]: (L["T1"], L["T0"]), L["s"]: (L["t1"], L["t0"])}
        for read in machine.alphabet:
            rule = machine.rule_for(q, (read,))
            if rule is None:
                continue  # C{s}.q has no production: the tag system halts once s is known
            s, w, move, target = bit[read], bit[rule.write[0]], rule.moves[0], _letters(rule.next_state)
            A, a, B, b = target["A"], target["a"], target["B"], target["b"]
            C, c, T, t = L[f"C{s}"], L[f"c{s}"], L[f"T{s}"], L[f"t{s}"]
            # This pass reads C, c^M, T, t^R with R = N // 2 (the cells right of the head). With
            # s = 0 the reading phase is odd, so the first symbol it appends is skipped: pad it.
            pad = (x,) if s == 0 else ()
            if move is Move.R:    # M' = 2M + w, N' = R
                productions |= {C: (*pad, A, A, *(a, a) * w), c: (a,) * 4, T: (B, x), t: (b, x)}
            elif move is Move.S:  # M' = M, N' = 2R + w
                productions |= {C: (*pad, A, A), c: (a, a), T: (B, x, *(b, x) * w), t: (b, x) * 2}
            else:                 # M' = M // 2, N' = 4R + 2w + (M mod 2): one more pass finds M's parity
                H = _left_letters(q, s)
                productions |= {C: (*pad, H["H"]), c: (H["h"],),
                                T: (H["V1"], H["V0"]), t: (H["v1"], H["v0"]),
                                H["H"]: (A, A), H["h"]: (a, a),
                                H["V1"]: (B, x, *(b, x) * (2 * w + 1)),
                                H["V0"]: (x, B, x, *(b, x) * (2 * w)),
                                H["v1"]: (b, x) * 4, H["v0"]: (b, x) * 4}
    system = TagSystem(2, productions, name=f"{machine.name or 'tm'} (Cocke–Minsky)")
    return TagSimulation(machine, system)


@dataclass(frozen=True, slots=True)
class TagSimulation:
    """A Turing machine and the 2-tag system simulating it, with the encoding between them."""

    machine: TuringMachine
    system: TagSystem

    @property
    def sync_symbols(self) -> frozenset[str]:
        """The letters at the head exactly when a Turing step is complete."""
        return frozenset(f"A.{q}" for q in self.machine.states)

    def encode(self, config: TMConfig) -> Word:
        """The tag word of a Turing configuration."""
        blank, other = binary_symbols(self.machine)
        tape = config.tape
        left = [tape.at(tape.head - 1 - i, blank) for i in range(tape.head - tape.start)]
        right = [tape.at(tape.head + i, blank) for i in range(tape.start + len(tape.cells) - tape.head)]
        M = sum(1 << i for i, s in enumerate(left) if s == other)
        N = sum(1 << i for i, s in enumerate(right) if s == other)
        q = config.state
        return (f"A.{q}", f"A.{q}", *(f"a.{q}",) * (2 * M), f"B.{q}", FILLER, *(f"b.{q}", FILLER) * N)

    def decode(self, config: TagConfig) -> TMConfig:
        """The Turing configuration a word stands for, the head at position 0.

        The word must start with an `A.q` letter (after each complete step) or, in a halted run,
        with the `C{s}.q` letter where the machine has no rule for (q, s).
        """
        head = config.head or ""
        kind, _, q = head.partition(".")
        counts = Counter(config.queue)
        if kind == "A":
            M, N = counts[f"a.{q}"] // 2, counts[f"b.{q}"]
        elif kind in ("C0", "C1"):
            s = int(kind[1])
            M, N = counts[f"c{s}.{q}"], s + 2 * counts[f"t{s}.{q}"]
        else:
            raise ConversionError(f"word starting with {head!r} is not at a synchronisation point")
        blank, other = binary_symbols(self.machine)
        left = [other if M >> i & 1 else blank for i in range(M.bit_length())]
        right = [other if N >> i & 1 else blank for i in range(max(1, N.bit_length()))]
        return TMConfig(q, (Tape.normal(left[::-1] + right, -len(left), 0, blank),))

