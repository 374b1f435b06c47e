"""The Glossary page, rendered from the termbase in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from kakehashi.data.termbase import Concept
from kakehashi.render.markup import html_text
from kakehashi.site_config import SiteConfig


def render_glossary(concepts: list[Concept], site: SiteConfig, language: str, _: Callable[[str], str]) -> str:
    """An HTML table: the reader's term first, the other languages' terms, and the definition.
    Every value comes from a contributed file and is escaped."""
    default = site.default_language.code

    def shown(lang: str, texts: dict) -> str:
        """The language of what is shown: the default language's stands in for a language still being added."""
        return lang if lang in texts else default

    others = [lang for lang in site.codes if lang != language]
    head = "".join(f'<th scope="col" lang="{lang}">{html_text(site.language(lang).name_in(language))}</th>' for lang in [language, *others])
    rows = []
    for concept in sorted(concepts, key=lambda c: c.terms[shown(language, c.terms)].term.casefold()):
        own = shown(language, concept.terms)
        term = concept.terms[own]
        variants = f'<br><small>{html_text(", ".join(term.variants))}</small>' if term.variants else ""
        cells = [f'<th scope="row" lang="{own}"><strong>{html_text(term.term)}</strong>{variants}</th>']
        cells += [f'<td lang="{shown(lang, concept.terms)}">{html_text(concept.terms[shown(lang, concept.terms)].term)}</td>' for lang in others]
        said = shown(language, concept.definition)
        cells.append(f'<td lang="{said}">{html_text(concept.definition[said])}</td>')
        rows.append(f'<tr id="{html_text(concept.id)}">' + "".join(cells) + "</tr>")
    count = _("%(count)s concepts") % {"count": len(concepts)}
    definition = _("Definition")
    return (
        f'<p class="kk-glossary-count">{html_text(count)}</p>\n'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="kk-glossary">'
        f'<thead><tr>{head}<th scope="col">{html_text(definition)}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></div>\n"
    )
