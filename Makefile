# Two commands for a fresh Debian machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
BUNDLE_STAMP := $(VENV)/.bundle-stamp

# The English catalogue, compiled from its .po (not committed; the spec compiles it too).
MO := resources/locale/en/LC_MESSAGES/skpdesk.mo

.PHONY: run test test-pg soak lint bench bench-verifikasi bench-beban bundle demo clean terjemahan

$(STAMP): pyproject.toml requirements.lock scripts/bootstrap.sh scripts/pustaka-qt.txt
	PYTHON=$(PYTHON) VENV=$(VENV) sh scripts/bootstrap.sh
	touch $@

$(MO): resources/locale/en/LC_MESSAGES/skpdesk.po $(STAMP)
	$(BIN)/python scripts/terjemahan.py compile

# After changing UI texts: extract them and update the catalogue, then translate what is new.
terjemahan: $(STAMP)
	$(BIN)/python scripts/terjemahan.py update

run: $(STAMP) $(MO)
	$(BIN)/skpdesk --demo-if-empty

test: $(STAMP) $(MO)
	$(BIN)/ruff check src tests bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The store, services, documents and UI suites again, against a throwaway PostgreSQL cluster
# (tests/pg.py); needs PostgreSQL's initdb and pg_ctl (Debian's postgresql package).
test-pg: $(STAMP) $(MO)
	SKPDESK_TEST_PG=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest \
		tests/store tests/services tests/documents tests/ui

# The kill -9 harness (tests/bunuh.py) at full size: seeded kills during writes and backups.
soak: $(STAMP) $(MO)
	$(BIN)/python -m tests.bunuh --percobaan 120 --benih 19

bench: $(STAMP) $(MO)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/paket.py
	$(BIN)/python bench/dua_proses.py
	$(BIN)/python bench/documents.py

# The signed history's checks on a generated office of 500 pegawai × 10 years (about 5 minutes,
# most of it generating; --berkas FILE keeps the office for another run).
bench-verifikasi: $(STAMP)
	$(BIN)/python bench/bench_verifikasi.py

# 10 clients (processes, each a person of the demo office with its own connection) on one
# throwaway PostgreSQL office for 60 s: latencies, refusals, and 0 lost updates, 0 unhandled
# errors, 0 history gaps (about 2 minutes; --klien N --detik S, --sqlite for one file).
bench-beban: $(STAMP) $(MO)
	$(BIN)/python bench/beban.py

# The frozen one-folder bundle, its smoke run and budgets, and the NSIS script compiled.
$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[dev,bundle]'
	touch $@

bundle: $(BUNDLE_STAMP)
	VENV=$(VENV) sh scripts/bundle.sh

demo: $(STAMP)
	$(BIN)/skpdesk demo

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache $(MO)
