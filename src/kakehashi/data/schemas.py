"""The JSON Schemas of ``data/schemas/``: one validator per schema, built once per change of the folder.

Schemas refer to each other by ``$id`` (the partner schema reuses the event schema's definitions), so
every validator is built with a registry of all of them. Front matter is checked with the ``format``
keyword on (``format: date``); data files check their dates themselves, so that an impossible date has
its own finding (D010).

jsonschema-rs (compiled) says first whether a document is valid, in microseconds; only a document it
finds invalid, or cannot read, is validated again by jsonschema, whose errors the findings quote. Both
check formats with jsonschema's own format functions, and a test holds the two engines to the same
answer on every pattern of the schemas.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from referencing import Registry, Resource


class SchemaValidator:
    """One schema's validator: ``iter_errors`` as jsonschema's, answered by jsonschema-rs when the
    document is valid."""

    def __init__(self, full: Draft202012Validator, fast: jsonschema_rs.Validator | None):
        self.full, self.fast = full, fast

    def iter_errors(self, instance) -> Iterator[ValidationError]:
        try:
            if self.fast is not None and self.fast.is_valid(instance):
                return iter(())
        except (ValueError, TypeError):  # what it cannot read (a mapping key that is not text): jsonschema decides
            pass
        return self.full.iter_errors(instance)


def _fast(schema: dict, registry: jsonschema_rs.Registry, checker: FormatChecker | None) -> jsonschema_rs.Validator | None:
    """The jsonschema-rs validator of a schema, with jsonschema's format functions (None if it cannot build it)."""
    formats = {name: partial(checker.conforms, format=name) for name in checker.checkers} if checker else None
    try:
        return jsonschema_rs.Draft202012Validator(schema, registry=registry, validate_formats=checker is not None,
                                                  formats=formats, offline=True)
    except (ValueError, jsonschema_rs.ReferencingError):
        return None


@lru_cache(maxsize=16)
def _validators(schema_dir: Path, stamp: tuple, formats: bool) -> dict[str, SchemaValidator]:
    schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}
    identified = [(s["$id"], s) for s in schemas.values() if "$id" in s]
    registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in identified)
    fast_registry = jsonschema_rs.Registry(identified)
    checker = FormatChecker() if formats else None
    return {name: SchemaValidator(Draft202012Validator(schema, registry=registry, format_checker=checker),
                                  _fast(schema, fast_registry, checker))
            for name, schema in schemas.items()}


def validator(schema_dir: Path, name: str, formats: bool = False) -> SchemaValidator | None:
    """The validator of ``<name>.schema.json`` (None when the file is missing or not JSON)."""
    try:
        stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(schema_dir.glob("*.schema.json")))
        return _validators(schema_dir, stamp, formats).get(name)
    except (OSError, ValueError, KeyError):
        return None


def jsonable(value):
    """YAML data as JSON Schema sees it (a YAML date becomes its ISO text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value
