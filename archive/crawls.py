"""Which crawls are still being written: each `crawls` row names the process writing it and
beats while it runs, so a crawl whose process died (kill -9, the OOM killer, a power cut) is
told apart from one still running, even with several workers on several machines sharing one
archive, and closed as `killed`.

An unfinished crawl is stale, and is closed, when either
1. its process is known dead: it ran on this machine in this pid namespace (its `process` key
   starts with this process's boot id and pid namespace) and no live process has its pid and
   start time any more; or
2. it has not beaten for `STALE_AFTER` (a worker on another machine or in another container,
   or a system without /proc): a running crawl beats every `HEARTBEAT_SECONDS`, and
   `STALE_AFTER` leaves room for a write waiting out SQLite's busy timeout, a stalled reactor
   and clock skew between machines.

A closed crawl gets `finished_at` = its last sign of life and `stats` = `{"finish_reason":
"killed"}`: `fanwire serve` may then serve the archive immutable, while recrawls still count the
crawl as incomplete (`COMPLETE_SQL`), so the listings it read are read afresh.
"""
from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from archive.dates import as_utc, utc_now

#: Seconds between two heartbeats of a running crawl.
HEARTBEAT_SECONDS = 60.0
#: Silence after which a crawl no process on this machine can vouch for counts as dead.
STALE_AFTER = timedelta(minutes=15)
#: The `finish_reason` of a crawl closed because its process died.
KILLED = "killed"
#: True for a crawl (`c`) that ran to its end: a killed or interrupted crawl may not have
#: followed everything its listings and sitemaps showed.
COMPLETE_SQL = ("(c.finished_at IS NOT NULL AND "
                "coalesce(json_extract(c.stats, '$.finish_reason'), 'finished') = 'finished')")


def _scope() -> str | None:
    """This machine's boot and pid namespace: where a pid names one process."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        return f"{boot}/{os.readlink('/proc/self/ns/pid')}"
    except OSError:
        return None


def process_key(pid: int) -> str | None:
    """`scope/pid/start time` of a live process of this scope; None when there is none (or no /proc)."""
    scope = _scope()
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()  # after the command name: state is field 3, start time field 22
    if scope is None or fields[0] in ("Z", "X"):  # a zombie has died, only its exit status is left
        return None
    return f"{scope}/{pid}/{fields[19]}"


def runner() -> dict[str, Any]:
    """The `crawls` columns naming the current process."""
    return {"host": socket.gethostname(), "pid": os.getpid(), "process": process_key(os.getpid())}


def is_alive(process: str | None, last_seen: str, now: datetime) -> bool:
    """Could the crawl written by `process` (last heard of at `last_seen`) still be running?"""
    scope = _scope()
    if process and scope and process.rsplit("/", 2)[0] == scope:
        return process_key(int(process.rsplit("/", 2)[1])) == process
    return now - as_utc(datetime.fromisoformat(last_seen)) < STALE_AFTER


def close_stale(db: Database, now: datetime | None = None) -> list[int]:
    """Close the unfinished crawls no process is writing any more as `killed`; returns their ids."""
    now = now or utc_now()
    rows = db.execute("SELECT id, process, coalesce(heartbeat_at, started_at) FROM crawls "
                      "WHERE finished_at IS NULL").fetchall()
    stale = [(last_seen, crawl_id) for crawl_id, process, last_seen in rows if not is_alive(process, last_seen, now)]
    if stale:
        with db.atomic():
            db.conn.executemany(
                "UPDATE crawls SET finished_at = ?, stats = ? WHERE id = ? AND finished_at IS NULL",
                [(at, json.dumps({"finish_reason": KILLED}), crawl_id) for at, crawl_id in stale])
    return [crawl_id for _, crawl_id in stale]


def beat(db: Database, crawl_id: int, at: str) -> None:
    """Say that the crawl is still running."""
    with db.atomic():
        db.execute("UPDATE crawls SET heartbeat_at = ? WHERE id = ?", [at, crawl_id])
