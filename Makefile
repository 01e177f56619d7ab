# The two commands of the README:
#   make demo   check a sample post with the built-in default charter
#   make test   install everything the tests need and run them all (CI runs this)
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: demo test install install-test system-deps test-python test-extension charter-tests clean

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
# PostgreSQL for the decision log, Java for Spark. Needs root, as in CI.
system-deps: install-test
	bash .ci/install-browser.sh
	bash .ci/install-postgres.sh
	bash .ci/install-java.sh

charter-tests: install
	$(BIN)/charterguard charter test $(wildcard policies/*.yaml)

test-extension:
	@if [ -d browser-extension/tests ]; then cd browser-extension && node --test tests/; fi

test-python: install-test
	$(BIN)/pytest

test: install-test system-deps charter-tests test-extension test-python

clean:
	rm -rf $(VENV) .pytest_cache test-output
