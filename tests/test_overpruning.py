"""When the generic rules take the article with the chrome, the page's own text is taken instead
(`pipelines.extractor.unpruned_text`): a page wrapped in one search <form>, as ASP.NET pages are."""
from __future__ import annotations

from pipelines.extractor import extract_article

SENTENCES = [
    "The national team announced on Monday that the veteran forward will retire from international football.",
    "He played more than one hundred and thirty matches for his country over eighteen years of service.",
    "The decision was very hard for me, he told reporters, because the national team was always my home.",
    "His farewell match is planned for the spring, when the team plays a friendly in his home city.",
]
PAGE = f"""<html><head><title>Forward retires</title></head><body>
<form id="mainform" action="/search"><input type="search" name="q">
<div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="article"><h1>Forward retires from the national team</h1>
{''.join(f'<p>{s}</p>' for s in SENTENCES)}</div>
</form></body></html>"""


def test_a_page_wrapped_in_a_search_form_keeps_its_article():
    text = extract_article(PAGE.encode(), "https://football.example/news/retires", "text/html; charset=utf-8").text
    assert [line for line in text.splitlines() if line] == SENTENCES
