"""Headline, author and publication date of small hand-made pages (issue 16): each rule of
`pipelines.metadata`, `pipelines.normalize` and `scraper.jsonld` with the exact value it gives."""
from __future__ import annotations

from pipelines.extract import extract_article

PARAGRAPH = "The council voted on Tuesday to keep the night buses running through the winter months. " * 4


def page(head: str, body: str, url: str = "https://news.example/2024/city/night-buses") -> dict:
    """Title, author and date `fanwire extract` gives for a page of this head and article body."""
    html = f"<html><head>{head}</head><body>{body}<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
    e = extract_article(html.encode(), url)
    return {"title": e.title, "author": e.author, "published": e.published}


def test_json_ld_in_a_cdata_wrapper_is_read():
    """Blocks wrapped in `<![CDATA[ ]]>` are JSON once unwrapped: their date and authors win over
    a later `article:published_time`."""
    ld = ('<script type="application/ld+json"><![CDATA[ {"@type": "NewsArticle", "headline": "Night buses stay",'
          ' "datePublished": "2024-12-06T22:00:40Z", "author": [{"name": "Stella Kim"}, {"name": "Jennifer Jett"}]}'
          ' ]]></script><meta property="article:published_time" content="2024-12-07T12:43:39Z">')
    assert page(f"<title>Night buses stay</title>{ld}", "<h1>Night buses stay</h1>") == {
        "title": "Night buses stay", "author": "Stella Kim; Jennifer Jett", "published": "2024-12-06T22:00:40+00:00"}
