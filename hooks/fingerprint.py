"""MkDocs hook: the portal's stylesheets and scripts (extra_css, extra_javascript) are published under
names that carry a fingerprint of their content (``kakehashi.fingerprint``), so servers can cache them
for good; pages link to the fingerprinted names."""

from pathlib import Path

from mkdocs.structure.files import File

from kakehashi.build.fingerprint import fingerprinted_name

_renamed: dict[str, str] = {}  # original path -> fingerprinted name
_original: dict[str, str] = {}  # and back: static-i18n runs on_config again on the renamed configuration


def _fingerprint(path: str, config) -> str:
    original = _original.get(path, path)
    source = Path(config.docs_dir) / original
    if not source.is_file():
        return path
    _renamed[original] = fingerprinted_name(original, source.read_bytes())
    _original[_renamed[original]] = original
    return _renamed[original]


def on_config(config):
    config.extra_css = [_fingerprint(path, config) for path in config.extra_css]
    for index, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[index] = _fingerprint(script, config)
        else:
            script.path = _fingerprint(script.path, config)
    return config


def on_files(files, config):
    for original, renamed in _renamed.items():
        file = files.get_file_from_path(original)
        if file is not None:
            files.remove(file)
            files.append(File(original, file.src_dir, config.site_dir, file.use_directory_urls, dest_uri=renamed))
    return files
