# The README's two commands. Each works alone on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= out/demo

.PHONY: demo test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

# installs the project with the trainer, builds the demo dataset, trains a few steps on it. Sized for a CPU:
# short rows and a small vocabulary (what CPU time and memory scale with) and the `cpu` model preset.
demo: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/repoloom build --input examples/repos --output $(OUT) --overwrite --seq-len 512 --set tokenizer.vocab_size=2000
	rm -rf out/demo-run
	$(BIN)/repoloom train --data $(OUT) --preset cpu --steps 40 --batch-size 4 --set train.lr=3e-3 --set train.log_every=5 --workdir out/demo-run
	@echo
	@echo "Inspect the rows:    $(BIN)/repoloom inspect $(OUT) --example 0"
	@echo "Read the report:     $(OUT)/report.md"
	@echo "Train longer:        $(BIN)/repoloom train --data $(OUT) --preset cpu --steps 400 --batch-size 8 --set train.lr=3e-3 --workdir out/run"
	@echo "                     (20x the demo's training tokens; the trainer prints tokens/s and the time left)"

test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train,test]'
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out build dist *.egg-info
