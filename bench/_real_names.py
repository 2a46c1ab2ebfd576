"""The real-names set (bench/data/real_names.jsonl): loading it, resolving its labels to catalog
series, and serving it as a small fan-news site on 127.0.0.1 for a real crawl. The validation set
(real_names_validation.jsonl) has the same format and labelling rules, and other articles: it was
written apart, then used for tuning. The test set (real_names_test.jsonl) is written the same way and
held out: it is not used to tune the tagger.

A label names a series by the bangumi-data title of the franchise's first TV entry (or of the
film, for a franchise that is only a film). It resolves to the catalog series that holds an entry
with that exact title, so labels stay valid however the catalog groups entries into series. A
film's label also names the film's own entry (`film`): a tag on the series that holds it counts
too, since the catalog may keep a film as its own series.
"""
from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.proxy_site import Answer, ProxySite

DATA = Path(__file__).resolve().parent / "data" / "real_names.jsonl"
VALIDATION = DATA.with_name("real_names_validation.jsonl")
TEST = DATA.with_name("real_names_test.jsonl")
SET4 = DATA.with_name("real_names_set4.jsonl")
SET5 = DATA.with_name("real_names_set5.jsonl")
SET6 = DATA.with_name("real_names_set6.jsonl")
SET7 = DATA.with_name("real_names_set7.jsonl")
SET8 = DATA.with_name("real_names_set8.jsonl")
SET9 = DATA.with_name("real_names_set9.jsonl")
SET10 = DATA.with_name("real_names_set10.jsonl")
SET11 = DATA.with_name("real_names_set11.jsonl")
SET12 = DATA.with_name("real_names_set12.jsonl")
SET13 = DATA.with_name("real_names_set13.jsonl")
SET14 = DATA.with_name("real_names_set14.jsonl")
SET15 = DATA.with_name("real_names_set15.jsonl")
SET16 = DATA.with_name("real_names_set16.jsonl")
SET17 = DATA.with_name("real_names_set17.jsonl")
SET18 = DATA.with_name("real_names_set18.jsonl")
SET19 = DATA.with_name("real_names_set19.jsonl")
SET20 = DATA.with_name("real_names_set20.jsonl")
SET21 = DATA.with_name("real_names_set21.jsonl")
SET22 = DATA.with_name("real_names_set22.jsonl")
SET23 = DATA.with_name("real_names_set23.jsonl")
SET24 = DATA.with_name("real_names_set24.jsonl")
SET25 = DATA.with_name("real_names_set25.jsonl")
SET26 = DATA.with_name("real_names_set26.jsonl")
SET27 = DATA.with_name("real_names_set27.jsonl")
SET28 = DATA.with_name("real_names_set28.jsonl")
SET29 = DATA.with_name("real_names_set29.jsonl")
SET30 = DATA.with_name("real_names_set30.jsonl")
SET31 = DATA.with_name("real_names_set31.jsonl")
SET32 = DATA.with_name("real_names_set32.jsonl")
SET33 = DATA.with_name("real_names_set33.jsonl")
SET34 = DATA.with_name("real_names_set34.jsonl")
SET35 = DATA.with_name("real_names_set35.jsonl")
SET36 = DATA.with_name("real_names_set36.jsonl")
SET37 = DATA.with_name("real_names_set37.jsonl")
SET38 = DATA.with_name("real_names_set38.jsonl")
SET39 = DATA.with_name("real_names_set39.jsonl")
SET40 = DATA.with_name("real_names_set40.jsonl")
SET41 = DATA.with_name("real_names_set41.jsonl")
SET42 = DATA.with_name("real_names_set42.jsonl")
SET43 = DATA.with_name("real_names_set43.jsonl")
SET44 = DATA.with_name("real_names_set44.jsonl")
SET45 = DATA.with_name("real_names_set45.jsonl")
SET46 = DATA.with_name("real_names_set46.jsonl")
SET47 = DATA.with_name("real_names_set47.jsonl")
SET48 = DATA.with_name("real_names_set48.jsonl")
SET49 = DATA.with_name("real_names_set49.jsonl")
SET50 = DATA.with_name("real_names_set50.jsonl")
SET51 = DATA.with_name("real_names_set51.jsonl")
SET52 = DATA.with_name("real_names_set52.jsonl")
SET53 = DATA.with_name("real_names_set53.jsonl")
SET54 = DATA.with_name("real_names_set54.jsonl")
SET55 = DATA.with_name("real_names_set55.jsonl")
SET56 = DATA.with_name("real_names_set56.jsonl")
SET57 = DATA.with_name("real_names_set57.jsonl")
SET58 = DATA.with_name("real_names_set58.jsonl")
SET59 = DATA.with_name("real_names_set59.jsonl")
SET60 = DATA.with_name("real_names_set60.jsonl")
SET61 = DATA.with_name("real_names_set61.jsonl")
SET62 = DATA.with_name("real_names_set62.jsonl")
SET63 = DATA.with_name("real_names_set63.jsonl")
SET64 = DATA.with_name("real_names_set64.jsonl")
SET65 = DATA.with_name("real_names_set65.jsonl")
SET66 = DATA.with_name("real_names_set66.jsonl")
SET67 = DATA.with_name("real_names_set67.jsonl")
SET68 = DATA.with_name("real_names_set68.jsonl")
SET69 = DATA.with_name("real_names_set69.jsonl")
SET70 = DATA.with_name("real_names_set70.jsonl")
SET71 = DATA.with_name("real_names_set71.jsonl")
SET72 = DATA.with_name("real_names_set72.jsonl")
SET73 = DATA.with_name("real_names_set73.jsonl")
SET74 = DATA.with_name("real_names_set74.jsonl")
SET75 = DATA.with_name("real_names_set75.jsonl")
SET76 = DATA.with_name("real_names_set76.jsonl")
SET77 = DATA.with_name("real_names_set77.jsonl")
SET78 = DATA.with_name("real_names_set78.jsonl")
SET79 = DATA.with_name("real_names_set79.jsonl")
SET80 = DATA.with_name("real_names_set80.jsonl")
SET81 = DATA.with_name("real_names_set81.jsonl")
SET82 = DATA.with_name("real_names_set82.jsonl")
SET83 = DATA.with_name("real_names_set83.jsonl")
SET84 = DATA.with_name("real_names_set84.jsonl")
SET85 = DATA.with_name("real_names_set85.jsonl")
SET86 = DATA.with_name("real_names_set86.jsonl")
SET87 = DATA.with_name("real_names_set87.jsonl")
SET88 = DATA.with_name("real_names_set88.jsonl")
SET89 = DATA.with_name("real_names_set89.jsonl")
SET90 = DATA.with_name("real_names_set90.jsonl")
SET91 = DATA.with_name("real_names_set91.jsonl")
SET92 = DATA.with_name("real_names_set92.jsonl")
SET93 = DATA.with_name("real_names_set93.jsonl")
SET94 = DATA.with_name("real_names_set94.jsonl")
SET95 = DATA.with_name("real_names_set95.jsonl")
SET96 = DATA.with_name("real_names_set96.jsonl")
SET97 = DATA.with_name("real_names_set97.jsonl")
SET98 = DATA.with_name("real_names_set98.jsonl")
SET99 = DATA.with_name("real_names_set99.jsonl")
SET100 = DATA.with_name("real_names_set100.jsonl")
SET101 = DATA.with_name("real_names_set101.jsonl")
SET102 = DATA.with_name("real_names_set102.jsonl")
SET103 = DATA.with_name("real_names_set103.jsonl")
SET104 = DATA.with_name("real_names_set104.jsonl")
SET105 = DATA.with_name("real_names_set105.jsonl")
SET106 = DATA.with_name("real_names_set106.jsonl")
SET107 = DATA.with_name("real_names_set107.jsonl")
SET108 = DATA.with_name("real_names_set108.jsonl")
SET109 = DATA.with_name("real_names_set109.jsonl")
SET110 = DATA.with_name("real_names_set110.jsonl")
SET111 = DATA.with_name("real_names_set111.jsonl")
SET112 = DATA.with_name("real_names_set112.jsonl")
SET113 = DATA.with_name("real_names_set113.jsonl")
SET114 = DATA.with_name("real_names_set114.jsonl")
SET115 = DATA.with_name("real_names_set115.jsonl")
SET116 = DATA.with_name("real_names_set116.jsonl")
SET117 = DATA.with_name("real_names_set117.jsonl")
SET118 = DATA.with_name("real_names_set118.jsonl")
SET119 = DATA.with_name("real_names_set119.jsonl")
SET120 = DATA.with_name("real_names_set120.jsonl")
SET121 = DATA.with_name("real_names_set121.jsonl")
SET122 = DATA.with_name("real_names_set122.jsonl")
SET123 = DATA.with_name("real_names_set123.jsonl")
SET124 = DATA.with_name("real_names_set124.jsonl")
SET125 = DATA.with_name("real_names_set125.jsonl")
SET126 = DATA.with_name("real_names_set126.jsonl")
SET127 = DATA.with_name("real_names_set127.jsonl")
SET128 = DATA.with_name("real_names_set128.jsonl")
SET129 = DATA.with_name("real_names_set129.jsonl")
SET130 = DATA.with_name("real_names_set130.jsonl")
SET131 = DATA.with_name("real_names_set131.jsonl")
SET132 = DATA.with_name("real_names_set132.jsonl")
SET133 = DATA.with_name("real_names_set133.jsonl")
SET134 = DATA.with_name("real_names_set134.jsonl")
SET135 = DATA.with_name("real_names_set135.jsonl")
SET136 = DATA.with_name("real_names_set136.jsonl")
SET137 = DATA.with_name("real_names_set137.jsonl")
SET138 = DATA.with_name("real_names_set138.jsonl")
SET139 = DATA.with_name("real_names_set139.jsonl")
SET140 = DATA.with_name("real_names_set140.jsonl")
SET141 = DATA.with_name("real_names_set141.jsonl")
SET142 = DATA.with_name("real_names_set142.jsonl")
SET143 = DATA.with_name("real_names_set143.jsonl")
SET144 = DATA.with_name("real_names_set144.jsonl")
SET145 = DATA.with_name("real_names_set145.jsonl")
SET146 = DATA.with_name("real_names_set146.jsonl")
SET147 = DATA.with_name("real_names_set147.jsonl")
SET148 = DATA.with_name("real_names_set148.jsonl")
SET149 = DATA.with_name("real_names_set149.jsonl")
SET150 = DATA.with_name("real_names_set150.jsonl")
SET151 = DATA.with_name("real_names_set151.jsonl")
SET152 = DATA.with_name("real_names_set152.jsonl")
SET153 = DATA.with_name("real_names_set153.jsonl")
SET154 = DATA.with_name("real_names_set154.jsonl")
SET155 = DATA.with_name("real_names_set155.jsonl")
SET156 = DATA.with_name("real_names_set156.jsonl")
SET157 = DATA.with_name("real_names_set157.jsonl")
SET158 = DATA.with_name("real_names_set158.jsonl")
SET159 = DATA.with_name("real_names_set159.jsonl")
SET160 = DATA.with_name("real_names_set160.jsonl")
SET161 = DATA.with_name("real_names_set161.jsonl")
SET162 = DATA.with_name("real_names_set162.jsonl")
SET163 = DATA.with_name("real_names_set163.jsonl")
SET164 = DATA.with_name("real_names_set164.jsonl")
SET165 = DATA.with_name("real_names_set165.jsonl")
SET166 = DATA.with_name("real_names_set166.jsonl")
SET167 = DATA.with_name("real_names_set167.jsonl")
SET168 = DATA.with_name("real_names_set168.jsonl")
SET169 = DATA.with_name("real_names_set169.jsonl")
SET170 = DATA.with_name("real_names_set170.jsonl")
SET171 = DATA.with_name("real_names_set171.jsonl")
SET172 = DATA.with_name("real_names_set172.jsonl")
SET173 = DATA.with_name("real_names_set173.jsonl")
SET174 = DATA.with_name("real_names_set174.jsonl")
SET175 = DATA.with_name("real_names_set175.jsonl")
SET176 = DATA.with_name("real_names_set176.jsonl")
SET177 = DATA.with_name("real_names_set177.jsonl")
SET178 = DATA.with_name("real_names_set178.jsonl")
SET179 = DATA.with_name("real_names_set179.jsonl")
SET180 = DATA.with_name("real_names_set180.jsonl")
SET181 = DATA.with_name("real_names_set181.jsonl")
HOST = "realnames.test"


