"""Contributed data files: one YAML loader with line numbers, schema validation, events, partners, the termbase."""
