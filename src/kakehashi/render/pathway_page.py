"""The pathway finder page (``docs/pathway.md``, marker ``<!-- kakehashi:pathway -->``) in the reader's
language. Markdown links are relative to docs/; HTML links to the page's address, /pathway/.

Without JavaScript it is a static table of every route: an overview by product and direction, then each
route's steps with who reviews, the costs and timelines the guides give (with their sources), links to
the guide sections, and the directory entries and upcoming events that can help. The finder's form
(hidden until kakehashi-pathway.js runs) asks the product, the direction and the route's own questions,
keeps the answers in the URL query, and shows only the chosen route and the steps that apply.

Directory entries and events are linked to a step at build time from their controlled ``products`` and
``topics``: the route's product, and the category of the step's first guide; a directory entry also has
to be based where that guide applies (its ``region``: Japan for a Japanese guide, the EU for an EU one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kakehashi.content.groups import Group
from kakehashi.data.events import Event, localized
from kakehashi.data.partners import Partner
from kakehashi.data.pathways import DIRECTIONS, PRODUCTS, GuideLink, Route, Step
from kakehashi.languages import profile
from kakehashi.render.html import Markup, el, text
from kakehashi.render.markdown_text import md_text
from kakehashi.render.pathway_map import render_route_map, when_attribute
from kakehashi.render.ui_text import long_date


def N_(message: str) -> str:  # noqa: N802 (gettext's name for a deferred translation)
    """Mark a string for extraction; it is translated where it is shown."""
    return message


PRODUCT_LABELS = {
    "device": N_("Medical device"),
    "ivd": N_("In vitro diagnostic (IVD)"),
    "samd": N_("Software as a medical device (SaMD)"),
    "drug": N_("Medicine"),
    "regenerative": N_("Regenerative medicine product"),
}
DIRECTION_LABELS = {"eu-to-jp": N_("From the EU to Japan"), "jp-to-eu": N_("From Japan to the EU")}
STAGE_LABELS = {
    "classification": N_("Classification"),
    "conformity": N_("Approval route"),
    "legal-presence": N_("Local legal presence"),
    "reimbursement": N_("Reimbursement and pricing"),
    "post-market": N_("Post-market duties"),
}


@dataclass(frozen=True)
class GuideInfo:
    """What the page uses of a guide: its title in the reader's language, its category and jurisdiction."""

    title: str
    category: str
    jurisdiction: str = "EU-JP"

    def serves(self, region: str) -> bool:
        """Whether an organisation based in ``region`` works where this guide applies: in Japan for a
        Japanese guide, in the EU for an EU guide, in France for a French one, anywhere for EU–Japan."""
        japanese = region.startswith("JP-")
        return {"JP": japanese, "EU": not japanese, "FR": region == "FR"}.get(self.jurisdiction, True)


@dataclass(frozen=True)
class Helpers:
    """The directory entries and upcoming events linked to a step."""

    partners: tuple[Partner, ...]
    events: tuple[Event, ...]


def step_helpers(route: Route, step: Step, guides: dict[str, GuideInfo], partners: list[Partner], events: list[Event],
                 now: datetime) -> Helpers:
    """Profiles and upcoming events with the route's product among their ``products`` and the category of
    the step's first guide among their ``topics``; profiles also based where that guide applies."""
    main = guides.get(step.guides[0].slug)
    if main is None:
        return Helpers((), ())
    topic = main.category
    return Helpers(
        tuple(p for p in partners if route.product in p.products and topic in p.topics and main.serves(p.region)),
        tuple(e for e in events if not e.is_past(now) and route.product in e.products and topic in e.topics),
    )


def _guide_link(link: GuideLink, guides: dict[str, GuideInfo]) -> str:
    info = guides.get(link.slug)
    return f"[{md_text(info.title if info else link.slug)}](guides/{link.slug}.md#{link.anchor})"


def _cell(value: str) -> str:
    """Text for a Markdown table cell: no line break (``md_text`` already escapes column separators)."""
    return value.replace("\n", " ")


def _url(value: str) -> str:
    """An https address as a Markdown link target inside a table: no character that ends either."""
    return value.translate({ord(c): f"%{ord(c):02X}" for c in "()<>|[] "})


