"""Crawl the hostile web of tests/hostile_site.py and print what issue 14 measures: requests,
off-site requests, ordinary articles archived exactly, hijacks, attacks recorded in
crawl_errors, peak RSS of the crawl's whole process tree, wall time.

Usage: python bench/hostile.py [--db PATH] [-s NAME=VALUE ...]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile_check import SETTINGS, crawl, judge  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="archive to crawl into (default: a temporary file)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before the crawl is killed")
    parser.add_argument("-s", "--set", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="fanwire-hostile-")) / "archive.db"
    watched, site = crawl(db, (*SETTINGS, *args.settings), args.timeout)
    report = judge(db, watched, site)
    print(f"hostile crawl into {db}")
    print("\n".join(report.lines()))
    ok = (report.exit_code == 0 and not report.off_site and not report.wrong and not report.hijacked
          and not report.unrecorded and report.peak_rss_mb <= 600)
    if not ok:
        print(report.stderr_tail, file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
