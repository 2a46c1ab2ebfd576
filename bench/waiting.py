"""Issue 18: requests waiting out one site's Crawl-delay must not hold the download slots the
other sites need.

Serves a fansim world whose robots.txt gives one site `Crawl-delay: 2` (every answer delayed by
`--latency` ms) and crawls all its sites for `--seconds` each time, in the same run:

- `slot-blind`: Scrapy's default priority queue, which hands the downloader the next request
  whatever its site: the delayed site's requests pile up in its download slot, each counted
  against `CONCURRENT_REQUESTS`, until they fill it (how fanwire waited before);
- `slot-aware`: fanwire's setting, `DownloaderAwarePriorityQueue`, which takes the next request
  from the site with the fewest requests in the downloader.

Reports the articles archived from the other sites in the time, and from the delayed site (its
Crawl-delay must bind in both: about `seconds / 2`).

    python bench/waiting.py [--seed 19 --sites 6 --articles 150 --latency 100 --seconds 60]

Prints and writes bench/out/waiting.json; exits 1 when the slot-aware crawl archives fewer than
twice the other sites' articles or lets the delayed site go faster than its Crawl-delay.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import FANWIRE, OUT, ROOT, Fansim, fansim_available, fresh_db, world_parser  # noqa: E402

QUEUES = {"slot-blind": "scrapy.pqueues.ScrapyPriorityQueue",
          "slot-aware": "scrapy.pqueues.DownloaderAwarePriorityQueue"}
#: How many times the slot-blind crawl's other-site articles the slot-aware one must archive.
MIN_GAIN = 2.0


def archived_per_site(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as conn:
        return dict(conn.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall())


def timed_crawl(fansim: Fansim, db: Path, queue: str, seconds: float) -> float:
    """`fanwire crawl` of every site for `seconds` (it then exits 1, "ended early"); wall seconds."""
    hosts = [f"http://{s['host']}/" for s in fansim.sites()]
    started = time.perf_counter()
    with open(OUT / f"{db.stem}-crawl.log", "w") as log:
        subprocess.run([*FANWIRE, "crawl", *hosts, "--db", str(db), "--log-level", "WARNING", "-s",
                        f"SCHEDULER_PRIORITY_QUEUE={queue}", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"], cwd=ROOT,
                       env={**os.environ, "http_proxy": fansim.proxy}, stderr=log)
    return time.perf_counter() - started


def main() -> int:
    parser = world_parser(__doc__, seed=19, sites=6, articles=150)
    parser.add_argument("--latency", type=float, default=100.0, help="milliseconds added to every answer")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each crawl")
    args = parser.parse_args()
    if not fansim_available():
        print("skipped: no fansim next to the repository (../shared/fansim)")
        return 0
    report: dict = {"world": vars(args)}
    with Fansim(args.seed, args.sites, args.articles, latency_ms=args.latency) as fansim:
        delayed = {s["host"] for s in fansim.sites() if s.get("crawl_delay")}
        for name, queue in QUEUES.items():
            fansim.control("/__reset")
            db = fresh_db(f"waiting-{name}.db")
            wall = timed_crawl(fansim, db, queue, args.seconds)
            counts = archived_per_site(db)
            slow = sum(n for site, n in counts.items() if any(h in site for h in delayed))
            report[name] = {"wall_s": round(wall, 1), "other_sites_articles": sum(counts.values()) - slow,
                            "delayed_site_articles": slow}
    blind, aware = report["slot-blind"], report["slot-aware"]
    report["other_sites_gain"] = round(aware["other_sites_articles"] / max(1, blind["other_sites_articles"]), 2)
    report["pass"] = (report["other_sites_gain"] >= MIN_GAIN
                      and aware["delayed_site_articles"] <= args.seconds / 2 + 1)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "waiting.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
