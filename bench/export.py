"""Issue 8: `fanwire export` streams in constant memory and fast enough for a whole archive.

    python bench/export.py [--rows 100000] [--small 10000]

1. Builds a synthetic archive (the real schema, `--rows` articles of ~1.5 kB text on 4 sites,
   tagged with series) in a temporary directory.
2. Runs `fanwire export --format csv` in a subprocess at `--small` and `--rows` rows, and once on
   an empty archive (start-up cost), reading each run's peak RSS from the kernel (wait4).
3. Runs the filtered export (`--site`, `--since`, `--until`, sorted by publication) at `--rows`.
Reports rows/s (with and without start-up) and peak RSS; constant memory shows as the ratio of
peak RSS at `--rows` to `--small` staying near 1. Writes bench/out/export.json.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from archive.schema import migrate  # noqa: E402

OUT = ROOT / "bench" / "out"
SITES = ("akiba.test", "celshade.test", "sakura.test", "otaku-weekly.test")
WORDS = ("season anime studio episode trailer cast manga premiere staff visual broadcast fans series "
         "character voice director opening ending arc volume sales").split()
#: Target rows per second from the issue.
TARGET = 20_000


def build(path: Path, rows: int, seed: int = 8) -> None:
    """An archive with `rows` synthetic articles, written in large transactions."""
    rng = random.Random(seed)
    db = Database(path)
    migrate(db)
    db["series"].insert({"id": 1, "title": "Synthetic Show", "seasons": 2})
    conn = db.conn
    batch = []
    for i in range(1, rows + 1):
        text = "\n".join(" ".join(rng.choices(WORDS, k=50)) for _ in range(4))
        day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T12:00:00+09:00"
        site = SITES[i % len(SITES)]
        batch.append((i, f"http://{site}/news/{i}/", site, f"Synthetic article {i}", "Writer", day, "en", text,
                      f"{i:040x}", i, "2026-01-01T00:00:00+00:00", 1))
        if len(batch) == 10_000 or i == rows:
            conn.executemany("INSERT INTO articles (id, url, site, title, author, published, lang, text, "
                             "content_hash, story_id, fetched_at, crawl_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch)
            conn.executemany("INSERT INTO article_series VALUES (?, 1, 1, 'title')", [(r[0],) for r in batch[::10]])
            conn.commit()
            batch = []
    db.close()


def run_export(db: Path, out: Path, *filters: str) -> dict:
    """One `fanwire export --format csv` run: seconds, rows and the child's own peak RSS."""
    args = [sys.executable, "-m", "fanwire", "export", "--db", str(db), "--format", "csv", "-o", str(out), *filters]
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    message = proc.stderr.read()
    proc.stderr.close()
    if status != 0:
        raise SystemExit(f"export failed: {message}")
    rows = int(message.split("exported ", 1)[1].split()[0])
    return {"rows": rows, "seconds": round(seconds, 3), "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
            "bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fanwire-bench-") as tmp:
        tmp = Path(tmp)
        runs = {}
        for name, rows in (("empty", 0), ("small", options.small), ("full", options.rows)):
            db = tmp / f"{name}.db"
            build(db, rows)
            runs[name] = run_export(db, tmp / f"{name}.csv")
        runs["filtered"] = run_export(tmp / "full.db", tmp / "filtered.csv", "--site", SITES[0],
                                      "--since", "2021-01-01", "--until", "2024-12-31")
    startup = runs["empty"]["seconds"]
    full = runs["full"]
    result = {
        "runs": runs,
        "rows_per_s": round(full["rows"] / full["seconds"]),
        "rows_per_s_without_startup": round(full["rows"] / max(full["seconds"] - startup, 1e-6)),
        "peak_rss_ratio_full_to_small": round(full["peak_rss_mib"] / runs["small"]["peak_rss_mib"], 3),
        "target_rows_per_s": TARGET,
    }
    result["meets_target"] = result["rows_per_s"] >= TARGET
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "export.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
