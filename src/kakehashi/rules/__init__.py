"""The validator's rules. Importing this package registers every rule in ``REGISTRY``."""

from . import catalogs, data, data_markup, facts, files, frontmatter, links, placeholders, presence, safety, structure, terminology, typography, untranslated  # noqa: F401
from .registry import REGISTRY, CheckContext, Rule

__all__ = ["REGISTRY", "CheckContext", "Rule"]
