# Quick start:  make run   (set everything up, start the app)
#               make test  (set everything up, run every check headless)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: dist dist-check dist-portable dist-portable-check glibc-floor run test setup system-deps test-system-deps lint typecheck pytest translations font validate clean

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
	$(PY) -m ruff check czt_desktop tests tools bench build_spec
	$(VENV)/bin/lint-imports

typecheck:
	$(PY) -m mypy

pytest:
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Standalone app (PyInstaller, build_spec/README.md): dist/czt-desktop/, the one-file
# executable and, on Linux, the .tar.gz with desktop file, metainfo, icons, licences.
dist: setup
	PY=$(PY) build_spec/build.sh

# CI: the one-folder bundle, its self-test, its glibc floor (at most DIST_GLIBC_MAX: a
# build on Debian 12 needs its glibc, 2.36), and the self-test in a minimal Debian
# without Python, offscreen and on Xvfb (needs root).
DIST_GLIBC_MAX ?= 2.36
dist-check: setup
	PY=$(PY) CZT_BUNDLE=onedir CZT_NO_ARCHIVE=1 CZT_GLIBC_MAX=$(DIST_GLIBC_MAX) build_spec/build.sh
	build_spec/check_standalone.sh --xvfb dist/czt-desktop

# The release build for Linux: the same three outputs in dist/, built inside Debian 11
# (debootstrap, with a Python 3.11 built from Debian's source; both cached under
# /var/cache/czt-desktop/portable), so they run on glibc 2.31 and newer. Needs root;
# not run by CI (build_spec/README.md). dist-portable-check also runs their self-test
# in minimal Debian 11 and 12, offscreen and on Xvfb.
dist-portable:
	build_spec/build_portable.sh

dist-portable-check: dist-portable
	build_spec/check_standalone.sh --xvfb --suite bullseye,bookworm dist/czt-desktop

# The glibc a built bundle needs (the highest GLIBC_ version of its ELF files).
glibc-floor:
	$(PYTHON) build_spec/glibc_floor.py dist/czt-desktop

validate: setup
	$(PY) -m czt_desktop validate data

# Regenerate Qt translations: strings from the code into .ts, then compiled .qm. English
# is the source language: its catalogue holds only the plural forms (%n).
translations: setup
	$(VENV)/bin/pyside6-lupdate $$(find czt_desktop -name '*.py' | sort) -ts resources/translations/czt_desktop_zh_CN.ts
	$(VENV)/bin/pyside6-lupdate $$(find czt_desktop -name '*.py' | sort) -target-language en -pluralonly -ts resources/translations/czt_desktop_en.ts
	for ts in resources/translations/*.ts; do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

# Regenerate the bundled CJK font subset (needs Debian's fonts-noto-cjk).
font: setup
	$(PY) tools/build_font_subset.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
