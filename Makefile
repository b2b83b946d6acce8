# Fresh machine: `make site` builds the demo portal, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The browser tests drive Debian's Chromium (never a browser downloaded by Playwright); the
# server tests run Debian's nginx and Apache with the configurations in deploy/, and rsync; the
# workbook tests open templates in Debian's LibreOffice Calc without a display (57 packages,
# 264 MB, about 50 s to install on a fresh machine).
SYSTEM := /usr/bin/chromium:chromium /usr/sbin/nginx:nginx /usr/sbin/apache2:apache2 /usr/bin/rsync:rsync \
	/usr/bin/soffice:libreoffice-calc-nogui
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site venv test test-fast check validate serve clean system-packages

site: $(STAMP)
	$(BIN)/kinerja build

# The environment alone (`kinerja` in .venv/bin), for jobs that run other commands
# (deploy/github-pages-bagian.yml).
venv: $(STAMP)

# Every test: lint and types, the fast layer, whole-portal rebuilds, the servers, the browser and
# LibreOffice.
test: check system-packages
	$(BIN)/pytest

# Everything except the browser, server and slow whole-portal layers: under a minute, run it while editing.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser and not slow and not server" -q

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

# One apt-get run for whichever of them is missing. The tests start their own servers on free
# ports and never use the packages' own services (which systemd may start on port 80).
system-packages:
	@missing=""; for pair in $(SYSTEM); do [ -x "$${pair%%:*}" ] || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

clean:
	rm -rf build site $(VENV)
