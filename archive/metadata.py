"""Datasette metadata for an archive: titles, licence, facets, sorting and hidden tables."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from archive.queries import QUERIES
from archive.schema import INTERNAL_TABLES

TITLE = "fanwire — anime fan-news archive"
DESCRIPTION = (
    "Articles crawled from anime fan-news sites, with boilerplate stripped, one row per article. "
    "Search the library, browse it by series, season, site, author, language or month, read an article "
    "with every copy of its story, follow a series by Atom feed, and export any view as CSV or JSON."
)
LICENSE = ("Articles © their publishers; archived for reference and research. Series catalog derived from "
           "bangumi-data (CC-BY-4.0, the bangumi-data project)")
LICENSE_URL = "https://github.com/bangumi-data/bangumi-data"
SOURCE = "Crawled by fanwire from the sites listed in the sites table"


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file (its stem)."""
    return Path(db_path).stem


def metadata_for(db_path: str | Path) -> dict[str, Any]:
    """Metadata for serving the archive at `db_path` with Datasette."""
    tables: dict[str, Any] = {name: {"hidden": True} for name in INTERNAL_TABLES}
    tables["articles"] = {
        "description": "One row per archived article; `text` is the extracted body.",
        "label_column": "title",
        "fts_table": "articles_fts",  # contentless (`archive.fts`): Datasette cannot find it by itself
        "fts_pk": "id",
        "facets": ["site", "author", "lang"],
        "sort_desc": "published",
        "sortable_columns": ["published", "modified", "fetched_at", "title", "site", "author", "id"],
        "columns": {
            "url": "The article's own URL (its rel=canonical when the page gives one on its own site)",
            "canonical_url": "The canonical URL (rel=canonical or og:url) the page names; on another site it is "
                             "only a claim, never the article's key",
            "first_crawl_id": "The crawl that first archived the article (evidence for story origins)",
            "source_url": "The URL the stored text was extracted from",
            "published": "Publication time, ISO 8601",
            "text": "Body text without site boilerplate, one paragraph per line",
            "content_hash": "SHA-1 of the normalized text",
            "story_id": "Story (set of copies of one piece of news) this article belongs to",
        },
    }
    tables["library"] = {
        "title": "Library",
        "description": "Every article with its series, seasons and month: search it, facet it, open an article "
                       "by its title. Add _stream=on to a .csv link for every row.",
        "fts_table": "articles_fts",
        "fts_pk": "id",
        "facets": ["site", {"array": "series"}, {"array": "seasons"}, "author", "lang", "year", "month"],
        # The top values of each facet (each has a link to all of them): the rows start in the first screen.
        "facet_size": 6,
        "sort_desc": "published",
        "sortable_columns": ["published", "title", "site", "author", "copies"],
        "columns": {
            "series": "Series the article is about, by the name fans know (the official English title where "
                      "bangumi-data has one; the Japanese one is shown beside it)",
            "seasons": "Seasons the article is about",
            "excerpt": "The start of the text, or the passages matching a search",
            "copies": "How many archived articles tell the same story",
        },
    }
    tables["article_links"] = {"description": "Links each article makes to other sites (at most 200): a copy "
                                              "linking to another copy of its story defers to it as the origin."}
    tables["url_aliases"] = {"description": "Other URLs seen for an archived article (redirects, share links, copies)."}
    tables["crawls"] = {"description": "One row per crawl, with Scrapy's stats as JSON.", "sort_desc": "id"}
    tables["crawl_errors"] = {"description": "Pages skipped or failed during a crawl, and why.", "facets": ["kind"]}
    tables["sites"] = {"description": "Sites in the archive."}
    tables["series"] = {"description": "Anime series, derived from bangumi-data (CC-BY-4.0).", "label_column": "title",
                        "columns": {"title": "The name fans know: the official English title where bangumi-data has "
                                             "one, its signs kept (SPY×FAMILY), else the Japanese title",
                                    "title_ja": "The Japanese title"}}
    tables["article_series"] = {"description": "Which series (and season) each article is about.",
                                "facets": ["series_id", "season", "evidence"]}
    tables["series_entries"] = {"description": "Seasons, parts, films and OVAs of each series (bangumi-data, CC-BY-4.0).",
                                "facets": ["type"]}
    tables["series_aliases"] = {"description": "Names each series is known by, with their language and source: "
                                               "bangumi (bangumi-data, CC-BY-4.0), derived, curated, learned or user.",
                                "facets": ["source", "lang"]}
    tables["stories"] = {
        "description": "One row per story: a piece of news and every copy of it across sites and URLs. "
                       "origin_url is the origin when evidence a copier cannot forge decides it; first_url only "
                       "claims the earliest date.",
        "label_column": "title",
        "sort_desc": "article_count",
        "sortable_columns": ["article_count", "first_published", "title", "id"],
        "columns": {
            "first_published": "The earliest publication date any copy claims (its own datePublished: a claim)",
            "first_url": "The copy claiming that earliest date; not necessarily the origin",
            "origin_url": "The origin: the one copy every other copy defers to (links to it, names it as "
                          "canonical, or was first archived after it); empty when the evidence does not decide",
            "origin_evidence": "JSON list of why each copy defers: {copy, defers_to, because}",
            "title": "The origin's title, else the earliest claim's",
        },
    }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": SOURCE,
        "databases": {database_name(db_path): {"tables": tables, "queries": QUERIES}},
    }
