"""Issue 15: what an article is about. News of a franchise's films, stage plays, games,
exhibitions, cafés, goods and manga keeps the series but names no season; one-word titles count
where the article shows they are titles; bands, dramas and phrases that share a title's words do
not tag. The last test crawls such articles and reads the archive's `article_series` rows."""
from __future__ import annotations

import pytest

from pipelines.catalog import load
from pipelines.tagging import SeriesMatcher
from tests.hijack_site import add_site, article, crawl, query
from tests.proxy_site import ProxySite, serve

MATCHER = SeriesMatcher(load())


def tagged(title: str, text: str = "") -> list[tuple[str, int | None]]:
    return sorted((t.series.title_ja, t.season) for t in MATCHER.tag(title, text))


@pytest.mark.parametrize("title, text, expected", [
    ("Jujutsu Kaisen Mobile Game Phantom Parade Launches Worldwide", "The game retells the anime's story.",
     [("呪術廻戦", None)]),
    ("「呪術廻戦」舞台化決定、2025年に上演", "舞台「呪術廻戦」の上演が決定した。", [("呪術廻戦", None)]),
    ("「葬送のフリーレン」原画展が開催", "TVアニメ「葬送のフリーレン」の原画展が東京で開催される。", [("葬送のフリーレン", None)]),
    ("「ダンジョン飯」ゲーム化決定", "TVアニメ「ダンジョン飯」のスマホゲームが配信される。", [("ダンジョン飯", None)]),
    ("「SPY×FAMILY」コラボカフェが開催", "TVアニメ「SPY×FAMILY」のコラボカフェが東京で開催。", [("SPY×FAMILY", None)]),
    ("Jujutsu Kaisen Manga Ends in September", "The manga's final chapter runs in Weekly Shonen Jump.",
     [("呪術廻戦", None)]),
    ("『ハイキュー!!』はなぜこれほど支持されるのか", "TVアニメ『ハイキュー!!』の人気を振り返る。", [("ハイキュー!!", None)]),
])
def test_other_media_keep_the_series_and_name_no_season(title, text, expected):
    assert tagged(title, text) == expected


def test_a_film_with_its_own_catalog_entry_is_tagged_with_it():
    assert tagged("Haikyu!!: The Dumpster Battle Film Tops Box Office", "The film earned 10 billion yen.") == [
        ("ハイキュー!! ゴミ捨て場の決戦", None)]


def test_a_studio_named_film_is_not_a_film():
    assert tagged("WITCH WATCH Anime Is Bones Film's Next TV Series", "It premieres in April.") == [
        ("ウィッチウォッチ", 1)]


@pytest.mark.parametrize("title, text, expected", [
    ("Medalist Anime Gets 2nd Season", "The figure skating anime returns.", [("メダリスト", 2)]),
    ("Kingdom Season 5 Premieres in January", "Kingdom returns with Studio Signpost.", [("キングダム", 5)]),
    ("Beastars Final Season Part 2 Trailer", "Netflix streams the second part.", [("BEASTARS", 3)]),
])
def test_one_word_titles_count_where_the_article_shows_a_title(title, text, expected):
    assert tagged(title, text) == expected


@pytest.mark.parametrize("title, text", [
    ("ORANGE RANGE Performs the New Opening Theme", "The band returns to anime."),
    ("Shinkai Wrote the Film's Script in Four Days, Film Producer Says", "The producer spoke at a festival."),
    ("The K-drama “Kingdom” Returns for a Third Season", "Netflix confirmed the drama."),
    ("Live-action drama \"Orange\" casts its lead", "Filming starts in May."),
    ("A Monster Hit: Anime Film Sells Out", "Orange season is here."),
    ("Is Osamake Worth Watching?", "The show divides fans. Kinema Citrus's adaptation leans into quiet moments."),
])
def test_bands_dramas_and_phrases_sharing_a_titles_words_do_not_tag(title, text):
    assert tagged(title, text) == []


NEWS = {
    "stage/": ("「呪術廻戦」舞台化決定、2025年に上演", ["舞台「呪術廻戦」の上演が決定した。", "キャストは後日発表される。"]),
    "overlord/": ("Overlord IV Anime Reveals Teaser, July Premiere",
                  ["The fourth season of Overlord premieres in July.", "Madhouse returns to animate it."]),
    "swordsmith/": ("「鬼滅の刃」刀鍛冶の里編、4月9日より放送開始",
                    ["TVアニメ「鬼滅の刃」刀鍛冶の里編の放送日が決定した。", "初回は1時間スペシャル。"]),
    "band/": ("ORANGE RANGE Performs the New Opening Theme", ["The band returns to anime with a new single."]),
}


def test_a_crawl_stores_the_series_and_seasons_articles_are_about(tmp_path):
    web = ProxySite()
    add_site(web, "http://news.test/", {path: article(title, paragraphs, "2023-03-01T10:00:00+00:00")
                                        for path, (title, paragraphs) in NEWS.items()})
    db = tmp_path / "archive.db"
    with serve(web) as proxy:
        crawl(proxy, db, "http://news.test/")
    rows = query(db, "SELECT a.url, s.title_ja, t.season FROM articles a "
                     "LEFT JOIN article_series t ON t.article_id = a.id LEFT JOIN series s ON s.id = t.series_id")
    assert sorted(rows) == [("http://news.test/band/", None, None), ("http://news.test/overlord/", "オーバーロード", 4),
                            ("http://news.test/stage/", "呪術廻戦", None), ("http://news.test/swordsmith/", "鬼滅の刃", 3)]
