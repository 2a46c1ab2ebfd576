"""Series and season tagging on short articles, in English and Japanese."""
from __future__ import annotations

import random

import pytest

from pipelines.aliases import CuratedRow
from pipelines.catalog import build
from pipelines.tagging import SeriesMatcher, _fold_char, normalize


def item(title, en=None, kind="tv", year=2020, mal=None):
    return {"title": title, "titleTranslate": {"en": [en]} if en else {}, "type": kind,
            "begin": f"{year}-01-01T00:00:00.000Z", "sites": [{"site": "mal", "id": mal}] if mal else []}


CATALOG = build([
    item("【推しの子】", "Oshi no Ko", year=2023, mal="52034"),
    item("【推しの子】 第2期", "Oshi no Ko Season 2", year=2024, mal="55791"),
    item("進撃の巨人", "Attack on Titan", year=2013),
    item("進撃の巨人 Season 2", "Attack on Titan Season 2", year=2017),
    item("進撃の巨人 Season 3", "Attack on Titan Season 3", year=2018),
    item("進撃の巨人 The Final Season", "Attack on Titan The Final Season", year=2020),
    item("呪術廻戦", "Jujutsu Kaisen", year=2020),
    item("呪術廻戦 第2期", "Jujutsu Kaisen Season 2", year=2023),
    item("呪術廻戦 第3期", "Jujutsu Kaisen Season 3", year=2026),
    item("MONSTER", "Monster", year=2004),
    item("葬送のフリーレン", "Frieren: Beyond Journey's End", year=2023),
    item("劇場版 呪術廻戦 0", "Jujutsu Kaisen 0", kind="movie", year=2021),
])
MATCHER = SeriesMatcher(CATALOG)


def tags(title, text=""):
    return sorted((t.series.title, t.season) for t in MATCHER.tag(title, text))


@pytest.mark.parametrize("title", [
    "Oshi no Ko Season 2 reveals its opening theme",
    "Oshi no Ko 2nd Season reveals its opening theme",
    "Oshi no Ko second season reveals its opening theme",
    "OSHI NO KO S2 reveals its opening theme",
    "It's official: Oshi no Ko is coming back for season 2",
    "【推しの子】第2期、オープニング主題歌を発表",
    "『推しの子』2期の新ビジュアル公開",
    "「推しの子」シーズン2の放送日が決定",
])
def test_season_two_forms(title):
    assert tags(title) == [("Oshi no Ko", 2)]


def test_split_cour_names_the_season():
    assert tags("Jujutsu Kaisen Season 3 Part 2 gets a January premiere") == [("Jujutsu Kaisen", 3)]


def test_final_season_follows_the_last_numbered_season():
    assert tags("Attack on Titan Final Season trailer released") == [("Attack on Titan", 4)]
    assert tags("『進撃の巨人』ファイナルシーズン、新PV公開") == [("Attack on Titan", 4)]


def test_first_season_news_and_reviews_are_season_one():
    assert tags("Review: Frieren: Beyond Journey's End episode 5") == [("Frieren: Beyond Journey's End", 1)]
    assert tags("TVアニメ『葬送のフリーレン』第5話の先行カット公開") == [("Frieren: Beyond Journey's End", 1)]


@pytest.mark.parametrize("title", [
    "Jujutsu Kaisen manga surpasses 100 million copies in circulation",
    "Jujutsu Kaisen scale figures open for preorder",
    "5 reasons Jujutsu Kaisen is the best anime you are not watching",
    "『呪術廻戦』原作コミックス累計発行部数が1億部突破",
])
def test_manga_merchandise_and_opinion_have_no_season(title):
    assert tags(title) == [("Jujutsu Kaisen", None)]


def test_film_news_tags_the_film():
    assert tags("Jujutsu Kaisen 0 film passes 10 billion yen at the box office") == [("Jujutsu Kaisen 0", None)]


def test_distractor_words_are_not_series():
    text = ("The real monster of this season might be the production schedule. "
            "Fans say the villain is a monster. Oshi no Ko Season 2 keeps its pace.")
    assert tags("Oshi no Ko Season 2 episode 3 review", text) == [("Oshi no Ko", 2)]
    assert tags("MONSTER anime gets a 4K Blu-ray box") == [("Monster", 1)]


