"""A site of hostile single pages for crawl tests, on `tests.proxy_site`: each article attacks
extraction with its bytes (charset lies, stray bytes), its JSON-LD (huge, deep, mistyped, broken
escapes) or its dates (0001-01-01, 9999-12-31). Every article still has a normal, readable body, so
the test can demand that each one is archived with the right text.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from tests.proxy_site import Answer, ProxySite

HOST = "hostile-pages.test"
ROOT = f"http://{HOST}/"


@dataclass
class Page:
    """One hostile article: its path, what it serves and what the archive must hold for it."""

    path: str
    title: str
    body_text: str
    answer: Answer
    published: str | None = None
    published_raw: str | None = None

    @property
    def url(self) -> str:
        return ROOT + self.path.lstrip("/")


def _html(title: str, text: str, head: str = "", charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title} | Hostile Pages</title>"
            f'<meta property="og:type" content="article">{head}</head>'
            f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>")


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


EN = ("The studio confirmed on Tuesday that the fantasy series will return for a second season in January, "
      "with the original staff and cast returning for the new episodes and a new key visual for the fans.")
JA = ("「葬送のフリーレン」第2期の放送が2026年1月に決定しました。新しいキービジュアルとPVも公開され、"
      "アニメーション制作はマッドハウスが引き続き担当します。主要キャストも第1期から続投します。")
FR = ("La deuxième saison sera diffusée en janvier 2026 : le studio a dévoilé une nouvelle affiche et une "
      "bande-annonce, et l'équipe d'origine reste aux commandes de l'œuvre la plus attendue de l'hiver.")


def pages() -> list[Page]:
    ja_title = "葬送のフリーレン第2期決定"
    utf8_stray = _html(ja_title, JA).encode().replace("第2期の放送".encode(), "第2期の".encode() + b"\xff" + "放送".encode())
    return [
        Page("/news/2025/utf8-with-a-stray-byte/", ja_title, JA.replace("第2期の放送", "第2期の\ufffd放送"),
             Answer(utf8_stray, content_type="text/html")),
        Page("/news/2025/latin9-label-on-utf8/", "La deuxième saison de Frieren", FR,
             Answer(_html("La deuxième saison de Frieren", FR, charset="iso-8859-15").encode(),
                    content_type="text/html; charset=iso-8859-15")),
        Page("/news/2025/utf16-label-on-latin1/", "Une deuxième saison pour Frieren", FR.replace("œ", "oe"),
             Answer(_html("Une deuxième saison pour Frieren", FR.replace("œ", "oe"), charset=None).encode("latin-1"),
                    content_type="text/html; charset=utf-16")),
        Page("/news/2025/jsonld-type-is-a-number/", "Frieren season two confirmed", EN,
             Answer(_html("Frieren season two confirmed", EN,
                          _ld('{"@type": 5, "headline": {"x": 1}, "author": 5, "datePublished": []}')))),
        Page("/news/2025/jsonld-nested-100k-deep/", "Frieren returns in January", EN,
             Answer(_html("Frieren returns in January", EN, _ld("[" * 100_000 + "]" * 100_000)))),
        Page("/news/2025/jsonld-of-5-megabytes/", "Frieren key visual revealed", EN,
             Answer(_html("Frieren key visual revealed", EN,
                          _ld(json.dumps({"@type": "NewsArticle", "articleBody": "x" * 5_000_000}))))),
        Page("/news/2025/jsonld-broken-emoji-escape/", "Frieren cast interview", EN,
             Answer(_html("Frieren cast interview", EN,
                          _ld('{"@type": "NewsArticle", "author": "Ann \\ud83d", "headline": "Frieren cast interview\\u0000",'
                              ' "datePublished": "2025-03-01T10:00:00+09:00"}'))),
             published="2025-03-01T10:00:00+09:00", published_raw="2025-03-01T10:00:00+09:00"),
        Page("/news/2025/dated-year-one/", "Frieren soundtrack release", EN,
             Answer(_html("Frieren soundtrack release", EN,
                          '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
                          '<meta property="article:modified_time" content="0001-01-01T00:00:00Z">')),
             published_raw="0001-01-01T00:00:00Z"),
        Page("/news/2025/dated-year-9999/", "Frieren stage play announced", EN,
             Answer(_html("Frieren stage play announced", EN,
                          _ld('{"@type": "NewsArticle", "datePublished": "9999-12-31T23:59:59Z",'
                              ' "dateModified": "9999-12-31T23:59:59Z"}'))),
             published_raw="9999-12-31T23:59:59Z"),
    ]


def site(articles: list[Page] | None = None) -> ProxySite:
    """The site: a home page linking every article, and the articles."""
    articles = pages() if articles is None else articles
    links = "".join(f'<li><a href="{p.path}">{p.title}</a></li>' for p in articles)
    routes = {ROOT: Answer(f"<!DOCTYPE html><html><head><title>Hostile Pages</title></head>"
                           f"<body><h1>Hostile Pages</h1><ul>{links}</ul></body></html>")}
    routes.update({p.url: p.answer for p in articles})
    return ProxySite(routes=routes)
