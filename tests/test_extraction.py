"""Extraction on fixture pages: exact text kept, boilerplate removed, metadata, charsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.extractor import NoArticleText, extract_article, extract_parsed, parse_page
from pipelines.template import SiteTemplate

PAGES = Path(__file__).parent / "fixtures" / "pages"


def extract(name: str, content_type: str | None = None):
    return extract_article((PAGES / name).read_bytes(), f"https://news.example/{name}", content_type)


def test_promo_lines_cards_and_related_lists():
    e = extract("promos.html")
    assert e.text.splitlines() == [
        "The official website for Frieren: Beyond Journey's End announced on Friday that the second season will "
        "premiere in January, with Madhouse returning to animate.",
        "Director Keiichiro Saito also returns, and the new key visual shows Frieren, Fern and Stark walking toward "
        "the northern plateau.",
        "The staff revealed that the season will run for two consecutive cours, covering the Golden Land arc.",
        "Ticket sales for the advance screening open next week at theaters across Japan.",
    ]
    for gone in ("See Related Post", "Frieren movie rumors", "Also Read", "best fantasy anime", "Read more",
                 "Dandadan Season 2 dated", "You may also like", "Oshi no Ko Season 3 teaser"):
        assert gone not in e.text
    assert (e.title, e.author, e.published, e.lang) == (
        "Frieren Season 2 Confirms January Premiere", "Mio Tanaka", "2025-09-12T08:30:00+09:00", "en")
    assert e.canonical_url == "https://lantern.example/2025/09/frieren-season-2-premiere/"


def test_widgets_captions_ads_comments_toc_share_author_newsletter():
    e = extract("widgets.html")
    assert e.text.splitlines() == [
        "Story",
        "Science SARU's second season of Dandadan opens with the Evil Eye arc and never lets go of the momentum it "
        "built last year.",
        "The episodes balance slapstick and horror better than any other show this season.",
        "Animation",
        "Director Fuga Yamashiro keeps the camera moving, and the fight in episode five is a highlight of the year.",
        "Final verdict: a sequel that improves on a great first season.",
    ]
    for gone in ("Table of Contents", "Facebook", "Copy Link", "Momo and Okarun", "Advertisement", "cliffhanger",
                 "@animefan", "Okarun in his transformed state", "About the author", "writes about anime",
                 "in your inbox", "thoughts on", "Best show of the summer", "Leave a Comment", "Scroll to Top"):
        assert gone not in e.text
    assert (e.title, e.author, e.published) == (
        "Dandadan Season 2 Review: Stranger, Louder, Better", "Ren Ishida", "2025-08-03T19:00:00+00:00")


JAPANESE_BODY = [
    "TVアニメ『葬送のフリーレン』第2期が2026年1月より放送開始されることが決定した。",
    "制作は引き続きマッドハウスが担当し、監督は斎藤圭一郎が務める。",
    "新たなキービジュアルには、フリーレン、フェルン、シュタルクの3人が描かれている。",
]


@pytest.mark.parametrize("name, content_type, published", [
    ("shift_jis_meta_only.html", "text/html", "2025-09-12T10:00:00+09:00"),
    ("euc_jp_no_declaration.html", None, "2025-09-13T09:00:00+09:00"),
    ("euc_jp_no_declaration.html", "text/html; charset=EUC-JP", "2025-09-13T09:00:00+09:00"),
])
def test_japanese_pages_decode_and_lose_their_chrome(name, content_type, published):
    e = extract(name, content_type)
    assert e.text.splitlines() == JAPANESE_BODY
    assert e.title == "『葬送のフリーレン』第2期、2026年1月放送開始"
    assert (e.author, e.published, e.lang) == ("佐藤花子", published, "ja")
    for gone in ("あわせて読みたい", "第1期を振り返る", "キービジュアル』", "シェア", "関連記事", "薬屋", "ページトップ", "2025年9月12日"):
        assert gone not in e.text


def test_windows_1252_page_claiming_utf8():
    e = extract("windows_1252_claims_utf8.html", "text/html; charset=UTF-8")
    assert e.encoding == "cp1252"
    assert e.text.splitlines() == [
        "The Pokémon Company released a new trailer for the “Terastal Debut” arc of Pokémon Horizons on Sunday.",
        "Liko and Roy face the Paldea Elite Four — and the café scenes in Mesagoza return… finally.",
        "The arc premieres on March 14 in Japan, with an English dub to follow later this year.",
    ]
    assert e.title == "Pokémon Horizons’ Terastal Arc Gets a New Trailer"


def test_broken_html_still_yields_its_paragraphs():
    e = extract("broken.html")
    assert e.title == "Spy x Family Code White Box Office Tops 6 Billion Yen"
    for line in ("The Spy x Family Code White film has earned over 6 billion yen at the Japanese box office, "
                 "distributor Toho announced.",
                 "The film sold more than 4.5 million tickets in its first eleven weeks, making it the franchise's "
                 "biggest release.",
                 "Overseas screenings continue in North America through Crunchyroll."):
        assert line in e.text.splitlines()
    assert "garbage" not in e.text


def test_a_page_without_an_article_raises():
    with pytest.raises(NoArticleText, match="no article text"):
        extract("no_article.html")


def site_page(i: int, body: str) -> bytes:
    return (f'<html><head><title>Story {i} | Mecha Weekly</title><meta property="og:type" content="article">'
            f'<link rel="canonical" href="https://mecha.example/story-{i}/"></head><body>'
            f'<div class="masthead"><div class="motto">Giant robots, every single week since 2009</div></div>'
            f'<article><h1>Story {i}</h1><p>{body}</p><h2>Final Thoughts</h2>'
            f'<p>{CLOSERS[i % len(CLOSERS)]} closes the story with details that only this article has.</p>'
            f'<p class="disclosure">{DISCLOSURE}</p></article></body></html>').encode()


CLOSERS = ["Amuro", "Char", "Kamille", "Judau", "Setsuna", "Banagher", "Suletta", "Lelouch"]
MACROSS = ("A brand new Macross series was announced at the anniversary event, with Studio Nue designing the valkyries "
           "and a premiere planned for next spring on television and streaming services worldwide.")
DISCLOSURE = "Mecha Weekly is reader-supported: when you buy through links on our site, we may earn a commission."


def test_site_template_removes_repeated_chrome_but_keeps_recurring_headings():
    template = SiteTemplate("mecha.example")
    bodies = [f"Gundam news from {name}: the studio shared new designs and a release window." for name in CLOSERS[:6]]
    for i, body in enumerate(bodies):
        page = parse_page(site_page(i, body), f"https://mecha.example/story-{i}/")
        template.observe(page.document, page.tree)
    fresh = site_page(97, MACROSS)
    page = parse_page(fresh, "https://mecha.example/story-97/")
    lines = extract_article(fresh, "https://mecha.example/story-97/", template=template).text.splitlines()
    assert lines == [MACROSS, "Final Thoughts",
                     "Char closes the story with details that only this article has."]
    assert DISCLOSURE in extract_article(fresh, "https://mecha.example/story-97/").text.splitlines()
    assert page.document == "https://mecha.example/story-97/"


def test_variants_of_one_document_are_counted_once():
    template = SiteTemplate("mecha.example")
    for url in ("https://mecha.example/story-1/", "https://mecha.example/story-1/amp/", "https://mecha.example/story-1/?print=1"):
        page = parse_page(site_page(1, "Only one document."), url)
        template.observe(page.document, page.tree)
    assert template.pages == 1 and not template.chrome


def test_template_record_round_trip():
    template = SiteTemplate("mecha.example")
    for i in range(4):
        page = parse_page(site_page(i, f"Body {i} of the site."), f"https://mecha.example/story-{i}/")
        template.observe(page.document, page.tree)
    again = SiteTemplate.from_record(template.to_record())
    assert again.pages == 4 and again.chrome == template.chrome and again.chrome


def test_nested_author_boxes_are_removed_without_breaking_extraction():
    body = "".join(f"<p>Paragraph {n} of a long report about the new Evangelion exhibition in Tokyo this winter.</p>"
                   for n in ("one", "two", "three", "four"))
    html = (f'<html><head><title>Eva exhibition</title><meta name="author" content="Kaji Ryoji"></head><body><article>'
            f'<h1>Eva exhibition</h1><div class="article-body">{body}'
            f'<div class="about-wrap">ABOUT THE AUTHOR<h3>About the author</h3><p>Kaji Ryoji</p></div>'
            f'<p>Kaji Ryoji is a senior writer who covers mecha anime and model kits.</p></div></article></body></html>')
    e = extract_article(html.encode(), "https://news.example/eva/")
    assert len(e.text.splitlines()) == 4 and "about the author" not in e.text.lower()
    assert "senior writer" not in e.text and e.author == "Kaji Ryoji"


def test_body_split_into_chunks_between_ads_is_joined_in_order():
    from lxml.html import fromstring

    from pipelines.reassemble import join_split_body

    sentences = [f"Paragraph {word} of the long Chainsaw Man movie review, with details about the Reze arc, the fights "
                 f"and the music that only this part of the article has." for word in
                 ("one", "two", "three", "four", "five", "six")]
    chunks = ['<div class="body__chunk">' + "".join(f"<p>{s}</p>" for s in sentences[i:i + 2]) + "</div>"
              for i in (0, 2, 4)]
    ad = '<div class="ad-slot"><span>Advertisement</span></div>'
    tree = fromstring(f'<html><body><article><h1>Reze review</h1><div class="chunks">{chunks[0]}{ad}{chunks[1]}{ad}'
                      f'{chunks[2]}</div><div class="rail"><p>Short.</p></div></article></body></html>')
    join_split_body(tree)
    (body,) = tree.xpath("//div[@class='body__chunk']")
    assert [p.text for p in body.findall("p")] == sentences
    assert len(tree.xpath("//div[@class='ad-slot']")) == 2 and tree.xpath("//div[@class='rail']/p")


@pytest.mark.parametrize("logo", ["<h1>Latest in Gear</h1>", "<div class='logo'>Engadget</div>"])
def test_the_headline_is_the_articles_not_a_section_heading_or_the_site_name(logo):
    """A page without og:title whose only <h1> names a section: the headline comes from <title>,
    less the site's name read from the host."""
    paragraph = "We are told the city will keep the scooters running through the spring. " * 6
    html = (f"<html><head><title>Lyft extends free scooter rides for critical workers | Engadget</title></head>"
            f"<body><header>{logo}</header><article><h2>Lyft extends free scooter rides for critical workers</h2>"
            f"<p>{paragraph}</p><p>{paragraph}</p></article></body></html>")
    extracted = extract_article(html.encode(), "https://www.engadget.com/2020-04-30-lyft-scooters.html")
    assert extracted.title == "Lyft extends free scooter rides for critical workers"


