"""Contributed data files (``data/events/*.yaml``, ``data/partners/*.yaml``): read, check against their
JSON Schema, and turn every problem into a Finding at the line of the offending YAML node.

Nothing here raises on bad input and nothing is written. The rules (codes, severities, fixes) are
registered in ``kakehashi.checks.rules.data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema.exceptions import ValidationError

from kakehashi.build.stamps import StampCache, file_stamp
from kakehashi.checks.findings import Finding, Severity
from kakehashi.checks.registry import report
from kakehashi.data.schemas import SchemaValidator, validator
from kakehashi.data.yaml_loader import YamlDoc, YamlReadError, read_yaml_file

HTTPS_PATTERN_PREFIX = "^https://"
def finding(display: str, line: int, column: int, code: str, message: str) -> Finding:
    """A finding of a data rule (its severity is the registry's: ``kakehashi.checks.rules.data``)."""
    return report(code, display, line, message, column)


@dataclass
class Record:
    """One data file that passed its schema: where it is, its data and its node tree."""

    display: str
    doc: YamlDoc

    @property
    def data(self) -> dict:
        return self.doc.data

    def finding(self, code: str, message: str, *path: str | int) -> Finding:
        line, column = self.doc.locate(path)
        return finding(self.display, line, column, code, message)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


_records: StampCache[tuple[Record | None, list[Finding]]] = StampCache()


def read_record(path: Path, root: Path, check: SchemaValidator) -> tuple[Record | None, list[Finding]]:
    """Read one YAML file and validate it; the Record is None when the file cannot be used. A file
    unchanged since it was last read against the same validator is not read again (live reload)."""
    record, findings = _records.get((path, root), (file_stamp(path), check), lambda: _read_record(path, root, check))
    return record, list(findings)


def _read_record(path: Path, root: Path, check: SchemaValidator) -> tuple[Record | None, list[Finding]]:
    display = display_path(path, root)
    try:
        doc = read_yaml_file(path)
    except YamlReadError as error:
        return None, [finding(display, error.line, error.column, error.code, error.message)]
    findings = [
        finding(display, line, column, "D015", f"field '{key}' is written twice in the same block; YAML would silently keep the last one: keep one")
        for key, line, column in doc.duplicate_keys()
    ]
    if not isinstance(doc.data, dict):
        line, column = doc.locate(())
        what = "empty" if doc.data is None else f"a {_type_name(doc.data)}"
        return None, [*findings, finding(display, line, column, "D003", f"the file is {what}: expected a mapping of 'field: value' lines")]
    findings.extend(schema_findings(doc, check, display))
    if any(f.severity is Severity.ERROR for f in findings):
        return None, findings
    return Record(display, doc), findings


def read_folder(folder: Path, root: Path, schema_name: str) -> tuple[list[Record], list[Finding]]:
    """Every ``*.yaml`` file of a folder, validated; ids must match file names and be unique."""
    if not folder.is_dir():
        return [], []
    check = validator(root / "data" / "schemas", schema_name)
    if check is None:
        return [], [finding(f"data/schemas/{schema_name}.schema.json", 1, 1, "D017", "schema file missing or not valid JSON: restore it from git")]
    records, findings = [], []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".yaml":
            findings.append(finding(display_path(path, root), 1, 1, "D016", f"'{path.name}' is not read: data files end in .yaml (rename it, or move it out of {folder.name}/)"))
            continue
        record, problems = read_record(path, root, check)
        findings.extend(problems)
        if record is not None:
            records.append((path, record))
    seen: dict[str, Record] = {}
    unique = []
    for path, record in records:
        key = record.data["id"].casefold()
        if key in seen:
            findings.append(record.finding("D004", f"id '{record.data['id']}' is already used by {seen[key].display}: choose another id", "id"))
            continue
        seen[key] = record
        if record.data["id"] != path.stem:
            findings.append(record.finding("D005", f"id '{record.data['id']}' differs from the file name '{path.name}': name the file {record.data['id']}.yaml or change the id", "id"))
            continue
        unique.append(record)
    return unique, findings


def parse_date(record: Record, findings: list[Finding], *path: str | int) -> date | None:
    """A schema-checked YYYY-MM-DD string as a date, or a D010 finding when no such day exists."""
    value = record.data
    for step in path:
        value = value[step]
    try:
        return date.fromisoformat(value)
    except ValueError:
        findings.append(record.finding("D010", f"{_dotted(path)}: {value} is not a calendar date (check the month and day)", *path))
        return None


# --- JSON Schema errors as findings -----------------------------------------------------------------

def schema_findings(doc: YamlDoc, check: SchemaValidator, display: str) -> list[Finding]:
    out = []
    for error in sorted(check.iter_errors(doc.data), key=lambda e: (list(map(str, e.absolute_path)), e.validator)):
        out.extend(_error_findings(error, doc, display))
    return sorted(set(out))


def _dotted(path) -> str:
    parts = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + str(step))
    return "".join(parts) or "(top level)"


def _type_name(value: Any) -> str:
    return {bool: "true/false value", int: "number", float: "number", str: "text", list: "list", dict: "mapping", type(None): "empty value"}.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    shown = repr(value) if not isinstance(value, str) else f"'{value}'"
    return shown if len(shown) <= 70 else shown[:67] + "…'"


