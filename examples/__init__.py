"""Ready-to-run machines, patterns and programs, and the demo script (`python -m examples.demo`)."""
