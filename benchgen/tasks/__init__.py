"""benchgen.tasks."""
