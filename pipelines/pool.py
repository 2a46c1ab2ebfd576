"""Extraction off the reactor thread: a pool of processes decodes, parses and extracts pages, so
every core extracts while Scrapy keeps downloading on the main thread (the tasks are in
`pipelines.extractor`, which imports no Scrapy: a worker starts at about 40 MB).

At most `2 × processes` tasks are in flight: a page waiting for a slot
keeps its response in Scrapy's scraper slot, whose size limit (`SCRAPER_SLOT_MAX_ACTIVE_SIZE`)
then holds back downloads, so memory stays flat when extraction is slower than the network.

Workers die with the crawl, even one killed by SIGKILL: each holds its own task queue's write
end, so it never sees the queue close and would wait for tasks forever. They are spawned
directly by the crawl (no forkserver between them) and ask the kernel to kill them when it
dies (`die_with_parent`).
"""
from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

#: prctl(2) option: the signal the kernel sends a process when its parent dies.
PR_SET_PDEATHSIG = 1
#: Seconds between two looks at the parent, where the kernel cannot be asked (not Linux).
WATCH_PARENT_SECONDS = 1.0
#: A task given a body this large frees tens of MB of parse trees that glibc keeps in the heap.
LARGE_TASK_BYTES = 1 << 20


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this process as soon as `parent` (the crawl) dies."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the crawl died before the request took effect
        os.kill(os.getpid(), signal.SIGKILL)


def run_then_trim(task: Callable[..., T], *args: Any) -> T:
    """Run `task` in a worker; after one given a large body, hand the freed heap back to the
    system, or each worker would hold its largest page's peak (a 5 MB page: +44 MB) for the crawl."""
    result = task(*args)
    if any(isinstance(arg, bytes) and len(arg) >= LARGE_TASK_BYTES for arg in args):
        trim_heap()
    return result


def trim_heap() -> None:
    """malloc_trim(3): return free heap pages to the system (glibc only; elsewhere nothing)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except AttributeError:  # a C library without it (musl)
            pass


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_PARENT_SECONDS)
    os._exit(1)


class ExtractionPool:
    """Run extraction tasks in `processes` worker processes (0: in the calling thread)."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self.executor: Executor | None = None
        self.slots: asyncio.Semaphore | None = None
        if processes > 0:
            # spawn: workers start from a clean process, not a fork of a threaded reactor, and are
            # the crawl's own children, so the kernel can tie their lives to it
            self.executor = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=die_with_parent, initargs=(os.getpid(),))

    @staticmethod
    def default_size() -> int:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

    async def run(self, task: Callable[..., T], *args: Any) -> T:
        if self.executor is None:
            return task(*args)
        if self.slots is None:  # created on the running loop
            self.slots = asyncio.Semaphore(2 * self.processes)
        async with self.slots:
            return await asyncio.wrap_future(self.executor.submit(run_then_trim, task, *args))

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
