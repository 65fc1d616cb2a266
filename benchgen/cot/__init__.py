"""Chain-of-thought renderers: one module per style, each with `render` and a `parse` that inverts it.

Tag-system (queue) traces: `tmbench_blocks` (TMBench's step blocks).
Turing-machine traces (all from `TMRun`): `tm_blocks` (TMBench-like step blocks), `turing_program`
(full tape copies with the head marked), `tail_minimal` and `tail_styled` (TAIL's atomic states with
memory fetch), `caef` (state/command pairs) and `changes` (only what each step changes).
"""
