# Copies a word over {a, b}: abb becomes abb_abb. Each symbol is marked (upper case), carried past
# the gap to the end of the copy, and the marks are undone at the end.
name: copy
blank: _
start: pick
halt: done
input: abb

pick a -> A R carry_a
pick b -> B R carry_b
pick _ -> _ L restore
carry_a a -> a R carry_a
carry_a b -> b R carry_a
carry_a _ -> _ R put_a
put_a a -> a R put_a
put_a b -> b R put_a
put_a _ -> a L return
carry_b a -> a R carry_b
carry_b b -> b R carry_b
carry_b _ -> _ R put_b
put_b a -> a R put_b
put_b b -> b R put_b
put_b _ -> b L return
return a -> a L return
return b -> b L return
return _ -> _ L return2
return2 a -> a L return2
return2 b -> b L return2
return2 A -> A R pick
return2 B -> B R pick
restore A -> a L restore
restore B -> b L restore
restore _ -> _ R done
