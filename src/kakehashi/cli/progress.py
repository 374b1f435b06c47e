"""One progress line for long commands: shown on a terminal, silent in CI or when output is piped."""

from __future__ import annotations

import os
import sys

from tqdm import tqdm


def _quiet() -> bool:
    return not sys.stderr.isatty() or bool(os.environ.get("CI"))


class StatusLine:
    """A single line that each step rewrites (tqdm, with only its description shown)."""

    def __init__(self) -> None:
        self._bar = None  # made on the first message, so that an unused line prints nothing

    def say(self, message: str) -> None:
        if self._bar is None:
            self._bar = tqdm(total=0, bar_format="{desc}", file=sys.stderr, disable=_quiet(), leave=False)
        self._bar.set_description_str(message)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
