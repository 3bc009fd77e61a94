# The two commands of README.md: `make demo` (set up and serve the demo) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test install backup

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet ".[test]"
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py load_readers_demo
	@echo "Serving the demo on http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/)"
	@echo "Notification emails are printed below, on this console (tasks run inline, no worker)."
	DEBUG=1 REQUIRE_2FA=0 TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
		$(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

# A dated archive of the database and the private files in BACKUP_ROOT
# (docs/backup.md); uses the same environment as the site (DATABASE_URL...).
backup: $(VENV)/.installed
	$(PY) manage.py backup
