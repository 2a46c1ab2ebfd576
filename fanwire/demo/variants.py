"""Alternate renderings of one article: AMP, print layout and a WordPress comment list.

Each is what a CMS plugin would emit for a URL variant of the article; all point
back at the article with ``<link rel="canonical">`` (the comments are part of
the article page itself, their reply links being the variants).
"""
from __future__ import annotations

import random

from .content import Article
from .markup import attr, esc, html_response, news_article_ld, with_validators
from .model import DemoSite, Response

AMP_BOILERPLATE = (
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}"
    "to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;"
    "animation:none}</style></noscript>")
COMMENTERS = ("kenta_88", "Sora", "mochi-fan", "Lena B.", "ramen_ronin", "Hikari")
REMARKS = ("Can't wait for this one!", "Finally, some real news.", "The studio choice makes me hopeful.",
           "Does anyone know if this is coming to Europe too?", "Called it last month.",
           "The last season was a masterpiece, so expectations are high.")


def amp_article(site: DemoSite, a: Article, canonical_url: str, section: str, date_text: str) -> Response:
    """The AMP-plugin rendering: ``<html amp>``, boilerplate CSS and rel=canonical."""
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
    doc = (f'<!doctype html>\n<html amp lang="{site.lang}">\n<head>\n<meta charset="utf-8">\n'
           f"<title>{esc(a.headline)} &#8211; {esc(site.name)}</title>\n"
           f'<link rel="canonical" href="{attr(canonical_url)}">\n'
           '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
           '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
           f"{AMP_BOILERPLATE}\n<style amp-custom>body{{font-family:sans-serif}}.amp-wp-header{{padding:1em}}"
           f"</style>\n{news_article_ld(site, a, canonical_url, section)}\n</head>\n<body>\n"
           f'<header id="top" class="amp-wp-header"><div><a href="{site.url("/")}">{esc(site.name)}</a></div>'
           "</header>\n"
           f'<article class="amp-wp-article">\n<header class="amp-wp-article-header">'
           f'<h1 class="amp-wp-title">{esc(a.headline)}</h1>\n<div class="amp-wp-meta amp-wp-byline">'
           f'<span class="amp-wp-author author vcard">{esc(a.author)}</span></div>\n'
           f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{a.published.isoformat()}">{date_text}'
           f"</time></div></header>\n<div class=\"amp-wp-article-content\">\n{paras}\n</div>\n"
           f'<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">'
           f"Categories: {esc(section)}</div></footer>\n</article>\n"
           f'<footer class="amp-wp-footer"><div><p>&copy; 2025 {esc(site.name)}</p>'
           f'<a href="#top" class="back-to-top">Back to top</a></div></footer>\n</body>\n</html>\n')
    return with_validators(html_response(doc), a)


def print_article(site: DemoSite, a: Article, canonical_url: str, date_text: str) -> Response:
    """A print stylesheet's page: just the story, the byline and where it lives."""
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
    doc = (f'<!doctype html>\n<html lang="{site.lang}">\n<head>\n<meta charset="utf-8">\n'
           f"<title>{esc(a.headline)} - {esc(site.name)} (print)</title>\n"
           f'<link rel="canonical" href="{attr(canonical_url)}">\n<meta name="robots" content="noindex">\n'
           "<style>body{font:12pt/1.5 Georgia,serif;color:#000}@page{margin:2cm}</style>\n</head>\n"
           f'<body class="print">\n<article>\n<h1>{esc(a.headline)}</h1>\n<p class="byline">By {esc(a.author)} '
           f'<time datetime="{a.published.isoformat()}">{date_text}</time></p>\n{paras}\n</article>\n'
           f'<p class="print-source">Printed from {esc(site.name)}: {esc(canonical_url)}</p>\n'
           "<script>window.print()</script>\n</body>\n</html>\n")
    return with_validators(html_response(doc, charset="utf-8"), a)


def comment_ids(seed: int, host: str, a: Article) -> tuple[int, ...]:
    """IDs of the comments shown under ``a`` (the same two on every render)."""
    base = random.Random(f"{seed}:{host}:comments:{a.number}").randint(1000, 9000)
    return (base, base + 3)


def comment_list(seed: int, host: str, a: Article, url: str) -> str:
    """A WordPress comment list whose Reply links are ``?replytocom=ID`` variants of ``url``."""
    rng = random.Random(f"{seed}:{host}:comments:{a.number}:text")
    items = "".join(
        f'<li id="comment-{cid}" class="comment depth-1"><article id="div-comment-{cid}" class="comment-body">'
        f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(who)}</b> '
        f'<span class="says">says:</span></div></footer><div class="comment-content"><p>{esc(text)}</p></div>'
        f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="{attr(url)}?replytocom={cid}#respond"'
        f' aria-label="Reply to {attr(who)}">Reply</a></div></article></li>'
        for cid, who, text in zip(comment_ids(seed, host, a), rng.sample(COMMENTERS, 2), rng.sample(REMARKS, 2)))
    return (f'<h2 class="comments-title">2 thoughts on &ldquo;{esc(a.headline)}&rdquo;</h2>'
            f'<ol class="comment-list">{items}</ol>')
