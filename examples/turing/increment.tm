# Adds one to a binary number: walk to its last digit, then carry leftwards.
name: binary increment
blank: _
start: right
halt: done
input: 1011

right 0 -> 0 R right
right 1 -> 1 R right
right _ -> _ L carry
carry 1 -> 0 L carry
carry 0 -> 1 S done
carry _ -> 1 S done
