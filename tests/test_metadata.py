"""Headline, author and publication date of small hand-made pages (issue 16): each rule of
`pipelines.page_metadata`, `pipelines.normalize` and `scraper.jsonld` with the exact value it gives."""
from __future__ import annotations

import lxml.html
import pytest
from parsel import Selector

from pipelines.extractor import extract_article, fuller_author
from pipelines.page_metadata import _byline_author, clean_author, plausible_author
from pipelines.normalize import choose_title
from scraper.pagetype import classify

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


def test_json_ld_strings_escaped_as_html_are_read():
    """A CMS that escapes its JSON-LD as HTML gives "&#27744;&#30000;&#38520;" for 池田陸."""
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Director&#8217;s Cut", '
            '"author": [{"@type": "Person", "name": "&#27744;&#30000;&#38520;"}]}</script>')
    got = page(head, "<h1>Director’s Cut</h1><p>Text of the article.</p>", "https://news.example/a/1")
    assert (got["author"], got["title"]) == ("池田陸", "Director’s Cut")


def test_the_visible_headline_wins_over_a_reworded_og_title():
    head = ('<title>Night buses to stay, council says | City News</title>'
            '<meta property="og:title" content="Council keeps night buses running all winter">')
    body = "<h1>Council votes to keep the night buses running all winter</h1>"
    assert page(head, body)["title"] == "Council votes to keep the night buses running all winter"


def test_an_h1_sharing_few_words_with_the_stated_titles_is_not_the_headline():
    head = ('<title>Council keeps night buses running | City News</title>'
            '<meta property="og:title" content="Council keeps night buses running">')
    assert page(head, "<h1>Latest stories from our newsroom today</h1>")["title"] == "Council keeps night buses running"


def test_logo_h1s_are_left_out():
    """An <h1> linking to the home page, or showing an image and a few words, is the logo; the
    <h1> naming the site ("The New Republic" on newrepublic.com) is not the headline either."""
    head = "<title>Council keeps night buses running | The Daily Bus</title>"
    logos = ('<h1><a href="https://dailybus.example/"><img src="logo.png" alt="The Daily Bus"></a></h1>'
             '<h1><svg><title>DAILY BUS</title><desc>Daily Bus Logo</desc></svg></h1><h1>The Daily Bus</h1>')
    assert page(head, logos, "https://www.dailybus.example/2024/night-buses")["title"] == \
        "Council keeps night buses running"
    assert page(head, logos + "<h1>Council keeps the night buses running</h1>",
                "https://www.dailybus.example/2024/night-buses")["title"] == "Council keeps the night buses running"


def test_an_h1_repeating_the_short_end_of_a_longer_title_is_the_network_not_the_headline():
    """A blog network's top bar <h1> ("BlogNet Japan", no link, no image) repeats the short segment
    its <title> ends with, which names the host's domain; the headline is the title's long segment."""
    head = "<title>Autumn leaves at the Misty Valley campsite :: BlogNet Japan ::</title>"
    body = "<h1 class='topbar'>BlogNet Japan</h1><h1><a href='/blog'>Steven's travel notes</a></h1>"
    assert page(head, body, "https://steven.blognet.example/blog/post/1")["title"] == \
        "Autumn leaves at the Misty Valley campsite"


def test_a_documentation_sets_heading_linking_to_its_index_is_no_headline():
    head = "<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>"
    body = ('<h1><a href="index.html">evolve extension for Mercurial</a></h1><h1><a href="#id4">Evolve: Shared '
            'Mutable History</a><a class="headerlink" href="#evolve">¶</a></h1><p>Text.</p>')
    assert page(head, body, "https://docs.example/evolve/sharing.html")["title"] == "Evolve: Shared Mutable History"


def test_of_several_h1s_the_one_closest_to_a_stated_title_wins():
    head = ('<title>Council keeps night buses running | City News Citynews.example</title>'
            '<meta property="og:title" content="Council keeps night buses running">')
    body = "<h1>City News</h1><h1>Council keeps night buses running</h1>"
    assert page(head, body, "https://citynews.example/a/1")["title"] == "Council keeps night buses running"


