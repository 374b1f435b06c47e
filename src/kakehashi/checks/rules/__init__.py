"""The validator's rules. Importing this package registers every rule in ``REGISTRY``."""

from kakehashi.checks.rules import catalogs, data, facts, files, frontmatter, links, placeholders, presence, safety, structure, terminology, typography, untranslated  # noqa: F401
from kakehashi.checks.registry import REGISTRY, CheckContext, Rule

__all__ = ["REGISTRY", "CheckContext", "Rule"]
