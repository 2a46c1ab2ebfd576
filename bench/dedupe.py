"""Issue 5: one story, one record. Crawl a fansim world and score story clustering against its
truth clusters, the requests spent on variant URLs, and the dedupe stage's cost.

    python bench/dedupe.py [--seed 14 --sites 6 --articles 60] [--scale 1000,3000]

1. Pairwise precision/recall of `articles.story_id` against truth clusters, over every stored
   article (fansim `score.duplicate_pr`).
2. Requests to variant URLs (utm, amp, print, replytocom, ...) as a share of article requests
   (fansim `/__stats`), and whether every canonical article URL fetched is archived.
3. Cost of the dedupe stage (signature + story assignment) per article and the story index's
   memory, at each `--scale` size, on truth bodies of a larger world (no crawl).
Writes bench/out/dedupe.json; skips when ../shared is absent.
"""
from __future__ import annotations

import json
import sqlite3
import sys
import time
import tracemalloc
from contextlib import closing
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import OUT, Fansim, crawl_world, fansim_score, world_parser  # noqa: E402

from pipelines.dedupe import Signature, StoryIndex  # noqa: E402
from pipelines.normalize import content_hash  # noqa: E402


def clustering(db: Path, truth: list[dict], score: ModuleType) -> dict:
    cluster = {t["url"]: t["cluster"] for t in truth if t.get("cluster")}
    with closing(sqlite3.connect(db)) as conn:
        rows = list(conn.execute("SELECT url, source_url, story_id FROM articles"))
        stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    pred = {url: story for url, _, story in rows if url in cluster}
    precision, recall = score.duplicate_pr(pred, cluster)
    return {"articles": len(rows), "scored": len(pred), "stories": stories,
            "truth_clusters_among_them": len({cluster[u] for u in pred}),
            "pair_precision": round(precision, 4), "pair_recall": round(recall, 4)}


def requests(db: Path, truth: list[dict], stats: dict) -> dict:
    fetched = {f"http://{host}{path}" for host, paths in stats["requests"].items() for path in paths}
    count = {f"http://{host}{path}": n for host, paths in stats["requests"].items() for path, n in paths.items()}
    variants = [t["url"] for t in truth if t["kind"] == "article" and t.get("variant")]
    canonical = [t for t in truth if t["kind"] == "article" and not t.get("variant") and t["status"] == 200]
    with closing(sqlite3.connect(db)) as conn:
        known = {u for row in conn.execute("SELECT url, canonical_url FROM articles") for u in row if u}
        known |= {r[0] for r in conn.execute("SELECT url FROM url_aliases")}
    variant_requests = sum(count.get(u, 0) for u in variants)
    article_requests = sum(count.get(t["url"], 0) for t in canonical)
    lost = [t["url"] for t in canonical if t["url"] in fetched and t["url"] not in known]
    return {"variant_requests": variant_requests, "article_requests": article_requests,
            "variant_share": round(variant_requests / max(1, article_requests), 4),
            "canonical_fetched": sum(t["url"] in fetched for t in canonical), "canonical_lost": lost}


def cost(bodies: list[str], sizes: list[int]) -> dict:
    """Time per article and index memory of the dedupe stage at each size (same process)."""
    out = {}
    for n in sizes:
        texts = bodies[:n]
        tracemalloc.start()
        started = time.perf_counter()
        index = StoryIndex()
        for i, text in enumerate(texts):
            index.assign(f"http://bench.test/{i}", content_hash(text), Signature.of(text))
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out[str(len(texts))] = {"ms_per_article": round(1000 * elapsed / len(texts), 3),
                                "index_peak_mb": round(peak / 2 ** 20, 1)}
    keys = list(out)
    if len(keys) > 1:
        first, last = out[keys[0]], out[keys[-1]]
        out["growth"] = {"articles": round(int(keys[-1]) / int(keys[0]), 2),
                         "time_per_article": round(last["ms_per_article"] / first["ms_per_article"], 2),
                         "memory": round(last["index_peak_mb"] / first["index_peak_mb"], 2)}
    return out


def main() -> int:
    parser = world_parser(__doc__, seed=14, sites=6, articles=60)
    parser.add_argument("--scale", default="1000,3000", help="article counts for the cost measurement")
    args = parser.parse_args()
    score = fansim_score()
    if score is None:
        return 0

    world = crawl_world(args.seed, args.sites, args.articles, "dedupe.db", args.themes_dir)
    db, wall, stats, truth = world.db, world.wall, world.stats, world.truth
    sizes = [int(s) for s in args.scale.split(",")]
    with Fansim(args.seed + 1, 6, -(-max(sizes) // 6)) as big:
        bodies = [t["body"] for t in big.truth() if t["kind"] == "article" and not t.get("variant") and t.get("body")]
    report = {"world": {"seed": args.seed, "sites": args.sites, "articles": args.articles},
              "crawl_wall_s": round(wall, 1), **clustering(db, truth, score), **requests(db, truth, stats),
              "cost": cost(bodies, sizes)}
    report["pass"] = (report["pair_precision"] >= 0.99 and report["pair_recall"] >= 0.97
                      and report["variant_share"] <= 0.02 and not report["canonical_lost"])
    (OUT / "dedupe.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