def test_roundup_tags_every_series_with_its_season():
    text = ("1. Oshi no Ko Season 2\nThe idol drama returns.\n"
            "2. Jujutsu Kaisen Season 2\nGojo's past arc.\n"
            "3. Frieren: Beyond Journey's End\nA quiet fantasy about time.")
    assert tags("Summer 2024 anime lineup: 3 shows you should not miss", text) == [
        ("Frieren: Beyond Journey's End", 1), ("Jujutsu Kaisen", 2), ("Oshi no Ko", 2)]


def test_an_article_about_no_series():
    assert tags("Anime Expo 2025 attendance sets a record",
                "More than 400,000 fans visited the convention in Los Angeles this year.") == []


def test_crawled_articles_are_tagged_and_exportable_by_series(crawl, truth):
    import json
    import sqlite3
    from contextlib import closing

    from tests.helpers import fanwire

    with closing(sqlite3.connect(crawl.db)) as conn:
        tagged = conn.execute("SELECT count(DISTINCT article_id) FROM article_series").fetchone()[0]
        (series, season, count), = conn.execute(
            "SELECT s.title, t.season, count(*) FROM article_series t JOIN series s ON s.id = t.series_id "
            "WHERE t.season IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1").fetchall()
    assert tagged > 0
    result = fanwire("export", "--db", str(crawl.db), "--series", series, "--season", str(season), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == count and all(season in r["seasons"][series] and series in r["series"] and r["season"] == season
                                      for r in rows)
    assert fanwire("export", "--db", str(crawl.db), "--season", "2").returncode == 2


def test_news_naming_no_season_is_about_the_season_begun_by_its_date():
    matcher = SeriesMatcher(CATALOG)

    def season(published):
        return [(t.season, t.evidence) for t in matcher.tag("Jujutsu Kaisen anime reveals a new visual", "", published)]

    assert season("2021-05-01T09:00:00+00:00") == [(1, "dated")]
    assert season("2023-06-01T09:00:00+00:00") == [(2, "dated")]
    assert season("2022-10-15T09:00:00+00:00") == [(2, "dated")]  # within NEWS_LEAD_DAYS of season 2
    assert season(None) == [(1, "default")]
    manga = matcher.tag("Jujutsu Kaisen Manga Ends in September", "", "2023-06-01T09:00:00+00:00")
    assert [(t.season, t.evidence) for t in manga] == [(None, "default")]


def test_a_shared_name_means_the_series_the_article_also_names_on_its_own():
    def entry(title, english, begin):
        return {"title": title, "titleTranslate": {"en": english}, "type": "tv", "begin": begin, "sites": []}

    matcher = SeriesMatcher(build([
        entry("うる星やつら", ["Urusei Yatsura", "Lum the Invader Girl"], "1981-10-14T00:00:00.000Z"),
        entry("うる星やつら(2022)", ["Urusei Yatsura"], "2022-10-13T00:00:00.000Z"),
    ]))

    def began(text):
        return [t.series.entries[0].begin for t in matcher.tag("Urusei Yatsura Blu-ray box restored", text,
                                                               "2023-05-01T00:00:00+00:00")]

    assert began("The Lum the Invader Girl series returns on Blu-ray.") == ["1981-10-14"]
    assert began("The classic returns on Blu-ray.") == ["2022-10-13"]


def test_a_two_word_title_written_as_the_catalog_writes_it_with_its_exclamation_mark():
    matcher = SeriesMatcher(build([item("ワッチャプリマジ！", "Waccha Primagi!", year=2021),
                                   item("MONSTER", "Monster", year=2004)]))
    tagged = matcher.tag("Why Waccha Primagi! Deserves More Attention",
                         "Few shows balance heart the way Waccha Primagi! does.")
    assert [(t.series.title, t.season) for t in tagged] == [("Waccha Primagi!", None)]


def test_a_short_title_in_capitals_counts_only_before_title_words():
    matcher = SeriesMatcher(build([item("CUE!", "CUE", year=2022), item("AIR", "AIR", year=2005),
                                   item("MONSTER", "Monster", year=2004),
                                   item("佐々木と宮野", "Sasaki and Miyano", year=2022)]))

    def found(title, text=""):
        return [t.series.title for t in matcher.tag(title, text)]

    assert found("CUE TV anime premieres in January") == ["CUE!"]  # shown with its sign
    assert found("今期見るべき新作アニメ", "4. 『CUE!』\n『CUE!』は2022年1月7日から放送される。") == ["CUE!"]
    assert found("Winter 2022 Preview", "Intro.\n4. the CUE TV anime\nExpect CUE to be big.") == ["CUE!"]
    assert found("CUE Retells the Voice Actress Story", "The new anime CUE premiered on January 7.") == ["CUE!"]
    assert found("Cue the anime music", "Cue the anime music again.") == []
    # listed after a title, a short one is a title too, unless it starts another name
    assert found("Winter 2022 Preview: Sasaki and Miyano, Monster and CUE", "Three shows.") == [
        "Sasaki and Miyano", "Monster", "CUE!"]
    assert found("Winter 2022 Preview: Sasaki and Miyano and CUE Cards", "Cards.") == ["Sasaki and Miyano"]
    assert found("CUE cards for AIR travel", "The AIR show and a CUE sheet.") == []


def test_a_roundup_entry_heading_shows_a_one_word_title():
    assert tags("Every New Anime Coming This Fall", "8. Monster\nExpect Monster to spark conversation.") == [
        ("Monster", 1)]
    assert tags("Every New Anime Coming This Fall", "Here is the lineup.\n3. the Monster TV anime\nIt stands out.") == [
        ("Monster", 1)]


def test_a_headline_opening_with_a_one_word_title_before_release_news_shows_a_title():
    assert tags("Monster TV Anime Release Date Confirmed for January", "The story premieres soon.") == [("Monster", 1)]


def test_a_heading_line_saying_more_than_the_name_is_not_a_title():
    assert tags("Every New Anime Coming This Fall", "8. Monster hunters flock to the event\nIt sold out.") == []


def test_a_part_without_a_season_has_no_season_number():
    assert tags("Jujutsu Kaisen Part 2 tops the weekly ranking") == [("Jujutsu Kaisen", None)]
    assert tags("Jujutsu Kaisen Season 3 Part 2 tops the weekly ranking") == [("Jujutsu Kaisen", 3)]


AIRING = build([
    item("ジョジョの奇妙な冒険 ストーンオーシャン", "JoJo's Bizarre Adventure Stone Ocean", year=2021),
    {**item("ジョジョの奇妙な冒険 ストーンオーシャン Part 2", "JoJo's Bizarre Adventure Stone Ocean Part 2"),
     "begin": "2022-09-01T00:00:00.000Z"},
    {**item("ジョジョの奇妙な冒険 ストーンオーシャン Part 3", "JoJo's Bizarre Adventure Stone Ocean Part 3"),
     "begin": "2023-01-05T00:00:00.000Z"},
])


def test_roundups_are_about_the_entry_airing_then():
    matcher = SeriesMatcher(AIRING)
    text = "1. JoJo's Bizarre Adventure Stone Ocean\nThe final part arrives."
    preview = matcher.tag("Every New Anime Coming in Winter 2023", text)
    assert [(t.season, t.evidence) for t in preview] == [(1, "airing")]
    spring = matcher.tag("Every New Anime Coming in Spring 2021", text)
    assert [(t.season, t.evidence) for t in spring] == [(1, "default")]
    ranking = matcher.tag("This Week's Anime Rankings", text, published="2022-10-02T10:00:00+09:00")
    assert [(t.season, t.evidence) for t in ranking] == [(1, "airing")]


def test_a_roundup_airing_a_later_cour_names_the_season_it_continues():
    matcher = SeriesMatcher(build([
        item("無職転生", "Mushoku Tensei", year=2021),
        {**item("無職転生 第2期", "Mushoku Tensei Season 2"), "begin": "2023-07-03T00:00:00.000Z"},
        {**item("無職転生(第2クール)", "Mushoku Tensei Part 2"), "begin": "2024-04-08T00:00:00.000Z"},
    ]))
    roundup = matcher.tag("Spring 2024 Anime Season Preview", "1. Mushoku Tensei\nRudeus returns.")
    assert [(t.season, t.evidence) for t in roundup] == [(2, "airing")]


def test_a_remake_sharing_its_name_is_the_one_meant():
    matcher = SeriesMatcher(build([
        item("フルーツバスケット", "Fruits Basket", year=2001),
        {**item("フルーツバスケット", "Fruits Basket"), "begin": "2019-04-06T00:00:00.000Z"},
        {**item("フルーツバスケット 2nd season", "Fruits Basket 2nd Season"), "begin": "2020-04-07T00:00:00.000Z"},
        {**item("フルーツバスケット The Final", "Fruits Basket The Final Season"), "begin": "2021-04-06T00:00:00.000Z"},
    ]))
    assert [(t.series.entries[-1].begin, t.season) for t in matcher.tag("Fruits Basket final season announced", "")] \
        == [("2021-04-06", 3)]


def test_a_remake_announced_long_before_it_airs_is_the_remake():
    matcher = SeriesMatcher(build([
        {**item("狼と香辛料", "Spice and Wolf"), "begin": "2008-01-08T00:00:00.000Z"},
        {**item("狼と香辛料 MERCHANT MEETS THE WISE WOLF", "Spice and Wolf: Merchant Meets the Wise Wolf"),
         "begin": "2024-04-01T00:00:00.000Z"},
    ]))
    tags = matcher.tag("『狼と香辛料』新作アニメ制作決定　原作を再アニメ化", "新作アニメの制作が発表された。", "2023-02-10")
    assert [t.series.entries[0].begin for t in tags] == ["2024-04-01"]


def test_series_page_and_query_in_datasette(crawl):
    import asyncio
    import sqlite3
    from contextlib import closing

    from datasette.app import Datasette

    from archive.metadata import metadata_for

    with closing(sqlite3.connect(crawl.db)) as conn:
        (series_id, title, count), = conn.execute(
            "SELECT s.id, s.title, count(*) FROM article_series t JOIN series s ON s.id = t.series_id "
            "GROUP BY s.id ORDER BY 3 DESC LIMIT 1").fetchall()

    async def fetch():
        ds = Datasette([str(crawl.db)], metadata=metadata_for(crawl.db))
        await ds.invoke_startup()
        page = await ds.client.get(f"/archive/series/{series_id}")
        rows = await ds.client.get("/archive/series_articles.json", params={"series": title, "season": "",
                                                                            "_shape": "objects"})
        facets = await ds.client.get("/archive/article_series.json?_facet=season")
        return page, rows.json()["rows"], facets.json()
    page, rows, facets = asyncio.run(fetch())
    assert f'href="/archive/article_series?series_id={series_id}"' in page.text
    assert len(rows) == count
    from datetime import datetime
    published = [datetime.fromisoformat(r["published"]) for r in rows]
    assert published == sorted(published, reverse=True)
    assert "season" in facets["facet_results"]


def test_a_final_season_the_catalog_does_not_list_yet_follows_its_last_season():
    catalog = build([item("ULTRAMAN", year=2019), item("ULTRAMAN Season 2", year=2022)], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    assert [t.season for t in matcher.tag("ULTRAMAN Final Season Streams on Netflix", "", "2023-05-11")] == [3]
    assert [t.season for t in matcher.tag("ULTRAMAN Final Season announced", "", "2022-02-01")] == [2]


def test_a_broadcast_headline_describing_its_source_is_season_news():
    assert tags("TVアニメ『呪術廻戦』第2期放送開始　ジャンプの人気漫画") == [("Jujutsu Kaisen", 2)]
    assert tags("「葬送のフリーレン」放送開始　魔法の世界が舞台") == [("Frieren: Beyond Journey's End", 1)]
    assert tags("「葬送のフリーレン」原作漫画の発行部数が2000万部突破") == [("Frieren: Beyond Journey's End", None)]


def test_a_saga_after_the_title_names_a_season_not_another_work():
    dated = MATCHER.tag("Jujutsu Kaisen: Shibuya Incident Saga Premieres", "", "2023-08-31")
    assert [(t.series.title, t.season, t.evidence) for t in dated] == [("Jujutsu Kaisen", 2, "dated")]


def test_a_later_cour_news_calls_a_season_is_the_season_it_continues():
    catalog = build([{**item("デッドマウント・デスプレイ", "DEAD MOUNT DEATH PLAY"), "begin": "2023-04-10"},
                     {**item("デッドマウント・デスプレイ(第2クール)", "DEAD MOUNT DEATH PLAY Season 2"),
                      "begin": "2023-10-09"}], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)

    def season(published):
        return [t.season for t in matcher.tag("DEAD MOUNT DEATH PLAY Season 2 gets a new key visual", "", published)]

    assert season("2023-08-01") == [1]  # the second cour is coming
    assert season("2025-03-01") == [2]  # long after: a season the catalog does not list yet


def test_a_sequel_announced_is_the_season_after_the_last_begun():
    assert [t.season for t in MATCHER.tag("「葬送のフリーレン」続編制作が決定", "", "2024-03-25")] == [2]
    assert [t.season for t in MATCHER.tag("Frieren anime sequel announced", "", "2024-03-25")] == [2]
    stage = MATCHER.tag("Frieren Stage Play Sequel Announced", "", "2024-03-25")
    assert [(t.season, t.evidence) for t in stage] == [(None, "work")]  # the stage play's own work


def test_news_naming_a_film_by_its_own_title_is_the_films():
    catalog = build([item("若おかみは小学生！", year=2018), item("劇場版 若おかみは小学生！", kind="movie", year=2018)],
                    curated=[CuratedRow("劇場版 若おかみは小学生！", "Okko's Inn", "English title (film)")],
                    curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    assert [(t.season, t.evidence) for t in matcher.tag("Okko's Inn wins the Annie jury prize", "")] == [(None, "work")]
    assert [t.season for t in matcher.tag("「若おかみは小学生！」アニメ、新ビジュアル公開", "")] == [1]


def test_a_title_inside_another_works_name_or_credited_as_a_source_is_not_the_news():
    kingdom = SeriesMatcher(build([item("キングダム", "Kingdom", year=2012)], curated=[], curated_seasons=[]))
    assert [t.series.title for t in kingdom.tag("Kingdom Season 5 premieres", "")] == ["Kingdom"]
    assert kingdom.tag("The Legend of Zelda: Tears of the Kingdom Sells 10 Million", "") == []
    tagged = tags("「推しの子」第2期が放送開始", "「進撃の巨人」を原作とする作品ではない。赤坂アカ原作のTVアニメ「推しの子」の第2期が始まった。")
    assert tagged == [("Oshi no Ko", 2)]


def test_franchise_news_naming_a_remade_title_is_the_first_series():
    catalog = build([item("うる星やつら", "Urusei Yatsura", year=1981), item("うる星やつら(2022)", year=2022)],
                    curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    firsts = {s.id: min(e.year for e in s.entries) for s in catalog}
    manga = matcher.tag("「うる星やつら」原画展が開幕", "", "2023-05-01")
    anime = matcher.tag("「うる星やつら」第2期が放送開始", "", "2024-01-12")
    assert [firsts[t.series.id] for t in manga] == [1981]
    assert [(firsts[t.series.id], t.season) for t in anime] == [(2022, 2)]


def test_a_katakana_title_continued_into_a_longer_word_is_not_the_title():
    catalog = build([item("スラムダンク", "Slam Dunk", year=1993)], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    assert matcher.tag("NBAオールスター、スラムダンクコンテストでマクラングが3連覇", "") == []
    assert [t.series.title for t in matcher.tag("スラムダンクアニメの新作映像が公開", "")] == ["Slam Dunk"]


def test_renewed_for_a_numbered_season_is_that_season():
    assert tags("Frieren Renewed for Season 2") == [("Frieren: Beyond Journey's End", 2)]


def test_a_yearly_award_honours_the_season_aired_before_its_year():
    """Held in March 2024 while season 2 aired, the 2024 awards honour what aired in 2023."""
    won = MATCHER.tag("Oshi no Ko Takes Anime of the Year at the 2024 Anime Awards", "", "2024-03-02")
    assert [(t.series.title, t.season) for t in won] == [("Oshi no Ko", 1)]
    airing = MATCHER.tag("Oshi no Ko tops the streaming chart", "", "2024-03-02")
    assert [(t.series.title, t.season) for t in airing] == [("Oshi no Ko", 2)]


def test_the_work_a_spin_off_or_sequel_derives_from_is_context_unless_nothing_else_is_named():
    catalog = build([item("ゆるキャン△", "Laid-Back Camp", year=2018), item("へやキャン△", "Heya Camp", year=2020),
                     item("メダリスト", "Medalist", year=2025), item("メダリスト 第2期", year=2026)],
                    curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)

    def about(title: str, text: str) -> list[str]:
        return [t.series.title for t in matcher.tag(title, text, "2025-06-01")]
    assert about("Heya Camp Short Anime Premieres", "Heya Camp, the short spin-off of Laid-Back Camp, premiered.") \
        == ["Heya Camp"]
    assert about("ショートアニメが放送開始", "『ゆるキャン△』のスピンオフ『へやキャン△』が1月から放送される。") == ["Heya Camp"]
    assert about("Heya Camp Short Anime Premieres", "Laid-Back Camp returns with a third season.") \
        == ["Heya Camp", "Laid-Back Camp"]
    assert [(t.series.title, t.season) for t in matcher.tag("続編制作が決定", "TVアニメ『メダリスト』の続編となる第2期の制作が決定した。",
                                                             "2025-06-01")] == [("Medalist", 2)]


def test_the_work_a_remake_reimagines_is_context_unless_nothing_else_is_named():
    catalog = build([item("妖怪人間ベム", "Humanoid Monster Bem", year=2006), item("BEM", year=2019)],
                    curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)

    def about(title: str, text: str = "") -> list[str]:
        return sorted(t.series.title for t in matcher.tag(title, text, "2019-07-15"))
    assert about("BEM Reimagines Humanoid Monster Bem for Its 50th Anniversary", "The new anime BEM premiered.") == ["BEM"]
    assert about("The New Anime BEM Premieres", "It is a remake of Humanoid Monster Bem.") == ["BEM"]
    assert about("新作『BEM』放送開始", "『妖怪人間ベム』のリメイク『BEM』が7月から放送される。") == ["BEM"]
    assert about("Humanoid Monster Bem Gets a Blu-ray Box") == ["Humanoid Monster Bem"]


def test_a_body_naming_only_the_start_of_the_headlined_title_names_its_franchise_not_another_series():
    catalog = build([item("アズールレーン", "Azur Lane", year=2019), item("アズールレーン びそくぜんしんっ！", year=2021),
                     item("ルパン三世", "Lupin the 3rd", year=1971), item("キャッツ・アイ", "Cat's Eye", year=1983),
                     item("ルパン三世VSキャッツ・アイ", kind="movie", year=2023)],
                    curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)

    def about(title: str, text: str) -> list[str]:
        return sorted(t.series.title for t in matcher.tag(title, text, "2021-01-10"))
    spin_off = "「アズールレーン びそくぜんしんっ！」1月放送開始"
    assert about(spin_off, "人気ゲーム「アズールレーン」の4コマを原作とするTVアニメ。") == ["アズールレーン びそくぜんしんっ！"]
    assert about("「アズールレーン」新作アニメ", "人気ゲーム「アズールレーン」のTVアニメが始まる。") == ["Azur Lane"]
    crossover = about("『ルパン三世VSキャッツ・アイ』配信開始", "『ルパン三世』と『キャッツ・アイ』がコラボした作品だ。")
    assert "Lupin the 3rd" in crossover and "Cat's Eye" in crossover


def test_a_game_named_as_the_source_of_its_tv_anime_leaves_the_season_to_the_anime():
    catalog = build([item("明治東亰恋伽", year=2019)], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    anime = matcher.tag("TVアニメ『明治東亰恋伽』放送開始", "恋愛ゲーム『明治東亰恋伽』（めいこい）のTVアニメが1月9日から放送中だ。", "2019-01-10")
    game = matcher.tag("『明治東亰恋伽』新作発表", "恋愛ゲーム『明治東亰恋伽』の新作が配信される。", "2024-01-10")
    assert [t.season for t in anime] == [1]
    assert [t.season for t in game] == [None]


def test_the_series_a_new_work_belongs_to_is_context_even_in_the_headline():
    catalog = build([item("魔神英雄伝ワタル", "Wataru", year=1988), item("魔神創造伝ワタル", "Machine Genesis Wataru", year=2025)],
                    curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    tagged = matcher.tag("『魔神創造伝ワタル』放送開始　「魔神英雄伝ワタル」シリーズの新作TVアニメ", "", "2025-04-01")
    assert [t.series.title for t in tagged] == ["Machine Genesis Wataru"]
    tagged = matcher.tag("『魔神創造伝ワタル』放送開始", "1988年の『魔神英雄伝ワタル』から始まるシリーズの新作TVアニメ『魔神創造伝ワタル』が始まった。",
                         "2025-04-01")
    assert [t.series.title for t in tagged] == ["Machine Genesis Wataru"]


def test_an_awards_ceremony_names_every_winner_but_one_award_won_names_past_winners_in_passing():
    ceremony = MATCHER.tag("Frieren Takes Anime of the Year at the Crunchyroll Anime Awards",
                           "Frieren won the top prize on Sunday.\nOshi no Ko and Jujutsu Kaisen also picked up trophies.",
                           "2024-03-03")
    single = MATCHER.tag("Frieren Wins the Grand Prize",
                         "Frieren won the jury's top prize on Sunday.\nIt is the second such win after Oshi no Ko.",
                         "2024-03-03")
    assert sorted(t.series.title for t in ceremony) == ["Frieren: Beyond Journey's End", "Jujutsu Kaisen", "Oshi no Ko"]
    assert [t.series.title for t in single] == ["Frieren: Beyond Journey's End"]


def test_a_plain_word_title_opening_a_list_that_goes_on_with_a_title_is_a_show():
    assert tags("Netflix's Picks: Monster and Jujutsu Kaisen") == [("Jujutsu Kaisen", 1), ("Monster", 1)]
    assert tags("Fans Call the Finale a Monster and Jujutsu Kaisen Agrees") == [("Jujutsu Kaisen", 1)]


def dated(title, en=None, kind="tv", begin="2020-01-01"):
    return {**item(title, en, kind), "begin": f"{begin}T00:00:00.000Z"}


def test_a_years_ranking_is_about_what_aired_by_the_end_of_that_year():
    catalog = build([dated("薬屋のひとりごと", "The Apothecary Diaries", begin="2023-10-22"),
                     dated("薬屋のひとりごと 第2期", begin="2025-01-10")], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)

    def season(title: str) -> list[int | None]:
        return [t.season for t in matcher.tag(title, "", "2024-12-12")]
    assert season("dアニメストア 2024年間ランキング、『薬屋のひとりごと』が上位") == [1]
    assert season("dアニメストア年間視聴ランキング2024発表、『薬屋のひとりごと』が2位") == [1]  # what is ranked between
    assert season("Crunchyroll's Best Anime of 2024: The Apothecary Diaries") == [1]
    assert season("『薬屋のひとりごと』新PV公開") == [2]  # news a month before season 2 airs is its news


def test_a_headline_announcing_a_new_anime_of_a_remade_title_is_the_remakes():
    catalog = build([dated("らんま1/2", "Ranma 1/2", begin="1989-04-15"),
                     dated("らんま1/2(2024)", begin="2024-10-05")], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    remake = matcher.tag("Ranma 1/2 Gets a New Anime", "Rumiko Takahashi's Ranma 1/2 is getting a new anime.",
                         "2023-07-31")
    assert [t.series.entries[0].begin[:4] for t in remake] == ["2024"]
    original = matcher.tag("Ranma 1/2 Manga Tops a Fan Poll", "", "2023-07-31")
    assert [t.series.entries[0].begin[:4] for t in original] == ["1989"]


def test_a_headline_naming_a_film_is_film_news_with_no_season():
    catalog = build([dated("チェンソーマン", "CHAINSAW MAN", begin="2022-10-11"),
                     dated("劇場版 チェンソーマン レゼ篇", "Chainsaw Man – The Movie: Reze Arc", kind="movie",
                           begin="2025-09-19")], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    tags = matcher.tag("Chainsaw Man Reze Arc Overtakes Rivals", "Chainsaw Man - The Movie: Reze Arc topped "
                       "the box office again.", "2025-10-14")
    assert tags and all(t.season is None for t in tags)
    assert [t.season for t in matcher.tag("Chainsaw Man Anime Gets New Visual", "", "2022-10-20")] == [1]


def test_a_medium_word_opening_a_bracketed_title_still_writes_the_franchise_as_a_title():
    catalog = build([dated("ハイキュー!!", "Haikyu!!", begin="2014-04-06")], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    ranked = matcher.tag("映画興行収入、コナンとハイキューが上位", "2位は『劇場版ハイキュー!! 才能とセンス』。", "2017-12-25")
    assert [t.series.title for t in ranked] == ["Haikyu!!"]
    assert matcher.tag("映画興行収入、コナンとハイキューが上位", "2位はアニメ映画だった。", "2017-12-25") == []


def test_an_arcs_finale_is_the_arcs_season_not_the_final_one():
    catalog = build([dated("鬼滅の刃", "Demon Slayer: Kimetsu no Yaiba", begin="2019-04-06"),
                     dated("鬼滅の刃 遊郭編", "Demon Slayer: Kimetsu no Yaiba Entertainment District Arc", begin="2021-12-05"),
                     dated("鬼滅の刃 刀鍛冶の里編", "Demon Slayer: Kimetsu no Yaiba Swordsmith Village Arc",
                           begin="2023-04-09")], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    tags = matcher.tag("Demon Slayer: Kimetsu no Yaiba Entertainment District Arc Finale Gets Extended Runtime", "",
                       "2022-02-10")
    assert [(t.series.title, t.season) for t in tags] == [("Demon Slayer: Kimetsu no Yaiba", 2)]


def test_every_work_a_film_prizes_article_names_is_its_news():
    catalog = build([dated("すずめの戸締まり", "Suzume", kind="movie", begin="2022-11-11"),
                     dated("THE FIRST SLAM DUNK", kind="movie", begin="2022-12-03")], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    tags = matcher.tag("The First Slam Dunk Wins at the Japan Academy Film Prize",
                       "It won Animation of the Year.\nThe nominees also included \"Suzume\".", "2023-03-10")
    assert sorted(t.series.title for t in tags) == ["Suzume", "THE FIRST SLAM DUNK"]


def test_a_compilation_films_bracketed_title_writes_its_franchise_as_a_title():
    catalog = build([dated("呪術廻戦", "Jujutsu Kaisen", begin="2020-10-03")], curated=[], curated_seasons=[])
    matcher = SeriesMatcher(catalog)
    tags = matcher.tag("『劇場版総集編 呪術廻戦 懐玉・玉折』公開", "呪術廻戦の総集編が公開された。", "2025-05-30")
    assert [(t.series.title, t.season) for t in tags] == [("Jujutsu Kaisen", None)]


def _fold_by_character(text: str) -> tuple[str, list[int]]:
    """`normalize` as its docstring says it, one character at a time: the reference its runs must equal."""
    pieces, previous = [(" ", 0)], (0, True)
    for i, c, kind in [(i, c, kind) for i, ch in enumerate(text) for c, kind in _fold_char(ch)]:
        after_a_sign = pieces[-1][0] == " "
        if not kind:
            if not after_a_sign:
                pieces.append((" ", i))
            continue
        if not after_a_sign and previous[0] != kind and previous[1] and c.isascii():
            pieces.append((" ", i))  # an ASCII letter next to an ASCII digit
        pieces.append((c, i))
        previous = (kind, c.isascii())
    if pieces[-1][0] != " ":
        pieces.append((" ", len(text)))
    return "".join(c for c, _ in pieces), [i for _, i in pieces]


def test_normalize_folds_runs_as_it_folds_each_character() -> None:
    rnd = random.Random(15)
    alphabet = list("ab Z 9 0 ,.-!'  ") + list("あアー漢字、。「」・ｱﾞＡ１　∀é×ⅡⅢ")
    texts = ["Ranma1/2  and  Ranma ½", "SPY×FAMILY 第2期、10月スタート！", "ｼｬﾝﾌﾛ ∀ガンダム", "  Re:ZERO -Season 3- "]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(5000)]
    for text in texts:
        assert normalize(text) == _fold_by_character(text), text


def test_a_short_name_listed_with_a_dot_after_a_title_is_a_title_too():
    title = "dアニメストアの年間トップ2に呪術・フリーレン"
    body = "dアニメストアが年間ランキングを発表した。\n1位は『呪術廻戦』第2期、2位は『葬送のフリーレン』だった。"
    tagged = sorted((t.series.title, t.season) for t in MATCHER.tag(title, body, "2023-12-22"))
    assert tagged == [("Frieren: Beyond Journey's End", 1), ("Jujutsu Kaisen", 2)]
