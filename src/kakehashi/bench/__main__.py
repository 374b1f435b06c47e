"""``python -m kakehashi.bench``: the build-time benchmark (see ``kakehashi.bench.build``)."""

import sys

from .build import main

sys.exit(main())
