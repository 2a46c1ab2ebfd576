"""flairNLP/fundus parser test data as a corpus: real news pages of a few hundred publishers in
some forty countries, each with the title, authors, publishing date and body its hand-written
publisher parser is tested to return.

The data lives in `tests/resources/parser/test_data/<country>/`: `<Publisher>_<YYYY_MM_DD>.html.gz`
pages, `<Publisher>.json` with the expected fields per parser version (`V1`, `V2`, …) and
`meta.info` with each page's URL. A publisher's parser versions (V1, V1_1, V2, …) follow each
other in time and each page is tested with the version of its crawl date, so a publisher's pages
sorted by date pair one to one with its versions in order.
"""
from __future__ import annotations

import gzip
import json
import re
from typing import Iterator

import lxml.html

from _corpora import Source, as_text, guess_lang, lang_code, page_url

TEST_DATA = "tests/resources/parser/test_data"
PAGE = re.compile(r"(?P<publisher>.+)_(?P<date>\d{4}_\d\d_\d\d)\.html\.gz")


def fundus(source: Source) -> Iterator[dict]:
    for country in source.names(TEST_DATA):
        if "." in country or country.startswith("_"):
            continue
        folder = f"{TEST_DATA}/{country}"
        files = source.names(folder)
        meta = json.loads(source.text(f"{folder}/meta.info") or "{}")
        pages: dict[str, list[str]] = {}
        for name in files:
            if match := PAGE.fullmatch(name):
                pages.setdefault(match["publisher"], []).append(name)
        for publisher, names in sorted(pages.items()):
            expected = json.loads(source.text(f"{folder}/{publisher}.json") or "{}")
            versions = sorted(expected, key=version_order)
            if len(versions) != len(names):
                continue
            for name, version in zip(sorted(names), versions):
                if record := page(source, f"{folder}/{name}", name, meta.get(name, {}), expected[version], country):
                    yield record


def version_order(version: str) -> tuple[int, ...]:
    """A parser version's place: V1 < V1_1 < V2 (read as numbers, "1_1" would be eleven)."""
    return tuple(int(part) for part in version.lstrip("V").split("_") if part.isdigit())


def page(source: Source, path: str, name: str, meta: dict, expected: dict, country: str) -> dict | None:
    data = source.read(path)
    body = body_text(expected.get("body") or {})
    if data is None or not body:
        return None
    html = as_text(gzip.decompress(data))
    tree = lxml.html.fromstring(html)
    authors = [a.strip() for a in expected.get("authors") or [] if a and a.strip()]
    declared = (tree.xpath("/html/@lang") or [None])[0]
    return {"id": f"{country}/{name.removesuffix('.html.gz')}",
            "url": meta.get("url") or page_url(tree, f"{name.split('_')[0].lower()}.example"),
            "lang": lang_code(declared) or guess_lang(body), "html": html, "body": body,
            "title": (expected.get("title") or "").strip() or None,
            "author": ", ".join(authors) or None,
            "published": expected.get("publishing_date") or None}


def body_text(body: dict) -> str:
    """Fundus's article body: the summary, then each section's headline and paragraphs, a line each."""
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n".join(" ".join(line.split()) for line in lines if line and line.strip())
