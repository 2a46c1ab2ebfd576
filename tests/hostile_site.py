"""A deliberately hostile fan-news web on 127.0.0.1: every attack of issue 14 and the ones that
already held, next to ordinary articles that must come through untouched.

Two sites are crawled: `hostile.test` (the attacker, which also publishes ordinary news) and
`victim.test` (an ordinary site whose URLs and stories the attacker tries to take over). Nothing
else may ever be requested: the proxy logs every request on every host, including the other port
and hosts the attacks point at (`OFF_SITE`).

`ATTACKS` names each attack with the URL it is planted at and the `crawl_errors` kinds that
record it (empty when holding means archiving the page right, which `NORMAL` checks).
"""
from __future__ import annotations

import json
import random
import time
import zlib
from dataclasses import dataclass, field
from functools import cache
from html import escape
from http.server import BaseHTTPRequestHandler

import brotli

from tests.proxy_site import Answer, Hit, ProxySite

HOST = "hostile.test"
VICTIM = "victim.test"
SITES = (HOST, VICTIM)
#: Where the attacks point: the same host on another port, another host, a subdomain.
OFF_SITE = (f"{HOST}:18009", "127.0.0.1:18009", "evil.test", f"cdn.{HOST}")
START_URLS = [f"http://{HOST}/", f"http://{VICTIM}/"]
#: Decompressed size of each compression bomb: far over DOWNLOAD_MAXSIZE (8 MiB).
BOMB_BYTES = 256 * 1024 * 1024
#: Links on the flood page, all answering 404.
FLOOD_LINKS = 200_000
#: How long the slow page trickles before giving up (the crawl's timeout must fire first).
SLOW_SECONDS = 40

SERIES = [
    ("Frieren: Beyond Journey's End", "Madhouse", "the northern plateau arc"),
    ("The Apothecary Diaries", "TOHO animation Studio and OLM", "the rear palace intrigue"),
    ("Oshi no Ko", "Doga Kobo", "the stage play arc"),
    ("Dandadan", "Science SARU", "the cursed house arc"),
    ("Spy x Family", "Wit Studio and CloverWorks", "the cruise adventure"),
    ("Delicious in Dungeon", "Trigger", "the winged lion arc"),
    ("Kaiju No. 8", "Production I.G", "the Tachikawa base attack"),
    ("Solo Leveling", "A-1 Pictures", "the Jeju Island raid"),
    ("Mushoku Tensei: Jobless Reincarnation", "Studio Bind", "the Ranoa academy years"),
    ("Blue Lock", "Eight Bit", "the U-20 match"),
    ("Sakamoto Days", "TMS Entertainment", "the Order's arrival"),
    ("Zenshu", "MAPPA", "the film within the film"),
]


#: Sentence pools an article draws from, each naming its own series, studio and arc, so that no
#: paragraph repeats across articles (a paragraph on every page of a site is boilerplate).
OPENINGS = (
    "The official website for the anime adaptation of {series} announced on {day} that the next season will "
    "premiere in {month}, with {studio} returning to animate {arc} and the main cast reprising their roles.",
    "{studio} confirmed on {day} that production on {arc} is complete, and that the new season of {series} "
    "will reach television screens in {month} after a delay of several weeks.",
    "Fans of {series} finally have a date: the official account revealed on {day} that {arc} starts airing in "
    "{month}, again produced by {studio} with the director of the earlier seasons.",
)
MIDDLES = (
    "A new key visual for {arc} and a ninety-second trailer were unveiled at the same time, previewing the "
    "opening theme of {series} performed by {band}.",
    "The trailer shows the first scenes of {arc} and introduces {count} new characters, whose voice actors "
    "were announced at an event in {city} for {series}.",
    "{band} returns for the opening song, and the {count} episode season of {series} will cover {arc} in full, "
    "according to the booklet handed out in {city}.",
)
STAFF = (
    "The director of {series} said the staff spent more than a year on storyboards for {arc}, and that readers "
    "of the original manga would recognise chapters expanded for television.",
    "Series composition for {arc} is again by the writer who adapted the previous cour of {series}, and the "
    "character designs were refreshed by a new chief animation director at {studio}.",
)
CLOSINGS = (
    "Streaming services in North America and Europe will simulcast {series} on the day of its broadcast in "
    "Japan, and a dub of {arc} is planned to follow {count} weeks later.",
    "A collaboration cafe themed on {arc} opens in {city} during {month}, and {studio} will exhibit original "
    "artwork from {series} at the same time.",
    "A limited Blu-ray box of {series} with a booklet of designs from {arc} goes on sale in {month}, with an "
    "event for buyers held in {city}.",
)
DETAILS = {
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    "month": ("January", "April", "July", "October", "the autumn", "the spring"),
    "band": ("a rock band from Osaka", "the singer of the first opening", "an idol unit", "a jazz trio"),
    "count": ("two", "three", "five", "eleven", "twelve", "thirteen"),
    "city": ("Tokyo", "Osaka", "Nagoya", "Fukuoka", "Sapporo", "Kyoto"),
}


