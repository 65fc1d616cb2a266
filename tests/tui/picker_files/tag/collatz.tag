# De Mol's 2-tag system for the Collatz function (halts after 24 steps from aaa).
name: de_mol_collatz
m: 2
input: aaa
a -> bc
b -> a
c -> aaa