@dataclass(frozen=True)
class Label:
    """A series the article is about (a bangumi-data title), the season meant, and the film's entry."""

    series: str
    season: int | None
    film: str | None = None


@dataclass(frozen=True)
class Article:
    """One article of the set with its expected (series title, season) labels."""

    id: str
    lang: str
    published: str
    headline: str
    body: str
    source: str
    labels: tuple[Label, ...]

    @property
    def path(self) -> str:
        return f"/news/{self.published[:7].replace('-', '/')}/{self.id}/"


def load(path: Path = DATA) -> list[Article]:
    """The articles of the set, in file order."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels = tuple(Label(label["series"], label["season"], label.get("film")) for label in row["labels"])
            articles.append(Article(row["id"], row["lang"], row["published"], row["headline"], row["body"],
                                    row["source"], labels))
    return articles


def series_by_title(entries: Iterable[tuple[int, str]]) -> dict[str, set[int]]:
    """Entry title → ids of the series holding an entry of that title, from (series_id, title) pairs."""
    index: dict[str, set[int]] = {}
    for series_id, title in entries:
        index.setdefault(title.strip(), set()).add(series_id)
    return index


def _page(title: str, lang: str, head: str, main: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)} | '
            f'Real Names Anime News</title>{head}</head>\n<body><header><a href="/">Real Names Anime News</a> '
            f'<nav><a href="/">Latest</a></nav></header>\n{main}\n'
            '<footer><p>Real Names Anime News, a test site for fanwire. Not a real publication.</p></footer>'
            '</body></html>')


def article_page(article: Article) -> str:
    """An article page as news sites publish it: og:type article and JSON-LD NewsArticle."""
    published = f"{article.published}T09:00:00+09:00"
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.headline,
                     "datePublished": published, "inLanguage": article.lang,
                     "author": {"@type": "Person", "name": "Staff"}}, ensure_ascii=False).replace("</", "<\\/")
    head = (f'<meta property="og:type" content="article"><meta property="og:title" '
            f'content="{html.escape(article.headline)}"><meta property="article:published_time" content="{published}">'
            f'<script type="application/ld+json">{ld}</script>')
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(article))
    main = (f'<main><article><h1>{html.escape(article.headline)}</h1><time datetime="{published}">'
            f'{article.published}</time>{paragraphs}</article></main>')
    return _page(article.headline, article.lang, head, main)


def _paragraphs(article: Article) -> list[str]:
    """The body as two paragraphs: its first sentence, then the rest (as short news items read)."""
    stop = "。" if article.lang == "ja" else ". "
    first, sep, rest = article.body.partition(stop)
    return [first + sep.strip(), rest] if rest else [article.body]


def home_page(articles: list[Article]) -> str:
    items = "".join(f'<li><a href="{a.path}">{html.escape(a.headline)}</a> <time>{a.published}</time></li>'
                    for a in sorted(articles, key=lambda a: a.published, reverse=True))
    return _page("Latest news", "en", "", f"<main><h1>Latest news</h1><ul>{items}</ul></main>")


def site(articles: list[Article]) -> ProxySite:
    """The routes of the site: a home page linking every article, and one page per article."""
    routes = {f"http://{HOST}/": Answer(home_page(articles)),
              f"http://{HOST}/robots.txt": Answer("User-agent: *\nAllow: /\n", content_type="text/plain")}
    routes.update({f"http://{HOST}{a.path}": Answer(article_page(a)) for a in articles})
    return ProxySite(routes)
