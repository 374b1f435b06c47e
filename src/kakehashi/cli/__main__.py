"""``python -m kakehashi.cli``: the ``kakehashi`` command."""

import sys

from kakehashi.cli.commands import main

if __name__ == "__main__":
    sys.exit(main())
