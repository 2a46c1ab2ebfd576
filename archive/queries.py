"""Datasette canned queries over the archive: the questions fans and researchers ask most.

Dates sort through `julianday()` so offsets such as +09:00 order correctly; queries whose columns
are named `atom_*` (datasette-atom's convention) are also served as Atom feeds (`.atom`).
"""
from __future__ import annotations

from typing import Any

#: Entries per Atom feed: a feed is for following news, the archive is for the back catalogue.
FEED_SIZE = 100

#: Matches a series (`s`) by its title, Japanese title, an alias or its id (parameter :series).
SERIES_MATCH = ("(s.title = :series COLLATE NOCASE OR s.title_ja = :series OR CAST(s.id AS TEXT) = :series "
                "OR EXISTS (SELECT 1 FROM series_aliases x WHERE x.series_id = s.id AND x.alias = :series COLLATE NOCASE))")

#: Columns of one Atom entry per article (`a` is articles).
ATOM_COLUMNS = ("a.id AS atom_id, a.title AS atom_title, coalesce(a.published, a.fetched_at) AS atom_updated, "
                "a.url AS atom_link, a.author AS atom_author_name, a.site AS atom_site, "
                "substr(a.text, 1, 600) AS atom_content")

QUERIES: dict[str, dict[str, Any]] = {
    "latest_per_series": {
        "title": "Latest article per series",
        "description": "Every series in the archive (its title, the official English one where the catalog has "
                       "it, and its Japanese title) with its newest article and how many articles are about it.",
        "sql": "SELECT series_id, series, series_ja, articles, id AS article_id, title, site, published, url FROM ("
               "SELECT s.id AS series_id, s.title AS series, s.title_ja AS series_ja, a.id, a.title, a.site, "
               "a.published, a.url, count(*) OVER (PARTITION BY s.id) AS articles, "
               "row_number() OVER (PARTITION BY s.id ORDER BY julianday(a.published) DESC, a.id DESC) AS n "
               "FROM article_series t "
               "JOIN series s ON s.id = t.series_id JOIN articles a ON a.id = t.article_id) "
               "WHERE n = 1 ORDER BY julianday(published) DESC",
    },
    "most_copied_stories": {
        "title": "Stories with the most copies",
        "description": "The 100 stories copied most across sites and URLs: the sites that carry each, its origin "
                       "when the evidence decides one, and the earliest publication date a copy claims. A title "
                       "opens the origin's (else the earliest claim's) reading view, a story id every copy.",
        "sql": "SELECT id AS story_id, title, article_count, sites, origin_url, first_published, first_url, "
               "(SELECT a.id FROM articles a WHERE a.url = coalesce(stories.origin_url, stories.first_url)) AS article_id "
               "FROM stories WHERE article_count > 1 ORDER BY article_count DESC, first_published DESC LIMIT 100",
    },
    "story_copies": {
        "title": "Copies of a story",
        "description": "Every archived copy of one story, its origin first (when the evidence decides one: "
                       "see stories.origin_evidence), then by the publication date each copy claims. "
                       "Give a story id (see the stories table).",
        "sql": "SELECT a.id, a.title, a.site, a.url, a.published, coalesce(a.url = s.origin_url, 0) AS origin, "
               "a.url = s.first_url AS earliest_claim "
               "FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.story_id = :story_id "
               "ORDER BY coalesce(a.url = s.origin_url, 0) DESC, julianday(a.published) IS NULL, "
               "julianday(a.published), a.id",
    },
    "series_articles": {
        "title": "Articles about a series",
        "description": "Every article tagged with a series (title, Japanese title or alias), newest first; "
                       "leave season empty for all seasons.",
        "sql": "SELECT a.id, a.title, a.site, a.published, t.season, a.url FROM articles a "
               "JOIN article_series t ON t.article_id = a.id JOIN series s ON s.id = t.series_id "
               f"WHERE {SERIES_MATCH} AND (:season = '' OR t.season = CAST(:season AS INTEGER)) "
               "ORDER BY julianday(a.published) DESC",
    },
    "articles_per_site_per_month": {
        "title": "Articles per site per month",
        "description": "How much each site published each month (by publication date). "
                       "See it as a chart at /-/fanwire/chart.",
        "sql": "SELECT substr(published, 1, 7) AS month, site, count(*) AS articles FROM articles "
               "WHERE published IS NOT NULL GROUP BY 1, 2 ORDER BY 1 DESC, 3 DESC",
    },
    "crawl_health": {
        "title": "Crawl health",
        "description": "Each crawl with its duration, responses, articles stored and errors by kind, newest first.",
        "sql": "SELECT c.id AS crawl_id, c.started_at, c.finished_at, "
               "CAST(round((julianday(c.finished_at) - julianday(c.started_at)) * 86400) AS INTEGER) AS seconds, "
               "json_extract(c.stats, '$.finish_reason') AS finish_reason, "
               "json_extract(c.stats, '$.response_received_count') AS responses, "
               "json_extract(c.stats, '$.\"fanwire/store/articles_new\"') AS articles_new, "
               "json_extract(c.stats, '$.\"fanwire/store/articles_updated\"') AS articles_updated, "
               "(SELECT count(*) FROM crawl_errors e WHERE e.crawl_id = c.id) AS errors, "
               "(SELECT json_group_object(kind, n) FROM (SELECT kind, count(*) AS n FROM crawl_errors e "
               "WHERE e.crawl_id = c.id GROUP BY kind ORDER BY n DESC)) AS errors_by_kind "
               "FROM crawls c ORDER BY c.id DESC",
    },
    "feed": {
        "title": "fanwire: latest articles",
        "description": f"The newest {FEED_SIZE} articles of the archive; add .atom to the URL for the Atom feed.",
        "sql": f"SELECT {ATOM_COLUMNS} FROM articles a "
               f"ORDER BY julianday(a.published) IS NULL, julianday(a.published) DESC, a.id DESC LIMIT {FEED_SIZE}",
    },
    "series_feed": {
        "title": "fanwire: latest articles about a series",
        "description": f"The newest {FEED_SIZE} articles about one series (title, Japanese title or alias); "
                       "add .atom to the URL for the Atom feed.",
        "sql": f"SELECT {ATOM_COLUMNS} FROM articles a WHERE a.id IN (SELECT t.article_id FROM article_series t "
               f"JOIN series s ON s.id = t.series_id WHERE {SERIES_MATCH}) "
               f"ORDER BY julianday(a.published) IS NULL, julianday(a.published) DESC, a.id DESC LIMIT {FEED_SIZE}",
    },
}
