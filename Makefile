# The README's words: `make run` starts the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install install-dev translations extract update-translations add-language browser bench clean

run: install translations
	$(BIN)/flask --app assistant run --host 127.0.0.1 --port 5000

test: install-dev translations browser
	$(BIN)/pytest

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Compiled catalogues (.mo) are built here, never committed.
translations: install
	@if ls assistant/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel compile --statistics -d assistant/translations; \
	else echo "No translation catalogues yet: English only."; fi

# The translation workflow (README, "Translations"): extract the strings, merge them into every
# language's catalogue, compile. `make add-language LANG=xx` starts a new catalogue.
extract: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 --no-wrap --sort-by-file \
		--project "complaint assistant" -o assistant/translations/messages.pot .

update-translations: extract
	$(BIN)/pybabel update --no-wrap --ignore-obsolete -i assistant/translations/messages.pot -d assistant/translations

add-language: extract
	$(BIN)/pybabel init --no-wrap -i assistant/translations/messages.pot -d assistant/translations -l $(LANG)

# The browser tests use Debian's Chromium: Playwright cannot download its own here.
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -d /usr/share/fonts/truetype/noto ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core; \
		else echo "Install Chromium first: sudo apt-get install -y chromium fonts-noto-core"; exit 1; fi; \
	fi

bench: install-dev
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/timeline.py
	$(BIN)/python bench/caseload.py

clean:
	rm -rf $(VENV) instance .pytest_cache
