"""The tasks of benchgen, one module each; each registers itself in `benchgen.registry` when imported."""
