# Two commands: `make run` serves the dashboard, `make test` checks everything.
PORT ?= 8501
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed

.PHONY: setup run test lint bench clean-db

setup: $(STAMP)

# (Re)create the venv when it is missing or not on Python 3.12/3.13, then install the runtime and the test pins.
$(STAMP): requirements.txt requirements-dev.txt scripts/find-python.sh
	@if ! $(PY) -c 'import sys; sys.exit(0 if (3, 12) <= sys.version_info[:2] < (3, 14) else 1)' 2>/dev/null; then \
		python=$$(sh scripts/find-python.sh) || exit 1; \
		echo "setup: creating $(VENV) with $$python"; \
		rm -rf $(VENV); "$$python" -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	@$(PY) -c 'import hazm, importlib.metadata as m; v = m.version("hazm"); assert v == "0.12.1", f"hazm {v} installed, 0.12.1 required"'
	@touch $(STAMP)

run: setup
	@$(PY) -m dashboard ingest seeds --if-empty --quiet
	$(PY) -m streamlit run dashboard/app/main.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

lint: setup
	$(PY) -m ruff check dashboard tests scripts
	$(PY) -m ruff format --check dashboard tests scripts
	$(PY) -m mypy dashboard

test: lint
	$(PY) -m pytest -q

bench: setup
	$(PY) tests/bench/bench_extract.py
	$(PY) tests/bench/bench_accuracy.py
	$(PY) tests/bench/bench_ingest.py
	$(PY) tests/bench/bench_dashboard.py
