# Adds two unary numbers, a on tape 0 and b on tape 1: tape 0's head walks past a, then each 1
# of b is copied after it. Rules read one symbol per tape and write, move one per tape:
#   STATE READ0 READ1 -> WRITE0 WRITE1 MOVE0 MOVE1 NEXT
name: unary addition (two tapes)
tapes: 2
blank: _
start: end
halt: done
input: 111 | 11

end 1 1 -> 1 1 R S end
end 1 _ -> 1 _ R S end
end _ 1 -> _ 1 S S copy
end _ _ -> _ _ S S done
copy _ 1 -> 1 1 R R copy
copy _ _ -> _ _ S S done
