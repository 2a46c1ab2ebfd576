"""Issue 15 acceptance: series and season tags on the real-names set (bench/data/real_names.jsonl),
articles worded as Anime News Network, Crunchyroll News, Natalie and Animate Times word them.

    python bench/tagging_real.py [--set PATH] [--json] [--limit N]

Serves the set as a fan-news site on 127.0.0.1 (tests/proxy_site.py), crawls it through the real
engine with `python -m fanwire crawl`, reads `article_series` back from the archive and scores
(article, series, season) and (article, series) precision and recall, overall and per language.
Prints every miss and false tag grouped by kind (series missed, wrong season, false series), with
the tag's evidence, so the cause of each is visible. `--set` scores another set of the same format,
such as the later sets (bench/data/real_names_validation.jsonl, _test, _set4 to _set11; see bench/data/README.md).
`--json` writes bench/out/tagging_<set>.json (tagging_real_names.json for the default set).
Bars (issue 15): P >= 0.95 and R >= 0.93 on (article, series, season).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import defaultdict
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from _fansim import FANWIRE, OUT, fresh_db  # noqa: E402
from _real_names import DATA, HOST, Article, load, series_by_title, site  # noqa: E402

from tests.helpers import run  # noqa: E402
from tests.proxy_site import serve  # noqa: E402

PRECISION_BAR, RECALL_BAR = 0.95, 0.93
Triple = tuple[str, int, int | None]
DETAILS = ("series", "season", "expected", "tagged", "evidence")  # what an error line shows, in order


def crawl(articles: list[Article], name: str) -> Path:
    """A fresh archive of the site (bench/out/NAME.db, one per set), crawled as a user would."""
    db = fresh_db(f"{name}.db")
    with serve(site(articles)) as proxy:
        result = run([*FANWIRE, "crawl", f"http://{HOST}/", "--db", str(db)], proxy=proxy, timeout=1800)
    if result.returncode != 0:
        raise SystemExit(f"crawl failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return db


def read_archive(db: Path, articles: list[Article]) -> tuple[dict[str, list[tuple[int, int | None, str]]],
                                                               dict[str, set[int]], dict[int, str]]:
    """(article id → its tags (series_id, season, evidence), label title → series ids, series id → title)."""
    by_path = {a.path: a.id for a in articles}
    with closing(sqlite3.connect(db)) as conn:
        index = series_by_title(conn.execute("SELECT series_id, title FROM series_entries"))
        titles = dict(conn.execute("SELECT id, title FROM series"))
        archived = {row_id: by_path.get(urlsplit(url).path)
                    for row_id, url in conn.execute("SELECT id, url FROM articles")}
        tags: dict[str, list] = {by_id: [] for by_id in archived.values() if by_id}
        for article_id, series_id, season, evidence in conn.execute(
                "SELECT article_id, series_id, season, evidence FROM article_series"):
            if archived.get(article_id):
                tags[archived[article_id]].append((series_id, season, evidence or ""))
    return tags, index, titles


def pr(predicted: set, truth: set) -> tuple[float, float]:
    """Precision and recall of a predicted set against the truth (1.0 where nothing was to find)."""
    hits = len(predicted & truth)
    return (hits / len(predicted) if predicted else 1.0), (hits / len(truth) if truth else 1.0)


def score(articles: list[Article], tags: dict, index: dict[str, set[int]], titles: dict[int, str]) -> dict:
    """Figures and the grouped list of errors."""
    titles_named = {t for a in articles for label in a.labels for t in (label.series, label.film) if t}
    unresolved = sorted(t for t in titles_named if len(index.get(t, ())) != 1)
    resolve = {t: min(ids) for t, ids in index.items() if len(ids) == 1}
    truth: dict[str, set[Triple]] = {}
    pred: dict[str, set[Triple]] = {}
    evidence: dict[tuple[str, int], str] = {}
    for a in articles:
        truth[a.id] = {(a.id, resolve[label.series], label.season) for label in a.labels if label.series in resolve}
        same = {resolve[label.film]: resolve[label.series] for label in a.labels
                if label.film in resolve and label.series in resolve}  # the film's own series counts as its franchise
        pred[a.id] = {(a.id, same.get(sid, sid), season) for sid, season, _ in tags.get(a.id, [])}
        evidence.update({(a.id, same.get(sid, sid)): ev for sid, _, ev in tags.get(a.id, [])})
    figures = {}
    for name, group in (("all", articles), ("en", [a for a in articles if a.lang == "en"]),
                        ("ja", [a for a in articles if a.lang == "ja"])):
        t = set().union(*(truth[a.id] for a in group))
        p = set().union(*(pred[a.id] for a in group))
        precision, recall = pr(p, t)
        series_p, series_r = pr({x[:2] for x in p}, {x[:2] for x in t})
        figures[name] = {"articles": len(group), "labels": len(t), "tags": len(p), "precision": round(precision, 4),
                         "recall": round(recall, 4), "series_precision": round(series_p, 4),
                         "series_recall": round(series_r, 4)}
    errors: dict[str, list[dict]] = defaultdict(list)
    by_id = {a.id: a for a in articles}
    for aid in truth:
        if aid not in tags:
            errors["not archived"].append({"article": aid, "headline": by_id[aid].headline})
            continue
        expected = {sid: s for _, sid, s in truth[aid]}
        got = {sid: s for _, sid, s in pred[aid]}
        for sid, season in expected.items():
            if sid not in got:
                errors["series missed"].append({"article": aid, "series": titles[sid], "season": season,
                                                "headline": by_id[aid].headline})
            elif got[sid] != season:
                errors["wrong season"].append({"article": aid, "series": titles[sid], "expected": season,
                                               "tagged": got[sid], "evidence": evidence[(aid, sid)],
                                               "headline": by_id[aid].headline})
        for sid, season in got.items():
            if sid not in expected:
                kind = "false series (article about no series)" if not expected else "false series"
                errors[kind].append({"article": aid, "series": titles[sid], "season": season,
                                     "evidence": evidence[(aid, sid)], "headline": by_id[aid].headline})
    overall = figures["all"]
    return {"figures": figures, "unresolved_labels": unresolved, "errors": dict(errors),
            "pass": overall["precision"] >= PRECISION_BAR and overall["recall"] >= RECALL_BAR}


def report(result: dict) -> str:
    lines = [f"{'':4}{'articles':>9}{'P':>8}{'R':>8}{'series P':>10}{'series R':>10}"]
    for name, f in result["figures"].items():
        lines.append(f"{name:4}{f['articles']:>9}{f['precision']:>8.3f}{f['recall']:>8.3f}"
                     f"{f['series_precision']:>10.3f}{f['series_recall']:>10.3f}")
    if result["unresolved_labels"]:
        lines.append(f"labels that name no single catalog series: {result['unresolved_labels']}")
    for kind, rows in sorted(result["errors"].items()):
        lines.append(f"\n{kind} ({len(rows)}):")
        for row in rows:
            detail = ", ".join(f"{k}={row[k]}" for k in DETAILS if k in row)
            lines.append(f"  {row['article']:8} {detail}  | {row['headline']}")
    lines.append(f"\npass (P >= {PRECISION_BAR}, R >= {RECALL_BAR}): {result['pass']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DATA, metavar="PATH",
                        help="the set to score (default: bench/data/real_names.jsonl)")
    parser.add_argument("--json", action="store_true", help="also write bench/out/tagging_<set>.json")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick look)")
    args = parser.parse_args()
    articles = load(args.set)[: args.limit]
    name = f"tagging_{args.set.stem}"
    db = crawl(articles, name)
    result = score(articles, *read_archive(db, articles))
    print(report(result))
    if args.json:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
