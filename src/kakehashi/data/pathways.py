"""The pathway finder's routes: one YAML file per product type and direction in ``data/pathways/``.

A route is ordered steps (classification, approval route, local legal presence, reimbursement,
post-market duties); a step may apply only to some answers of the route's questions (``when``). Every
text is given in the three languages; the figures of the English text must be in the others. The
checks (codes D030 to D036) report problems at the line of the offending YAML node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kakehashi.checks.findings import Finding
from kakehashi.content.facts import extract_facts
from kakehashi.content.typography import fix_line
from kakehashi.data.events import Source
from kakehashi.data.records import Record, display_path, finding, parse_date, read_folder

PRODUCTS = ("device", "ivd", "samd", "drug", "regenerative")
DIRECTIONS = ("eu-to-jp", "jp-to-eu")
STAGES = ("classification", "conformity", "legal-presence", "reimbursement", "post-market")
LANGUAGES = ("en", "fr", "ja")
ANCHOR = re.compile(r"\{#([a-z0-9-]+)")


@dataclass(frozen=True)
class GuideLink:
    """A guide section: ``guides/<slug>.md#<anchor>``."""

    slug: str
    anchor: str

    @classmethod
    def parse(cls, value: str) -> GuideLink:
        path, anchor = value.split("#", 1)
        return cls(path.removeprefix("guides/").removesuffix(".md"), anchor)


@dataclass(frozen=True)
class Option:
    id: str
    label: dict[str, str]


@dataclass(frozen=True)
class Question:
    id: str
    label: dict[str, str]
    help: dict[str, str]
    help_guide: GuideLink | None
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Fact:
    """A cost or a timeline as a guide gives it, with its primary source."""

    text: dict[str, str]
    source: Source


@dataclass(frozen=True)
class Step:
    id: str
    stage: str
    title: dict[str, str]
    text: dict[str, str]
    who: dict[str, str]
    when: dict[str, tuple[str, ...]]
    facts: tuple[Fact, ...]
    guides: tuple[GuideLink, ...]


@dataclass(frozen=True)
class Route:
    id: str
    product: str
    direction: str
    covered: bool
    title: dict[str, str]
    summary: dict[str, str]
    note: dict[str, str]
    questions: tuple[Question, ...]
    steps: tuple[Step, ...]
    last_verified: date


def load_pathways(root: Path) -> tuple[list[Route], list[Finding]]:
    """Every valid route of ``root/data/pathways`` in product and direction order, and the findings
    on every file (nothing is written). A site without the folder has no pathway finder."""
    folder = root / "data" / "pathways"
    if not folder.is_dir():
        return [], []
    records, findings = read_folder(folder, root, "pathway")
    routes = []
    for record in records:
        route = _route(record, root, findings)
        if route is not None:
            routes.append(route)
    if routes:
        present = {(r.product, r.direction) for r in routes}
        for product in PRODUCTS:
            for direction in DIRECTIONS:
                if (product, direction) not in present and not any(f.path.endswith(f"/{product}-{direction}.yaml") for f in findings):
                    findings.append(finding(
                        display_path(folder, root), 1, 1, "D035",
                        f"no route for product '{product}' and direction '{direction}': add {product}-{direction}.yaml "
                        "(if the guides do not cover it yet, say so with coverage: partial and a note)"))
    return sorted(routes, key=lambda r: (PRODUCTS.index(r.product), DIRECTIONS.index(r.direction))), findings


def _route(record: Record, root: Path, findings: list[Finding]) -> Route | None:
    data = record.data
    before = len(findings)
    expected = f"{data['product']}-{data['direction']}"
    if data["id"] != expected:
        findings.append(record.finding("D034", f"id '{data['id']}' does not match product and direction: write 'id: {expected}' (and name the file {expected}.yaml)", "id"))
    for path, texts in _texts(data):
        _check_languages(record, findings, path, texts)
    answers = _check_questions(record, findings)
    for index, step in enumerate(data["steps"]):
        for question, options in (step.get("when") or {}).items():
            if question not in answers:
                known = ", ".join(answers) or "none: this route asks no question"
                findings.append(record.finding("D033", f"steps[{index + 1}].when: '{question}' is not a question of this route (questions: {known})", "steps", index, "when", question))
                continue
            for position, option in enumerate(options):
                if option not in answers[question]:
                    findings.append(record.finding(
                        "D033", f"steps[{index + 1}].when.{question}: '{option}' is not an answer of that question; use one of: {', '.join(answers[question])}",
                        "steps", index, "when", question, position))
    _check_unique(record, findings, [s["id"] for s in data["steps"]], "steps", "step")
    for path, link in _guide_links(data):
        problem = _guide_problem(root, link)
        if problem:
            findings.append(record.finding("D032", f"{_dotted(path)}: {problem}", *path))
    verified = parse_date(record, findings, "last_verified")
    if len(findings) > before and any(f.severity.value == "error" for f in findings[before:]):
        return None
    return Route(
        id=data["id"], product=data["product"], direction=data["direction"], covered=data["coverage"] == "covered",
        title=Texts(data["title"]), summary=Texts(data["summary"]), note=Texts(data.get("note") or {}),
        questions=tuple(
            Question(q["id"], Texts(q["label"]), Texts(q.get("help") or {}),
                     GuideLink.parse(q["help_guide"]) if "help_guide" in q else None,
                     tuple(Option(o["id"], Texts(o["label"])) for o in q["options"]))
            for q in data["questions"]),
        steps=tuple(
            Step(s["id"], s["stage"], Texts(s["title"]), Texts(s["text"]), Texts(s.get("who") or {}),
                 {q: tuple(options) for q, options in (s.get("when") or {}).items()},
                 tuple(Fact(Texts(f["text"]), Source(f["source"]["title"], f["source"]["url"])) for f in s.get("facts") or ()),
                 tuple(GuideLink.parse(g) for g in s["guides"]))
            for s in data["steps"]),
        last_verified=verified,
    )


