"""The item contract passed from the spider through every pipeline stage to the archive."""
from __future__ import annotations

from dataclasses import dataclass, field

from archive.dates import now_iso as now_iso  # the items' timestamps; kept here for the stages that import it


@dataclass
class ArticleItem:
    """One fetched article page. The spider fills the fetch fields; pipelines fill the rest."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    site: str
    redirect_urls: list[str] = field(default_factory=list)
    sitemap_lastmod: str | None = None
    listed_in: str | None = None  # the sitemap that listed the URL
    # Where the page's capture is, when the crawl writes WARC (scraper.warc) or the page was imported from one
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_length: int | None = None
    encoding: str | None = None  # the charset the spider read the page in; extraction decodes in it
    # Filled by pipelines.extract
    canonical_url: str | None = None
    site_name: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    modified: str | None = None
    published_raw: str | None = None  # the dates as the page states them, plausible or not
    modified_raw: str | None = None
    lang: str | None = None
    text: str | None = None
    outlinks: list[str] = field(default_factory=list)  # links to other sites
    # Filled by pipelines.normalize
    key_url: str | None = None
    aliases: list[str] = field(default_factory=list)
    content_hash: str | None = None
    # Filled by pipelines.dedupe: the story (its first article's URL) and the text's signature
    story_key: str | None = None
    signature: dict[str, bytes] | None = None
    # Filled by pipelines.tagging: [{"series_id", "season", "evidence"}]
    series_tags: list[dict[str, object]] = field(default_factory=list)


@dataclass
class CrawlErrorItem:
    """A page the crawl skipped or could not fetch, recorded in `crawl_errors` so a skip is never silent."""

    url: str
    kind: str
    detail: str
    at: str
    status: int | None = None


@dataclass
class FetchItem:
    """The outcome of a fetch that is not an archived article (listing, sitemap, feed, API page,
    redirect, or a 304 for any of them), kept in `fetch_state` so the next crawl can ask only
    for what changed. A field left None keeps its stored value (a 304 says nothing new about
    the kind; a sitemap listing an already fetched URL only adds `listed_in` and `lastmod`)."""

    url: str
    site: str
    fetched_at: str
    status: int | None = None
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    lastmod: str | None = None
    listed_in: str | None = None


@dataclass
class AliasItem:
    """A link the crawl did not follow because the site's URL forms say it names an article
    already known by another URL (`target_url`); recorded as one of that article's aliases."""

    url: str
    target_url: str
    reason: str
    at: str


@dataclass
class RedirectItem:
    """A redirect the crawl followed: `url` answered with a 3xx pointing at `target_url`.

    Recorded even when the target was already fetched, so every URL that leads to an article
    (old permalinks, shortlinks) becomes one of its aliases."""

    url: str
    target_url: str
    status: int
    at: str
