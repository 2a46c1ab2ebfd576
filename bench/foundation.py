"""Issue 3 acceptance on the simulated fan web: crawl a fansim world end to end and check the
archive against fansim's ground truth, the export and Datasette.

    python bench/foundation.py [--seed 11 --sites 4 --articles 40]

Prints and writes bench/out/foundation.json; exits 1 when an acceptance figure misses its bar,
and 0 with a message when ../shared/fansim is absent.
"""
from __future__ import annotations

import csv
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import FANWIRE, OUT, ROOT, crawl_world, fansim_score, world_parser  # noqa: E402



def free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def archive_urls(conn: sqlite3.Connection) -> tuple[set[str], list[tuple[str, str]]]:
    known = {u for row in conn.execute("SELECT url, canonical_url, source_url FROM articles") for u in row if u}
    known |= {r[0] for r in conn.execute("SELECT url FROM url_aliases")}
    rows = list(conn.execute("SELECT url, source_url FROM articles"))
    return known, rows


def check_exports(db: Path, count: int) -> dict:
    out = {}
    for fmt in ("csv", "json"):
        path = OUT / f"foundation-export.{fmt}"
        subprocess.run([*FANWIRE, "export", "--db", str(db), "--format", fmt, "-o", str(path)], cwd=ROOT,
                       check=True, capture_output=True)
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f)) if fmt == "csv" else json.load(f)
        out[f"export_{fmt}_rows"] = len(rows)
    out["export_counts_match"] = out["export_csv_rows"] == out["export_json_rows"] == count
    return out


def check_serve(db: Path, count: int) -> dict:
    port = free_port()
    proc = subprocess.Popen([*FANWIRE, "serve", "--db", str(db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{db.stem}/articles.json?_shape=objects&_size=max"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        for _ in range(100):
            try:
                with opener.open(url, timeout=10) as resp:
                    data = json.loads(resp.read())
                break
            except OSError:
                time.sleep(0.2)
        else:
            return {"serve_ok": False}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    rows = data["rows"]
    return {"serve_rows": len(rows), "serve_total": data.get("filtered_table_rows_count"),
            "serve_ok": data.get("filtered_table_rows_count") == count and len(rows) == min(count, 1000)}


def main() -> int:
    args = world_parser(__doc__, seed=11, sites=4, articles=40).parse_args()
    score = fansim_score()
    if score is None:
        return 0

    world = crawl_world(args.seed, args.sites, args.articles, "foundation.db", args.themes_dir)
    db, wall, stats, truth = world.db, world.wall, world.stats, world.truth
    by_url = {t["url"]: t for t in truth}
    canonical = [t for t in truth if t["kind"] == "article" and t.get("variant") is None and t["status"] == 200]
    with closing(sqlite3.connect(db)) as conn:
        known, rows = archive_urls(conn)
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        texts = {u: t for u, t in conn.execute("SELECT url, text FROM articles")}
        titles = {u: t for u, t in conn.execute("SELECT url, title FROM articles")}
    found = [t for t in canonical if t["url"] in known]
    non_articles = [(u, s) for u, s in rows if by_url.get(s, {}).get("kind", "article") != "article"]
    unknown = [(u, s) for u, s in rows if s not in by_url]
    truth_bodies = {t["url"]: t["body"] for t in canonical if t["url"] in texts}
    f1, precision, recall = score.body_f1(truth_bodies, {u: texts[u] for u in truth_bodies})
    title_exact = sum(titles[u] == by_url[u]["title"] for u in truth_bodies) / max(1, len(truth_bodies))
    report = {
        "world": vars(args),
        "crawl_wall_s": round(wall, 1),
        "requests_total": stats["requests_total"],
        "truth_canonical_articles": len(canonical),
        "articles_rows": count,
        "coverage": round(len(found) / len(canonical), 4),
        "non_article_rows": len(non_articles),
        "rows_unknown_to_truth": len(unknown),
        "robots_disallowed_requests": sum(stats["robots_disallowed_hits"].values()),
        "trap_hits": stats["trap_hits"],
        "body_f1": round(f1, 4), "body_precision": round(precision, 4), "body_recall": round(recall, 4),
        "title_exact": round(title_exact, 4),
        **check_exports(db, count),
        **check_serve(db, count),
    }
    report["pass"] = (report["coverage"] >= 0.95 and report["non_article_rows"] == 0
                      and report["robots_disallowed_requests"] == 0 and report["export_counts_match"]
                      and report["serve_ok"])
    (OUT / "foundation.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    if non_articles:
        print("non-article rows:", non_articles[:10], file=sys.stderr)
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
