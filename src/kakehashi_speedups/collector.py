"""Fewer full passes of Python's cycle collector during a build.

A build keeps nearly everything it makes until it ends: the portal's state, every page with its HTML,
the navigation. At its default thresholds, Python's cycle collector goes through all of them again
several times per language (full passes, each longer as the build grows) and finds almost nothing to
free. With a first threshold of 10,000 new objects instead of 700, young objects are still collected
(with the cycles a page leaves behind), and a 1,600-page build makes no full pass.
"""

import gc

THRESHOLDS = (10_000, 10, 10)


def install() -> None:
    gc.set_threshold(*THRESHOLDS)