def _conditions(route: Route, step: Step, language: str, _: Callable[[str], str]) -> str:
    """"Applies if: …" in words, kept visible without JavaScript; the script reads ``data-kk-when``."""
    if not step.when:
        return ""
    parts, typography = [], profile(language)
    for question in route.questions:
        if question.id in step.when:
            answers = [o.label[language] for o in question.options if o.id in step.when[question.id]]
            parts.append(question.label[language] + typography.label_separator + " / ".join(answers))
    conditions = _("Applies if: %(conditions)s") % {"conditions": typography.clause_separator.join(parts)}
    return f'<br><span class="kk-when" data-kk-when="{text(when_attribute(step))}">{md_text(conditions)}</span>'


def _helpers(helpers: Helpers, language: str, _: Callable[[str], str]) -> str:
    """"Who can help": links to the directory entries and upcoming events of a step (nothing if none)."""
    parts, typography = [], profile(language)
    if helpers.partners:
        label = md_text(_("Partners:"))
        links = typography.list_separator.join(
            f'<a href="../partners/#partner-{text(p.id)}">{md_text(p.display_name(language))}</a>' for p in helpers.partners)
        parts.append(f"{label}{typography.label_gap}{links}")
    if helpers.events:
        label = md_text(_("Events:"))
        links = typography.list_separator.join(
            f'<a href="../events/#event-{text(e.id)}">{md_text(localized(e.title, language)[0])}</a>' for e in helpers.events)
        parts.append(f"{label}{typography.label_gap}{links}")
    if not parts:
        return ""
    heading = md_text(_("Who can help"))
    return f"<br><strong>{heading}</strong><br>" + "<br>".join(parts)


def _facts_cell(step: Step, language: str, _: Callable[[str], str]) -> str:
    if not step.facts:
        return md_text(_("The guides give no figure for this step yet."))
    label = md_text(_("source:"))
    typography = profile(language)
    opening, closing = typography.parentheses
    return "<br>".join(f"{md_text(fact.text[language])}{opening}{label}{typography.label_gap}[{md_text(fact.source.title)}]"
                       f"({_url(fact.source.url)}){closing}" for fact in step.facts)


