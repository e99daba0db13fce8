# Quick start:  make run   (set everything up, start the app)
#               make test  (set everything up, run every check headless)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test setup system-deps test-system-deps lint typecheck pytest translations font validate clean

run: setup
	$(PY) -m czt_desktop

test: setup test-system-deps lint typecheck pytest

setup: system-deps $(STAMP)

system-deps:
	@tools/install-system-deps.sh

test-system-deps:
	@tools/install-system-deps.sh --test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

lint:
	$(PY) -m ruff check czt_desktop tests tools bench

typecheck:
	$(PY) -m mypy

pytest:
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

validate: setup
	$(PY) -m czt_desktop validate data

# Regenerate Qt translations: strings from the code into .ts, then compiled .qm.
translations: setup
	$(VENV)/bin/pyside6-lupdate $$(find czt_desktop -name '*.py' | sort) -ts resources/translations/czt_desktop_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/czt_desktop_zh_CN.ts -qm resources/translations/czt_desktop_zh_CN.qm

# Regenerate the bundled CJK font subset (needs Debian's fonts-noto-cjk).
font: setup
	$(PY) tools/build_font_subset.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
