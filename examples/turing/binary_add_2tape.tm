# Adds binary numbers a (tape 0) and b (tape 1) digit by digit with a carry, leaving a+b on tape 0.
# Both heads first run to the end of their number, then step left together; a blank reads as 0.
name: binary addition (two tapes)
tapes: 2
blank: _
start: ends
halt: done
input: 1011 | 11001

ends 0 0 -> 0 0 R R ends
ends 0 1 -> 0 1 R R ends
ends 1 0 -> 1 0 R R ends
ends 1 1 -> 1 1 R R ends
ends 0 _ -> 0 _ R S ends
ends 1 _ -> 1 _ R S ends
ends _ 0 -> _ 0 S R ends
ends _ 1 -> _ 1 S R ends
ends _ _ -> _ _ L L carry0

carry0 0 0 -> 0 0 L L carry0
carry0 0 1 -> 1 1 L L carry0
carry0 1 0 -> 1 0 L L carry0
carry0 1 1 -> 0 1 L L carry1
carry0 0 _ -> 0 _ L L carry0
carry0 1 _ -> 1 _ L L carry0
carry0 _ 0 -> 0 0 L L carry0
carry0 _ 1 -> 1 1 L L carry0
carry0 _ _ -> _ _ R R done

carry1 0 0 -> 1 0 L L carry0
carry1 0 1 -> 0 1 L L carry1
carry1 1 0 -> 0 0 L L carry1
carry1 1 1 -> 1 1 L L carry1
carry1 0 _ -> 1 _ L L carry0
carry1 1 _ -> 0 _ L L carry1
carry1 _ 0 -> 1 0 L L carry0
carry1 _ 1 -> 0 1 L L carry1
carry1 _ _ -> 1 _ S S done
