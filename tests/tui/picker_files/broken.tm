# A rule with a move that is not L, R or S: the picker must report file, line and column.
name: broken
blank: _
start: a
halt: h

a _ -> 1 X h
