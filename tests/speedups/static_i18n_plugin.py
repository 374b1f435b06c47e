"""A pytest plugin for mkdocs-static-i18n's own test suite: its per-file step replaced by the portal's
speed-up (``pytest -p static_i18n_plugin`` with this folder on PYTHONPATH)."""

from kakehashi_speedups import i18n_files

i18n_files.install()
