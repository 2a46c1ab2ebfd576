"""Headlines laid out apart from the titles a page states (issue 16, `pipelines.headline`): a kicker
in a span of its own, punctuation given by the layout, with the exact title kept."""
from __future__ import annotations

import lxml.html

from pipelines.normalize import choose_title
from pipelines.page_metadata import page_metadata

HOST = "news.example"


def title(h1: str, headline: str | None, og_title: str | None, page_title: str | None = None) -> str | None:
    return choose_title((h1,), headline, og_title, page_title, None, None, HOST)


def test_an_h1_whose_kicker_lost_its_colon_gives_the_stated_title():
    """<h1><span>Ausschuss zur Ahrtal-Flut</span> Zwei Rücktritte …</h1>: the colon is the span's edge."""
    stated = "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen"
    assert title("Ausschuss zur Ahrtal-Flut Zwei Rücktritte - und viele offene Fragen", stated, stated) == stated


def test_a_kicker_set_before_the_headline_in_the_h1_is_left_out_when_a_stated_title_leaves_it_out():
    stated = "Rückschlag im Titelkampf - Liverpool verliert bei Everton"
    assert title(f"Premier League {stated}", stated, stated) == stated


def test_a_kicker_both_stated_titles_give_belongs_to_the_headline():
    """JSON-LD and og:title agree on "Kicker: Headline" while the <h1> shows the headline alone."""
    stated = "Nationaler Veteranentag: Orden fürs Morden"
    assert title("Orden fürs Morden", stated, stated) == stated
    assert title("Orden fürs Morden", stated, "Orden fürs Morden") == "Orden fürs Morden"


def test_the_h1s_typography_is_kept_when_a_stated_title_differs_in_it_alone():
    h1 = "Sweden tells households ‘how to survive’ in a\u00a0war pamphlet"
    assert title(h1, "Sweden tells households 'how to survive' in a war pamphlet", None) == h1


def test_a_kicker_span_glued_to_the_headline_is_set_apart():
    """<h1><span>Nationale Demo</span><span>Der 9. Juli naht</span></h1> reads "Nationale Demo Der 9. Juli
    naht", which matches the stated "Nationale Demo / Der 9. Juli naht"; "Don<em>'t</em>" stays one word."""
    stated = "Nationale Demo / Der 9. Juli naht: OGBL und LCGB demonstrieren"
    html = (f"<html><head><meta property='og:title' content='{stated}'></head><body><h1><span>Nationale Demo</span>"
            "<span>Der 9. Juli naht: OGBL und LCGB demonstrieren</span></h1><h2>Don<em>t</em> panic</h2>"
            "<h1>Why we Don<em>'t</em> panic</h1></body></html>")
    meta = page_metadata(lxml.html.fromstring(html))
    assert meta.h1s == ("Nationale Demo Der 9. Juli naht: OGBL und LCGB demonstrieren", "Why we Don't panic")
    assert title(meta.h1s[0], None, stated) == stated


def test_json_ld_and_og_title_agreeing_on_a_reworded_headline_give_it():
    """Two statements agree on "Johannesburg …" where the <h1> shows "Joburg …"; one alone does not
    outweigh the <h1>, and a tail they add to the <h1> (the site's name) is not taken."""
    h1 = "Joburg has failed its informal traders: here is what the City needs to do"
    stated = "Johannesburg has failed its informal traders: here is what the City needs to do"
    assert title(h1, stated, stated) == stated
    assert title(h1, stated, None) == h1
    with_site = f"{h1} - Golem.de"
    assert title(h1, with_site, with_site) == h1
