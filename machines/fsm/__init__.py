"""machines.fsm."""
