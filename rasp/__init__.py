"""RASP: the language of "Thinking Like Transformers", its interpreter, analyser and compiler."""

__all__: list[str] = []
