"""Publication dates of small hand-made pages (issue 16, `pipelines.page_metadata`): a live blog's
start over the update its CMS wrote into `article:published_time`, a fact list's labelled date."""
from __future__ import annotations

from pipelines.extractor import extract_article

PARAGRAPH = "The council voted on Tuesday to keep the night buses running through the winter months. " * 4


def published(head: str, body: str = "") -> str | None:
    html = (f"<html><head><title>Night buses stay</title>{head}</head><body><h1>Night buses stay</h1>{body}"
            f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")
    return extract_article(html.encode(), "https://citynews.example/news/night-buses").published


def test_a_live_blogs_start_in_the_markup_over_a_published_time_equal_to_the_last_update():
    head = ('<meta property="article:published_time" content="2024-08-05T19:49:50Z">'
            '<meta property="article:modified_time" content="2024-08-05T19:49:50Z">')
    byline = '<div itemprop="datePublished" content="2024-08-04T13:23:00Z">By Ann Lee</div>'
    assert published(head, byline) == "2024-08-04T13:23:00+00:00"
    first = head.replace('published_time" content="2024-08-05T19:49:50Z',
                         'published_time" content="2024-08-05T08:00:00Z')
    assert published(first, byline) == "2024-08-05T08:00:00+00:00"  # the CMS kept the first publication


def test_a_fact_lists_labelled_date_over_a_teasers_date():
    facts = "<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autor</strong> Ann Lee</li></ul>"
    teaser = "<aside><h2>Other story <span class='date'>24.04.2023</span></h2></aside>"
    assert published("", teaser + facts) == "2023-04-28T00:00:00"
