# Adds two unary numbers a+b (111+11 is 3+2): the '+' becomes a 1, then the last 1 is erased.
name: unary addition
blank: _
start: scan
halt: done
input: 111+11

scan 1 -> 1 R scan
scan + -> 1 R scan
scan _ -> _ L erase
erase 1 -> _ S done
