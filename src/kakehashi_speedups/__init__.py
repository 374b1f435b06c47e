"""Speed-ups that replace or wrap internals of MkDocs, Python-Markdown, mkdocs-static-i18n and Material.

Quarantined here, outside the core (``kakehashi`` never imports this package): each speed-up is
applied only when the installed libraries are the versions it was verified against (``gate.VERIFIED``),
and the stock path runs otherwise, after one warning. ``KAKEHASHI_SPEEDUPS=off`` turns them all off;
the portal then builds byte for byte the same (``tests/speedups/test_same_site.py``).
"""