def paragraphs(k: int, series: str, studio: str, arc: str) -> list[str]:
    """Four ordinary news paragraphs about one series, different for every `k`."""
    rng = random.Random(k)
    values = {name: rng.choice(options) for name, options in DETAILS.items()}
    values.update(series=series, studio=studio, arc=arc)
    return [rng.choice(pool).format(**values) for pool in (OPENINGS, MIDDLES, STAFF, CLOSINGS)]


@dataclass
class Article:
    """An ordinary article: what the archive must hold for it, exactly."""

    url: str
    title: str
    paragraphs: list[str]
    published: str = "2025-03-01T09:00:00+00:00"
    author: str = "Staff Writer"
    lang: str = "en"
    jsonld: str | None = None  # replaces the page's JSON-LD block (raw text)
    head: str = ""  # extra <head> markup
    content_type: str = "text/html; charset=utf-8"
    encoding: str = "utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    inject: bytes = b""  # raw bytes spliced into the middle of the body (a stray byte)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def html(self) -> bytes:
        ld = self.jsonld if self.jsonld is not None else json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": self.title,
            "datePublished": self.published, "author": {"@type": "Person", "name": self.author}}).replace("</", "<\\/")
        body = "".join(f"<p>{escape(p)}</p>\n" for p in self.paragraphs)
        charset = self.content_type.partition("charset=")[2] or self.encoding
        page = (f'<!DOCTYPE html>\n<html lang="{self.lang}"><head><meta charset="{charset}">\n'
                f"<title>{escape(self.title)} | News</title>\n"
                f'<meta property="og:type" content="article">\n'
                f'<meta property="article:published_time" content="{self.published}">\n{self.head}'
                f'<script type="application/ld+json">{ld}</script>\n</head>\n'
                f'<body class="single"><header><nav><a href="/">Home</a></nav></header>\n'
                f"<main><article><h1>{escape(self.title)}</h1>\n{body}</article></main>\n"
                f"<footer><p>Copyright the site. All rights reserved.</p></footer></body></html>\n")
        data = page.encode(self.encoding)
        if self.inject:
            middle = data.index(b"</p>", len(data) // 2)
            data = data[:middle] + self.inject + data[middle:]
        return data

    def answer(self) -> Answer:
        return Answer(self.html(), content_type=self.content_type, headers=self.headers)


@dataclass
class Attack:
    """One attack: where it is planted and which `crawl_errors` kinds may record it."""

    name: str
    url: str
    kinds: tuple[str, ...] = ()
    note: str = ""


def _ordinary(site: str, first: int, count: int) -> list[Article]:
    out = []
    for k in range(first, first + count):
        series, studio, arc = SERIES[k]
        slug = series.lower().replace(":", "").replace("'", "").replace(".", "").replace(" ", "-")
        out.append(Article(f"http://{site}/news/2025/03/{slug}-new-season/",
                           f"{series} new season announced for April", paragraphs(k, series, studio, arc)))
    return out


HOSTILE_NORMAL = _ordinary(HOST, 0, 5)
VICTIM_NORMAL = _ordinary(VICTIM, 5, 4)
#: The victim's articles the attacker names as its own aliases and canonical URL.
CLAIMED = VICTIM_NORMAL[1:4]
#: The victim's article the attacker copies with an earlier date.
SCOOP = VICTIM_NORMAL[0]
JA_PARAGRAPHS = [
    "TVアニメ「葬送のフリーレン」第2期の放送時期が2026年1月に決定し、新たなキービジュアルとPVが公開された。",
    "第2期では北部高原の物語が描かれ、フリーレン、フェルン、シュタルクの三人が新たな仲間と出会う。",
    "監督は第1期に続いて斎藤圭一郎が務め、アニメーション制作もマッドハウスが引き続き担当する。",
    "公式サイトではキャストのコメントも公開され、放送を前に各地でコラボカフェや展示会が開催される予定だ。",
]


def _attack_articles() -> tuple[list[Article], list[Attack]]:
    h = f"http://{HOST}/news/2025/03"
    p = paragraphs
    arts: list[Article] = []
    attacks: list[Attack] = []

    def add(art: Article, name: str, kinds: tuple[str, ...] = (), note: str = "") -> None:
        arts.append(art)
        attacks.append(Attack(name, art.url, kinds, note))

    add(Article(f"{h}/broken-emoji-escape/", "Blue Lock film dated", p(20, "Blue Lock", "Eight Bit", "Nagi's story"),
                jsonld='{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Blue Lock film dated",'
                       ' "datePublished": "2025-03-02T10:00:00+00:00", "author": {"@type": "Person", "name": "Ann \\ud83d"}}'),
        "lone surrogate in JSON-LD", note="stored, author without the surrogate")
    add(Article(f"{h}/frieren-stray-byte/", "「葬送のフリーレン」第2期 2026年1月放送開始", JA_PARAGRAPHS, lang="ja",
                inject=b"\xff"), "UTF-8 page with one stray byte", note="decoded as UTF-8, not cp1252")
    add(Article(f"{h}/latin-label-utf8/", "Café Rémy collaboration: アニメ「推しの子」",
                p(21, "Oshi no Ko", "Doga Kobo", "the Café Rémy tie-in — 推しの子"),
                content_type="text/html; charset=iso-8859-15"),
        "iso-8859-15 label on UTF-8 bytes", note="decoded as UTF-8")
    add(Article(f"{h}/utf16-label-latin1/", "Crème brûlée café opens for Delicious in Dungeon",
                p(22, "Delicious in Dungeon", "Trigger", "the crème brûlée café"),
                content_type="text/html; charset=utf-16", encoding="latin-1"),
        "utf-16 label on latin-1 bytes", note="archived (or recorded)")
    add(Article(f"{h}/shortlink-hijack/", "Kaiju No. 8 stage play cast revealed",
                p(23, "Kaiju No. 8", "a theatre company", "the stage play"),
                head=(f'<link rel="shortlink" href="{CLAIMED[0].url}">\n'
                      f'<link rel="canonical" href="{CLAIMED[1].url}">\n'
                      f'<meta property="og:url" content="{CLAIMED[1].url}">\n'),
                headers={"Link": f"<{CLAIMED[2].url}>; rel=shortlink"}),
        "cross-site shortlink, canonical and og:url", note="victim URLs stay the victim's")
    add(Article(f"{h}/copied-scoop/", SCOOP.title, SCOOP.paragraphs, published="2020-01-01T00:00:00+00:00",
                author="Copycat"), "copy with an earlier datePublished", note="not the story's origin")
    add(Article(f"{h}/base-href-trick/", "Solo Leveling season 3 rumours addressed",
                p(24, "Solo Leveling", "A-1 Pictures", "the rumour mill"),
                head='<base href="http://evil.test/">\n'), "<base href> off-site", note="no request off-site")
    add(Article(f"{h}/huge-jsonld/", "Spy x Family movie tops box office",
                p(25, "Spy x Family", "CloverWorks", "the movie"),
                jsonld=json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                                   "headline": "Spy x Family movie tops box office",
                                   "description": "x" * (5 * 1024 * 1024)})),
        "5 MB JSON-LD string", note="archived from the DOM, memory bounded")
    add(Article(f"{h}/jsonld-type-number/", "Dandadan season 2 trailer", p(26, "Dandadan", "Science SARU", "season 2"),
                jsonld='{"@context": "https://schema.org", "@type": 5, "headline": {"x": 1}, "author": 5, '
                       '"datePublished": []}'), "JSON-LD of wrong types", note="archived")
    add(Article(f"{h}/jsonld-deep/", "Medalist wins an award", p(27, "Medalist", "ENGI", "the award"),
                jsonld="[" * 100_000 + "]" * 100_000), "100k nested JSON-LD arrays", note="archived")
    add(Article(f"{h}/date-year-one/", "Urusei Yatsura remake wraps", p(28, "Urusei Yatsura", "David Production", "the finale"),
                published="0001-01-01T00:00:00+00:00"), "date 0001", note="published not 0001")
    add(Article(f"{h}/date-year-9999/", "Beastars final season dated", p(29, "Beastars", "Orange", "the final season"),
                published="9999-12-31T23:59:59+00:00"), "date 9999", note="published not 9999")
    add(Article(f"{h}/xss-payloads/", "Golden Kamuy finale date revealed",
                p(30, "Golden Kamuy", "Brain's Base", "the finale") + [
                    "Quoted markup <script>window.__fanwire_xss=2</script> and <img src=x onerror=alert(1)> stays text."]),
        "XSS in the text", note="kept as text")
    return arts, attacks


