"""Issue 14, items 8-9: crawl the flood site (tests/flood_site.py: a 200k-link page, a 5 MB page,
a 1M-URL sitemap, a 10k-child sitemap index) and print what the crawl cost.

    python bench/flood.py [--timeout 300] [-s NAME=VALUE ...]

Prints requests made, wall time, the peak RSS of the crawl's whole process tree (sampled every
0.2 s), the reactor's longest stall (stat `fanwire/reactor/max_stall_ms`), and crawl_errors rows
by kind. A crawl still running at `--timeout` is killed and reported as such.
"""
from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.flood_site import HOST, flood_site  # noqa: E402
from tests.proctree import PeakRss  # noqa: E402
from tests.proxy_site import serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("-s", dest="settings", action="append", default=[])
    parser.add_argument("--log", type=Path, help="keep the crawl's log here")
    args = parser.parse_args()
    site = flood_site()
    with tempfile.TemporaryDirectory() as tmp, serve(site) as proxy:
        db = Path(tmp) / "archive.db"
        env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
        env["http_proxy"] = proxy
        command = [sys.executable, "-m", "fanwire", "crawl", f"http://{HOST}/", "--db", str(db)]
        for setting in args.settings:
            command += ["-s", setting]
        log = Path(tmp) / "crawl.log"
        started = time.monotonic()
        with log.open("w") as err:
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
            sampler = PeakRss(proc.pid)
            sampler.start()
            try:
                proc.wait(timeout=args.timeout)
                finished = True
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                finished = False
            sampler.join()
        wall = time.monotonic() - started
        text = log.read_text()
        if args.log:
            args.log.write_text(text)
        found = re.findall(r"'fanwire/reactor/max_stall_ms': (\d+)|blocked for (\d+) ms", text)
        stalls = [int(n) for pair in found for n in pair if n]
        with closing(sqlite3.connect(db)) as conn:
            try:
                rows = conn.execute("SELECT kind, count(*) FROM crawl_errors GROUP BY kind ORDER BY 2 DESC").fetchall()
                articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                rows, articles = [], 0
    print(f"finished: {finished} (exit {proc.returncode})" if finished else f"killed after {args.timeout:.0f} s")
    print(f"requests: {len(site.hits)}")
    print(f"wall time: {wall:.1f} s")
    print(f"peak RSS (process tree): {sampler.peak / 2**20:.0f} MB")
    print(f"reactor max stall: {f'{max(stalls)} ms' if stalls else 'not measured'}")
    print(f"articles: {articles}")
    print("crawl_errors: " + ", ".join(f"{kind} {n}" for kind, n in rows))


if __name__ == "__main__":
    main()
