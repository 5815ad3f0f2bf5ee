# The two commands of the README: `make run` and `make test`. Both set up .venv first.
# `make dist` builds the desktop bundle dist/claimdesk/ (packaging/README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DIST_STAMP := $(VENV)/.dist-stamp

.PHONY: run test lint bench dist clean

$(STAMP): pyproject.toml appinfo.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

run: $(STAMP)
	$(VENV)/bin/claimdesk $(ARGS)

test: $(STAMP)
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m bench.extraction_quality
	$(PY) -m bench.matching_quality
	$(PY) -m bench.bench_checkthat
	$(PY) -m bench.bench_extraction
	$(PY) -m bench.bench_report
	$(PY) -m bench.bench_matching

# One-folder PyInstaller bundle: dist/claimdesk/claimdesk (try `dist/claimdesk/claimdesk --self-test`).
dist: $(DIST_STAMP)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/claimdesk.spec

clean:
	rm -rf $(VENV) build dist *.egg-info
