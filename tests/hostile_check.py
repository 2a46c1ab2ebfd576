"""Crawl the hostile web (`tests.hostile_site`) through the real engine and judge the archive it
leaves: what was requested, what was archived and how exactly, what was hijacked, which attacks
were recorded, and the peak memory of the crawl's process tree. `tests/test_hostile.py` asserts
on the report; `bench/hostile.py` prints it."""
from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests import hostile_site as web
from tests.proctree import Watched, run_watched
from tests.proxy_site import serve

#: The crawl's own limits, tightened only where the defaults would just make the test wait
#: (the slow page is cut after 5 s instead of 15).
SETTINGS = ("DOWNLOAD_TIMEOUT=5",)
#: Earliest plausible publication date of a news article.
EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)


@dataclass
class Report:
    """The figures of one hostile crawl."""

    exit_code: int
    requests: int
    off_site: list[str]
    archived_exactly: int
    normal: int
    wrong: list[str] = field(default_factory=list)
    hijacked: list[str] = field(default_factory=list)
    recorded: int = 0
    attacks: int = 0
    unrecorded: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    seconds: float = 0.0
    stderr_tail: str = ""

    def lines(self) -> list[str]:
        return [
            f"exit code                  {self.exit_code}",
            f"requests (all hosts)       {self.requests}",
            f"off-site requests          {len(self.off_site)} {self.off_site[:5]}",
            f"normal articles exact      {self.archived_exactly}/{self.normal}",
            *(f"  wrong: {w}" for w in self.wrong),
            f"hijacks                    {len(self.hijacked)}",
            *(f"  hijacked: {h}" for h in self.hijacked),
            f"attacks recorded           {self.recorded}/{self.attacks}",
            *(f"  unrecorded: {u}" for u in self.unrecorded),
            f"peak RSS, process tree     {self.peak_rss_mb:.0f} MB",
            f"wall time                  {self.seconds:.1f} s",
        ]


def crawl(db: Path, settings: tuple[str, ...] = SETTINGS, timeout: float = 600) -> tuple[Watched, web.ProxySite]:
    """Serve the hostile web and crawl both of its sites into `db` with `fanwire crawl`."""
    site = web.build()
    options = [arg for s in settings for arg in ("-s", s)]
    with serve(site) as proxy:
        watched = run_watched([sys.executable, "-m", "fanwire", "crawl", *web.START_URLS, "--db", str(db), *options],
                              proxy=proxy, timeout=timeout)
    return watched, site


def judge(db: Path, watched: Watched, site: web.ProxySite) -> Report:
    hits = site.requested()
    report = Report(watched.returncode, len(hits), [u for u in hits if _netloc(u) not in web.SITES], 0,
                    len(web.NORMAL), peak_rss_mb=watched.peak_rss / 2 ** 20, seconds=watched.seconds,
                    stderr_tail=watched.stderr[-3000:])
    if not db.exists():
        report.wrong.append("no archive written")
        return report
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        articles = {r["url"]: r for r in conn.execute("SELECT * FROM articles")}
        errors = list(conn.execute("SELECT url, kind, detail FROM crawl_errors"))
        aliases = list(conn.execute("SELECT u.url, a.url AS article, a.site FROM url_aliases u "
                                    "JOIN articles a ON a.id = u.article_id"))
        origins = {r["url"]: r["origin_url"] for r in conn.execute(
            "SELECT a.url, s.origin_url FROM articles a JOIN stories s ON s.id = a.story_id")}
        texts = [r[0] or "" for r in conn.execute("SELECT text FROM articles UNION ALL SELECT detail FROM crawl_errors")]
    for art in web.NORMAL:
        problem = _mismatch(art, articles.get(art.url))
        if problem:
            report.wrong.append(f"{art.url}: {problem}")
        else:
            report.archived_exactly += 1
    alias = f"http://{web.HOST}/old-news/"
    if not any(a["url"] == alias and a["article"] == web.HOSTILE_NORMAL[0].url for a in aliases):
        report.wrong.append(f"{alias}: not an alias of {web.HOSTILE_NORMAL[0].url}")
    report.hijacked = _hijacks(articles, aliases, origins)
    if any("root:" in t for t in texts) or any("root:" in u for u in hits):
        report.hijacked.append("XXE: /etc/passwd content reached the archive or a request")
    expected = [a for a in web.ATTACKS if a.kinds]
    report.attacks = len(expected)
    for attack in expected:
        if any(e["kind"] in attack.kinds and _names(e, attack.url) for e in errors):
            report.recorded += 1
        else:
            found = sorted({e["kind"] for e in errors if _names(e, attack.url)})
            report.unrecorded.append(f"{attack.name} ({attack.url[:80]}): want {attack.kinds}, got {found}")
    return report


def _netloc(url: str) -> str:
    return url.split("/")[2] if "://" in url else url


def _names(error: sqlite3.Row, url: str) -> bool:
    """An error row is about `url`: its URL, or the URL it was reached from, named in its detail."""
    return error["url"] == url or url in (error["detail"] or "")


def _mismatch(art: web.Article, row: sqlite3.Row | None) -> str | None:
    """Why the archived copy of an ordinary article is not exactly right (None when it is)."""
    if row is None:
        return "not archived"
    text = " ".join((row["text"] or "").replace("\ufffd", "").split())
    if text != " ".join(art.text.split()):
        return f"text differs: {(row['text'] or '')[:120]!r}"
    if " ".join((row["title"] or "").split()) != art.title:
        return f"title {row['title']!r}"
    if row["site"] != _netloc(art.url):
        return f"site {row['site']!r}"
    if row["author"] is not None and any(0xD800 <= ord(c) <= 0xDFFF or c == "\0" for c in row["author"]):
        return f"author keeps an unencodable character: {row['author']!r}"
    published = row["published"]
    if published:
        when = datetime.fromisoformat(published)
        when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        if not EARLIEST <= when <= datetime.now(timezone.utc) + timedelta(days=2):
            return f"implausible published date {published}"
    return None


def _hijacks(articles: dict[str, sqlite3.Row], aliases: list[sqlite3.Row], origins: dict[str, str]) -> list[str]:
    out = [f"alias {a['url']} -> {a['article']}" for a in aliases if _netloc(a["url"]) != a["site"]]
    for claimed in web.CLAIMED:
        row = articles.get(claimed.url)
        if row is None or row["site"] != web.VICTIM:
            out.append(f"{claimed.url} not archived as {web.VICTIM}'s")
    copier = f"http://{web.HOST}/news/2025/03/copied-scoop/"
    if origins.get(web.SCOOP.url) == copier:
        out.append(f"story of {web.SCOOP.url} has the copy {copier} as its origin")
    return out
