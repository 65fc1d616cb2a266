# The worked example of TMBench's prompt: m = 2 over {A, B, C}, from [B C A] it halts after
# 4 steps with [B], fewer than m symbols.
name: tmbench_example
m: 2
input: BCA
A -> CAC
B -> A
C -> B
