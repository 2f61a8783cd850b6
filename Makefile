# EduKG developer commands. `make demo` and `make test` work on a fresh clone
# with only python3: both create .venv and install the package first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  ?= ../shared/corpus/seeds
GOLD   ?= ../shared/eval/gold

.PHONY: install demo test lint fmt vocab check score bench clean

install: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install  ## build the bundled example corpus into outputs/
	$(BIN)/kg build examples/reports -o outputs/

test: install lint  ## lint, then run the whole test suite
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check kg tests bench tools
	$(BIN)/ruff format --check kg tests bench tools
	$(BIN)/python tools/gen_vocab.py --check

fmt: install
	$(BIN)/ruff format kg tests bench tools
	$(BIN)/ruff check --fix kg tests bench tools

vocab: install  ## regenerate kg/vocab.py from ontology/edukg.ttl
	$(BIN)/python tools/gen_vocab.py

score: install  ## build the seed reports and score them against the gold annotations
	$(BIN)/kg build $(SEEDS) -o outputs/seeds --no-html
	$(BIN)/python ../shared/eval/score.py --gold $(GOLD) --graph outputs/seeds/graph.ttl --show-errors

bench: install  ## pipeline throughput vs jieba, peak memory
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) build *.egg-info outputs/* .pytest_cache .ruff_cache
	touch outputs/.gitkeep
