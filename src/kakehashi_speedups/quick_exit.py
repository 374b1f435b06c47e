"""End a finished ``mkdocs build`` at once, without freeing its memory object by object.

When ``mkdocs build`` returns, Python frees every object the build made (every page, its Markdown
tree and its HTML) one by one before the process ends, which the operating system does at once. In a
language worker this delays the indexing of its language; in the main build, the end of the build.
So the build's last ``on_shutdown`` handler runs the exit handlers (``atexit``: logging is flushed,
finished worker processes are released), flushes the standard streams and ends the process with the
status MkDocs would give, 0.

Only after a build that succeeded: ``mkdocs build`` on the command line (not ``serve``, ``gh-deploy``
or a build inside another program), with no exception under way (MkDocs runs ``on_shutdown`` in a
``finally``, after a failed build too) and no other thread left that Python would wait for. MkDocs
1.6.1 does nothing after that handler but exit.
"""

import atexit
import os
import sys
import threading

_command = {"name": None}  # the command MkDocs started (its on_startup event)


def remember(command: str) -> None:
    _command["name"] = command


def finished_build() -> bool:
    """True at the end of a ``mkdocs build`` command line that succeeded, with no thread left."""
    return (_command["name"] == "build" and sys.argv[1:2] == ["build"] and sys.exc_info()[0] is None
            and threading.active_count() == 1)


def exit_if_finished() -> None:
    """End the process now (status 0) if it has just run a successful ``mkdocs build``."""
    if not finished_build():
        return
    atexit._run_exitfuncs()  # what Python runs at exit, before it frees the objects
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
