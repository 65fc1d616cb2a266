"""tui: a Textual app to step through any machine's execution."""

__all__: list[str] = []
