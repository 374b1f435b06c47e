"""kakehashi.build.handoff: the main build hands what it read to its language workers through a file."""

import os

import pytest

from kakehashi.build import handoff


def test_a_worker_receives_what_the_main_build_sends(tmp_path, monkeypatch):
    environment = handoff.open_outbox(tmp_path)
    try:
        handoff.send({"pages": ["guides/a"]})
        monkeypatch.setenv(handoff.HANDOFF_ENV, environment[handoff.HANDOFF_ENV])
        monkeypatch.setenv(handoff.SENDER_ENV, str(os.getppid()))  # this test stands for a worker of its parent
        assert handoff.receive() == {"pages": ["guides/a"]}
        assert not list(tmp_path.rglob("*.part"))  # written aside, then renamed
    finally:
        handoff.close_outbox()
    assert not list(tmp_path.iterdir())


def test_a_worker_stops_waiting_when_the_main_build_is_gone(tmp_path, monkeypatch):
    monkeypatch.setenv(handoff.HANDOFF_ENV, str(tmp_path / "never-written.pickle"))
    monkeypatch.setenv(handoff.SENDER_ENV, "999999999")  # not this process's parent
    with pytest.raises(handoff.HandoffError, match="stopped before sending"):
        handoff.receive()