ATTACK_ARTICLES, _ARTICLE_ATTACKS = _attack_articles()
#: Every page that must be archived with exactly its text.
NORMAL = [*HOSTILE_NORMAL, *VICTIM_NORMAL, *ATTACK_ARTICLES]

ATTACKS: list[Attack] = [
    *_ARTICLE_ATTACKS,
    Attack("redirect alias", f"http://{HOST}/old-news/", note="an alias of its target"),
    Attack("sitemap 302 to another port", f"http://{HOST}/sitemap-moved.xml", ("offsite",)),
    Attack("feed 302 to another port", f"http://{HOST}/feed-moved/", ("offsite",)),
    Attack("page 301 to another port", f"http://{HOST}/go/elsewhere/", ("offsite",)),
    Attack("page 301 to a subdomain", f"http://{HOST}/go/cdn/", ("offsite",)),
    Attack("link flood", f"http://{HOST}/flood/", ("link_flood", "trap")),
    Attack("10 kB query string", f"http://{HOST}/archive/?page_token=" + "a" * 10_000, ("url_too_long",)),
    Attack("XXE in a sitemap", f"http://{HOST}/sitemap-xxe.xml", note="no file read"),
    Attack("billion laughs in a sitemap", f"http://{HOST}/sitemap-lol.xml", note="no expansion"),
    Attack("gzip bomb", f"http://{HOST}/news/2025/03/gzip-bomb/", ("too_large",)),
    Attack("brotli bomb", f"http://{HOST}/news/2025/03/brotli-bomb/", ("too_large",)),
    Attack("zstd bomb", f"http://{HOST}/news/2025/03/zstd-bomb/", ("too_large",)),
    Attack("huge page", f"http://{HOST}/news/2025/03/huge-page/", ("too_large",)),
    Attack("slowloris", f"http://{HOST}/news/2025/03/slowloris/", ("timeout",)),
    Attack("binary body as HTML", f"http://{HOST}/news/2025/03/binary-body/", ("binary",)),
    Attack("server error", f"http://{HOST}/news/2025/03/server-error/", ("http_error",)),
    Attack("redirect loop", f"http://{HOST}/loop-a/", ("redirect_loop", "redirect_chain")),
]


