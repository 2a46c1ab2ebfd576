"""Why an export's article filters matched nothing, in one sentence with close names to try: an
empty export must not leave the user guessing whether the series was misspelt, has no articles,
or has none of that season.

The first filter that explains it wins:
1. `--series` names no series of the catalog: the closest names (titles and aliases) of the
   series the archive has articles about, else of the whole catalog.
2. The series has no articles in the archive: the closest series that has.
3. `--season` is one no article of the series has: the seasons that are archived.
4. `--site` is not a site with articles: the closest sites.
5. Otherwise the dates, or the filters together, leave nothing.
"""
from __future__ import annotations

import difflib
import sqlite3
from contextlib import closing
from pathlib import Path

from archive.connect import open_readonly
from archive.export import ArticleFilter
from archive.queries import SERIES_MATCH

#: Close names suggested at most, and how close a name must be (difflib's ratio, 0..1).
SUGGESTIONS = 3
CUTOFF = 0.6
#: Every name of a series: its titles and aliases (`:archived` 1: only series with articles).
NAMES_SQL = """
SELECT s.title, s.title FROM series s WHERE NOT :archived OR s.id IN (SELECT series_id FROM article_series)
UNION ALL SELECT s.title_ja, s.title FROM series s WHERE s.title_ja IS NOT NULL
  AND (NOT :archived OR s.id IN (SELECT series_id FROM article_series))
UNION ALL SELECT x.alias, s.title FROM series_aliases x JOIN series s ON s.id = x.series_id
WHERE NOT :archived OR s.id IN (SELECT series_id FROM article_series)
"""


def why_empty(db: str | Path, where: ArticleFilter) -> str:
    """The reason no article matches `where` (which matched none), for the user to act on."""
    with closing(open_readonly(db)) as conn:
        if where.series is not None:
            found = conn.execute(f"SELECT s.id, s.title FROM series s WHERE {SERIES_MATCH}",
                                 {"series": where.series}).fetchall()
            if not found:
                return f"no series is called {where.series!r}" + _did_you_mean(close_series(conn, where.series))
            ids = [i for i, _ in found]
            title = found[0][1]
            marks = ", ".join("?" * len(ids))
            seasons = dict(conn.execute(
                f"SELECT season, count(DISTINCT article_id) FROM article_series WHERE series_id IN ({marks}) "
                "GROUP BY season ORDER BY season", ids).fetchall())
            if not seasons:
                return f"no article about {title} is archived" + _did_you_mean(close_series(conn, where.series, True))
            if where.season is not None and where.season not in seasons:
                numbered = ", ".join(str(s) for s in seasons if s is not None)
                unnumbered = seasons.get(None, 0)
                return (f"no article of {title} has season {where.season}; seasons archived: {numbered or 'none'}"
                        + (f" ({unnumbered} article{' names' if unnumbered == 1 else 's name'} no season)" if unnumbered else ""))
        if where.site is not None:
            sites = [r[0] for r in conn.execute("SELECT DISTINCT site FROM articles ORDER BY site")]
            if where.site not in sites:
                close = difflib.get_close_matches(where.site, sites, SUGGESTIONS, CUTOFF)
                return f"no article is from site {where.site!r}" + _did_you_mean(close or sites[:SUGGESTIONS])
    dates = [f"{name} {value}" for name, value in (("--since", where.since), ("--until", where.until)) if value]
    return "no article matches these filters together" + (f" (with {' and '.join(dates)})" if dates else "")


def close_series(conn: sqlite3.Connection, name: str, archived_only: bool = False) -> list[str]:
    """Titles of the series whose names are closest to `name`, those with articles first."""
    for archived in (True,) if archived_only else (True, False):
        names: dict[str, str] = {}
        for alias, title in conn.execute(NAMES_SQL, {"archived": archived}):
            names.setdefault(alias.casefold(), title)
        close = difflib.get_close_matches(name.casefold(), list(names), SUGGESTIONS * 3, CUTOFF)
        titles = list(dict.fromkeys(names[c] for c in close))[:SUGGESTIONS]
        if titles:
            return titles
    return []


def _did_you_mean(names: list[str]) -> str:
    return "; did you mean " + " or ".join(repr(n) for n in names) + "?" if names else ""