def test_an_h1_with_the_sites_name_glued_on_gives_the_stated_title():
    """<h1>Headline<span>Site</span></h1> reads as one run of text: the stated title it starts with is
    the headline."""
    headline = "La infanta Cristina declara ante el juez"
    head = f'<title>{headline} - Ultima Hora</title><meta property="og:title" content="{headline}">'
    body = f"<h1>{headline}<span>Ultima Hora Mallorca</span></h1><p>Texto.</p>"
    assert page(head, body, "https://ultimahora.example/a/1")["title"] == headline


def test_an_h1_with_a_byline_after_a_break_gives_the_stated_title_less_its_photo_credit():
    headline = "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"
    head = f'<title>{headline}：日本経済新聞</title><meta property="og:title" content="{headline}（写真＝ロイター）">'
    body = f"<h1><span>{headline}</span><br><span>編集委員 中沢克二</span></h1><p>本文。</p>"
    assert page(head, body, "https://www.nikkei.example/article/1")["title"] == headline


def test_a_site_name_guessed_from_the_headline_is_not_stripped():
    """trafilatura takes a <title> segment for the site's name: "Headline | Site" must not lose
    its headline for it."""
    headline = "Trump Has Shown Receptiveness To Obama's Agenda. Does He Actually Mean It?"
    assert choose_title((headline,), None, None, f"{headline} | The Huffington Post", headline, headline,
                        "www.huffingtonpost.com") == headline


def test_a_byline_names_every_author_without_their_job_title_or_handle():
    assert page("<title>Night buses stay</title>",
                "<h1>Night buses stay</h1><div class='byline'>By Marc Santora, William K. Rashbaum, Al Baker "
                "and Adam Goldman</div>")["author"] == "Marc Santora; William K. Rashbaum; Al Baker; Adam Goldman"
    assert page("<title>Night buses stay</title>",
                "<h1>Night buses stay</h1><p class='author'>By <a>Ben Silverman</a> Games Editor</p>")["author"] == \
        "Ben Silverman"
    assert page("<title>Night buses stay</title>",
                "<h1>Night buses stay</h1><p class='byline'>By <a>April Glaser</a><a>@aprilaser</a>"
                "<span>Dec. 15, 2016</span></p>")["author"] == "April Glaser"
    assert page("<title>Night buses stay</title>",
                "<h1>Night buses stay</h1><p class='byline'>By <b>Teresa Newsome</b>Dec. 5, 2016</p>")["author"] == \
        "Teresa Newsome"
    assert page("<title>Night buses stay</title>",
                "<h1>Night buses stay</h1><p class='byline'>Written by Rob Ewaschuk Edited by Betsy Beyer</p>"
                )["author"] == "Rob Ewaschuk"


def test_a_recommendation_widget_is_no_author():
    assert plausible_author("Taboola by Taboola") is None and plausible_author("Outbrain") is None
    assert plausible_author("Hazel Sheffield") == "Hazel Sheffield"


def test_bylines_of_teaser_cards_are_not_the_articles():
    """One kind of element bylining several people is a list of stories; the article's own byline
    is then the one of another kind, or none (trafilatura's is kept)."""
    cards = "".join(f"<div class='card'><h3>Story {n}</h3><span class='author'>By {n}</span></div>"
                    for n in ("Kyle Wood", "Zach Koons", "Ann Lee"))
    assert page("<title>Night buses stay</title>",
                f"<h1>Night buses stay</h1><aside class='author-box'>By Austin Murphy</aside>{cards}")["author"] == \
        "Austin Murphy"
    ad = lxml.html.fromstring("<html><body><div class='trc-byline'>by Taboola · Sponsored Links</div></body></html>")
    assert _byline_author(ad) is None


def test_the_author_named_only_in_an_author_box_is_kept():
    """The author box goes with the boilerplate; the name it gives is read off the whole page first."""
    body = ("<h1>Night buses stay</h1><p>The council voted on Monday to keep every night bus running until spring, "
            "the mayor said.</p><p>Riders had collected ten thousand signatures in a month.</p>"
            "<div class='author-box'><span class='author-name'>Masafumi Negishi</span>"
            "<p>Masafumi Negishi covers transport.</p></div>")
    got = page("<title>Night buses stay | City News</title>", body, "https://citynews.example/a/1")
    assert got["author"] == "Masafumi Negishi"


def test_japanese_byline_labels_are_not_part_of_the_name():
    for label in ("文● ", "文：", "著者：", "文／"):
        assert page("<title>終電延長</title>", f"<h1>終電延長</h1><p class='author'>{label}オカモト／ASCII編集部</p>"
                    )["author"] == "オカモト／ASCII編集部", label


