# Adds two binary numbers a+b on one tape by counting: while b is not zero, decrement b and
# increment a. When b's decrement borrows past its first digit, b was zero: erase it and the '+'.
name: binary addition
blank: _
start: right
halt: done
input: 1011+11001

right 0 -> 0 R right
right 1 -> 1 R right
right + -> + R right
right _ -> _ L dec
dec 1 -> 0 L toa
dec 0 -> 1 L dec
dec + -> _ R clean
toa 0 -> 0 L toa
toa 1 -> 1 L toa
toa + -> + L inc
inc 1 -> 0 L inc
inc 0 -> 1 R right
inc _ -> 1 R right
clean 1 -> _ R clean
clean _ -> _ S done
