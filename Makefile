# The two commands from the README: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

# xstatic-bootstrap ships only an sdist whose setup imports pkg_resources, which setuptools 81
# dropped: pin setuptools inside pip's isolated build environments.
export PIP_BUILD_CONSTRAINT := $(CURDIR)/requirements/build-constraints.txt
export PIP_CONSTRAINT := $(CURDIR)/requirements/build-constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install lint format messages lock worker beat bench soak clean

run: install ## Start the portal with demo content at http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo --history
	$(BIN)/python manage.py load_demo_second_factor
	@echo "BTS/BTI-portalen: http://$(HOST):$(PORT)/  (staff area: http://$(HOST):$(PORT)/ansatt/)"
	LOG_FORMAT=text $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install ## Lint, then the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n auto

install: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/build-constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e ".[dev]"
	touch $(STAMP)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Extract UI strings into locale/*/django.po and compile them (needs GNU gettext)
	$(BIN)/python manage.py makemessages -l nb -l nn --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

lock: install ## Record the exact versions now installed
	{ echo "# Exact versions the project is tested with; installs use it as a constraints file."; \
	  echo "# Regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable | sort; } > requirements/lock.txt

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

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
