"""Each theme template is compiled once, not once per build and process.

MkDocs makes a new Jinja environment for every build, so ``mkdocs serve`` compiled Material's
templates and the portal's overrides again on every live reload, three times (once per language),
and each language worker of a build compiled them for itself. Compiled templates are kept in the
process and in Jinja's per-user cache folder (as Python keeps its bytecode in ``__pycache__``), each
with the checksum of its source, so an edited override is compiled again.
"""

from jinja2 import FileSystemBytecodeCache

from kakehashi.build.stamps import process_cache

_compiled = process_cache("jinja-bytecode")


class KeptTemplates(FileSystemBytecodeCache):
    """Compiled templates kept in this process, then in a folder shared by the processes of this user."""

    def load_bytecode(self, bucket):
        code = _compiled.lookup(bucket.key, (bucket.checksum,))
        if code is not None:
            bucket.bytecode_from_string(code)
            return
        super().load_bytecode(bucket)  # a copy made for another source checksum is ignored
        if bucket.code is not None:
            _compiled.keep(bucket.key, (bucket.checksum,), bucket.bytecode_to_string())

    def dump_bytecode(self, bucket):
        _compiled.keep(bucket.key, (bucket.checksum,), bucket.bytecode_to_string())
        super().dump_bytecode(bucket)


def install(env, folder: str | None = None) -> None:
    """Give the build's Jinja environment the compiled templates (``folder``: Jinja's default, a
    folder of the system's temporary directory that only this user may write)."""
    env.bytecode_cache = KeptTemplates(folder)
