"""Issue 6: series and season tags of a crawled fansim world against its truth (fansim
`score.tag_pr` over (article, series, season) triples), all articles and the `hard` ones
(final seasons, split cours, distractor words), and tagging speed beside extraction speed.

    python bench/tagging.py [--seed 15 --sites 6 --articles 60] [--themes-dir bench/themes]

A tag is scored by the MyAnimeList id of the catalog entry for its season (or film) when the
catalog has one, else by the series title. Writes bench/out/tagging.json; skips without ../shared.
"""
from __future__ import annotations

import json
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import OUT, crawl_world, fansim_score, world_parser  # noqa: E402

from archive.store import decompress_html  # noqa: E402
from pipelines.catalog import load  # noqa: E402
from pipelines.extract import extract_article  # noqa: E402
from pipelines.tagging import SeriesMatcher  # noqa: E402


def predictions(db: Path) -> dict[str, list[tuple[str, int | None]]]:
    with closing(sqlite3.connect(db)) as conn:
        entries = {}
        for sid, season, kind, mal in conn.execute("SELECT series_id, season, type, mal_id FROM series_entries"):
            if mal and (season is not None or kind == "movie"):
                entries.setdefault((sid, season), mal)
        titles = dict(conn.execute("SELECT id, title FROM series"))
        pred: dict[str, list] = {url: [] for (url,) in conn.execute("SELECT url FROM articles")}
        for url, sid, season in conn.execute(
                "SELECT a.url, t.series_id, t.season FROM article_series t JOIN articles a ON a.id = t.article_id"):
            pred[url].append((entries.get((sid, season), titles[sid]), season))
    return pred


def speed(db: Path, limit: int = 150) -> dict:
    """Articles/s of tagging and of extraction over the same stored pages, in this process."""
    with closing(sqlite3.connect(db)) as conn:
        rows = list(conn.execute("SELECT a.title, a.text, p.html, a.source_url FROM articles a "
                                 "JOIN pages p ON p.url = a.source_url LIMIT ?", [limit]))
    matcher = SeriesMatcher(load())
    started = time.perf_counter()
    for title, text, _, _ in rows:
        matcher.tag(title or "", text or "")
    tagging = len(rows) / (time.perf_counter() - started)
    started = time.perf_counter()
    for _, _, html, url in rows:
        extract_article(decompress_html(html), url)
    extraction = len(rows) / (time.perf_counter() - started)
    return {"tagging_articles_per_s": round(tagging), "extraction_pages_per_s": round(extraction),
            "tagging_share_of_extract_plus_tag_time": round(extraction / (tagging + extraction), 3)}


def main() -> int:
    args = world_parser(__doc__, seed=15, sites=6, articles=60).parse_args()
    score = fansim_score()
    if score is None:
        return 0

    world = crawl_world(args.seed, args.sites, args.articles, "tagging.db", args.themes_dir)
    articles = [t for t in world.truth if t["kind"] == "article" and not t.get("variant") and t["status"] == 200]
    truth = {t["url"]: t["series"] for t in articles}
    hard = {u: s for u, s in truth.items() if any(x["hard"] for x in s)}
    pred = predictions(world.db)
    precision, recall = score.tag_pr({u: pred.get(u, []) for u in truth}, truth)
    hard_p, hard_r = score.tag_pr({u: pred.get(u, []) for u in hard}, hard)
    report = {"world": vars(args), "articles": len(truth), "hard_articles": len(hard),
              "precision": round(precision, 4), "recall": round(recall, 4),
              "hard_precision": round(hard_p, 4), "hard_recall": round(hard_r, 4), **speed(world.db)}
    report["pass"] = precision >= 0.95 and recall >= 0.93 and hard_p >= 0.95 and hard_r >= 0.93
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "tagging.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
