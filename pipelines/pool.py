"""Extraction off the reactor thread: a pool of processes decodes, parses and extracts pages, so
every core extracts while Scrapy keeps downloading on the main thread (the tasks are in
`pipelines.extract`).

At most `2 × processes` tasks are in flight: a page waiting for a slot
keeps its response in Scrapy's scraper slot, whose size limit (`SCRAPER_SLOT_MAX_ACTIVE_SIZE`)
then holds back downloads, so memory stays flat when extraction is slower than the network.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class ExtractionPool:
    """Run extraction tasks in `processes` worker processes (0: in the calling thread)."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self.executor: Executor | None = None
        self.slots: asyncio.Semaphore | None = None
        if processes > 0:
            # forkserver: workers start from a clean process, not a fork of a threaded reactor
            self.executor = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("forkserver"))

    @staticmethod
    def default_size() -> int:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

    async def run(self, task: Callable[..., T], *args: Any) -> T:
        if self.executor is None:
            return task(*args)
        if self.slots is None:  # created on the running loop
            self.slots = asyncio.Semaphore(2 * self.processes)
        async with self.slots:
            return await asyncio.wrap_future(self.executor.submit(task, *args))

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
