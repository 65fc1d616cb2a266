"""machines.tag."""
