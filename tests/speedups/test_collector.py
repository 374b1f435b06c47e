"""The collector speed-up: objects that live as long as a build are not gone through again and again."""

import gc

import pytest

from kakehashi_speedups import collector


@pytest.fixture
def full_passes():
    """Counts the collector's full passes (generation 2) while the test runs; restores the thresholds."""
    before = gc.get_threshold()
    passes = []

    def count(phase, info):
        if phase == "start" and info["generation"] == 2:
            passes.append(info)

    gc.callbacks.append(count)
    yield passes
    gc.callbacks.remove(count)
    gc.set_threshold(*before)


def keep_like_a_build(full_passes: list) -> list:
    """Many objects kept to the end, as a build keeps its pages: more than those alive already (with
    fewer, Python skips full passes anyway). Only the passes while they are made are counted."""
    gc.collect()
    full_passes.clear()
    return [["page", n] for n in range(len(gc.get_objects()) + 300_000)]  # lists: always tracked


def test_default_thresholds_go_through_long_lived_objects_again(full_passes):
    gc.set_threshold(700, 10, 10)
    kept = keep_like_a_build(full_passes)
    assert kept and full_passes


def test_the_speed_up_makes_no_full_pass_over_them(full_passes):
    collector.install()
    assert gc.get_threshold() == collector.THRESHOLDS
    kept = keep_like_a_build(full_passes)
    assert kept and full_passes == []


def test_young_cycles_are_still_freed(full_passes):
    collector.install()

    class Node:
        pass

    for _ in range(50_000):
        node = Node()
        node.self = node  # a cycle, garbage as soon as the loop moves on
    alive = sum(1 for obj in gc.get_objects(generation=0) + gc.get_objects(generation=1) if isinstance(obj, Node))
    assert alive < 20_000
