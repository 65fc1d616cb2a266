# The 4-state busy beaver (Brady 1983): 107 steps, 13 ones; 1RB1LB_1LA0LC_1RZ1LD_1RD0RA in
# bbchallenge's format. A rule into the halt state Z is executed and counted.
name: BB(4) champion
blank: 0
start: A
halt: Z

A 0 -> 1 R B
A 1 -> 1 L B
B 0 -> 1 L A
B 1 -> 0 L C
C 0 -> 1 R Z
C 1 -> 1 L D
D 0 -> 1 R D
D 1 -> 0 R A
