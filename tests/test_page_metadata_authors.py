"""Authors of small hand-made pages (issue 16): the outlet told apart from its writers, JSON-LD
references, every author `<meta>`, author links, and bylines in the languages of the news
(`pipelines.authors`, `pipelines.page_metadata.clean_author`)."""
from __future__ import annotations

import pytest

from pipelines.extractor import extract_article
from pipelines.page_metadata import clean_author

PARAGRAPH = "The council voted on Tuesday to keep the night buses running through the winter months. " * 4


def author(head: str, body: str = "", url: str = "https://citynews.example/2024/night-buses") -> str | None:
    html = (f"<html><head><title>Night buses stay</title>{head}</head><body><h1>Night buses stay</h1>{body}"
            f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")
    return extract_article(html.encode(), url).author


def test_the_outlet_named_as_author_gives_way_to_the_writer_its_author_link_names():
    """meta author "City News" is the outlet's own name (og:site_name, the host): the writer is who
    the byline's link to an author page names."""
    head = '<meta name="author" content="City News"><meta property="og:site_name" content="City News">'
    byline = '<div class="meta"><a href="/autoren/max-kolter">Dr. Max Kolter</a> · 20.10.2025</div>'
    assert author(head, byline) == "Dr. Max Kolter"
    assert author(head) == "City News"  # no writer named anywhere: the outlet stays


def test_an_email_address_as_author_gives_way_to_the_byline():
    head = '<meta name="author" content="a.lee@citynews.example">'
    assert author(head, "<p class='byline'>By Ann Lee</p>") == "Ann Lee"


def test_a_json_ld_author_given_by_reference_is_read_from_the_node_it_names():
    head = ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Night buses stay",'
            ' "author": {"@id": "https://citynews.example/#/person/1"}}, {"@type": "Person",'
            ' "@id": "https://citynews.example/#/person/1", "name": "Mohloai Mpesi"}]}</script>')
    assert author(head) == "Mohloai Mpesi"


def test_every_author_meta_is_read_and_surname_first_forms_are_turned():
    several = "".join(f'<meta name="author" content="{n}">' for n in ("Lucy Thornton", "Tim Hanlon"))
    assert author(several) == "Lucy Thornton; Tim Hanlon"
    assert author('<meta name="dc.creator" content="Brazil, Rachel">') == "Rachel Brazil"


def test_author_links_name_the_writers_when_nothing_else_does():
    """Links to author pages beside each other are the byline; a teaser card's author link and
    the byline's UI link ("View All") are not writers."""
    byline = ('<div class="meta"><a href="/author/jon-fingas">Jon Fingas</a> and '
              '<a href="/author/bo-kim">Bo Kim</a> <a href="/author/jon-fingas">View All</a></div>')
    teaser = '<aside><div class="card"><a href="/author/ed-wu">Ed Wu</a><p>Other story</p></div></aside>'
    html = (f"<html><head><title>Night buses stay</title></head><body><article><h1>Night buses stay</h1>{byline}"
            f"<p>{PARAGRAPH}</p></article>{teaser}</body></html>")
    assert extract_article(html.encode(), "https://citynews.example/a/1").author == "Jon Fingas; Bo Kim"


@pytest.mark.parametrize("found, people", [
    ("Autor Monika Bolliger und Anna Trechsel", "Monika Bolliger; Anna Trechsel"),
    ("Par Jeanne Dupont", "Jeanne Dupont"),
    ("Von Hoff", "Von Hoff"),
    ("Da Silva Santos", "Da Silva Santos"),
    ("Le Figaro et AFP", "Le Figaro; AFP"),
    ("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen", "Trine Juncher Jørgensen; Tôrtia Reimer-Johansen"),
    ("André Oliver KLEIN", "André Oliver KLEIN"),
    ("Elena Oberholzer (obe)", "Elena Oberholzer"),
    ("Povilas Aleksandravičius, Mykolo Romerio universiteto fakulteto profesorius,", "Povilas Aleksandravičius"),
    ("Prince and the Revolution", "Prince and the Revolution"),
    ("Ana García y Juan Pérez", "Ana García; Juan Pérez"),
    ("Luís Lima e Silva", "Luís Lima e Silva"),
    ("Sam Stein; The Huffington Post", "Sam Stein"),
    ("The Associated Press", "The Associated Press"),
    ("Guardian staff reporter", "Guardian staff reporter"),
    ("Ben Silverman Games Editor", "Ben Silverman"),
    ("the time the council voted", None),
])
def test_bylines_in_the_languages_of_the_news(found, people):
    assert clean_author(found) == people


