"""Measuring a command: wall time, CPU time and the peak memory of its whole process tree (Linux /proc)."""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str
    cpu_seconds: float = 0.0  # user + system time of the process and the descendants it waited for


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _rss_kb(current)
        stack.extend(_children(current))
    return total


def run_measured(command: list[str], cwd: Path, env: dict | None = None, timeout: float = 3600) -> Run:
    """Run a command; sample the tree's memory every 50 ms; return time, peak RSS, output and CPU time
    (which, unlike the wall time, does not depend on what else this machine runs)."""
    start, cpu = time.perf_counter(), _children_cpu()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kb(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        output, _ = process.communicate(timeout=timeout)
    finally:
        done.set()
        sampler.join()
    return Run(time.perf_counter() - start, peak[0] / 1024, process.returncode, output, _children_cpu() - cpu)


def site_figures(site: Path) -> tuple[int, float, float]:
    """(HTML pages, mean HTML bytes per page, whole site in MB)."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    html = sum(p.stat().st_size for p in pages)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return len(pages), html / max(len(pages), 1), total / 1_000_000
