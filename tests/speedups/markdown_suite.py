"""Python-Markdown's own test suite with the reused converter's speed-up applied to every converter it
builds: ``python tests/speedups/markdown_suite.py SUITE_DIR`` (SUITE_DIR: the unpacked source
distribution). Exits non-zero on any failure or error."""

import sys
import unittest

import markdown
from markdown import core

from kakehashi_speedups.reused_converter import speed_up

original_init = core.Markdown.__init__


def init_and_speed_up(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    speed_up(self)


def main(suite_dir: str) -> int:
    core.Markdown.__init__ = init_and_speed_up
    assert markdown.Markdown is core.Markdown
    tests = unittest.defaultTestLoader.discover(f"{suite_dir}/tests", top_level_dir=suite_dir)
    result = unittest.TextTestRunner(verbosity=0).run(tests)
    print(f"{result.testsRun - len(result.failures) - len(result.errors)} passed, "
          f"{len(result.failures) + len(result.errors)} failed")
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
