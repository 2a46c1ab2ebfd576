"""Fan-news sites for hijack tests, built on `tests.proxy_site`: each site is a home page linking
its articles, a robots.txt naming its sitemap, and the sitemap; a test adds the attack (a
shortlink, a copied article, a redirect) to the routes, crawls, and reads the request log.
"""
from __future__ import annotations

import json
import random
import sqlite3
import subprocess
from contextlib import closing
from html import escape
from pathlib import Path

from tests.helpers import fanwire
from tests.proxy_site import Answer, ProxySite

WORDS = ("anime season studio episode trailer visual staff cast premiere manga volume arc finale director "
         "composer opening ending broadcast stream simulcast fans sequel adaptation chapter character design "
         "voice actor teaser release schedule cour spring summer fall winter idol mecha isekai").split()
#: Settings that make a small crawl quick: no template warm-up wait, extraction in the crawl's thread.
QUICK = ("FANWIRE_TEMPLATE_WARMUP=1", "FANWIRE_EXTRACT_PROCESSES=0")


def story(seed: str) -> list[str]:
    """Five paragraphs of words only this seed produces in this order: one story's text."""
    rng = random.Random(seed)
    return [f"{seed.title()} news. " + " ".join(rng.choice(WORDS) for _ in range(50)) + "." for _ in range(5)]


def article(title: str, paragraphs: list[str], published: str, head: str = "", after: str = "") -> str:
    """An article page: JSON-LD NewsArticle with `datePublished`, the text, `head` and `after` added."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": published, "author": {"@type": "Person", "name": "Staff"}})
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang='en'><head><title>{escape(title)}</title>"
            f"<meta property='og:type' content='article'>{head}"
            f"<script type='application/ld+json'>{ld}</script></head>"
            f"<body><article><h1>{escape(title)}</h1>{body}</article>{after}</body></html>")


def sitemap(urls: list[str]) -> Answer:
    entries = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
    return Answer(f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                  f'sitemap/0.9">{entries}</urlset>', content_type="application/xml")


def add_site(web: ProxySite, base: str, pages: dict[str, str], listed: list[str] | None = None,
             home_extra: str = "", robots_extra: str = "") -> None:
    """Serve a site at `base` (`http://host/`): `pages` (path → HTML) linked from its home page and
    listed in its sitemap (or `listed`, URLs, when given)."""
    for path, html in pages.items():
        web.add(base + path, Answer(html))
    links = "".join(f'<li><a href="/{p}">{p}</a></li>' for p in pages)
    web.add(base, Answer(f"<!doctype html><html><head><title>Home</title></head><body><h1>Latest news</h1>"
                         f"<ul>{links}</ul>{home_extra}</body></html>"))
    web.add(base + "robots.txt", Answer(f"User-agent: *\nAllow: /\n{robots_extra}Sitemap: {base}sitemap.xml\n",
                                        content_type="text/plain"))
    web.add(base + "sitemap.xml", sitemap(listed if listed is not None else [base + p for p in pages]))


def crawl(proxy: str, db: Path, *start_urls: str) -> subprocess.CompletedProcess:
    options = [arg for s in QUICK for arg in ("-s", s)]
    result = fanwire("crawl", *start_urls, "--db", str(db), *options, proxy=proxy)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()
