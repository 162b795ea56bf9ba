# The two commands from the README: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

# Every install comes from hash-pinned locks (requirements/*.txt, written by `make lock` from
# pyproject.toml): the runtime lock for the Docker image, the dev lock (runtime + the dev extra)
# for this venv.
LOCK := requirements/lock.txt
DEV_LOCK := requirements/dev-lock.txt
PIP_LOCK := requirements/pip-lock.txt
# xstatic-bootstrap ships only an sdist whose setup imports pkg_resources, which setuptools 81
# dropped: pin setuptools inside pip's isolated build environments. (Older pips read
# PIP_CONSTRAINT there; it also applies to the outer install, where the hashed lock decides.)
export PIP_BUILD_CONSTRAINT := $(CURDIR)/requirements/build-constraints.txt
export PIP_CONSTRAINT := $(CURDIR)/requirements/build-constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install lint templates-lint format messages lock worker beat bench soak clean

run: install ## Start the portal with demo content at http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo --history
	$(BIN)/python manage.py load_demo_second_factor
	@echo "BTS/BTI-portalen: http://$(HOST):$(PORT)/  (staff area: http://$(HOST):$(PORT)/ansatt/)"
	LOG_FORMAT=text $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install ## Lint, then the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory templates-lint
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n auto

install: $(STAMP)

# Only what the locks name, checked against their hashes; then the project itself without any
# resolution of its own (--no-deps).
$(STAMP): pyproject.toml $(LOCK) $(DEV_LOCK) $(PIP_LOCK) requirements/build-constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(PIP_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory templates-lint
	$(BIN)/mypy

# djlint's rules ([tool.djlint] in pyproject.toml) and a ceiling on line length. Lines may pass
# 120 characters where no break is possible without changing the output: one long
# {% translate %} tag (a tag cannot span lines), or inline text and tags with no space between.
TEMPLATE_DIRS = templates $(filter-out mutants/templates,$(wildcard */templates))
TEMPLATE_MAX_LINE := 400
templates-lint: install ## djlint on the templates, and no template line over 400 characters
	$(BIN)/djlint $(TEMPLATE_DIRS) --lint --quiet
	@find $(TEMPLATE_DIRS) -name '*.html' -exec awk -v max=$(TEMPLATE_MAX_LINE) \
	  'length > max { printf "%s:%d: %d characters (at most %d)\n", FILENAME, FNR, length, max; bad = 1 } \
	   END { exit bad }' {} +

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Extract UI strings into locale/*/django.po and compile them (needs GNU gettext)
	$(BIN)/python manage.py makemessages -l nb -l nn --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

# uv keeps the pins already in a lock and resolves only what pyproject.toml changed;
# `make lock UPGRADE=1` moves every pin to the newest release pyproject.toml allows. The runtime
# lock is resolved inside the dev lock, so both name the same versions.
UV_COMPILE = $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" \
	$(if $(UPGRADE),--upgrade)

lock: install ## Regenerate the hash-pinned locks from pyproject.toml (needs the package index)
	$(UV_COMPILE) requirements/pip.in -o $(PIP_LOCK)
	$(UV_COMPILE) pyproject.toml --extra dev -o $(DEV_LOCK)
	$(UV_COMPILE) pyproject.toml -c $(DEV_LOCK) -o $(LOCK)

worker: install ## A Celery worker (needs CELERY_BROKER_URL)
	$(BIN)/celery -A bts_portal worker --loglevel=INFO

beat: install ## Celery beat with the database scheduler (needs CELERY_BROKER_URL)
	$(BIN)/celery -A bts_portal beat --loglevel=INFO

bench: install ## Pages through gunicorn against the floor, then the heavy tasks (printed, not asserted)
	pages=0; $(BIN)/python bench/pages.py || pages=$$?; \
	cd bench && for script in *.py; do case $$script in _*|pages.py) continue;; esac; \
	  echo "== $$script"; ../$(BIN)/python $$script || exit 1; done; exit $$pages

soak: install ## 20 staff and 4 visitors for 60 s against gunicorn on a fresh PostgreSQL database
	$(BIN)/python soak/run.py

.PHONY: mutate
mutate: install ## Mutation testing of the rule modules (mutmut); the score per module, >= 90 % each
	$(BIN)/python tools/mutate.py $(MODULES)

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
