"""``python -m kakehashi.bench``: the build-time benchmark (see ``kakehashi.bench.build``)."""

import sys

from kakehashi.bench.build import main

sys.exit(main())
