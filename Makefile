# Kakehashi — every set-up step lives here, so a fresh Debian machine needs only `make serve` or `make test`.
# Debian's own interpreter when there is one: it is the platform targeted, and it is built with PGO and
# LTO (the build, pure Python, runs about a third faster than with a default pyenv build of 3.11).
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3.11)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Root installs system packages directly; anybody else through sudo.
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium
NGINX  := /usr/sbin/nginx
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
PREVIEW_LISTEN ?= 127.0.0.1:8080
# Material prints an end-of-life notice on every build; it is known (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install lint upstream-suites build serve preview test i18n i18n-extract i18n-update i18n-compile check hooks bench bench-search bench-web clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/activate:
	$(PYTHON) -c "import ensurepip" 2>/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3.11-venv; }
	$(PYTHON) -m venv $(VENV)

# Pinned install: every version comes from constraints.txt.
$(VENV)/.installed: $(BIN)/activate pyproject.toml constraints.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[site,test]'
	touch $@

install: $(VENV)/.installed  ## virtual environment with the pinned dependencies

i18n-extract: install  ## collect UI strings from templates, hooks and code into locales/messages.pot
	$(BIN)/pybabel --quiet extract -F babel.cfg -c "Translators:" --no-location --sort-output \
	  --project Kakehashi --version 0.1 -o locales/messages.pot .

i18n-update: i18n-extract  ## merge new strings into locales/*/LC_MESSAGES/messages.po
	$(BIN)/pybabel --quiet update -i locales/messages.pot -d locales --no-fuzzy-matching --ignore-obsolete

i18n-compile: install  ## compile the catalogs (.mo) used by the build
	$(BIN)/pybabel --quiet compile -d locales

i18n: i18n-update i18n-compile  ## extract, update and compile the UI catalogs

build: i18n-compile  ## strict build of the trilingual site into site/
	$(BIN)/mkdocs build --strict

serve: build  ## build, then serve with live reload on http://127.0.0.1:8000 (edits rebuild only what changed)
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr $(HOST):$(PORT)

# Debian's nginx and its brotli modules (the production server of deploy/).
$(NGINX) $(BROTLI_MODULE):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static

preview: i18n-compile $(NGINX) $(BROTLI_MODULE)  ## strict build, then serve it through nginx as in production on http://127.0.0.1:8080
	KAKEHASHI_SITE_URL=http://$(PREVIEW_LISTEN)/ $(BIN)/mkdocs build --strict
	$(BIN)/python -m kakehashi.build.web_server preview site --out .preview --listen $(PREVIEW_LISTEN)

check: install  ## translation and content checks
	$(BIN)/kakehashi check

hooks: install  ## git pre-commit hook: `kakehashi check` on the pages of each commit (.pre-commit-config.yaml)
	$(BIN)/pre-commit install

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

node_modules/axe-core/axe.min.js node_modules/.bin/lighthouse: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch node_modules/axe-core/axe.min.js node_modules/.bin/lighthouse

# The test suites of the libraries whose internals the speed-ups patch, as their source distributions
# ship them (pinned versions); tests/speedups/test_upstream_suites.py runs them with the speed-ups applied.
UPSTREAM := .cache/upstream
MARKDOWN_VERSION := $(shell sed -n 's/^Markdown==\([^ ]*\).*/\1/p' constraints.txt)
I18N_VERSION := $(shell sed -n 's/^mkdocs-static-i18n==\([^ ]*\).*/\1/p' constraints.txt)
UPSTREAM_SUITES := $(UPSTREAM)/markdown-$(MARKDOWN_VERSION) $(UPSTREAM)/mkdocs_static_i18n-$(I18N_VERSION)

$(UPSTREAM)/%: | $(VENV)/.installed
	mkdir -p $(UPSTREAM)
	$(BIN)/pip download --quiet --no-deps --no-binary :all: -d $(UPSTREAM) "$$(echo $* | sed 's/-\([0-9][^-]*\)$$/==\1/')"
	tar -xzf $(UPSTREAM)/$*.tar.gz -C $(UPSTREAM)

upstream-suites: $(UPSTREAM_SUITES)  ## fetch the test suites of Python-Markdown and mkdocs-static-i18n (pinned)

lint: install  ## ruff (configured in pyproject.toml)
	$(BIN)/ruff check .

test: i18n-compile lint upstream-suites $(CHROMIUM) $(NGINX) $(BROTLI_MODULE) node_modules/axe-core/axe.min.js node_modules/.bin/lighthouse  ## install what tests need, then lint and run them
	$(BIN)/pytest

bench: i18n-compile  ## build-time benchmark on a synthetic corpus (prints its figures)
	$(BIN)/python -m kakehashi.bench $(BENCH_ARGS)

bench-search: i18n-compile $(CHROMIUM)  ## search benchmark, stock Material search vs Pagefind (1,600 guides per language; BENCH_SEARCH_ARGS=--pages N)
	$(BIN)/python -m kakehashi.bench.search $(BENCH_SEARCH_ARGS)

bench-web: i18n-compile $(CHROMIUM) $(NGINX) $(BROTLI_MODULE) node_modules/.bin/lighthouse  ## Lighthouse (mobile) on six page types in each language, served by nginx as in production
	$(BIN)/python -m kakehashi.bench.web $(BENCH_WEB_ARGS)

clean:  ## remove build output (keeps the virtual environment)
	rm -rf site .pytest_cache .preview
