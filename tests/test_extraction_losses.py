"""The kinds of loss issue 16 names on real pages, one fixture each: the body is exactly the
article's paragraphs, and the lede alone, a "read next / more from" rail, a donation appeal or
related-article teasers never are (or are not part of) what is archived."""
from __future__ import annotations

import pytest

from pipelines.extract import extract_article

PARAGRAPHS = [
    "The studio confirmed on Friday that the second season will premiere in April, with the original staff "
    "returning for every episode.",
    "Director Aya Mori said the team spent a year adapting the final two volumes, and that the new opening was "
    "recorded in Osaka last month.",
    "Crunchyroll will stream the season worldwide except in Asia, where Muse Communication holds the rights, the "
    "announcement added.",
]
URL = "https://fannews.example/2025/01/season-2-dated"


def page(body: str, after: str = "") -> bytes:
    return (f"<html><head><title>Season 2 dated | Fan News</title></head><body><header><nav><a href='/'>Home</a>"
            f"</nav></header><article><h1>Season 2 dated</h1>{body}{after}</article></body></html>").encode()


PLAIN = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
CASES = {
    "lede-only": (page(f"<div class='lede'><p>{PARAGRAPHS[0]}</p></div><div class='story-body'>"
                       + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + "</div>"), []),
    "kept rail": (page(PLAIN, "<div class='read-next'><h3>Read next</h3><ul><li><a href='/a'>Frieren season 2 gets a "
                              "new key visual and a January date</a></li><li><a href='/b'>Dandadan season 3 announced "
                              "at Jump Festa with a teaser</a></li></ul></div><div><h3>More from Fan News</h3><ul><li>"
                              "<a href='/c'>The ten best anime openings of the year, ranked by our staff</a></li></ul>"
                              "</div>"),
                  ["Read next", "Frieren season 2", "More from Fan News", "ten best anime openings"]),
    "kept appeal": (page(PLAIN, "<div class='support'><p>Fan News is independent and reader-funded. If you enjoy our "
                                "coverage, please consider supporting us on Patreon for as little as $1 a month.</p>"
                                "<p><a href='https://patreon.com/fannews'>Become a patron</a></p></div>"),
                    ["reader-funded", "Patreon", "Become a patron"]),
    "teasers": (page(PLAIN, "<section class='you-may-like'><h2>You may also like</h2><article class='card'><h3>"
                            "<a href='/x'>Oshi no Ko season 3 reveals its cast</a></h3><p>The cast for the third season "
                            "was revealed on Sunday at a special event in Tokyo.</p></article><article class='card'><h3>"
                            "<a href='/y'>Spy x Family film tops box office</a></h3><p>The film earned 1.2 billion yen "
                            "in its opening weekend across Japan.</p></article></section>"),
                ["You may also like", "Oshi no Ko", "third season", "1.2 billion yen"]),
}


@pytest.mark.parametrize("html, dropped", list(CASES.values()), ids=list(CASES))
def test_the_body_is_the_articles_paragraphs_and_nothing_else(html, dropped):
    text = extract_article(html, URL).text
    assert text.split("\n") == PARAGRAPHS
    assert not [s for s in dropped if s in text]


def test_a_news_paragraph_about_donations_is_kept():
    about = ("Fans donated more than 30 million yen to the studio after the fire, and the studio said it would "
             "use the money to support its staff.")
    text = extract_article(page(PLAIN + f"<p>{about}</p>"), URL).text
    assert text.split("\n") == [*PARAGRAPHS, about]
