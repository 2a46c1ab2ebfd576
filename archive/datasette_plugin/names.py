"""How pages name a series: the name fans know (its title, the official English one where the
catalog has it, signs kept as written) with its Japanese title beside it."""
from __future__ import annotations

from datasette.database import Database

JAPANESE_SQL = "SELECT title, title_ja FROM series WHERE title IN ({marks})"


def japanese_beside(title: str, title_ja: str | None) -> str | None:
    """The Japanese title to show beside `title`, or None where it would repeat it (SPY×FAMILY)."""
    return title_ja if title_ja and title_ja != title else None


async def japanese_titles(db: Database, titles: list[str]) -> dict[str, str]:
    """Series title → the Japanese title to show beside it, for `titles` (a title several series
    share with different Japanese titles gets none: which one is meant is unknown)."""
    if not titles or not await db.table_exists("series"):
        return {}
    found: dict[str, set[str | None]] = {}
    rows = await db.execute(JAPANESE_SQL.format(marks=", ".join("?" * len(titles))), titles)
    for title, title_ja in rows.rows:
        found.setdefault(title, set()).add(japanese_beside(title, title_ja))
    return {title: beside.pop() for title, beside in found.items() if len(beside) == 1 and None not in beside}