TYPE_WORDS = {"string": "text", "object": "a mapping of 'field: value' lines", "array": "a list", "integer": "a whole number", "boolean": "true or false", "number": "a number"}


def _error_findings(error: ValidationError, doc: YamlDoc, display: str) -> list[Finding]:
    path = list(error.absolute_path)
    where = _dotted(path)
    kind, instance, schema = error.validator, error.instance, error.schema if isinstance(error.schema, dict) else {}
    described = schema.get("description")
    line, column = doc.locate(path)

    def at(code: str, message: str, loc: tuple[int, int] = (line, column)) -> Finding:
        return finding(display, loc[0], loc[1], code, message)

    if kind == "required" and isinstance(instance, dict):
        missing = [name for name in error.validator_value if name not in instance]
        prefix = "" if not path else f"{where}: "
        context = f" (date_status is '{instance.get('date_status')}')" if "date_status" in instance and set(missing) & {"start", "end", "expected"} else ""
        loc = doc.key_location(path, "date_status") if context else (line, column)
        return [at("D003", f"{prefix}missing required field '{name}'{context}", loc) for name in missing]
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(schema.get("properties", {}))
        extras = [key for key in instance if key not in schema.get("properties", {})]
        return [
            at("D003", f"unknown field '{key}'" + (f" in {where}" if path else "") + f"; expected one of: {', '.join(allowed)}", doc.key_location(path, str(key)))
            for key in extras
        ]
    if kind == "not" and isinstance(instance, dict):
        names = _required_names(error.validator_value)
        present = [name for name in names if name in instance]
        status = f" when date_status is '{instance['date_status']}'" if "date_status" in instance else ""
        hint = "; give 'expected' (year, and month if a source gives it) instead" if instance.get("date_status") == "to-be-announced" else "; give 'start' and 'end' only"
        return [at("D003", f"field '{name}' is not allowed{status}{hint}", doc.key_location(path, name)) for name in present] or [at("D003", f"{where}: {error.message}")]
    if kind == "enum":
        return [at("D003", f"{where}: {_show(instance)} is not allowed; expected one of: {', '.join(map(str, error.validator_value))}")]
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(TYPE_WORDS.get(t, t) for t in expected)
        hint = ""
        if isinstance(instance, bool) and "string" in expected:
            hint = " (YAML reads yes/no/on/off/NO as true/false: put the value in quotes)"
        elif instance is None:
            hint = " (the field is empty: fill it in or remove it)"
        return [at("D003", f"{where}: expected {words}, got {_type_name(instance)} {_show(instance)}{hint}")]
    if kind == "pattern":
        if str(error.validator_value).startswith(HTTPS_PATTERN_PREFIX):
            value = str(instance).strip()
            if value.lower().startswith(("javascript:", "data:", "vbscript:")):
                why = "script and data addresses are never allowed"
            elif value.lower().startswith("http://"):
                why = "use the https:// address of the page"
            else:
                why = "only https:// web addresses are accepted"
            return [at("D008", f"{where}: {_show(instance)} is not an https:// address: {why}")]
        return [at("D003", f"{where}: {_show(instance)} does not have the expected form" + (f": {described}" if described else f" ({error.validator_value})"))]
    if kind in ("minProperties", "minItems", "minLength") and described:
        return [at("D003", f"{where}: expected {described}")]
    if kind == "uniqueItems":
        return [at("D003", f"{where}: the list repeats an item: list each once")]
    if kind == "propertyNames":
        return [at("D003", f"{where}: {error.message}")]
    return [at("D003", f"{where}: {error.message}")]


def _required_names(subschema: Any) -> list[str]:
    """Field names a ``not`` clause forbids: its ``required`` list, or those of its ``anyOf`` branches."""
    if not isinstance(subschema, dict):
        return []
    names = list(subschema.get("required", []))
    for branch in subschema.get("anyOf", []):
        names.extend(_required_names(branch))
    return names


GENERIC_LOCAL_PARTS = re.compile(
    r"(contact|info|hello|office|sales|support|business|partner|partnering|international|export|secretariat|"
    r"team|desk|inquiry|enquiries|enquiry|general|admin|press|media|bd|events?|japan|europe|eu|life|science|bio)",
    re.IGNORECASE,
)
PERSONAL_LOCAL_PART = re.compile(r"^[a-z]+[._][a-z]+$", re.IGNORECASE)


def looks_personal(email: str) -> bool:
    """``firstname.lastname@…`` (and no generic word): probably a person's address."""
    local = email.split("@", 1)[0]
    return bool(PERSONAL_LOCAL_PART.match(local)) and not GENERIC_LOCAL_PARTS.search(local)


RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_TOP_LEVELS = ("example", "test", "invalid", "localhost")


def is_placeholder_address(address: str) -> bool:
    """An address on a domain reserved for examples (RFC 2606): it cannot belong to a real organisation."""
    host = address.rsplit("@", 1)[1] if "@" in address and "://" not in address else urlsplit(address).hostname or ""
    host = host.lower().rstrip(".")
    return host.rsplit(".", 1)[-1] in RESERVED_TOP_LEVELS or any(host == d or host.endswith("." + d) for d in RESERVED_DOMAINS)
