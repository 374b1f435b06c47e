"""The partner directory page in the reader's language: filters (made live by a small script), the
profiles, and each profile's possible matches. Without JavaScript every profile is shown."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from babel import Locale

from kakehashi.data.events import localized
from kakehashi.data.partners import Match, Partner, Vocabulary, find_matches
from kakehashi.languages import profile
from kakehashi.render.html import Markup, el, join
from kakehashi.render.ui_text import long_date

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def N_(message: str) -> str:  # noqa: N802 (gettext's name for a deferred translation)
    """Mark a string for extraction; it is translated where it is shown."""
    return message


TYPE_LABELS = {
    "sme": N_("SME"),
    "start-up": N_("Start-up"),
    "cluster": N_("Cluster"),
    "cro": N_("Contract research organisation"),
    "consultancy": N_("Consultancy"),
    "university": N_("University"),
    "hospital": N_("Hospital"),
    "support-agency": N_("Public support agency"),
    "regulator": N_("Regulator or its advice desk"),
}
FILTERS = ("sectors", "region", "offers", "seeks", "languages")


def _language_name(code: str, reader: str) -> str:
    return Locale.parse(code).get_display_name(reader) or code


def _name_el(name: str, tag: str = "span", attrs: dict | None = None) -> Markup:
    return el(tag, {**(attrs or {}), "lang": "ja" if CJK.search(name) else None}, name)


class _Labels:
    """Labels of the vocabulary, regions and languages in the reader's language."""

    def __init__(self, vocabulary: Vocabulary, language: str):
        self.vocabulary, self.language = vocabulary, language

    def term(self, kind: str, term: str) -> str:
        table = self.vocabulary.sectors if kind == "sectors" else self.vocabulary.capabilities
        labels = table.get(term, {})
        return labels.get(self.language) or labels.get("en") or term

    def value(self, kind: str, value: str) -> str:
        if kind == "region":
            return self.vocabulary.region_label(value, self.language)
        if kind == "languages":
            return _language_name(value, self.language)
        return self.term(kind, value)


def _values(partner: Partner, kind: str) -> tuple[str, ...]:
    return (partner.region,) if kind == "region" else getattr(partner, kind)


def render_filters(partners: list[Partner], labels: _Labels, _: Callable[[str], str]) -> Markup:
    names = {"sectors": _("Sector"), "region": _("Region"), "offers": _("Offers"), "seeks": _("Seeks"), "languages": _("Language")}
    fields = []
    for kind in FILTERS:
        present = sorted({v for p in partners for v in _values(p, kind)}, key=lambda v: labels.value(kind, v).casefold())
        options = [el("option", {"value": ""}, _("All"))] + [el("option", {"value": v}, labels.value(kind, v)) for v in present]
        fields.append(el("div", {"class": "kk-filters__field"},
                         el("label", {"for": f"kk-filter-{kind}"}, names[kind]),
                         el("select", {"id": f"kk-filter-{kind}", "name": kind, "data-kk-filter": kind}, options)))
    return el(
        "form", {"class": "kk-filters", "data-kk-filters": True, "hidden": True, "aria-label": _("Filter the organisations")},
        fields,
        el("div", {"class": "kk-filters__actions"},
           el("button", {"type": "reset", "class": "md-button"}, _("Clear filters")),
           el("p", {"class": "kk-filters__count", "data-kk-count": True, "aria-live": "polite",
                    "data-template": _("%(shown)s of %(total)s organisations shown")})),
    )


def _terms_list(partner: Partner, kind: str, labels: _Labels) -> Markup:
    return el("ul", {"class": "kk-terms"}, [el("li", {"data-term": t}, labels.term(kind, t)) for t in getattr(partner, kind)])


def _match_item(match: Match, language: str, labels: _Labels, _: Callable[[str], str]) -> Markup:
    parts = []
    if match.they_offer:
        parts.append(el("span", {"class": "kk-match__offer"}, _("offers what this organisation seeks: %(terms)s") % {
            "terms": ", ".join(labels.term("offers", t) for t in match.they_offer)}))
    if match.they_seek:
        parts.append(el("span", {"class": "kk-match__seek"}, _("seeks what this organisation offers: %(terms)s") % {
            "terms": ", ".join(labels.term("offers", t) for t in match.they_seek)}))
    return el(
        "li", {"data-match": match.partner.id},
        el("a", {"href": f"#partner-{match.partner.id}"}, _name_el(match.partner.display_name(language))),
        " — ", join(parts, "; "),
    )


