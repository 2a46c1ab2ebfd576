"""The links a page makes to other sites (`pipelines.outlinks`): a malformed link is skipped, not
the page."""
from __future__ import annotations

from lxml.html import fromstring

from pipelines.extractor import extract_article
from pipelines.outlinks import outlinks

PAGE = """<html><body><nav><a href="http://[ccpa-preferences]">Do not sell my data</a></nav>
<article><h1>Voters head to the polls</h1><p>Turnout was high across the county on Tuesday, officials said,
with long lines reported at several polling places.</p>
<p>Read the <a href="https://elections.example.org/results">official results</a> and
<a href="/local/more">more local news</a>.</p></article></body></html>"""


def test_a_link_to_a_bracketed_host_that_is_no_address_is_skipped_and_the_others_kept():
    assert outlinks(fromstring(PAGE), "https://news.example.com/voters") == ["https://elections.example.org/results"]


def test_a_page_with_such_a_link_is_still_extracted():
    extracted = extract_article(PAGE.encode(), "https://news.example.com/voters", "text/html; charset=utf-8")
    assert "Turnout was high" in extracted.text
    assert extracted.outlinks == ["https://elections.example.org/results"]
