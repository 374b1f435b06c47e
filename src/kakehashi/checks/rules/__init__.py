"""The validator's rules. Importing this package registers every rule in ``REGISTRY``."""

from kakehashi.checks.registry import REGISTRY, CheckContext, Rule
from kakehashi.checks.rules import (  # noqa: F401
    catalogs,
    data,
    data_markup,
    facts,
    files,
    freshness,
    frontmatter,
    links,
    pathways,
    placeholders,
    presence,
    safety,
    structure,
    termbase,
    terminology,
    typography,
    untranslated,
)

__all__ = ["REGISTRY", "CheckContext", "Rule"]
