"""machines.life."""