@cache
def _bombs() -> dict[str, bytes]:
    zeros = b"\0" * BOMB_BYTES
    from backports import zstd  # Scrapy's own zstd decoder on Python < 3.14

    return {"gzip": _gzip(zeros), "br": brotli.compress(zeros, quality=5), "zstd": zstd.compress(zeros)}


def _gzip(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def _slow(handler: BaseHTTPRequestHandler) -> None:
    """Promise a page and send a byte a second (slowloris from the server's side)."""
    try:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>")
        for _ in range(SLOW_SECONDS):
            time.sleep(1)
            handler.wfile.write(b" ")
            handler.wfile.flush()
    except OSError:
        pass


def _home(site: str, articles: list[Article], extra: str = "", head: str = "") -> Answer:
    items = "".join(f'<li><a href="{a.url}">{escape(a.title)}</a></li>' for a in articles)
    return Answer(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{site} news</title>'
                  f'{head}</head>'
                  f'<body class="home"><h1>{site} news</h1><ul>{items}</ul>{extra}</body></html>')


def _sitemap(urls: list[str]) -> Answer:
    entries = "".join(f"<url><loc>{u}</loc><lastmod>2025-03-01</lastmod></url>" for u in urls)
    return Answer(f'<?xml version="1.0" encoding="UTF-8"?>\n'
                  f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>',
                  content_type="application/xml")


def _flood() -> Answer:
    links = "".join(f'<a href="/flood/i{i}">{i}</a>\n' for i in range(FLOOD_LINKS))
    return Answer(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Archive</title></head>'
                  f'<body class="archive"><h1>Everything</h1>{links}</body></html>')


XXE = ('<?xml version="1.0"?>\n<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
       '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
       f'<url><loc>http://{HOST}/news/&xxe;/</loc></url></urlset>')
LOL = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
       + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
       + f']>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://{HOST}/&lol9;/</loc>'
       + "</url></urlset>")


