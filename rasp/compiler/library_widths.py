"""The RASP library's `selector_width` calls as the primitive they compute.

The library builds `selector_width(sel)` from two aggregates, with position 0 standing in for a
beginning-of-sequence token (`sel or select(indices, 0, ==)`). Compiled as written, that `or` of
selects on different s-ops needs the joint one-hot of (key, index) on both sides of a head and an
extra layer. Its result is exactly the number of keys `sel` selects (reference §2.4), which the
compiler builds with one head and the model's own BOS, as tracr does. So each library call is
replaced by the primitive before compiling; every other node stays as it is, and the property
check compares the model with the interpreter on the program so rewritten (the library's inner
aggregates are not computed).
"""

from __future__ import annotations

from dataclasses import fields, replace

from rasp.sops import Node, SelectorWidth, SOp, topological


def with_primitive_widths(program: SOp) -> SOp:
    """`program` with every library `selector_width(sel)` call made `SelectorWidth(sel)` (the
    program itself when it makes none)."""
    nodes = topological(program)
    if all(node.width_of is None for node in nodes):
        return program
    built: dict[int, Node] = {}
    for node in nodes:  # inputs before their readers
        if node.width_of is not None:
            built[id(node)] = SelectorWidth(
                built[id(node.width_of)], name=node.name, span=node.span, encoding=node.encoding
            )
            continue
        changed = {}
        for spec in fields(node):
            value = getattr(node, spec.name)
            if isinstance(value, Node) and built[id(value)] is not value:
                changed[spec.name] = built[id(value)]
            elif isinstance(value, tuple) and any(
                isinstance(v, Node) and built[id(v)] is not v for v in value
            ):
                changed[spec.name] = tuple(built[id(v)] if isinstance(v, Node) else v for v in value)
        built[id(node)] = replace(node, **changed) if changed else node
    return built[id(program)]
