"""Kakehashi: the framework-free core of the trilingual portal.

Nothing in this package imports MkDocs: the hooks in ``hooks/`` are thin adapters
that call these functions, so a move to another site generator touches only them.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
