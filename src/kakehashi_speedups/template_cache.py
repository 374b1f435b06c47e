"""Each theme template is compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build, so ``mkdocs serve`` compiled Material's
templates and the portal's overrides again on every live reload, three times (once per language):
a noticeable part of a rebuild (figures on the Performance page). Jinja's bytecode cache keeps the compiled code; Jinja checks it against
the template's source, so an edited override is compiled again.
"""

from jinja2 import BytecodeCache

from kakehashi.build.stamps import process_cache

_compiled = process_cache("jinja-bytecode")


class KeptTemplates(BytecodeCache):
    """Compiled templates kept in this process, each with the checksum of its source."""

    def load_bytecode(self, bucket):
        code = _compiled.lookup(bucket.key, (bucket.checksum,))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        _compiled.keep(bucket.key, (bucket.checksum,), bucket.bytecode_to_string())


def install(env) -> None:
    """Give the build's Jinja environment the process's compiled templates."""
    env.bytecode_cache = KeptTemplates()
