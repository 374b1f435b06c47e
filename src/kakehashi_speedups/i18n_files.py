"""mkdocs-static-i18n's per-file step, with string operations instead of pathlib.

For every language it builds, mkdocs-static-i18n makes an i18n copy of every file of the site (all
languages' pages and assets) and of each page's alternates: six copies per page and build under
``mkdocs serve``, two per page in a language worker. Its ``create_i18n_file`` (suffix structure) does
it with about ten ``pathlib`` objects per copy, a large part of a language build and of a live reload
(figures on the Performance page). This is the same function on path strings: the paths MkDocs
gives it are already normalised, so ``posixpath`` computes what ``pathlib`` did.
``tests/speedups/test_i18n_files.py`` checks that both give the same file, attribute by attribute, and
``make test`` runs mkdocs-static-i18n's own test suite with this function in place of its own.
"""

import os
import posixpath

from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix
from mkdocs_static_i18n.config import RE_LOCALE


def _split_suffix(name: str) -> tuple[str, str]:
    """``pathlib``'s stem and suffix of a file name: ``a.fr`` gives ``("a", ".fr")``; ``.fr`` and ``a.`` have none."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def _suffixes(name: str) -> list[str]:
    """``pathlib``'s suffixes of a file name."""
    return [] if name.endswith(".") else ["." + part for part in name.lstrip(".").split(".")[1:]]


def _join(parent: str, name: str) -> str:
    return name if parent in ("", ".") else f"{parent}/{name}"


def create_i18n_file(file, current_language, default_language, all_languages, config):
    """``mkdocs_static_i18n.suffix.create_i18n_file``: the copy of ``file`` for ``current_language``."""
    dest = os.path.normpath(file.dest_uri)
    new = File(os.path.normpath(file.src_uri), config.docs_dir, dest, config.use_directory_urls,
               dest_uri=file.dest_uri, inclusion=file.inclusion)
    name = new.name
    locale, localization = default_language, None
    locale_site_dir = current_language if current_language != default_language else ""
    suffixes = _suffixes(name)
    if suffixes:
        candidate = suffixes[-1].replace(".", "")
        if candidate in all_languages or RE_LOCALE.match(candidate):
            parent, base = posixpath.split(dest)
            stem, extension = _split_suffix(base)
            dest = _join(parent, _split_suffix(stem)[0]) + extension
            name = _split_suffix(name)[0]
            locale = localization = candidate
    if config.use_directory_urls and localization:
        parent, base = posixpath.split(dest)
        if parent not in ("", "."):
            grand_parent, folder = posixpath.split(parent)
            parent = _join(grand_parent, _split_suffix(folder)[0])
            if posixpath.basename(parent) in ("index", "README"):
                parent = posixpath.dirname(parent)
            dest = _join(parent, base)
    if posixpath.basename(dest).endswith("README.html"):
        dest = _join(posixpath.dirname(dest), "index.html")
    new.dest_uri = _join(locale_site_dir, dest)
    new.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, new.dest_uri))
    new.name = "index" if name == "README" else name
    new.url = new._get_url(config.use_directory_urls)  # (never the site root's "./" with a language folder)
    new.alternates = {current_language: new}
    new.locale = locale
    new.locale_alternate_of = current_language
    new.localization = localization
    new.norm_src_uri = new.src_uri.replace(f".{localization}", "", 1) if localization else new.src_uri
    return new


def install() -> None:
    """Give mkdocs-static-i18n this function (it looks it up on each build)."""
    suffix.create_i18n_file = create_i18n_file
