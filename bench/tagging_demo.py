"""Issue 15 acceptance: in the demo world every article that is about a series is tagged with it.

    python bench/tagging_demo.py [--articles N] [--seed N]

Serves the demo world (fanwire/demo, as `fanwire demo` does) on 127.0.0.1, crawls it through the
real engine with `python -m fanwire crawl`, reads `article_series` back and compares it with the
world's truth: each article's series (`DemoWorld.truth()`), and the season its headline names for
the topics that name one ("Season 3", 第3期). A demo series is found in the catalog by its English
and Japanese names through the archive's own `series` and `series_aliases`, as a reader's search
would find it. Prints every missed article, wrong series and wrong season with counts; exits 1
when an article's series is missed.
"""
from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from _fansim import FANWIRE, fresh_db  # noqa: E402

from fanwire.demo import DemoWorld, start_server  # noqa: E402
from fanwire.demo import corpus  # noqa: E402
from pipelines.catalog import fold  # noqa: E402
from tests.helpers import run  # noqa: E402

#: `fanwire demo`'s world: its default seed and articles per site.
SEED, ARTICLES_PER_SITE = 7, 12
SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class DemoScore:
    """What the archive's tags got wrong against the demo world's truth."""

    articles: int = 0
    missed: list[dict] = field(default_factory=list)
    wrong_series: list[dict] = field(default_factory=list)
    wrong_season: list[dict] = field(default_factory=list)
    not_archived: list[dict] = field(default_factory=list)
    #: demo series slug → catalog series ids its names find (more than one: any of them counts)
    mapping: dict[str, set[int]] = field(default_factory=dict)


def headline_season(headline: str, series: corpus.Series) -> int | None:
    """The season a headline names when its topic's template has one ("{series} Season {season}
    reveals…", 「{ja}」第{season}期…); None for topics that name none. Syndicated copies restyle
    the case and add a tail, so the template must match only the headline's start, in any case."""
    for topic in corpus.TOPICS:
        for template in (topic.en_headline, topic.ja_headline):
            if "{season}" not in template:
                continue
            parts = SLOT.split(template)  # literal, slot, literal, slot, ...
            pattern = "".join(re.escape(p) if i % 2 == 0 else
                              r"(?P<season>\d+)" if p == "season" else
                              re.escape(series.en) if p == "series" else
                              re.escape(series.ja) if p == "ja" else r".+?"
                              for i, p in enumerate(parts))
            if match := re.match(pattern, headline, re.IGNORECASE):
                return int(match.group("season"))
    return None


def catalog_ids(conn: sqlite3.Connection) -> dict[str, set[int]]:
    """Folded name (title, Japanese title or alias) → ids of the series it names, from the archive."""
    names: dict[str, set[int]] = {}
    for series_id, name in conn.execute("SELECT id, title FROM series UNION SELECT id, title_ja FROM series "
                                        "UNION SELECT series_id, alias FROM series_aliases"):
        if name:
            names.setdefault(fold(name), set()).add(series_id)
    return names


def map_series(names: dict[str, set[int]], series: corpus.Series) -> set[int]:
    """The catalog series a demo series is: those both its names find, else those either finds."""
    english, japanese = names.get(fold(series.en), set()), names.get(fold(series.ja), set())
    return (english & japanese) or (english | japanese)


def score(world: DemoWorld, db: Path) -> DemoScore:
    """Compare the archive's tags with the truth of every canonical article the world serves."""
    demo_series = {s.slug: s for s in (*corpus.SERIES, corpus.CURLY_SERIES)}
    articles = [t for t in world.truth() if t["kind"] == "article" and t["variant"] is None and t["status"] == 200]
    result = DemoScore(articles=len(articles))
    with closing(sqlite3.connect(db)) as conn:
        names = catalog_ids(conn)
        titles = dict(conn.execute("SELECT id, title FROM series"))
        archived = {}
        for article_id, url, canonical in conn.execute("SELECT id, url, canonical_url FROM articles"):
            archived[url] = archived[canonical or url] = article_id
        tags: dict[int, dict[int, int | None]] = {}
        for article_id, series_id, season in conn.execute("SELECT article_id, series_id, season FROM article_series"):
            tags.setdefault(article_id, {})[series_id] = season
    result.mapping = {slug: map_series(names, s) for slug, s in demo_series.items()}
    for t in articles:
        series = demo_series[t["series"]]
        row = {"url": t["url"], "title": t["title"], "series": series.en}
        if t["url"] not in archived:
            result.not_archived.append(row)
            continue
        expected, got = result.mapping[series.slug], tags.get(archived[t["url"]], {})
        found = [sid for sid in got if sid in expected]
        if not found:
            result.missed.append({**row, "tagged": [titles[sid] for sid in got]})
        result.wrong_series += [{**row, "tagged": titles[sid], "season": season}
                                for sid, season in got.items() if sid not in expected]
        season = headline_season(t["title"], series)
        if found and season is not None and got[found[0]] != season:
            result.wrong_season.append({**row, "expected": season, "tagged": got[found[0]]})
    return result


def report(result: DemoScore) -> str:
    lines = [f"demo articles: {result.articles}, missed: {len(result.missed)}, wrong series: "
             f"{len(result.wrong_series)}, wrong season: {len(result.wrong_season)}, "
             f"not archived: {len(result.not_archived)}"]
    unmapped = sorted(slug for slug, ids in result.mapping.items() if not ids)
    several = {slug: sorted(ids) for slug, ids in result.mapping.items() if len(ids) > 1}
    if unmapped:
        lines.append(f"demo series no catalog name finds: {unmapped}")
    if several:
        lines.append(f"demo series several catalog series answer to (any counts): {several}")
    for kind in ("missed", "wrong_series", "wrong_season", "not_archived"):
        rows = getattr(result, kind)
        if rows:
            lines.append(f"\n{kind.replace('_', ' ')} ({len(rows)}):")
            lines += [f"  {r['title']}  | series={r['series']}" +
                      "".join(f", {k}={r[k]}" for k in ("expected", "tagged", "season") if k in r) for r in rows]
    return "\n".join(lines)


def crawl(world: DemoWorld) -> Path:
    """A fresh archive of the demo world, crawled as a user would."""
    db = fresh_db("tagging_demo.db")
    with start_server(world) as server:
        result = run([*FANWIRE, "crawl", *world.start_urls(), "--db", str(db)], proxy=server.proxy_url, timeout=1800)
    if result.returncode != 0:
        raise SystemExit(f"crawl failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--articles", type=int, default=ARTICLES_PER_SITE, help="articles per site")
    args = parser.parse_args()
    world = DemoWorld(seed=args.seed, articles_per_site=args.articles)
    result = score(world, crawl(world))
    print(report(result))
    return 1 if result.missed or result.not_archived else 0


if __name__ == "__main__":
    raise SystemExit(main())
