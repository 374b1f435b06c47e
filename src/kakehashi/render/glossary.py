"""The Glossary page, rendered from the termbase in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from kakehashi.data.termbase import Concept
from kakehashi.languages import profile
from kakehashi.render.templates import render
from kakehashi.site_config import SiteConfig


def render_glossary(concepts: list[Concept], site: SiteConfig, language: str, _: Callable[[str], str]) -> str:
    """A table: the reader's term first, the other languages' terms, and the definition (every value
    comes from a contributed file: the template escapes it). A language still being added shows the
    default language's terms and definitions, marked with their language."""
    default = site.default_language.code

    def shown(lang: str, texts: dict) -> str:
        return lang if lang in texts else default

    others = [lang for lang in site.codes if lang != language]
    rows = []
    for concept in sorted(concepts, key=lambda c: c.terms[shown(language, c.terms)].term.casefold()):
        own = shown(language, concept.terms)
        said = shown(language, concept.definition)
        rows.append({
            "id": concept.id, "lang": own, "term": concept.terms[own].term, "variants": profile(language).list_separator.join(concept.terms[own].variants),
            "others": [(shown(lang, concept.terms), concept.terms[shown(lang, concept.terms)].term) for lang in others],
            "definition_lang": said, "definition": concept.definition[said],
        })
    return render(
        "glossary.html",
        count=_("%(count)s concepts") % {"count": len(concepts)},
        columns=[(lang, site.language(lang).name_in(language)) for lang in [language, *others]],
        definition_label=_("Definition"),
        rows=rows,
    ) + "\n"
