# Fresh machine: `make site` builds the demo portal, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test validate serve clean

site: $(STAMP)
	$(BIN)/kinerja build

test: $(STAMP)
	$(BIN)/pytest

validate: $(STAMP)
	$(BIN)/kinerja validate

serve: $(STAMP)
	$(BIN)/kinerja serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf build site $(VENV)
