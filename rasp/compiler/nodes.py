"""Documents the attributes the compiler passes store on the nodes of the program graph."""

EXPR = "expr"
"""The rasp.sops node (synthetic nodes carry a Map made by the compiler)."""
ARGS = "args"
"""Ids of the graph nodes this one reads, in the expression's order."""
NAME = "name"
"""A unique name: the program's name for the node, else '<kind>_<k>'; residual labels start with it."""
ROLE = "role"
"""'input' (tokens, indices, constants), 'selector', 'attention' or 'mlp'."""
FN = "fn"
"""For 'mlp' nodes: the Python function of the argument values."""
SYNTHETIC = "synthetic"
"""True for nodes the compiler adds (selector-width scratch, numerical-to-categorical copies)."""
VALUES = "values"
"""The sorted tuple of values the s-op can take (None: not known, too many)."""
ENCODING = "encoding"
"""rasp.sops.Encoding of an s-op in the residual stream."""
WIDTH_ONE = "width_one"
"""For selectors: True when no query ever selects more than one key."""
LAYER = "layer"
"""The layer whose attention (role 'attention') or MLP (role 'mlp') computes the node; inputs: 0."""
IN_EMBEDDING = "in_embedding"
"""For 'mlp' nodes of one input only: folded into the token or position embedding table."""

LEAVES = "leaves"
"""For 'mlp' nodes: ids of the nodes outside its MLP that it is computed from."""
NEEDED = "needed"
"""For 'mlp' nodes: False when only nodes fused into the same MLP read it (it gets no dimensions)."""
BY_WIDTH = "by_width"
"""Mean aggregates (abstract inference): {width: achievable sums}; means under one selector share
the width, so their joint values are far fewer than the product of their value sets."""
FORMULA = "formula"
"""Selector nodes: the formula rewritten over joint s-ops (set by `insert_joints`)."""
PARTS = "parts"
"""Select nodes reading joint s-ops: where their key and query sit in the joint values."""

INPUT, SELECTOR, ATTENTION, MLP = "input", "selector", "attention", "mlp"

# Graph-level entries (graph.graph): "root", "budget" (1, or runs.DEPTH_BUDGET for min_depth),
# "method" and "dialect" (set by value inference), "columns" (exhaustive inference: every node's
# observed values, input after input, and "input_starts" where each input starts among them), and
# per-compilation caches that later passes share: "tables" (value-inference tables of Maps),
# "shared_tables", "width_means", "joint_means", "joint_counts", "coordinates", "leaf_coordinates",
# "run_columns", "runs", "feasible" and "point_columns" (rasp.compiler.runs), "step_results"
# (rasp.compiler.feasible).
