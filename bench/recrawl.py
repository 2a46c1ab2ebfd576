"""Issue 7 acceptance on the simulated fan web: an hourly recrawl asks only for what changed.
(Not named incremental.py: that would shadow Twisted's `incremental` package for bench scripts.)

Crawls a fansim world at epoch 1, switches it to epoch 2 (new, edited and deleted articles),
crawls again into the same archive, and checks the second crawl's requests (fansim's own count,
304s included) against what changed, the archive against epoch 2's truth, and every trap; a
third crawl with nothing changed shows what an idle hourly crawl costs.

    python bench/recrawl.py [--seed 17 --sites 5 --articles 60]

Prints and writes bench/out/recrawl.json; exits 1 when a figure misses its bar, and 0 with a
message when ../shared/fansim is absent.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import OUT, Fansim, crawl, fansim_score, fresh_db, world_parser  # noqa: E402

#: Requests a recrawl may spend per site beyond the changed articles (robots, sitemaps, feeds, home).
ALLOWANCE_PER_SITE = 10
#: Where each fansim trap must show up in `crawl_errors` (kind), or in `url_aliases` for a chain.
TRAP_KINDS = {"calendar": "trap", "slow": "timeout", "huge": "too_large", "binary": "binary",
              "soft404": "soft_404", "redirect_loop": "redirect_loop", "dead_link": "http_error"}


def changes(truth1: list[dict], truth2: list[dict]) -> dict[str, dict[str, list[str]]]:
    """Per site: URLs of articles new, edited and deleted in epoch 2."""
    out: dict[str, dict[str, list[str]]] = {}
    for t in truth2:
        if t["kind"] != "article" or t.get("variant"):
            continue
        site = out.setdefault(t["host"], {"new": [], "edited": [], "deleted": []})
        if t.get("deleted_epoch") == 2:
            site["deleted"].append(t["url"])
        elif t["status"] == 200 and t.get("epoch_added") == 2:
            site["new"].append(t["url"])
        elif t["status"] == 200 and t.get("epoch_modified") == 2:
            site["edited"].append(t["url"])
    return out


def archive_state(db: Path) -> dict:
    with closing(sqlite3.connect(db)) as conn:
        known = {u for row in conn.execute("SELECT url, source_url FROM articles") for u in row if u}
        known |= {r[0] for r in conn.execute("SELECT url FROM url_aliases")}
        return {
            "known": known,
            "texts": dict(conn.execute("SELECT source_url, text FROM articles")),
            "gone": {r[0] for r in conn.execute("SELECT source_url FROM articles WHERE gone_at IS NOT NULL")},
            "revised": {r[0] for r in conn.execute(
                "SELECT DISTINCT a.source_url FROM article_revisions r JOIN articles a ON a.id = r.article_id")},
            "count": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "errors": conn.execute("SELECT url, kind FROM crawl_errors").fetchall(),
            "duplicates": conn.execute(
                "SELECT count(*) FROM (SELECT source_url FROM articles GROUP BY source_url HAVING count(*) > 1)"
            ).fetchone()[0],
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        }


def trap_report(truth: list[dict], errors: list[tuple[str, str]], known: set[str], hits: Counter) -> dict:
    recorded: dict[str, set[str]] = {}
    for url, kind in errors:
        recorded.setdefault(kind, set()).add(url)
    report = {}
    for t in truth:
        trap = t.get("trap")
        if not trap:
            continue
        if trap == "redirect_chain":
            ok = t["url"] in known
        elif trap == "calendar":
            ok = any("/calendar/" in u for u in recorded.get("trap", ()))
        else:
            ok = t["url"] in recorded.get(TRAP_KINDS.get(trap, trap), set())
        entry = report.setdefault(trap, {"pages": 0, "recorded": 0})
        entry["pages"] += 1
        entry["recorded"] += ok
    for trap, entry in report.items():
        entry["hits_both_crawls"] = hits.get({"redirect_loop": "loop"}.get(trap, trap), 0)
    return report


def main() -> int:
    args = world_parser(__doc__, seed=17, sites=5, articles=60).parse_args()
    score = fansim_score()
    if score is None:
        return 0
    db = fresh_db("recrawl.db")
    with Fansim(args.seed, args.sites, args.articles, themes_dir=args.themes_dir) as fansim:
        truth1 = fansim.truth(1)
        wall1 = crawl(fansim, db)
        stats1 = fansim.control("/__stats")
        before = archive_state(db)
        fansim.control("/__epoch?set=2")
        fansim.control("/__reset")
        wall2 = crawl(fansim, db)
        stats2 = fansim.control("/__stats")
        truth2 = fansim.truth(2)
        fansim.control("/__reset")
        wall3 = crawl(fansim, db)
        stats3 = fansim.control("/__stats")
    after = archive_state(db)
    changed = changes(truth1, truth2)
    per_site = {}
    for host, c in sorted(changed.items()):
        requests = sum(stats2["requests"].get(host, {}).values())
        budget = len(c["new"]) + len(c["edited"]) + ALLOWANCE_PER_SITE
        per_site[host] = {"requests": requests, "new": len(c["new"]), "edited": len(c["edited"]),
                          "deleted": len(c["deleted"]), "budget": budget, "within": requests <= budget}
    new = [u for c in changed.values() for u in c["new"]]
    edited = [u for c in changed.values() for u in c["edited"]]
    deleted = [u for c in changed.values() for u in c["deleted"]]
    bodies = {t["url"]: t["body"] for t in truth2 if t["url"] in edited}
    f1, _, _ = score.body_f1(bodies, {u: after["texts"].get(u, "") for u in bodies})
    hits = Counter(stats1["trap_hits"]) + Counter(stats2["trap_hits"])
    total2 = stats2["requests_total"]
    budget_total = len(new) + len(edited) + ALLOWANCE_PER_SITE * len(changed)
    report = {
        "world": vars(args),
        "crawl1": {"wall_s": round(wall1, 1), "requests": stats1["requests_total"], "articles": before["count"]},
        "crawl2": {"wall_s": round(wall2, 1), "requests": total2, "not_modified_304": stats2["not_modified"],
                   "status": stats2["status"]},
        "crawl3_nothing_changed": {"wall_s": round(wall3, 1), "requests": stats3["requests_total"],
                                   "not_modified_304": stats3["not_modified"], "status": stats3["status"]},
        "requests_ratio": round(total2 / stats1["requests_total"], 3),
        "budget_total": budget_total,
        "per_site": per_site,
        "new_stored": f"{sum(u in after['known'] for u in new)}/{len(new)}",
        "edited_updated_f1": round(f1, 4),
        "edited_with_revision": f"{sum(u in after['revised'] for u in edited)}/{len(edited)}",
        "deleted_marked_gone": f"{sum(u in after['gone'] for u in deleted)}/{len(deleted)}",
        "gone_but_not_deleted": sorted(after["gone"] - set(deleted)),
        "articles_kept": after["count"] >= before["count"],
        "duplicate_rows": after["duplicates"],
        "integrity_check": after["integrity"],
        "robots_disallowed_requests": sum(stats1["robots_disallowed_hits"].values())
        + sum(stats2["robots_disallowed_hits"].values()),
        "traps": trap_report(truth1 + truth2, after["errors"], after["known"], hits),
    }
    report["pass"] = (
        total2 <= budget_total and report["requests_ratio"] <= 0.25
        and all(u in after["known"] for u in new) and all(u in after["revised"] for u in edited)
        and f1 >= 0.99 and all(u in after["gone"] for u in deleted) and not report["gone_but_not_deleted"]
        and report["articles_kept"] and report["duplicate_rows"] == 0 and report["integrity_check"] == "ok"
        and report["robots_disallowed_requests"] == 0
        and all(t["recorded"] == t["pages"] for t in report["traps"].values())
    )
    (OUT / "recrawl.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
