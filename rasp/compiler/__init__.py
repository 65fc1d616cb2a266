"""rasp.compiler."""
