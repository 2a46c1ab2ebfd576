"""Run a command and watch the memory of its whole process tree (the crawl, its forkserver and
extraction workers), sampled from /proc: the peak of the tree's summed RSS is what a machine
running the crawl has to have."""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import ROOT, environment

#: Seconds between samples of the tree.
SAMPLE_EVERY = 0.1


def children(pid: int) -> list[int]:
    """Every descendant of `pid` still alive."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def rss(pid: int) -> int:
    """Resident set size of one process in bytes (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class Watched:
    """A finished command with the peak RSS of its process tree."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss: int
    seconds: float


def run_watched(args: list[str], proxy: str | None = None, cwd: Path = ROOT, timeout: float = 600) -> Watched:
    """Run `args` to the end, sampling its process tree's summed RSS every `SAMPLE_EVERY` seconds."""
    started = time.monotonic()
    proc = subprocess.Popen(args, cwd=cwd, env=environment(proxy), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(rss(p) for p in [proc.pid, *children(proc.pid)]))
            done.wait(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in [proc.pid, *children(proc.pid)]:
            os.kill(pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        stderr += f"\n(killed after {timeout:.0f} s)"
    finally:
        done.set()
        sampler.join()
    return Watched(proc.returncode, stdout, stderr, peak, time.monotonic() - started)


def alive(pids: list[int]) -> list[int]:
    """Those of `pids` that are still running (not zombies)."""
    out = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.append(pid)
    return out

