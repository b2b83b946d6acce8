# Fresh machine: `make site` builds the demo portal, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The browser tests drive Debian's Chromium (never a browser downloaded by Playwright).
CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test test-fast check validate serve clean

site: $(STAMP)
	$(BIN)/kinerja build

# Every test: lint and types, the fast layer, whole-portal rebuilds and the browser.
test: check $(CHROMIUM)
	$(BIN)/pytest

# Everything except the browser and the slow whole-portal layers: under a minute, run it while editing.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser and not slow" -q

# Lint, formatting and types (ruff, mypy; strict on generator.compute and generator.model).
check: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

validate: $(STAMP)
	$(BIN)/kinerja validate

serve: $(STAMP)
	$(BIN)/kinerja serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

clean:
	rm -rf build site $(VENV)