def test_a_page_stating_no_date_in_its_metadata_is_dated_by_what_it_shows_before_pruning():
    """The byline carrying the date is pruned as an author box; the date is read from the whole
    page first, not from a date the body mentions."""
    paragraph = "Amazon's assistant now runs on speakers, lamps and thermostats made by other companies. " * 5
    html = ("<html><head><title>Six gadgets powered by Alexa</title></head><body>"
            "<div class='post-author'>Jane Doe · December 15, 2016</div>"
            f"<article><h1>Six gadgets powered by Alexa</h1><p>{paragraph}</p>"
            f"<p>{paragraph} Sales have doubled since August 18, 2016.</p></article></body></html>")
    extracted = extract_article(html.encode(), "https://www.example.com/tech/six-gadgets-alexa")
    assert extracted.published == "2016-12-15T00:00:00"


def test_a_page_asked_for_by_name_keeps_its_short_text_the_crawl_does_not():
    """`fanwire extract` gives a page's text however short (readability's one-word test page);
    the crawl's minimum keeps such stubs, found on the way, out of the archive."""
    html = b"<!DOCTYPE html><html><head><title>Note</title></head><body>Test</body></html>"
    assert extract_article(html, "https://notes.example/test").text == "Test"
    with pytest.raises(NoArticleText):
        extract_parsed(parse_page(html, "https://notes.example/test"))
