"""YAML data files read with the line of every node, so a finding can point at the offending value.

One parse gives both the node tree (``yaml.compose``) and the plain data built from it. Timestamps are
*not* resolved: ``2027-03-22`` stays the string it was written as, so a JSON Schema can check it and an
impossible date (``2027-02-30``) becomes a finding instead of a constructor crash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class DataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """SafeLoader without the implicit timestamp resolver."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlReadError(Exception):
    """A file that is not UTF-8 text or not YAML: ``code``, ``line``, ``column`` and a readable message."""

    def __init__(self, code: str, line: int, column: int, message: str):
        super().__init__(message)
        self.code, self.line, self.column, self.message = code, line, column, message


@dataclass
class YamlDoc:
    """A parsed YAML document and its node tree."""

    data: Any
    node: yaml.Node | None

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """1-based (line, column) of the node at ``path`` (keys and list indexes), or of its nearest ancestor."""
        node = self.node
        if node is None:
            return 1, 1
        best = node
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node = best = child
        return best.start_mark.line + 1, best.start_mark.column + 1

    def key_location(self, path: Sequence[str | int], key: str) -> tuple[int, int]:
        """Where the *key* ``key`` of the mapping at ``path`` is written (for unknown or duplicate fields)."""
        node = self.node
        for step in path:
            node = _child(node, step) if node is not None else None
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                    return key_node.start_mark.line + 1, key_node.start_mark.column + 1
        return self.locate(path)

    def duplicate_keys(self) -> list[tuple[str, int, int]]:
        """Keys written twice in one mapping (YAML keeps the last silently): (key, line, column)."""
        found: list[tuple[str, int, int]] = []
        stack = [self.node] if self.node is not None else []
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                seen = set()
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        if key_node.value in seen:
                            found.append((key_node.value, key_node.start_mark.line + 1, key_node.start_mark.column + 1))
                        seen.add(key_node.value)
                    stack.append(value_node)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
        return sorted(found, key=lambda item: item[1:])


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def parse_yaml(text: str) -> YamlDoc:
    """Parse one YAML document; raises YamlReadError (code D002) with the line of the problem."""
    loader = None
    try:
        loader = DataLoader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise YamlReadError(
            "D002", line, 1, f"character U+{error.character:04X} is not allowed in YAML: remove it (a control character pasted by mistake?)"
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context", None)
        detail = f"{context}, {problem}" if context else problem
        raise YamlReadError(
            "D002", mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
            f"not valid YAML ({detail}): check the indentation, and quote values that contain ': ' or start with '#', '@' or '*'",
        ) from None
    except (RecursionError, ValueError, TypeError) as error:  # absurd nesting, unhashable keys
        raise YamlReadError("D002", 1, 1, f"not valid YAML data ({error})") from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDoc(data, node)


def read_yaml_file(path: Path) -> YamlDoc:
    """Read a UTF-8 YAML file; raises YamlReadError with code D001 (not UTF-8 text) or D002 (not YAML)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise YamlReadError("D001", 1, 1, f"cannot read the file: {error.strerror}") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlReadError(
            "D001", line, column, f"not UTF-8 text (byte 0x{raw[error.start]:02x}): save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise YamlReadError("D001", text[: text.index("\x00")].count("\n") + 1, 1, "file contains NUL bytes: it is not a text file")
    return parse_yaml(text.replace("\r\n", "\n"))
