"""Provides the algorithms on finite automata, from subset construction to enumeration of words.

Subset construction, Hopcroft minimisation, equivalence with a shortest counterexample, boolean
operations, emptiness, finiteness and enumeration of the accepted words by length.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence

from machines.errors import BudgetError, check_budget
from machines.fsm.dfa import DFA
from machines.fsm.nfa import NFA
from machines.fsm.words import name_all

Automaton = DFA | NFA


MAX_STATES = 1_000_000
"""The default budget of states for constructions that can blow up (subset construction, products)."""


def _grow(count: int, max_states: int, what: str) -> None:
    if count > max_states:
        raise BudgetError(f"{what} passed max_states={max_states:,} states; raise the budget to go on")


def determinize(nfa: NFA, *, max_states: int = MAX_STATES) -> DFA:
    """The subset construction: a (partial) DFA whose states are the reachable non-empty sets of NFA states.

    A state named 'q0+q2' stands for the set {q0, q2}. BudgetError past `max_states` states.
    """
    check_budget("max_states", max_states)
    start = nfa.closure([nfa.start])
    order = {q: i for i, q in enumerate(nfa.states)}
    subsets, todo, edges = [start], deque([start]), {}
    seen = {start}
    while todo:
        current = todo.popleft()
        for symbol in nfa.alphabet:
            target = nfa.move(current, symbol)
            if not target:
                continue
            edges[(current, symbol)] = target
            if target not in seen:
                seen.add(target)
                subsets.append(target)
                todo.append(target)
                _grow(len(subsets), max_states, "the subset construction")
    names = name_all(subsets, lambda s: "+".join(sorted(s, key=order.__getitem__)))
    return DFA(tuple(names[s] for s in subsets), nfa.alphabet,
               {(names[s], symbol): names[t] for (s, symbol), t in edges.items()}, names[start],
               frozenset(names[s] for s in subsets if not s.isdisjoint(nfa.accepting)), nfa.name)


def as_dfa(automaton: Automaton) -> DFA:
    """A DFA for the language of `automaton` (itself if it is one)."""
    return automaton if isinstance(automaton, DFA) else determinize(automaton)


def reachable(dfa: DFA) -> DFA:
    """`dfa` without the states its start cannot reach."""
    seen, todo = {dfa.start}, [dfa.start]
    while todo:
        q = todo.pop()
        for symbol in dfa.alphabet:
            t = dfa.transitions.get((q, symbol))
            if t is not None and t not in seen:
                seen.add(t)
                todo.append(t)
    states = tuple(q for q in dfa.states if q in seen)
    return DFA(states, dfa.alphabet, {k: t for k, t in dfa.transitions.items() if k[0] in seen}, dfa.start,
               dfa.accepting & seen, dfa.name)


def minimize(automaton: Automaton) -> DFA:
    """The minimal complete DFA of the language (Hopcroft's partition refinement).

    From a DFA, each state is named after the first state (in the input's order) of the class it
    stands for; from an NFA, states are q0, q1, ... in the order the subset construction finds them.
    """
    dfa = reachable(as_dfa(automaton)).complete()
    index = {q: i for i, q in enumerate(dfa.states)}
    inverse: list[list[list[int]]] = [[[] for _ in dfa.states] for _ in dfa.alphabet]
    for (q, symbol), t in dfa.transitions.items():
        inverse[dfa.alphabet.index(symbol)][index[t]].append(index[q])
    finals = {index[q] for q in dfa.accepting}
    blocks = [b for b in (set(finals), set(range(len(dfa.states))) - finals) if b]
    block_of = [0] * len(dfa.states)
    for b, members in enumerate(blocks):
        for q in members:
            block_of[q] = b
    work, waiting = list(range(len(blocks))), set(range(len(blocks)))
    while work:
        splitter = work.pop()
        waiting.discard(splitter)
        targets = set(blocks[splitter])
        for preimages in inverse:
            hit: dict[int, set[int]] = {}
            for t in targets:
                for q in preimages[t]:
                    hit.setdefault(block_of[q], set()).add(q)
            for b, inside in hit.items():
                if len(inside) == len(blocks[b]):
                    continue
                new = len(blocks)
                blocks[b] -= inside
                blocks.append(inside)
                for q in inside:
                    block_of[q] = new
                chosen = new if b in waiting or len(inside) <= len(blocks[b]) else b
                work.append(chosen)
                waiting.add(chosen)
    names = [dfa.states[min(members)] for members in blocks]
    order = sorted(range(len(blocks)), key=lambda b: min(blocks[b]))
    name_of = {q: names[block_of[index[q]]] for q in dfa.states}
    table = {(name_of[q], s): name_of[t] for (q, s), t in dfa.transitions.items()}
    minimal = DFA(tuple(names[b] for b in order), dfa.alphabet, table, name_of[dfa.start],
                  frozenset(names[block_of[q]] for q in finals), dfa.name)
    if isinstance(automaton, NFA):
        minimal = _renamed(minimal, {q: f"q{i}" for i, q in enumerate(minimal.states)})
    return minimal


def _renamed(dfa: DFA, names: dict[str, str]) -> DFA:
    return DFA(tuple(names[q] for q in dfa.states), dfa.alphabet,
               {(names[q], s): names[t] for (q, s), t in dfa.transitions.items()}, names[dfa.start],
               frozenset(names[q] for q in dfa.accepting), dfa.name)


def _aligned(a: Automaton, b: Automaton) -> tuple[DFA, DFA]:
    alphabet = tuple(dict.fromkeys([*a.alphabet, *b.alphabet]))
    return as_dfa(a).complete(alphabet=alphabet), as_dfa(b).complete(alphabet=alphabet)


def product(a: Automaton, b: Automaton, accept: Callable[[bool, bool], bool], *, name: str = "",
            max_states: int = MAX_STATES) -> DFA:
    """The reachable product DFA of `a` and `b` over the union of their alphabets.

    A pair is accepting when `accept(a accepts, b accepts)` holds; states are named 'p.q'.
    BudgetError past `max_states` states.
    """
    check_budget("max_states", max_states)
    da, db = _aligned(a, b)
    start = (da.start, db.start)
    pairs, todo, edges = [start], deque([start]), {}
    seen = {start}
    while todo:
        p, q = pair = todo.popleft()
        for symbol in da.alphabet:
            target = (da.transitions[(p, symbol)], db.transitions[(q, symbol)])
            edges[(pair, symbol)] = target
            if target not in seen:
                seen.add(target)
                pairs.append(target)
                todo.append(target)
                _grow(len(pairs), max_states, "the product construction")
    names = name_all(pairs, lambda pq: f"{pq[0]}.{pq[1]}")
    accepting = frozenset(names[(p, q)] for p, q in pairs if accept(p in da.accepting, q in db.accepting))
    return DFA(tuple(names[pq] for pq in pairs), da.alphabet,
               {(names[pq], s): names[t] for (pq, s), t in edges.items()}, names[start], accepting, name)


def union(a: Automaton, b: Automaton) -> DFA:
    """A DFA accepting the words either accepts."""
    return product(a, b, lambda x, y: x or y)


def intersection(a: Automaton, b: Automaton) -> DFA:
    """A DFA accepting the words both accept."""
    return product(a, b, lambda x, y: x and y)


def difference(a: Automaton, b: Automaton) -> DFA:
    """A DFA accepting the words `a` accepts and `b` does not."""
    return product(a, b, lambda x, y: x and not y)


def symmetric_difference(a: Automaton, b: Automaton) -> DFA:
    """A DFA accepting the words exactly one of `a`, `b` accepts."""
    return product(a, b, lambda x, y: x != y)


def complement(automaton: Automaton, *, alphabet: Sequence[str] | None = None) -> DFA:
    """A DFA accepting the words over its alphabet (widened by `alphabet`) that `automaton` rejects."""
    dfa = as_dfa(automaton).complete(alphabet=alphabet)
    return DFA(dfa.states, dfa.alphabet, dfa.transitions, dfa.start, frozenset(dfa.states) - dfa.accepting,
               dfa.name)


def shortest_word(automaton: Automaton) -> tuple[str, ...] | None:
    """A shortest accepted word (the first in alphabet order among the shortest), or None if none."""
    dfa = as_dfa(automaton)
    parent: dict[str, tuple[str, str] | None] = {dfa.start: None}
    todo = deque([dfa.start])
    while todo:
        q = todo.popleft()
        if q in dfa.accepting:
            word = []
            while parent[q] is not None:
                q, symbol = parent[q]
                word.append(symbol)
            return tuple(reversed(word))
        for symbol in dfa.alphabet:
            t = dfa.transitions.get((q, symbol))
            if t is not None and t not in parent:
                parent[t] = (q, symbol)
                todo.append(t)
    return None


def find_counterexample(a: Automaton, b: Automaton) -> tuple[str, ...] | None:
    """A shortest word accepted by exactly one of `a` and `b`, or None if they are equivalent."""
    return shortest_word(symmetric_difference(a, b))


def is_equivalent(a: Automaton, b: Automaton) -> bool:
    """Whether `a` and `b` accept the same language (over the union of their alphabets)."""
    return find_counterexample(a, b) is None


def is_empty(automaton: Automaton) -> bool:
    """Whether the automaton accepts no word at all."""
    return shortest_word(automaton) is None


def _live(dfa: DFA) -> set[str]:
    """States reachable from the start from which an accepting state can be reached."""
    reach = set(reachable(dfa).states)
    back: dict[str, list[str]] = {}
    for (q, _), t in dfa.transitions.items():
        back.setdefault(t, []).append(q)
    live, todo = set(dfa.accepting & reach), list(dfa.accepting & reach)
    while todo:
        for q in back.get(todo.pop(), ()):
            if q in reach and q not in live:
                live.add(q)
                todo.append(q)
    return live


def is_finite(automaton: Automaton) -> bool:
    """Whether the language is finite: no cycle runs through live states."""
    dfa = as_dfa(automaton)
    live = _live(dfa)
    colour: dict[str, int] = {}  # 1: on the DFS stack, 2: done
    for root in live:
        if root in colour:
            continue
        stack = [(root, iter(dfa.alphabet))]
        colour[root] = 1
        while stack:
            q, symbols = stack[-1]
            for symbol in symbols:
                t = dfa.transitions.get((q, symbol))
                if t in live:
                    if colour.get(t) == 1:
                        return False
                    if t not in colour:
                        colour[t] = 1
                        stack.append((t, iter(dfa.alphabet)))
                        break
            else:
                colour[q] = 2
                stack.pop()
    return True


def words_of_length(automaton: Automaton, length: int) -> Iterator[tuple[str, ...]]:
    """The accepted words of exactly `length` symbols, in alphabet order, without visiting dead prefixes."""
    if length < 0:
        return
    dfa = as_dfa(automaton)
    # ready[r]: states from which some word of exactly r more symbols is accepted.
    ready = [set(dfa.accepting)]
    for _ in range(length):
        ready.append({q for (q, _), t in dfa.transitions.items() if t in ready[-1]})
    if dfa.start not in ready[length]:
        return
    stack = [(dfa.start, ())]
    while stack:
        q, word = stack.pop()
        left = length - len(word)
        if left == 0:
            yield word
            continue
        for symbol in reversed(dfa.alphabet):
            t = dfa.transitions.get((q, symbol))
            if t is not None and t in ready[left - 1]:
                stack.append((t, (*word, symbol)))


def words(automaton: Automaton, *, max_length: int) -> Iterator[tuple[str, ...]]:
    """Every accepted word of at most `max_length` symbols, shortest first, then in alphabet order."""
    if max_length != 0:
        check_budget("max_length", max_length)
    dfa = as_dfa(automaton)
    for length in range(max_length + 1):
        yield from words_of_length(dfa, length)


def count_words(automaton: Automaton, length: int) -> int:
    """How many words of exactly `length` symbols are accepted."""
    dfa = as_dfa(automaton)
    counts = {q: int(q in dfa.accepting) for q in dfa.states}
    for _ in range(length):
        counts = {q: sum(counts[t] for s in dfa.alphabet if (t := dfa.transitions.get((q, s))) is not None)
                  for q in dfa.states}
    return counts[dfa.start]
