"""Known-answer tables shared by several test modules (facts from ../shared/data/vectors)."""

# The verified rows of shared/data/vectors/bb.tsv: (machine, steps, non-blank cells at halt).
# bbchallenge convention: a transition into Z is executed and counted, '---' halts without a step.
BB_VECTORS = [
    ("1RZ---", 1, 1),
    ("1RB1LB_1LA1RZ", 6, 4),
    ("1RB1RZ_1LB1LA", 6, 3),
    ("1RB0LB_1LA1RZ", 6, 3),
    ("1RB1RZ_0LB1LA", 6, 2),
    ("0RB1RZ_1LA1RB", 6, 2),
    ("1RB1LA_1LA1RZ", 5, 3),
    ("1RB---_1RZ---", 2, 2),
    ("1RB1RZ_1LB0RC_1LC1LA", 21, 5),
    ("1RB1RZ_0RC1RB_1LC1LA", 14, 6),
    ("1RB1LC_1RC1RZ_1LA0LB", 11, 6),
    ("1RB1LB_1LA0LC_1RZ1LD_1RD0RA", 107, 13),
    ("1RB0RC_1LA1RA_1RZ1RD_1LD0LB", 96, 13),
    ("1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA", 47_176_870, 4_098),
    ("1RB1LC_1RC1RB_1RD0LE_1LA1LD_---0LA", 47_176_869, 4_097),
    ("1RB0LC_1RC1RD_1LA0RB_0RE1RZ_1LC1RA", 134_467, 501),
    ("1RB1LA_1RC1LD_1RE1RD_1RZ0LB_0LA1RC", 15_589, 165),
    ("1RB2LB1RZ_2LA2RB1LB", 38, 9),
    ("1RB2LA1RA1RA_1LB1LA3RB1RZ", 3_932_964, 2_050),
    ("1RB1LC1RZ_1LA1LC2RB_1RB2LC1RC", 3_932_964, 2_050),
    ("1RB2LA1RC_1LA1LC2RB_1RZ0LA1RB", 40, 6),
    ("1RB2RB1LC_1LA2RB1LB_1RZ2RB2LA", 39_253, 257),
    ("1RB2LB1LC_1LA2RB1RB_1RZ2LA0LC", 2_315_619, 31),
    ("1RB2RA2RC_1LC1RZ1LA_1RA2LB1LC", 310_341_163, 36_089),
    ("1RB1RZ2RB_1LC0LB1RA_1RA2LC1RC", 4_939_345_068, 107_900),
    ("1RB0LB1RZ1RB2LB_3LA4LB1RB2RA0RA", 3_179, 62),
]