def render_route(route: Route, guides: dict[str, GuideInfo], partners: list[Partner], events: list[Event], language: str,
                 locale: str, now: datetime, _: Callable[[str], str]) -> str:
    """Markdown of one route: heading, summary and date of last verification, coverage note, picture and
    table of steps."""
    stage_labels = {stage: _(label) for stage, label in STAGE_LABELS.items()}
    out = [
        f'## {md_text(route.title[language])} {{#{route.id} data-kk-route="{route.id}"}}',
        "",
        md_text(route.summary[language]),
        "",
        "*" + md_text(_("Last verified:")) + profile(language).label_gap + long_date(route.last_verified, locale) + "*",
        "",
    ]
    if not route.covered:
        heading = text(_("Not fully covered by the guides yet"))
        out += [f'!!! note "{heading}"', f"    {md_text(route.note[language])}", ""]
    picture = render_route_map(route, language, stage_labels, _("Steps of the route: %(route)s") % {"route": route.title[language]})
    out += [str(el("figure", {"class": "kk-route-figure"}, picture)), ""]
    headers = [_("Step"), _("What to do"), _("Costs and timelines"), _("Read")]
    who_label = md_text(_("Who reviews or decides:"))
    out += ["| " + " | ".join(md_text(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    for number, step in enumerate(route.steps, start=1):
        helpers = _helpers(step_helpers(route, step, guides, partners, events, now), language, _)
        who = f"<br>**{who_label}**{profile(language).label_gap}{md_text(step.who[language])}" if step.who else ""
        cells = [
            f"<span data-kk-number>{number}</span>. **{md_text(step.title[language])}**<br>*{md_text(stage_labels[step.stage])}*{_conditions(route, step, language, _)}",
            md_text(step.text[language]) + who,
            _facts_cell(step, language, _),
            "<br>".join(_guide_link(link, guides) for link in step.guides) + helpers,
        ]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    out.append("")
    return "\n".join(out)


def render_finder(routes: list[Route], language: str, _: Callable[[str], str]) -> Markup:
    """The form of the finder: product, direction and each route's questions (shown by the script)."""
    def field(name: str, label: str, options: list[tuple[str, str]], attrs: dict | None = None, help_text: Markup | None = None) -> Markup:
        field_id = f"kk-finder-{name}"
        return el("div", {"class": "kk-finder__field"},
                  el("label", {"for": field_id}, label),
                  el("select", {"id": field_id, "name": name.rsplit("--", 1)[-1], **(attrs or {})},
                     [el("option", {"value": value}, text) for value, text in options]),
                  help_text)

    fields = [
        field("product", _("Product type"), [("", _("Choose…")), *((p, _(PRODUCT_LABELS[p])) for p in PRODUCTS)], {"data-kk-select": "product"}),
        field("direction", _("Direction"), [("", _("Choose…")), *((d, _(DIRECTION_LABELS[d])) for d in DIRECTIONS)], {"data-kk-select": "direction"}),
    ]
    for route in routes:
        if not route.questions:
            continue
        questions = []
        for question in route.questions:
            help_text = None
            if question.help:
                link = question.help_guide
                help_text = el("p", {"class": "kk-finder__help", "id": f"kk-finder-{route.id}--{question.id}-help"},
                               question.help[language], " ",
                               el("a", {"href": f"../guides/{link.slug}/#{link.anchor}"}, _("How to find it")) if link else None)
            questions.append(field(
                f"{route.id}--{question.id}", question.label[language],
                [("", _("Not sure yet")), *((o.id, o.label[language]) for o in question.options)],
                {"data-kk-question": question.id, "aria-describedby": f"kk-finder-{route.id}--{question.id}-help" if help_text else None},
                help_text))
        fields.append(el("fieldset", {"class": "kk-finder__questions", "data-kk-questions": route.id, "hidden": True},
                         el("legend", {}, _("Questions that decide the route")), questions))
    return el("form", {"class": "kk-finder", "data-kk-finder": True, "hidden": True, "aria-label": _("Pathway finder")},
              fields,
              el("p", {"class": "kk-finder__status", "role": "status", "data-kk-status": True,
                       "data-kk-all": _("Choose a product type and a direction to see your route."),
                       "data-kk-one": _("Your route: %(route)s. Steps that do not apply to your answers are hidden.")}))


def render_overview(routes: list[Route], language: str, _: Callable[[str], str]) -> str:
    """Markdown table: one row per product, one column per direction, each cell a link to its route."""
    by_key = {(r.product, r.direction): r for r in routes}
    header = "| " + md_text(_("Product type")) + " | " + " | ".join(md_text(_(DIRECTION_LABELS[d])) for d in DIRECTIONS) + " |"
    rows = [header, "|---|" + "---|" * len(DIRECTIONS)]
    for product in PRODUCTS:
        cells = []
        for direction in DIRECTIONS:
            route = by_key.get((product, direction))
            if route is None:
                cells.append("—")
                continue
            steps = _("%(count)s steps") % {"count": len(route.steps)}
            partial = "" if route.covered else " · *" + md_text(_("not fully covered yet")) + "*"
            cells.append(f"[{md_text(route.title[language])}](#{route.id}) ({md_text(steps)}){partial}")
        rows.append("| " + md_text(_(PRODUCT_LABELS[product])) + " | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def render_pathway_page(routes: list[Route], guides: dict[str, GuideInfo], partners: list[Partner], events: list[Event],
                        language: str, locale: str, now: datetime, _: Callable[[str], str]) -> str:
    """The whole generated part of the page, as Markdown with raw HTML for the form and the pictures."""
    if not routes:
        return ""
    parts = [
        str(render_finder(routes, language, _)),
        "",
        "## " + md_text(_("All routes")) + " {#all-routes}",
        "",
        render_overview(routes, language, _),
        "",
    ]
    parts += [render_route(route, guides, partners, events, language, locale, now, _) for route in routes]
    return "\n".join(parts)


def guide_infos(groups: list[Group], language: str, default: str) -> dict[str, GuideInfo]:
    """Title (in ``language``, else the default language) and category of every guide, by slug."""
    infos = {}
    for group in groups:
        if not group.stem.startswith("guides/"):
            continue
        variant = group.variants.get(language)
        if variant is None or variant.doc is None or variant.is_stub:
            variant = group.variants.get(default) or group.source
        if variant is not None and variant.doc is not None:
            meta = variant.doc.meta
            infos[group.stem.removeprefix("guides/")] = GuideInfo(
                str(meta.get("title", group.stem)), str(meta.get("category", "")), str(meta.get("jurisdiction", "EU-JP")))
    return infos