def render_profile(partner: Partner, matches: list[Match], language: str, locale: str, labels: _Labels, _: Callable[[str], str],
                   related: Markup | None = None) -> Markup:
    other = partner.other_name(language)
    summary, summary_language = localized(partner.summary, language)
    contact = []
    if partner.contact_email:
        contact.append(el("a", {"href": f"mailto:{partner.contact_email}"}, partner.contact_email))
    if partner.contact_url:
        contact.append(el("a", {"href": partner.contact_url, "rel": "noopener"}, _("Contact page")))
    facts = [
        (_("Type"), _(TYPE_LABELS[partner.type])),
        (_("Region"), labels.value("region", partner.region)),
        (_("Sectors"), _terms_list(partner, "sectors", labels)),
        (_("Offers"), _terms_list(partner, "offers", labels)),
        (_("Seeks"), _terms_list(partner, "seeks", labels)) if partner.seeks else None,  # an advice desk seeks nothing
        (_("Languages"), ", ".join(_language_name(code, language) for code in partner.languages)),
        (_("Website"), el("a", {"href": partner.website, "rel": "noopener"}, urlsplit(partner.website).hostname or partner.website)),
        (_("Contact"), join(contact, " · ")),
    ]
    return el(
        "article",
        {"class": "kk-partner", "id": f"partner-{partner.id}", "data-kk-partner": True,
         **{f"data-{kind}": " ".join(_values(partner, kind)) for kind in FILTERS}},
        el("h2", {"class": "kk-partner__name", "id": f"p-{partner.id}"},
           _name_el(partner.display_name(language)),
           [" ", el("span", {"class": "kk-partner__other-name"}, "(", _name_el(other), ")")] if other else None),
        el("p", {"class": "kk-partner__summary", "lang": summary_language if summary_language != language else None}, summary),
        el("p", {"class": "kk-note"}, _("Summary not yet available in your language; shown in %(language)s.") % {
            "language": _language_name(summary_language, language)}) if summary_language != language else None,
        el("dl", {"class": "kk-partner__facts"}, [[el("dt", {}, fact[0]), el("dd", {}, fact[1])] for fact in facts if fact]),
        related,
        el("details", {"class": "kk-matches"},
           el("summary", {}, _("Possible matches (%(count)s)") % {"count": len(matches)}),
           el("ul", {}, [_match_item(m, language, labels, _) for m in matches]) if matches
           else el("p", {}, _("No match in the directory yet."))),
        el("p", {"class": "kk-partner__sources"},
           el("strong", {}, _("Sources")), " ",
           join([el("a", {"href": s.url, "rel": "noopener"}, s.title) for s in partner.sources], " · "),
           [" · ", _("Last verified:"), profile(language).label_gap, long_date(partner.last_verified, locale)]
           if partner.last_verified else None)
        if partner.sources else None,
    )


def render_directory(partners: list[Partner], vocabulary: Vocabulary, language: str, locale: str, _: Callable[[str], str],
                     related: Callable[[Partner], Markup | None] = lambda partner: None) -> Markup:
    """HTML for the Partners page: the organisations by name in the reader's language, each with what
    ``related`` gives (the relevant guides)."""
    labels = _Labels(vocabulary, language)
    matches = find_matches(partners)
    ordered = sorted(partners, key=lambda p: p.display_name(language).casefold())
    return el(
        "div", {"class": "kk-directory", "data-kk-directory": True},
        render_filters(partners, labels, _),
        el("div", {"class": "kk-partner-list"}, [render_profile(p, matches[p.id], language, locale, labels, _, related(p)) for p in ordered]),
        el("p", {"class": "kk-empty", "data-kk-none": True, "hidden": True}, _("No organisation matches these filters.")),
    )
