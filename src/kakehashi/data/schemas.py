"""The JSON Schemas of ``data/schemas/``: one validator per schema, built once per change of the folder.

Schemas refer to each other by ``$id`` (the partner schema reuses the event schema's definitions), so
every validator is built with a registry of all of them. Front matter is checked with the ``format``
keyword on (``format: date``); data files check their dates themselves, so that an impossible date has
its own finding (D010).
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource


@lru_cache(maxsize=16)
def _validators(schema_dir: Path, stamp: tuple, formats: bool) -> dict[str, Draft202012Validator]:
    schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values() if "$id" in s)
    checker = FormatChecker() if formats else None
    return {name: Draft202012Validator(schema, registry=registry, format_checker=checker) for name, schema in schemas.items()}


def validator(schema_dir: Path, name: str, formats: bool = False) -> Draft202012Validator | None:
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
