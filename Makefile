# The two commands of the README:
#   make demo   check a sample post with the built-in default charter
#   make test   install everything the tests need and run them all (CI runs this)
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: demo test install install-test system-deps lint test-python test-extension charter-tests clean mutation mutation-python mutation-js mutation-quick

# What running charterguard needs (the demo)...
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

# ...and what the tests need on top (pytest, Playwright, schemathesis, pyspark).
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test,spark]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/charterguard check --file tests/data/sample_post_fr.txt --channel linkedin --fail-on never

# Debian packages the end-to-end tests use: Chromium for the extension,
# PostgreSQL for the decision log, Java for Spark, Node.js for the extension's unit
# tests (where the machine has none). Needs root, as in CI.
system-deps: install-test
	bash .ci/install-node.sh
	bash .ci/install-browser.sh
	bash .ci/install-postgres.sh
	bash .ci/install-java.sh

# ruff and mypy, configured in pyproject.toml.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy

charter-tests: install
	$(BIN)/charterguard charter test $(wildcard policies/*.yaml)

test-extension:
	@if [ -d browser-extension/tests ]; then cd browser-extension && node --test tests/; fi

test-python: install-test
	$(BIN)/pytest

test: install-test system-deps lint charter-tests test-extension test-python

# Mutation testing (slow, so not part of `make test`): mutmut over the safety-critical
# Python code ([tool.mutmut] in pyproject.toml says which files and tests), Stryker over
# the extension's guard, offsets and apply (browser-extension/stryker.config.json).
# `make mutation-quick`: validators and guard.js only, a few minutes.
MUTANTS ?= 'charterguard.validators*' 'charterguard.waivers*' 'charterguard.report.x_verdict_of*' \
	'charterguard.report.x?Finding*' 'charterguard.report.x?Report*' 'charterguard.report.x?CharterRef*' \
	'charterguard.engine.x_redact*' 'charterguard.decisions.*'
STRYKER := npx --yes -p @stryker-mutator/core@9.6.1 stryker

mutation: mutation-python mutation-js

mutation-python: install-test
	$(BIN)/pip install -q -e '.[mutation]'
	rm -rf mutants
	$(BIN)/mutmut run $(MUTANTS)
	$(BIN)/mutmut results

mutation-js:
	cd browser-extension && npm ci --no-audit --no-fund && $(STRYKER) run

mutation-quick: install-test
	$(BIN)/pip install -q -e '.[mutation]'
	rm -rf mutants
	$(BIN)/mutmut run 'charterguard.validators*'
	$(BIN)/mutmut results
	cd browser-extension && npm ci --no-audit --no-fund && $(STRYKER) run --mutate 'src/lib/guard.js:9-26'

clean:
	rm -rf $(VENV) .pytest_cache test-output mutants browser-extension/.stryker-tmp browser-extension/reports
