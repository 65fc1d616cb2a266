"""Provides the pretty printer: a syntax tree back to RASP source that parses to the same tree.

Parentheses appear only where the original's precedence and associativity need them (the
grammar's levels, loosest first: in, ternary, and/or, comparisons, + -, %, * /, ^, unary, postfix).
"""

from __future__ import annotations

import numpy as np

from rasp import syntax as s

_LEVEL = {"in": 1, "ternary": 2, "and": 3, "or": 3, "==": 4, "<=": 4, ">=": 4, "<": 4, ">": 4, "+": 5,
          "-": 5, "%": 6, "*": 7, "/": 7, "^": 8, "unary": 9, "postfix": 10, "atom": 11}


def to_source(node: s.Program | s.Stmt | s.Expr, indent: str = "\t") -> str:
    """RASP source for a program, statement or expression."""
    if isinstance(node, s.Program):
        return "".join(_statement(st, "", indent) for st in node.statements)
    if isinstance(node, s.Stmt):
        return _statement(node, "", indent)
    return expression(node)


def _level(expr: s.Expr) -> int:
    match expr:
        case s.Contains():
            return _LEVEL["in"]
        case s.Ternary():
            return _LEVEL["ternary"]
        case s.Binary(op=op):
            return _LEVEL[op]
        case s.Unary(op=op) if op in ("not", "-", "+"):
            return _LEVEL["unary"]
        case s.Index() | s.Call():
            return _LEVEL["postfix"]
    return _LEVEL["atom"]


def _at_least(expr: s.Expr, level: int) -> str:
    text = expression(expr)
    return text if _level(expr) >= level else f"({text})"


def float_literal(value: float) -> str:
    """A float as a RASP literal that reads back as the same float (digits, a dot, digits)."""
    text = np.format_float_positional(value, trim="-")
    return text if "." in text else text + ".0"


def expression(expr: s.Expr) -> str:
    """RASP source for one expression."""
    match expr:
        case s.Name(id=name):
            return name
        case s.Int(value=value):
            return str(value)
        case s.Float(value=value):
            return float_literal(value)
        case s.String(value=value):
            return f'"{value}"'
        case s.ListLit(items=items):
            return "[" + ", ".join(expression(e) for e in items) + "]"
        case s.DictLit(pairs=pairs):
            return "{" + ", ".join(f"{expression(k)}: {expression(v)}" for k, v in pairs) + "}"
        case s.ListComp(value=value, names=names, iterable=iterable):
            return f"[{expression(value)} for {', '.join(names)} in {expression(iterable)}]"
        case s.DictComp(key=key, value=value, names=names, iterable=iterable):
            head = f"{expression(key)}: {expression(value)}"
            return f"{{{head} for {', '.join(names)} in {expression(iterable)}}}"
        case s.Unary(op=op, operand=operand):
            if op in ("round", "indicator"):
                return f"{op}({expression(operand)})"
            separator = " " if op == "not" else ""
            return f"{op}{separator}{_at_least(operand, _LEVEL['unary'])}"
        case s.Binary(op=op, left=left, right=right):
            level = _LEVEL[op]
            return f"{_at_least(left, level)} {op} {_at_least(right, level + 1)}"
        case s.Ternary(then=then, cond=cond, otherwise=otherwise):
            return (f"{_at_least(then, _LEVEL['ternary'])} if {expression(cond)} "
                    f"else {_at_least(otherwise, _LEVEL['ternary'] + 1)}")
        case s.Contains(item=item, container=container):
            return f"{_at_least(item, _LEVEL['in'])} in {_at_least(container, _LEVEL['in'] + 1)}"
        case s.Index(target=target, index=index):
            return f"{_at_least(target, _LEVEL['postfix'])}[{expression(index)}]"
        case s.Call(func=func, args=args):
            return f"{_at_least(func, _LEVEL['postfix'])}({', '.join(expression(a) for a in args)})"
        case s.Select(key=key, query=query, op=op):
            return f"select({expression(key)}, {expression(query)}, {op})"
        case s.Aggregate(selector=selector, values=values, default=default):
            parts = [expression(selector), expression(values)]
            if default is not None:
                parts.append(expression(default))
            return f"aggregate({', '.join(parts)})"
        case s.Range(args=args):
            return f"range({', '.join(expression(a) for a in args)})"
        case s.Zip(args=args):
            return f"zip({', '.join(expression(a) for a in args)})"
        case s.Len(arg=arg):
            return f"len({expression(arg)})"
    raise TypeError(f"not a RASP expression: {expr!r}")


def _statement(stmt: s.Stmt, pad: str, indent: str) -> str:
    match stmt:
        case s.ExprStmt(expr=expr):
            return f"{pad}{expression(expr)};\n"
        case s.Assign(targets=targets, values=values):
            return f"{pad}{', '.join(targets)} = {', '.join(expression(v) for v in values)};\n"
        case s.Draw(sop=sop, example=example):
            extra = f", {expression(example)}" if example is not None else ""
            return f"{pad}draw({expression(sop)}{extra});\n"
        case s.Load(path=path):
            return f'{pad}load "{path}";\n'
        case s.FuncDef(name=name, params=params, body=body, results=results):
            inner = "".join(_statement(b, pad + indent, indent) for b in body)
            returns = f"{pad}{indent}return {', '.join(expression(r) for r in results)};\n"
            return f"{pad}def {name}({', '.join(params)}) {{\n{inner}{returns}{pad}}}\n"
        case s.ForLoop(names=names, iterable=iterable, body=body):
            inner = "".join(_statement(b, pad + indent, indent) for b in body)
            return f"{pad}for {', '.join(names)} in {expression(iterable)} {{\n{inner}{pad}}}\n"
        case s.SetExample(subset=subset, example=example):
            return f"{pad}set {subset + ' ' if subset else ''}example {expression(example)}\n"
        case s.ShowExample(subset=subset):
            return f"{pad}show {subset + ' ' if subset else ''}example\n"
        case s.ToggleExamples(subset=subset, on=on):
            return f"{pad}{subset + ' ' if subset else ''}examples {'on' if on else 'off'}\n"
        case s.FullSeqDisplay(on=on):
            return f"{pad}full seq display {'on' if on else 'off'}\n"
        case s.Exit(word=word):
            return f"{pad}{word}\n"
    raise TypeError(f"not a RASP statement: {stmt!r}")
