"""benchgen: chain-of-thought benchmark datasets from exact machine traces, and their scoring."""

__all__: list[str] = []
