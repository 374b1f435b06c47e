"""The rule reference of the contributor guide, generated from the validator's registry."""

from __future__ import annotations

from collections.abc import Callable

from kakehashi.checks.rules import REGISTRY
from kakehashi.render.markdown_text import md_text


def render_rule_reference(_: Callable[[str], str]) -> str:
    """Markdown: a summary table, then each rule's explanation and how to fix it."""
    rules = sorted(REGISTRY.values(), key=lambda r: r.code)
    severity = {"error": _("error"), "warning": _("warning"), "info": _("info")}
    header = (_("Code"), _("Severity"), _("What it finds"))
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|"]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {severity[r.severity.value]} | {md_text(r.summary)} |" for r in rules]
    lines.append("")
    for r in rules:
        lines += [f"### {r.code} · {md_text(r.summary)} {{#{r.code.lower()}}}", "", r.explanation, ""]
    return "\n".join(lines)
