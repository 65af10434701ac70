# Two commands do everything: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
POSTGRES_URL ?= postgres://betrokken:betrokken@127.0.0.1:5432/betrokken
PYTEST_ARGS ?=

.PHONY: run test lint typecheck messages test-sqlite test-postgres check-deploy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

messages:
	$(MANAGE) compilemessages --ignore=.venv -v 0

run: $(VENV)/.runtime
	./scripts/system-packages.sh run
	$(MAKE) messages
	mkdir -p var
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_framework
	$(MANAGE) load_actions
	$(MANAGE) load_support_directory
	$(MANAGE) load_demo
	@echo "Serving on http://127.0.0.1:8000 with one worker for letters and exports — stop both with Ctrl+C."
	./scripts/run-dev.sh $(BIN)/python 127.0.0.1:8000

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev
	$(BIN)/mypy .

test-sqlite: $(VENV)/.dev
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.dev
	./scripts/start-postgres.sh
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS)

# Both databases at once: the suites share no files, ports or databases (each test server, cache file and
# database is its own); on two cores this saves about a quarter of the wall time. -O prints each suite's output whole.
test: $(VENV)/.dev
	./scripts/system-packages.sh test
	$(MAKE) lint typecheck messages
	mkdir -p var
	$(MANAGE) makemigrations --check --dry-run -v 0
	$(MAKE) -j2 -O test-sqlite test-postgres

clean:
	rm -rf $(VENV) var staticfiles
