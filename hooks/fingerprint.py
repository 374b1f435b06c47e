"""MkDocs hook: the portal's stylesheets and scripts (extra_css, extra_javascript) are published under
names that carry a fingerprint of their content (``kakehashi.fingerprint``), so servers can cache them
for good; pages link to the fingerprinted names."""

from pathlib import Path

from mkdocs.structure.files import File

from kakehashi.fingerprint import fingerprinted_name

_renamed: dict[str, str] = {}


def _fingerprint(path: str, config) -> str:
    source = Path(config.docs_dir) / path
    if not source.is_file():
        return path
    _renamed[path] = fingerprinted_name(path, source.read_bytes())
    return _renamed[path]


def on_config(config):
    _renamed.clear()
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
            files.append(File(original, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=renamed))
    return files
