"""Article-or-listing decisions on small pages of different shapes."""
from parsel import Selector

from scraper.pagetype import classify

PARAS = "".join(f"<p>Paragraph {i} about the new season, the studio, the staff and the cast list.</p>" for i in range(12))


def kind(html: str) -> bool:
    return classify(Selector(text=html)).is_article


def test_open_graph_article():
    assert kind('<html><head><meta property="og:type" content="article"></head><body><h1>A</h1><p>x</p></body></html>')


def test_json_ld_in_graph():
    ld = '{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["BlogPosting"]}]}'
    assert kind(f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>')


def test_bare_blog_post_without_metadata():
    html = f'<html><body><main><article><h1>Frieren season 2</h1><p class="byline">By Ann <time datetime="2025-01-02">Jan 2</time></p>{PARAS}</article></main></body></html>'
    assert kind(html)


def test_listing_of_teasers():
    teasers = "".join(f'<article><h2><a href="/p/{i}/">Story {i}</a></h2><time datetime="2025-01-0{i}">x</time><p>Teaser text.</p></article>' for i in range(1, 6))
    assert not kind(f'<html><head><meta property="og:type" content="website"></head><body class="home blog"><h1>Site</h1>{teasers}</body></html>')


def test_article_with_related_post_teasers_stays_an_article():
    related = "".join(f'<article><h3><a href="/p/{i}/">Related {i}</a></h3></article>' for i in range(6))
    html = (f'<html><head><meta property="og:type" content="article"><meta property="article:published_time" content="2025-01-01">'
            f'</head><body class="single single-post"><article><h1>Main</h1>{PARAS}</article>{related}</body></html>')
    assert kind(html)


def test_soft_404_is_not_an_article():
    html = f'<html><head><title>Page not found - Site</title></head><body class="error404"><h1>Oops</h1><time datetime="2025-01-01"></time>{PARAS}</body></html>'
    assert not kind(html)


def test_category_archive_body_class():
    assert not kind('<html><body class="archive category category-news"><h1>News</h1><p>Latest news.</p></body></html>')


def test_long_body_on_an_unmarked_page_with_an_article_url():
    body = "".join(f"<p>{'Word ' * 60}{i}</p>" for i in range(6))
    html = f'<html><head><meta property="og:type" content="website"></head><body><h1>A</h1><h1>B</h1><div class="c">{body}</div></body></html>'
    assert classify(Selector(text=html), "https://news.test/news/company-announces-new-anime-project").is_article


def test_navigation_url_outweighs_a_long_text_block():
    body = "".join(f"<p>{'Word ' * 60}{i}</p>" for i in range(6))
    html = f'<html><head><meta property="og:type" content="website"></head><body><div>{body}</div></body></html>'
    assert not classify(Selector(text=html), "https://news.test/category/news/").is_article
    assert not classify(Selector(text=html), "https://news.test/").is_article
