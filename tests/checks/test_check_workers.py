"""The processes that run the checks in the background."""

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT

# Starts the check workers as start_checks does, writes one worker's pid, then dies without stopping them.
KILLED_PARENT = """
import multiprocessing, os, signal, sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from kakehashi.checks import engine
from kakehashi.site_config import load_site_config

site = load_site_config(Path(sys.argv[1]))
pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"),
                           initializer=engine._start_worker, initargs=(site, [], True, 0))
Path(sys.argv[2]).write_text(str(pool.submit(os.getpid).result()))
os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_check_worker_ends_when_the_process_that_started_it_is_killed(tmp_path):
    pid_file, log = tmp_path / "worker.pid", tmp_path / "stderr.txt"
    with log.open("w") as stderr:  # not a pipe: a worker left behind would hold it open
        subprocess.run([sys.executable, "-c", KILLED_PARENT, str(ROOT / "mkdocs.yml"), str(pid_file)],
                       stdout=subprocess.DEVNULL, stderr=stderr, timeout=120)
    assert pid_file.is_file(), log.read_text()
    worker = int(pid_file.read_text())
    deadline = time.monotonic() + 20
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _running(worker)
    if alive:
        os.kill(worker, 9)
    assert not alive, "the check worker outlived the process that started it"
