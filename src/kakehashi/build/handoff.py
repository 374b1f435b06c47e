"""Hand what the main build has read to its language workers, so every page is read once per build.

The main build process opens an outbox before it starts the workers and passes its path to them in
the environment (``HANDOFF_ENV``); it sends the portal's state as soon as it is read; each worker waits
for it instead of reading the 3 × N pages itself. The file appears whole (written aside, then renamed).
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path

HANDOFF_ENV = "KAKEHASHI_HANDOFF"
SENDER_ENV = "KAKEHASHI_HANDOFF_SENDER"  # the main build's process id
_FILE = "state.pickle"
_POLL_S = 0.02
_outbox: Path | None = None  # in the main build: the folder the workers wait on


class HandoffError(RuntimeError):
    """The main build went away before sending what this worker waits for."""


def open_outbox(parent: Path) -> dict[str, str]:
    """Main build: make the folder the workers will read from; returns the environment entries for them."""
    global _outbox
    _outbox = Path(tempfile.mkdtemp(prefix=".kakehashi-handoff-", dir=parent))
    return {HANDOFF_ENV: str(_outbox / _FILE), SENDER_ENV: str(os.getpid())}


def send(value: object) -> None:
    """Main build: publish ``value`` to the workers (nothing to do when no outbox is open)."""
    if _outbox is None:
        return
    part = _outbox / (_FILE + ".part")
    part.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(part, _outbox / _FILE)


def close_outbox() -> None:
    """Main build: remove the outbox once the workers are done."""
    global _outbox
    if _outbox is not None:
        shutil.rmtree(_outbox, ignore_errors=True)
        _outbox = None


def receive() -> object:
    """Worker: wait for what the main build sends, as long as the main build is alive."""
    path = Path(os.environ[HANDOFF_ENV])
    sender = int(os.environ[SENDER_ENV])
    while not path.exists():
        if os.getppid() != sender:
            raise HandoffError(f"the main build stopped before sending {path.name}")
        time.sleep(_POLL_S)
    return pickle.loads(path.read_bytes())