def test_the_whole_pages_byline_wins_when_pruning_cut_names_out_of_it():
    assert fuller_author("作者： 翻訳者", "作者： Diogo Carleto 翻訳者 中村 真子") == "作者： Diogo Carleto 翻訳者 中村 真子"
    assert fuller_author("Ann Lee", "Bob Stone") == "Ann Lee"
    assert fuller_author(None, "Bob Stone") == "Bob Stone"


def test_a_copyright_year_is_no_publication_date():
    footer = "<footer><p>© 2021 City News Company. All rights reserved.</p></footer>"
    assert page("<title>Night buses stay</title>", f"<h1>Night buses stay</h1>{footer}")["published"] is None
    stated = "<p class='date'>Published 2021-01-01</p>"
    assert page("<title>Night buses stay</title>", f"<h1>Night buses stay</h1>{stated}{footer}"
                )["published"].startswith("2021-01-01")


def test_a_social_media_posting_is_an_article_and_its_json_ld_is_read():
    """One list of article types for classification and metadata: a SocialMediaPosting page
    is classified as an article by its JSON-LD, and that JSON-LD gives its author and date."""
    head = ('<title>Cast announced</title><script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "SocialMediaPosting", "headline": "Cast announced for the spring film", '
            '"datePublished": "2025-03-02T09:30:00+09:00", "author": {"@type": "Person", "name": "Mika Sato"}}</script>')
    body = "<h1>Cast announced</h1>"
    html = f"<html><head>{head}</head><body>{body}<article><p>{PARAGRAPH}</p></article></body></html>"
    assert "jsonld-article:+3" in classify(Selector(text=html), "https://news.example/posts/cast").signals
    got = page(head, body, "https://news.example/posts/cast")
    assert (got["author"], got["published"]) == ("Mika Sato", "2025-03-02T09:30:00+09:00")


@pytest.mark.parametrize("found, author", [
    ("Ben Silverman Games Editor", "Ben Silverman"),
    ("Pete Evans · CBC News", "Pete Evans"),
    ("Meg Wagner NEW YORK DAILY NEWS", "Meg Wagner"),
    ("BWW News Desk BroadwayWorld.com", "BWW News Desk"),
    ("Sam Stein Senior Politics Editor; The Huffington Post", "Sam Stein"),
    ("Nathan Willis March", "Nathan Willis"),
    ("Last Updated January 7", None),
    ("Nikhil Marathe", "Nikhil Marathe"),
    ("GILLIAN MOHNEY", "GILLIAN MOHNEY"),
    ("Marc Santora; William K. Rashbaum", "Marc Santora; William K. Rashbaum"),
    ("Oli Coleman View author archive Get author RSS feed", "Oli Coleman"),
    ("Aoi Mori; Lesedauer: 4 Min.", "Aoi Mori"),
    ("See full bio", None),
    ("Dec", None),
    ("January", None),
    ("Janet Marcus", "Janet Marcus"),
    ("Confreaks Confreaks", "Confreaks"),
    ("Ellyn Shook Ellyn Shook Creating the most truly human company", "Ellyn Shook"),
])
def test_a_found_author_is_the_people_without_what_the_byline_runs_on_with(found, author):
    assert clean_author(found) == author


def test_a_byline_label_is_a_word_of_its_own():
    """"By" and 文 label a byline only as words of their own: "Byron Hale", 文化庁 (the Agency for
    Cultural Affairs) are a name and a word."""
    for line, author in (("文化庁によると、展示は延期", None), ("文・山田花子", "山田花子"), ("By Byron Hale", "Byron Hale")):
        body = f"<article><h1>展示のお知らせ</h1><p>{line}</p><p>{PARAGRAPH}</p></article>"
        assert page("<title>展示のお知らせ</title>", body)["author"] == author


def test_a_labelled_byline_in_an_author_link_or_a_byline_id_is_read():
    link = "<div class='header'><a class='name' href='/author/180/'>著者：後藤大地</a></div>"
    assert page("<title>終電延長</title>", f"<h1>終電延長</h1>{link}")["author"] == "後藤大地"
    by_id = "<div id='story-byline'>By Hiromasa Tanaka</div>"
    assert page("<title>Night buses stay</title>", f"<h1>Night buses stay</h1>{by_id}")["author"] == "Hiromasa Tanaka"
