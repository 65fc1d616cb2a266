# Multiplies binary numbers a (tape 0) and b (tape 1) by shift-and-add, leaving a*b on tape 2.
# For each digit of b from its last: a 1 adds a into tape 2 (digit by digit with a carry, a blank
# reading as 0), a 0 writes a 0 there if the cell is blank; then tape 2's alignment shifts one cell
# left. `ends` runs the heads to the last digits; `back` and `right` return after an addition.
name: binary multiplication (three tapes)
tapes: 3
blank: _
start: ends
halt: done
input: 1011 | 110 |

ends 0 0 _ -> 0 0 _ R R R ends
ends 0 1 _ -> 0 1 _ R R R ends
ends 1 0 _ -> 1 0 _ R R R ends
ends 1 1 _ -> 1 1 _ R R R ends
ends 0 _ _ -> 0 _ _ R S R ends
ends 1 _ _ -> 1 _ _ R S R ends
ends _ 0 _ -> _ 0 _ S R S ends
ends _ 1 _ -> _ 1 _ S R S ends
ends _ _ _ -> _ _ _ L L L bit

bit 0 1 0 -> 0 1 0 S S S add0
bit 0 0 0 -> 0 0 0 S S S next
bit 0 _ 0 -> 0 _ 0 S S S done
bit 0 1 1 -> 0 1 1 S S S add0
bit 0 0 1 -> 0 0 1 S S S next
bit 0 _ 1 -> 0 _ 1 S S S done
bit 0 1 _ -> 0 1 _ S S S add0
bit 0 0 _ -> 0 0 0 S S S next
bit 0 _ _ -> 0 _ _ S S S done
bit 1 1 0 -> 1 1 0 S S S add0
bit 1 0 0 -> 1 0 0 S S S next
bit 1 _ 0 -> 1 _ 0 S S S done
bit 1 1 1 -> 1 1 1 S S S add0
bit 1 0 1 -> 1 0 1 S S S next
bit 1 _ 1 -> 1 _ 1 S S S done
bit 1 1 _ -> 1 1 _ S S S add0
bit 1 0 _ -> 1 0 0 S S S next
bit 1 _ _ -> 1 _ _ S S S done

add0 0 1 0 -> 0 1 0 L S L add0
add0 0 1 1 -> 0 1 1 L S L add0
add0 0 1 _ -> 0 1 0 L S L add0
add0 1 1 0 -> 1 1 1 L S L add0
add0 1 1 1 -> 1 1 0 L S L add1
add0 1 1 _ -> 1 1 1 L S L add0
add0 _ 1 0 -> _ 1 0 S S S back
add0 _ 1 1 -> _ 1 1 S S S back
add0 _ 1 _ -> _ 1 _ S S S back
add1 0 1 0 -> 0 1 1 L S L add0
add1 0 1 1 -> 0 1 0 L S L add1
add1 0 1 _ -> 0 1 1 L S L add0
add1 1 1 0 -> 1 1 0 L S L add1
add1 1 1 1 -> 1 1 1 L S L add1
add1 1 1 _ -> 1 1 0 L S L add1
add1 _ 1 0 -> _ 1 1 L S L add0
add1 _ 1 1 -> _ 1 0 L S L add1
add1 _ 1 _ -> _ 1 1 L S L add0

back _ 1 0 -> _ 1 0 R S R back
back 0 1 0 -> 0 1 0 R S R right
right 0 1 0 -> 0 1 0 R S R right
back 1 1 0 -> 1 1 0 R S R right
right 1 1 0 -> 1 1 0 R S R right
right _ 1 0 -> _ 1 0 L S L next
back _ 1 1 -> _ 1 1 R S R back
back 0 1 1 -> 0 1 1 R S R right
right 0 1 1 -> 0 1 1 R S R right
back 1 1 1 -> 1 1 1 R S R right
right 1 1 1 -> 1 1 1 R S R right
right _ 1 1 -> _ 1 1 L S L next
back _ 1 _ -> _ 1 _ R S R back
back 0 1 _ -> 0 1 _ R S R right
right 0 1 _ -> 0 1 _ R S R right
back 1 1 _ -> 1 1 _ R S R right
right 1 1 _ -> 1 1 _ R S R right
right _ 1 _ -> _ 1 _ L S L next

next 0 0 0 -> 0 0 0 S L L bit
next 0 0 1 -> 0 0 1 S L L bit
next 0 0 _ -> 0 0 _ S L L bit
next 0 1 0 -> 0 1 0 S L L bit
next 0 1 1 -> 0 1 1 S L L bit
next 0 1 _ -> 0 1 _ S L L bit
next 1 0 0 -> 1 0 0 S L L bit
next 1 0 1 -> 1 0 1 S L L bit
next 1 0 _ -> 1 0 _ S L L bit
next 1 1 0 -> 1 1 0 S L L bit
next 1 1 1 -> 1 1 1 S L L bit
next 1 1 _ -> 1 1 _ S L L bit
