"""Memory of a process and all its descendants, read from /proc (Linux), for tests and benches
that must hold a crawl (main process, forkserver, extraction workers) under an RSS budget.

    proc = subprocess.Popen([...])
    peak = peak_rss(proc.pid)   # blocks until the process exits; bytes
"""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import ROOT, environment

PROC = Path("/proc")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a live process, or None once it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # the command name may hold spaces and parentheses
    return fields[0], int(fields[1])


def tree_pids(pid: int) -> list[int]:
    """`pid` and every live descendant of it (children of children included)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            children.setdefault(stat[1], []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def rss(pid: int) -> int:
    """Resident set size of one process in bytes (0 if it is gone or a zombie)."""
    try:
        return int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Sum of the RSS of `pid` and its descendants, in bytes (shared pages are counted in each)."""
    return sum(rss(p) for p in tree_pids(pid))


def peak_rss(pid: int, interval: float = 0.2) -> int:
    """Sample `tree_rss(pid)` every `interval` seconds until the process exits (or is a zombie
    waiting to be reaped); return the highest sum seen, in bytes."""
    peak = 0
    while (stat := _stat(pid)) is not None and stat[0] != "Z":
        peak = max(peak, tree_rss(pid))
        time.sleep(interval)
    return peak


class PeakRss(threading.Thread):
    """`peak_rss` in a background thread, for callers that wait on the process themselves:

        sampler = PeakRss(proc.pid); sampler.start(); proc.communicate(); sampler.join()
        sampler.peak  # bytes
    """

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0

    def run(self) -> None:
        self.peak = peak_rss(self.pid, self.interval)


@dataclass
class Watched:
    """A finished command with the peak RSS of its process tree."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss: int
    seconds: float


def run_watched(args: list[str], proxy: str | None = None, cwd: Path = ROOT, timeout: float = 600,
                interval: float = 0.1) -> Watched:
    """Run `args` to the end (killing its whole tree after `timeout` seconds), sampling the tree's
    summed RSS every `interval` seconds."""
    started = time.monotonic()
    proc = subprocess.Popen(args, cwd=cwd, env=environment(proxy), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    sampler = PeakRss(proc.pid, interval)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in tree_pids(proc.pid):
            os.kill(pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        stderr += f"\n(killed after {timeout:.0f} s)"
    sampler.join()
    return Watched(proc.returncode, stdout, stderr, sampler.peak, time.monotonic() - started)