def test_bylines_labelled_in_other_languages_name_people_only():
    """"von David Straub, MDR THÜRINGEN", "Autorin/Autor Roman Goncharenko" are bylines; "Von Berlin
    nach Hamburg" is a route, and a byline inside a link to another story is that story's teaser's."""
    assert author("", "<p class='author'>von David Straub</p>") == "David Straub"
    body = "<main><ul><li>Autorin/Autor Roman Goncharenko</li></ul></main>"
    assert author("", body) == "Roman Goncharenko"
    assert author("", "<main><p class='kicker'>Von Berlin nach Hamburg</p></main>") is None
    teaser = "<main><a href='/2024/other-story'><span>Rettet die Reichen</span> <span>Von Ines Zöttl</span></a></main>"
    assert author("", teaser) is None


def test_author_links_speak_when_the_byline_found_is_no_name():
    """trafilatura's byline here is a date label ("Last Updated January 7"), which names nobody."""
    body = ("<div class='byline'>Last Updated January 7</div>"
            "<div class='meta'><a href='/blog/author/kori-schulman'>Kori Schulman</a></div>")
    assert author("", body) == "Kori Schulman"


def test_a_reportage_news_article_node_states_the_author():
    """schema.org's `ReportageNewsArticle` is an article type: its author is the page's."""
    head = ('<script type="application/ld+json">{"@type": "ReportageNewsArticle", "headline": "Night buses stay",'
            ' "author": {"@type": "Person", "name": "Ann Lee"}}</script>')
    assert author(head) == "Ann Lee"


def test_a_labelled_field_in_a_side_column_names_the_writer():
    """A fact list beside the article ("<li><strong>Autorin/Autor</strong> Name</li>") outside <article>
    names the writer when the stated author is the outlet; a stats table's "By changesets" names nobody."""
    head = '<meta name="author" content="City News"><meta property="og:site_name" content="City News">'
    facts = ("<div class='col'><ul><li><strong>Datum</strong> 28.04.2023</li>"
             "<li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul></div>")
    assert author(head, facts) == "Roman Goncharenko"
    stats = "<table><tr><th>By changesets</th><td>12</td></tr></table>"
    assert author("", stats) is None


def test_a_numeric_author_meta_is_a_user_id_not_a_name():
    assert author('<meta name="author" content="105092">') is None


def test_a_bold_name_paragraph_at_the_body_top_or_end_names_the_writers_over_the_outlet():
    """A CMS whose author field holds the outlet's account ("City News") while the body sets the byline
    as a bold paragraph of its own, at its top (a standfirst's lines above) or its end."""
    head = '<meta name="author" content="City News"><meta property="og:site_name" content="City News">'
    paragraphs = f"<p>{PARAGRAPH}</p>" * 3
    top = f"<div><p><em>…as villages cry foul</em></p><p><strong>Ann Lee/Bo Kim</strong></p>{paragraphs}</div>"
    assert author(head, top) == "Ann Lee; Bo Kim"
    end = f"<div>{paragraphs}<p style='text-align:right'><strong>Lê Phương</strong></p></div>"
    assert author(head, end) == "Lê Phương"
    middle = f"<div>{paragraphs}<p><strong>Water Woes</strong></p>{paragraphs}</div>"
    assert author(head, middle) == "City News"
    button = f"<div>{paragraphs}<p><strong><a href='/more'>Read More</a></strong></p></div>"
    assert author(head, button) == "City News"


def test_an_author_meta_names_the_agency_where_json_ld_states_the_outlet():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Night buses stay",'
            ' "author": {"@type": "Organization", "name": "City News"}}</script>'
            '<meta property="og:site_name" content="City News"><meta name="articleAuthor" content="Anadolu Ajansı">')
    assert author(head) == "Anadolu Ajansı"


def test_the_bylines_author_links_name_the_cowriter_structured_data_leaves_out():
    head = '<meta property="article:author" content="Marlene Lundberg Holm">'
    byline = ('<div class="byline"><a rel="author" href="mailto:i.t@db.example">Ingrid Treborg</a></div>'
              '<div class="byline"><a rel="author" href="mailto:m.h@db.example">Marlene Lundberg Holm</a></div>')
    assert author(head, f"<header>{byline}</header>") == "Ingrid Treborg; Marlene Lundberg Holm"


def test_the_outlets_account_gives_way_to_the_bold_byline():
    """"City N" is the outlet's first word and an initial: a CMS account, not a writer."""
    head = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Night buses stay",'
            ' "author": {"@type": "Person", "name": "City N"}}</script>'
            '<meta property="og:site_name" content="City News">')
    paragraphs = f"<p>{PARAGRAPH}</p>" * 3
    assert author(head, f"<div><p><strong>MTHOBISI SITHOLE\u00a0</strong></p>{paragraphs}</div>") == "MTHOBISI SITHOLE"
    assert author(head) == "City N"


def test_a_bold_heading_below_the_opening_paragraph_is_no_byline():
    head = '<meta name="author" content="City News"><meta property="og:site_name" content="City News">'
    body = f"<div><p>{PARAGRAPH}</p><p><strong>Key Points</strong></p>{f'<p>{PARAGRAPH}</p>' * 3}</div>"
    assert author(head, body) == "City News"
