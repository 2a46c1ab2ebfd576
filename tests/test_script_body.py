"""A client-rendered page sends its article only as HTML inside its script data (Next.js's
streamed `self.__next_f.push`, `__NEXT_DATA__`): that text is the body when the markup shows none
(`pipelines.script_body`), its image captions left out; a page that shows its article keeps it."""
from __future__ import annotations

import json

from pipelines.extractor import extract_article
from pipelines.script_body import script_body

PARAGRAPHS = [
    "The city council approved the new tram line on Thursday after two years of debate.",
    "Construction is to start next spring and the first trams should run by the end of 2028.",
    "Opponents had argued that the money would be better spent on buses in the outer districts.",
    "The mayor said the line would link the university with the central station in twelve minutes.",
    "Residents along the route will be able to comment on the plans at three public meetings in May.",
]
ARTICLE_HTML = ('<div class="img-box"><img src="/a.jpg"><div class="caption"><p>The tram depot. Photo: '
                'City archive</p></div></div>' + "".join(f'<p class="editor-p">{p}</p>' for p in PARAGRAPHS))
SHELL = """<!DOCTYPE html><html lang="en"><head><title>Council approves tram line</title>
<meta property="og:title" content="Council approves tram line"></head><body>
<header><a href="/">Home</a> <a href="/politics">Politics</a></header>
<h1>Council approves tram line</h1><div id="article-root"></div>
{scripts}</body></html>"""


def next_streamed(article_html: str) -> str:
    """A Next.js app-router page: a JS string of JSON that holds the article's HTML."""
    payload = "5:" + json.dumps({"detail": {"title": "Council approves tram line", "contentHtml": article_html}})
    return f"<script>self.__next_f.push([1,{json.dumps(payload)}])</script>"


def next_data(article_html: str) -> str:
    data = {"props": {"pageProps": {"article": {"body": article_html}}}}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


def test_the_article_in_streamed_script_data_is_the_body_without_its_captions():
    page = SHELL.format(scripts=next_streamed(ARTICLE_HTML))
    text = extract_article(page.encode(), "https://news.example/politics/tram", "text/html; charset=utf-8").text
    assert text.splitlines() == PARAGRAPHS
    assert "Photo: City archive" not in text


def test_the_article_in_next_data_is_the_body():
    assert script_body(SHELL.format(scripts=next_data(ARTICLE_HTML))).splitlines() == PARAGRAPHS


def test_script_data_with_a_teaser_or_no_paragraphs_is_no_body():
    assert script_body(SHELL.format(scripts=next_data(f"<p>{PARAGRAPHS[0]}</p>"))) is None
    assert script_body(SHELL.format(scripts=next_data(" ".join(PARAGRAPHS)))) is None


def test_a_page_that_shows_its_article_keeps_it_over_its_script_data():
    other = [p.replace("tram", "bus") for p in PARAGRAPHS]
    shown = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = SHELL.replace('<div id="article-root"></div>', f"<article>{shown}</article>").format(
        scripts=next_data("".join(f"<p>{p}</p>" for p in other)))
    text = extract_article(page.encode(), "https://news.example/politics/tram", "text/html; charset=utf-8").text
    assert text.splitlines() == PARAGRAPHS
