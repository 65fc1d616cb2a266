"""Chain-of-thought renderers: one module per style, each with `render` and a `parse` that inverts it.

A scorer parses a model's completion with the item's style (`metadata["style"]`) and compares the
states it reads with the gold `metadata["states"]`, step by step.

Queue (tag and lag system) traces: `tmbench_blocks` (TMBench's step blocks), `rule_steps` (one rule
application per step). Turing-machine traces, all from a `tm_run.TMRun` and named in `tm_styles`:
`tm_blocks`, `turing_program`, `tail_minimal`, `tail_styled`, `caef`, `changes`. Finite automata:
`state_trace`. Cellular automata: `generations`. RASP: `rasp_frames`.
"""