def build() -> ProxySite:
    """The hostile web, ready to serve with `tests.proxy_site.serve`."""
    site = ProxySite()
    add = site.add
    h = f"http://{HOST}"
    bombs = _bombs()
    for art in NORMAL:
        add(art.url, art.answer())
    attack_links = "".join(f'<a href="{a.url}">{escape(a.name)}</a> ' for a in ATTACKS if "sitemap" not in a.name
                           and "feed" not in a.name)
    add(f"{h}/", _home(HOST, [*HOSTILE_NORMAL, *ATTACK_ARTICLES], attack_links,
                       '<link rel="alternate" type="application/rss+xml" href="/feed-moved/">'))
    add(f"{h}/robots.txt", Answer(f"User-agent: *\nAllow: /\nSitemap: {h}/sitemap.xml\nSitemap: {h}/sitemap-moved.xml\n"
                                  f"Sitemap: {h}/sitemap-xxe.xml\nSitemap: {h}/sitemap-lol.xml\n",
                                  content_type="text/plain"))
    add(f"{h}/sitemap.xml", _sitemap([a.url for a in [*HOSTILE_NORMAL, *ATTACK_ARTICLES]]))
    add(f"{h}/sitemap-moved.xml", Answer("", status=302, headers={"Location": f"http://{HOST}:18009/sitemap.xml"}))
    add(f"{h}/feed-moved/", Answer("", status=302, headers={"Location": "http://127.0.0.1:18009/feed.xml"}))
    add(f"{h}/go/elsewhere/", Answer("", status=301, headers={"Location": f"http://{HOST}:18009/landing/"}))
    add(f"{h}/go/cdn/", Answer("", status=301, headers={"Location": f"http://cdn.{HOST}/landing/"}))
    add(f"{h}/old-news/", Answer("", status=301, headers={"Location": HOSTILE_NORMAL[0].url}))
    add(f"{h}/loop-a/", Answer("", status=302, headers={"Location": f"{h}/loop-b/"}))
    add(f"{h}/loop-b/", Answer("", status=302, headers={"Location": f"{h}/loop-a/"}))
    add(f"{h}/sitemap-xxe.xml", Answer(XXE, content_type="application/xml"))
    add(f"{h}/sitemap-lol.xml", Answer(LOL, content_type="application/xml"))
    add(f"{h}/flood/", _flood())
    for encoding, name in (("gzip", "gzip-bomb"), ("br", "brotli-bomb"), ("zstd", "zstd-bomb")):
        add(f"{h}/news/2025/03/{name}/", Answer(bombs[encoding], headers={"Content-Encoding": encoding}))
    add(f"{h}/news/2025/03/huge-page/", Answer(b"<html><body>" + b"<p>filler text</p>\n" * 500_000 + b"</body></html>"))
    add(f"{h}/news/2025/03/slowloris/", Answer(raw=_slow))
    add(f"{h}/news/2025/03/binary-body/", Answer(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64))
    add(f"{h}/news/2025/03/server-error/", Answer("<h1>Internal error</h1>", status=500))
    v = f"http://{VICTIM}"
    add(f"{v}/", _home(VICTIM, VICTIM_NORMAL))
    add(f"{v}/robots.txt", Answer(f"User-agent: *\nAllow: /\nSitemap: {v}/sitemap.xml\n", content_type="text/plain"))
    add(f"{v}/sitemap.xml", _sitemap([a.url for a in VICTIM_NORMAL]))
    site.fallback = _flood_item
    return site


def _flood_item(hit: Hit) -> Answer | None:
    return Answer("<h1>Not found</h1>", status=404) if "/flood/i" in hit.url else None
