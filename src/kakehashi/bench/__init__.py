"""Benchmarks on a synthetic trilingual corpus (``corpus.generate_corpus``): search, build time."""
