"""The quick_exit speed-up: a successful ``mkdocs build`` ends at once, after the exit handlers; any
other ending (a failed build, another command, a build inside another program) is left to Python."""

import subprocess
import sys
import threading

import pytest

from kakehashi_speedups import quick_exit


class ExitCalledError(Exception):
    pass


@pytest.fixture
def ending(monkeypatch):
    """What the speed-up does at the end: the exit handlers it runs, then the status it exits with."""
    done = []
    monkeypatch.setattr(quick_exit.atexit, "_run_exitfuncs", lambda: done.append("exit handlers"))

    def _exit(status):
        done.append(status)
        raise ExitCalledError

    monkeypatch.setattr(quick_exit.os, "_exit", _exit)
    monkeypatch.setattr(sys, "argv", ["mkdocs", "build", "--strict"])
    # Threads other tests left running (a test server) would hold the speed-up back: count this test's only.
    count, before = threading.active_count, threading.active_count()
    monkeypatch.setattr(quick_exit.threading, "active_count", lambda: count() - before + 1)
    quick_exit.remember("build")
    yield done
    quick_exit.remember(None)


def test_a_successful_build_ends_after_the_exit_handlers(ending):
    with pytest.raises(ExitCalledError):
        quick_exit.exit_if_finished()
    assert ending == ["exit handlers", 0]


def test_a_failed_build_is_left_to_python(ending):
    """MkDocs runs on_shutdown in a finally: the error under way must reach Python's exit."""
    try:
        raise RuntimeError("Aborted with 1 warning in strict mode!")
    except RuntimeError:
        quick_exit.exit_if_finished()
    assert ending == []


def test_another_command_is_left_to_python(ending):
    quick_exit.remember("serve")
    quick_exit.exit_if_finished()
    assert ending == []


def test_a_build_inside_another_program_is_left_to_python(ending, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["pytest", "-q"])
    quick_exit.exit_if_finished()
    assert ending == []


def test_a_build_that_leaves_a_thread_running_is_left_to_python(ending):
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        quick_exit.exit_if_finished()
    finally:
        release.set()
        thread.join()
    assert ending == []


HOOK = """
import atexit
from pathlib import Path

from mkdocs.plugins import event_priority

from kakehashi_speedups import quick_exit

atexit.register(lambda: Path("exit-handler-ran").write_text("yes"))


def on_startup(command, dirty):
    quick_exit.remember(command)


@event_priority(-1000)
def on_shutdown():
    quick_exit.exit_if_finished()
"""


@pytest.mark.parametrize(("page", "status"), [("Hello.", 0), ("A [broken link](missing.md).", 1)])
def test_a_real_build_keeps_its_exit_status_and_exit_handlers(tmp_path, page, status):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# Home\n\n{page}\n", encoding="utf-8")
    (tmp_path / "quick.py").write_text(HOOK, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Quick\nhooks:\n  - quick.py\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == status, result.stderr
    assert (tmp_path / "exit-handler-ran").read_text() == "yes"
    if status == 0:
        assert "Documentation built in" in result.stderr and (tmp_path / "site" / "index.html").is_file()
    else:
        assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
