# The README's two commands. Each works alone on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= out/demo

.PHONY: demo test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

# installs the project with the trainer, builds the demo dataset, trains a few steps on it
demo: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/repoloom build --input examples/repos --output $(OUT) --overwrite --seq-len 2048 --set tokenizer.vocab_size=4000
	rm -rf out/demo-run
	$(BIN)/repoloom train --data $(OUT) --preset tiny --steps 30 --batch-size 4 --workdir out/demo-run
	@echo
	@echo "Inspect the rows:    $(BIN)/repoloom inspect $(OUT) --example 0"
	@echo "Read the report:     $(OUT)/report.md"
	@echo "Train longer:        $(BIN)/repoloom train --data $(OUT) --preset tiny --steps 300 --batch-size 8 --workdir out/run"

test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train,test]'
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out build dist *.egg-info
