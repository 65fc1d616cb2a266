# Accepts binary palindromes: erase the first symbol, check that the last one matches, erase it,
# go back, repeat. Halts in 'accept' (tape erased) or 'reject'.
name: binary palindrome
blank: _
start: first
halt: accept reject
input: 1001001

first 0 -> _ R have0
first 1 -> _ R have1
first _ -> _ S accept
have0 0 -> 0 R have0
have0 1 -> 1 R have0
have0 _ -> _ L last0
have1 0 -> 0 R have1
have1 1 -> 1 R have1
have1 _ -> _ L last1
last0 0 -> _ L back
last0 1 -> 1 S reject
last0 _ -> _ S accept
last1 1 -> _ L back
last1 0 -> 0 S reject
last1 _ -> _ S accept
back 0 -> 0 L back
back 1 -> 1 L back
back _ -> _ R first