class Texts(dict):
    """A route's text in each language; a language the file does not have yet (one still being added to
    the portal) reads the English text."""

    def __missing__(self, language: str) -> str:
        return dict.get(self, "en", "")


def _texts(data: dict):
    """Every trilingual text of a route, with its path in the file."""
    for key in ("title", "summary", "note"):
        if key in data:
            yield (key,), data[key]
    for qi, question in enumerate(data["questions"]):
        for key in ("label", "help"):
            if key in question:
                yield ("questions", qi, key), question[key]
        for oi, option in enumerate(question["options"]):
            yield ("questions", qi, "options", oi, "label"), option["label"]
    for si, step in enumerate(data["steps"]):
        for key in ("title", "text", "who"):
            if key in step:
                yield ("steps", si, key), step[key]
        for fi, fact in enumerate(step.get("facts") or ()):
            yield ("steps", si, "facts", fi, "text"), fact["text"]


def _guide_links(data: dict):
    for qi, question in enumerate(data["questions"]):
        if "help_guide" in question:
            yield ("questions", qi, "help_guide"), question["help_guide"]
    for si, step in enumerate(data["steps"]):
        for gi, link in enumerate(step["guides"]):
            yield ("steps", si, "guides", gi), link


def _check_languages(record: Record, findings: list[Finding], path: tuple, texts: dict[str, str]) -> None:
    """D030: the text exists in every language; D031: the figures of the English text are in the others;
    D036: French and Japanese typography (the fixes ``kakehashi fix`` applies to pages)."""
    missing = [code for code in LANGUAGES if not texts.get(code)]
    if missing:
        findings.append(record.finding("D030", f"{_dotted(path)}: no text in {', '.join(missing)}: give it in en, fr and ja", *path))
        return
    reference = extract_facts(texts["en"], LANGUAGES)
    for code in LANGUAGES[1:]:
        absent = reference - extract_facts(texts[code], LANGUAGES)
        for fact in sorted(absent, key=lambda f: f.value):
            findings.append(record.finding(
                "D031", f"{_dotted(path)}.{code}: {fact.kind} '{fact.value}' of the English text is not in this translation", *path, code))
        fixed = fix_line(texts[code], code)
        if fixed != texts[code]:
            findings.append(record.finding("D036", f"{_dotted(path)}.{code}: typography to fix; write: {fixed}", *path, code))


def _check_questions(record: Record, findings: list[Finding]) -> dict[str, list[str]]:
    """The answers of each question, after checking that ids are not repeated (D033)."""
    questions = record.data["questions"]
    _check_unique(record, findings, [q["id"] for q in questions], "questions", "question")
    answers: dict[str, list[str]] = {}
    for index, question in enumerate(questions):
        options = [o["id"] for o in question["options"]]
        _check_unique(record, findings, options, ("questions", index, "options"), "answer")
        answers.setdefault(question["id"], options)
    return answers


def _check_unique(record: Record, findings: list[Finding], ids: list[str], path, what: str) -> None:
    path = path if isinstance(path, tuple) else (path,)
    seen = set()
    for index, value in enumerate(ids):
        if value in seen:
            findings.append(record.finding("D033", f"{_dotted(path)}[{index + 1}]: the {what} id '{value}' is used twice: give each {what} its own id", *path, index, "id"))
        seen.add(value)


def _guide_problem(root: Path, value: str) -> str | None:
    """Why a ``guides/<slug>.md#anchor`` link does not lead to a guide section (None if it does)."""
    link = GuideLink.parse(value)
    page = root / "docs" / "guides" / f"{link.slug}.md"
    if not page.is_file():
        return f"'{value}': there is no guide docs/guides/{link.slug}.md (check the slug against docs/guides/)"
    if link.anchor not in ANCHOR.findall(page.read_text(encoding="utf-8")):
        return f"'{value}': the guide has no section with the anchor {{#{link.anchor}}} (use one of its heading anchors)"
    return None


def _dotted(path: tuple) -> str:
    out = ""
    for step in path:
        out += f"[{step + 1}]" if isinstance(step, int) else ("." if out else "") + str(step)
    return out

