"""A story's origin, decided from evidence its copier cannot forge alone.

A copier writes whatever `datePublished` it likes, so the earliest claimed date (the story's
`first_url`) is only a claim. A copy *defers* to another copy of its story when:

1. it links to the other copy's URL (a credit line; nobody can make another site link to them);
2. its `rel=canonical` or `og:url` names the other copy's URL;
3. it was first archived in a later crawl than the other copy, by a crawl that had already read
   its own site (so it was not there yet when the other copy was).

The origin is the one copy that defers to no other while every other copy defers to it, directly
or through copies that do. Anything else (no evidence, two copies that defer to nobody, a cycle)
leaves the origin undecided: a copier that also runs a second site linking to its copy still
cannot outrank an original that defers to nobody.

A sitemap `lastmod` is not used: it is written by the same site as the date it would confirm.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Copy:
    """One article of a story, with what the archive knows of its URLs and links."""

    id: int
    story_id: int
    url: str
    source_url: str
    site: str
    canonical_url: str | None
    first_crawl_id: int | None
    urls: set[str] = field(default_factory=set)  # its aliases, besides url and source_url
    links: set[str] = field(default_factory=set)  # its links to other sites

    def __post_init__(self) -> None:
        self.urls |= {self.url, self.source_url}


@dataclass
class Origin:
    url: str
    evidence: list[dict[str, str]]  # {"copy", "defers_to", "because"}, one per deferring copy


def defers(copy: Copy, other: Copy, first_crawls: dict[str, int]) -> str | None:
    """Why `copy` defers to `other` (see the module's list), or None."""
    if copy.links & other.urls:
        return "links to it"
    if copy.canonical_url in other.urls:
        return "names it as its canonical URL"
    mine, theirs = copy.first_crawl_id, other.first_crawl_id
    if mine is not None and theirs is not None and theirs < mine and first_crawls.get(copy.site, mine) <= theirs:
        return f"first archived in crawl {mine}; crawl {theirs} archived it and already read {copy.site}"
    return None


def decide(copies: list[Copy], first_crawls: dict[str, int]) -> Origin | None:
    """The story's origin and the evidence for it, or None when the evidence does not decide.
    `first_crawls` is the first crawl that archived an article of each site."""
    if len(copies) < 2:
        return None
    edges = {(c.id, o.id): why for c in copies for o in copies
             if c.id != o.id and (why := defers(c, o, first_crawls))}
    sinks = [c for c in copies if not any(src == c.id for src, _ in edges)]
    if len(sinks) != 1:
        return None
    origin = sinks[0]
    reached, frontier = {origin.id}, [origin.id]
    while frontier:
        target = frontier.pop()
        for src, dst in edges:
            if dst == target and src not in reached:
                reached.add(src)
                frontier.append(src)
    if len(reached) != len(copies):
        return None
    url = {c.id: c.url for c in copies}
    evidence = sorted(({"copy": url[src], "defers_to": url[dst], "because": why} for (src, dst), why in edges.items()),
                      key=lambda e: (e["copy"], e["defers_to"]))  # by URL: the same whatever the crawl order
    return Origin(origin.url, evidence)
