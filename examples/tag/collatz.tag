# De Mol's 2-tag system for the Collatz function: from a^n it passes through exactly the
# all-a words a^T(n), a^T(T(n)), ... with T(n) = n/2 (even n) or (3n+1)/2 (odd n).
# It halts when fewer than m = 2 symbols are left; from a^3 that takes 24 steps.
name: de_mol_collatz
m: 2
input: aaa
a -> bc
b -> a
c -> aaa
