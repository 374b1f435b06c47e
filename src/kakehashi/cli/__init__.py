"""The ``kakehashi`` command and its scaffolds."""

from kakehashi.cli.commands import main

__all__ = ["main"]
