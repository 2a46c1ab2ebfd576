"""Issue 10 acceptance on the simulated fan web: the cost of WARC capture, measured side by side,
and what the WARC files hold.

    python bench/warc.py [--seed 16 --sites 4 --articles 40 --rounds 2]

Each round crawls the same fansim world twice into fresh archives, without and with `--warc`
(in alternating order, so drift on a shared machine falls on both), and reports the ratios of
wall time and of the crawl's CPU time, and disk per article. The last WARC crawl's files are
checked with `warcio check`, their records counted against Scrapy's `downloader/response_count`
and fansim's 304 answers, then imported with `fanwire import-warc` into a fresh archive with no
network, which must hold the same articles (URLs, text hashes, stories, tags).

Prints and writes bench/out/warc.json; exits 1 when a check fails, and 0 with a message when
../shared/fansim is absent.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import FANWIRE, OUT, ROOT, Fansim, crawl, fansim_score, fresh_db, world_parser  # noqa: E402

WARCIO = str(Path(sys.executable).parent / "warcio")
#: A proxy nothing listens on: the rebuild must not need the network.
DEAD_PROXY = "http://127.0.0.1:9"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured_crawl(fansim: Fansim, name: str, warc_dir: Path | None) -> dict:
    """One crawl into a fresh bench/out/NAME.db (with WARC files in `warc_dir` when given)."""
    db = fresh_db(f"{name}.db")
    options = ["--warc", str(warc_dir)] if warc_dir else []
    if warc_dir:
        shutil.rmtree(warc_dir, ignore_errors=True)
    fansim.control("/__reset")
    cpu = children_cpu()
    wall = crawl(fansim, db, *options)
    cpu = children_cpu() - cpu
    with closing(sqlite3.connect(db)) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        stats = json.loads(conn.execute("SELECT stats FROM crawls").fetchone()[0])
    db_bytes = sum(p.stat().st_size for p in db.parent.glob(f"{db.name}*"))
    warc_bytes = sum(p.stat().st_size for p in warc_dir.glob("*.warc.gz")) if warc_dir else 0
    return {"db": db, "wall": wall, "cpu": cpu, "articles": articles, "stats": stats,
            "not_modified": fansim.control("/__stats")["not_modified"], "db_bytes": db_bytes,
            "warc_bytes": warc_bytes}


def record_counts(files: list[Path]) -> Counter:
    counts: Counter = Counter()
    for path in files:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f):
                profile = record.rec_headers.get_header("WARC-Profile", "")
                counts[record.rec_type + (f" ({profile.rsplit('/', 1)[1]})" if profile else "")] += 1
    return counts


def articles_of(db: Path) -> dict:
    """What a rebuild must reproduce: article URLs and text hashes, stories, series tags."""
    with closing(sqlite3.connect(db)) as conn:
        return {
            "articles": sorted(conn.execute("SELECT url, content_hash FROM articles")),
            "stories": sorted(sorted(json.loads(r[0])) for r in conn.execute(
                "SELECT json_group_array(url) FROM articles GROUP BY story_id")),
            "tags": sorted(conn.execute("SELECT a.url, t.series_id, t.season FROM article_series t "
                                        "JOIN articles a ON a.id = t.article_id")),
        }


def rebuild(files: list[Path]) -> tuple[Path, float]:
    db = fresh_db("warc-rebuilt.db")
    env = {**os.environ, "http_proxy": DEAD_PROXY}
    started = time.perf_counter()
    subprocess.run([*FANWIRE, "import-warc", "--db", str(db), *map(str, files)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return db, time.perf_counter() - started


def main() -> int:
    parser = world_parser(__doc__, seed=16, sites=4, articles=40)
    parser.add_argument("--rounds", type=int, default=2, help="pairs of crawls (without and with WARC)")
    args = parser.parse_args()
    if fansim_score() is None:
        return 0
    warc_dir = OUT / "warc-files"
    runs: dict[str, list[dict]] = {"plain": [], "warc": []}
    with Fansim(args.seed, args.sites, args.articles, themes_dir=args.themes_dir) as fansim:
        for i in range(args.rounds):
            for kind in (("plain", "warc") if i % 2 == 0 else ("warc", "plain")):
                runs[kind].append(measured_crawl(fansim, f"warc-{kind}", warc_dir if kind == "warc" else None))
    plain, warc = runs["plain"][-1], runs["warc"][-1]
    files = sorted(warc_dir.glob("*.warc.gz"))
    checks = [subprocess.run([WARCIO, "check", str(p)], capture_output=True).returncode for p in files]
    counts = record_counts(files)
    captured = sum(n for kind, n in counts.items() if kind.startswith(("response", "revisit")))
    rebuilt, import_wall = rebuild(files)
    same = articles_of(rebuilt) == articles_of(warc["db"])
    report = {
        "world": vars(args),
        "articles": warc["articles"],
        "wall_s": {k: [round(r["wall"], 2) for r in v] for k, v in runs.items()},
        "cpu_s": {k: [round(r["cpu"], 2) for r in v] for k, v in runs.items()},
        "wall_ratio_warc_to_plain": round(statistics.median(w["wall"] / p["wall"] for w, p in
                                                            zip(runs["warc"], runs["plain"])), 3),
        "cpu_ratio_warc_to_plain": round(statistics.median(w["cpu"] / p["cpu"] for w, p in
                                                           zip(runs["warc"], runs["plain"])), 3),
        "db_bytes_per_article": round(plain["db_bytes"] / max(1, plain["articles"])),
        "warc_bytes_per_article": round(warc["warc_bytes"] / max(1, warc["articles"])),
        "warc_bytes_total": warc["warc_bytes"],
        "warc_files": len(files),
        "warcio_check_passed": f"{checks.count(0)}/{len(checks)}",
        "records": dict(sorted(counts.items())),
        "downloader_response_count": warc["stats"]["downloader/response_count"],
        "fansim_304_answers": warc["not_modified"],
        "rebuild_import_s": round(import_wall, 2),
        "rebuild_same_articles": same,
    }
    report["pass"] = (bool(files) and checks.count(0) == len(checks) and same
                      and captured == report["downloader_response_count"]
                      and counts.get("revisit (server-not-modified)", 0) == warc["not_modified"])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "warc.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
