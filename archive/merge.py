"""Merge archives (e.g. per-worker shards of one crawl) into one, keyed the way crawls write.

Articles, pages, fetch state and aliases are keyed by URL (the newer fetch wins), stories by
their key, signatures by URL, templates by site; rows with their own ids (crawls, errors,
revisions, tags) get the target's ids and keep pointing at the right rows. Merging a shard twice
changes nothing: crawls are matched by when they started and what they crawled, errors and
revisions by their content. One shard is one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from archive.connect import require_archive
from archive.store import REFRESH_STORIES, Archive, _immediate

@dataclass(frozen=True)
class Rows:
    """How one table's rows come over from the shard (aliased `s`). Columns are the target's, as
    the migrations made them, and named in every statement: a column added by a migration is
    merged without being listed here, and no statement depends on the order of `SELECT *`."""

    table: str
    conflict: str | None = None  # the upsert's key; None: rows the target has already are left alone
    skip: frozenset[str] = frozenset()  # columns not copied (the target gives its own ids)
    only: tuple[str, ...] = ()  # the columns copied when not all are (the rest is derived)
    mapped: dict[str, str] = field(default_factory=dict)  # column → SQL of the target's value
    joins: str = ""
    where: str = "true"
    update: dict[str, str] = field(default_factory=dict)  # column → SQL on conflict instead of excluded.column
    keep: frozenset[str] = frozenset()  # columns an upsert leaves as the target has them
    newer: str | None = None  # an upsert replaces a row only when this column of the shard's is later
    ignore: bool = False  # INSERT OR IGNORE (rows keyed by a unique column the target may have)

    def sql(self, columns: list[str]) -> str:
        names = list(self.only) or [c for c in columns if c not in self.skip]
        values = ", ".join(self.mapped.get(c, f"s.{c}") for c in names)
        verb = "INSERT OR IGNORE" if self.ignore else "INSERT"
        statement = " ".join(filter(None, [f"{verb} INTO {self.table} ({', '.join(names)}) SELECT {values}",
                                          f"FROM shard.{self.table} s", self.joins, f"WHERE {self.where}"]))
        if self.conflict is None:
            return statement
        key = {c.strip() for c in self.conflict.split(",")}
        sets = ", ".join(f"{c} = {self.update.get(c, f'excluded.{c}')}" for c in names
                         if c not in key and c not in self.keep)
        newer = f" WHERE excluded.{self.newer} > {self.table}.{self.newer}" if self.newer else ""
        return f"{statement} ON CONFLICT({self.conflict}) DO UPDATE SET {sets}{newer}"


#: The shard's crawl id as the target's (`crawl_map`, a temporary table).
CRAWL = "(SELECT new FROM crawl_map WHERE old = s.{})"
#: The shard's article id as the target's (`article_map`, a temporary table).
ARTICLE = "(SELECT new FROM article_map WHERE old = s.{})"
ARTICLE_JOIN = "JOIN article_map m ON m.old = s.article_id"

#: What is merged, in order: `Rows` of a table, or a statement run as it is (the id maps).
MERGE: list[Rows | str] = [
    Rows("crawls", skip=frozenset({"id"}), where="NOT EXISTS (SELECT 1 FROM crawls c "
         "WHERE c.started_at = s.started_at AND c.start_urls IS s.start_urls)"),
    """CREATE TEMP TABLE crawl_map AS SELECT s.id AS old, (SELECT min(c.id) FROM crawls c
         WHERE c.started_at = s.started_at AND c.start_urls IS s.start_urls) AS new FROM shard.crawls s""",
    Rows("sites", conflict="host", update={"name": "coalesce(sites.name, excluded.name)",
                                           "first_seen": "min(sites.first_seen, excluded.first_seen)",
                                           "last_seen": "max(sites.last_seen, excluded.last_seen)"}),
    Rows("stories", only=("key",), ignore=True),
    Rows("articles", conflict="url", skip=frozenset({"id"}), keep=frozenset({"first_crawl_id"}), newer="fetched_at",
         mapped={"crawl_id": CRAWL.format("crawl_id"), "first_crawl_id": CRAWL.format("first_crawl_id"),
                 "story_id": "(SELECT t.id FROM shard.stories o JOIN stories t ON t.key = o.key WHERE o.id = s.story_id)"},
         update={"story_id": "coalesce(excluded.story_id, articles.story_id)"}),
    """CREATE TEMP TABLE article_map AS SELECT s.id AS old, a.id AS new
       FROM shard.articles s JOIN articles a ON a.url = s.url""",
    Rows("article_links", ignore=True, joins=ARTICLE_JOIN, mapped={"article_id": "m.new"}),
    Rows("url_aliases", ignore=True, joins=ARTICLE_JOIN, mapped={"article_id": "m.new"},
         where="s.url NOT IN (SELECT url FROM articles)"),
    Rows("pages", conflict="url", newer="fetched_at"),
    Rows("article_signatures", ignore=True),
    Rows("site_templates", conflict="site", newer="updated_at"),
    Rows("series", ignore=True),
    Rows("series_entries", ignore=True),
    Rows("series_aliases", ignore=True, mapped={"article_id": ARTICLE.format("article_id")}),
    Rows("article_series", ignore=True, joins=ARTICLE_JOIN, mapped={"article_id": "m.new"}),
    Rows("fetch_state", conflict="url", newer="fetched_at", mapped={"crawl_id": CRAWL.format("crawl_id")}),
    Rows("article_revisions", skip=frozenset({"id"}), joins=ARTICLE_JOIN, mapped={"article_id": "m.new"},
         where="NOT EXISTS (SELECT 1 FROM article_revisions o WHERE o.article_id = m.new "
               "AND o.content_hash IS s.content_hash AND o.replaced_at IS s.replaced_at)"),
    Rows("crawl_errors", skip=frozenset({"id"}), joins="JOIN crawl_map c ON c.old = s.crawl_id",
         mapped={"crawl_id": "c.new"}, where="NOT EXISTS (SELECT 1 FROM crawl_errors o "
         "WHERE o.crawl_id = c.new AND o.url IS s.url AND o.kind IS s.kind AND o.at IS s.at)"),
    Rows("warc_imports", ignore=True, mapped={"crawl_id": CRAWL.format("crawl_id")}),
]


def statements(db: Database) -> list[str]:
    """`MERGE` as SQL over the target's columns."""
    return [step if isinstance(step, str) else step.sql(list(db[step.table].columns_dict)) for step in MERGE]


@dataclass
class MergeResult:
    shards: int
    articles: int
    stories: int


def merge(target: str | Path, shards: list[str | Path]) -> MergeResult:
    """Merge each shard into `target` (created when missing), one transaction per shard."""
    for shard in shards:
        require_archive(shard)
    out = Archive(target)
    try:
        for shard in shards:
            Archive(shard).close()  # brings an older shard to the current schema
            out.db.execute("ATTACH DATABASE ? AS shard", [str(shard)])
            try:
                with _immediate(out.db):
                    for statement in statements(out.db):
                        out.db.execute(statement)
                    out.db.execute(REFRESH_STORIES.format(marks="SELECT story_id FROM articles"))
                    out.decide_origins([row[0] for row in out.db.execute("SELECT id FROM stories")])
                    out.db.execute("DROP TABLE temp.crawl_map")
                    out.db.execute("DROP TABLE temp.article_map")
            finally:
                out.db.execute("DETACH DATABASE shard")
        counts = out.db.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").fetchone()
        return MergeResult(len(shards), *counts)
    finally:
        out.close()
