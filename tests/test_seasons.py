"""Issue 15: the season a mention names, in the forms fan news writes (English and Japanese), and
franchises whose later seasons carry their own titles, tagged against the shipped catalog."""
from __future__ import annotations

import pytest

from pipelines.catalog import build, load
from pipelines.seasons import SeasonMark, read_season
from pipelines.tagging import SeriesMatcher

MATCHER = SeriesMatcher(load())


def tagged(title: str, text: str = "", published: str | None = None) -> list[tuple[str, int | None]]:
    """(Japanese title, season) of each tag: the Japanese title is bangumi-data's own name."""
    return sorted((t.series.title_ja, t.season) for t in MATCHER.tag(title, text, published))


@pytest.mark.parametrize("title, text, expected", [
    ("Mob Psycho 100 Season Two Review", "Bones animates the second season.", 2),
    ("Mob Psycho 100 2nd Season Streams on Crunchyroll", "", 2),
    ("Attack on Titan season three recap", "", 3),
    ("Haikyu!! S2 gets a Blu-ray box", "", 2),
    ("A third season of Mob Psycho 100 is in production", "Staff return.", 3),
    ("Crunchyroll adds the seventh season of My Hero Academia", "The season streams weekly.", 7),
    ("Overlord IV Anime Reveals Teaser, July Premiere", "The fourth season opens with a one-hour episode.", 4),
    ("Mob Psycho 100 III Anime Reveals October Premiere", "Studio Bones returns for the last season.", 3),
    ("My Hero Academia Final Season Premieres in October", "It adapts the manga's last arc.", 8),
    ("Attack on Titan The Final Season Part 3 Gets Premiere Date", "", 4),
    ("Shingeki no Kyojin Finale Streams Worldwide", "The last episodes air on NHK.", 4),
    ("Psycho-Pass 3 Premieres With Two New Inspectors", "", 3),
    ("Chihayafuru 3 Premieres Six Years After Season 2", "", 3),
])
def test_english_season_forms(title, text, expected):
    assert [season for _, season in tagged(title, text)] == [expected]


@pytest.mark.parametrize("title, text, expected", [
    ("「モブサイコ100 III」10月5日より放送開始", "TVアニメ「モブサイコ100 III」のキービジュアルが公開された。", 3),
    ("TVアニメ「呪術廻戦」第2期、7月6日より放送", "「呪術廻戦」第2期は「懐玉・玉折」から始まる。", 2),
    ("「転生したらスライムだった件」3期の放送時期が決定", "", 3),
    ("「ダンダダン」Season 2が7月より放送", "TVアニメ「ダンダダン」Season 2が7月3日より放送開始。", 2),
    ("「ハイキュー!!」シーズン2のBlu-ray BOXが発売", "", 2),
    ("「転生したらスライムだった件」第3期 第2クールのPV公開", "第3期の第2クールは秋に放送。", 3),
    ("「進撃の巨人」ファイナルシーズン完結編、放送日決定", "", 4),
    ("「ジョジョの奇妙な冒険」第5部 黄金の風 一挙放送", "", 5),
    ("「炎炎ノ消防隊 参ノ章」放送開始", "シリーズ最終章となる。", 3),
    ("「からかい上手の高木さん3」放送開始", "", 3),
    ("「響け！ユーフォニアム3」放送開始、久美子が部長に", "", 3),
    ("「とある科学の超電磁砲T」放送開始", "", 3),
    ("「進撃の巨人」完結編（後編）放送", "13年のアニメシリーズが完結した。", 4),
])
def test_japanese_season_forms(title, text, expected):
    assert [season for _, season in tagged(title, text)] == [expected]


def test_final_in_capitals_after_a_title_is_the_final_season_and_a_final_live_is_not():
    assert tagged("Strike the Blood FINAL Begins Releasing", "Its four episodes close the story.") == [
        ("ストライク・ザ・ブラッド", 5)]
    assert read_season("", " FINAL LIVE Tour Dates Announced") is None
    assert read_season("", " FINAL Begins") == SeasonMark(final=True)


def test_the_season_a_mention_is_of_comes_before_one_its_clause_names_later():
    assert read_season("Bones launched the final season of ", " this weekend, where Season 7 left off") == \
        SeasonMark(final=True)
    assert read_season("Netflix adds the second season of ", " and Season 3 of another show") == SeasonMark(2)


def test_a_final_season_is_the_one_the_catalog_has_not_one_more():
    # Dr.STONE SCIENCE FUTURE (season 4) is the final season; no entry is marked final.
    assert tagged("Dr. STONE Final Season Announced for 2025", "") == [("Dr.STONE", 4)]


@pytest.mark.parametrize("title, text, expected", [
    ("Demon Slayer: Kimetsu no Yaiba Swordsmith Village Arc Anime Premieres April 9",
     "The arc opens with a one-hour episode.", ("鬼滅の刃", 3)),
    ("「鬼滅の刃」刀鍛冶の里編、4月9日より放送開始", "TVアニメ「鬼滅の刃」刀鍛冶の里編の放送日が決定した。", ("鬼滅の刃", 3)),
    ("「メイドインアビス 烈日の黄金郷」7月より放送", "TVアニメ「メイドインアビス 烈日の黄金郷」のPVが公開。", ("メイドインアビス", 2)),
    ("Dr. STONE NEW WORLD Anime's 2nd Cour Premieres in October", "", ("Dr.STONE", 3)),
    ("「Dr.STONE NEW WORLD」第2クール、10月12日より放送", "", ("Dr.STONE", 3)),
    ("Haikyu!! TO THE TOP Part 2 Streams in October", "The second cour resumes the Inarizaki match.", ("ハイキュー!!", 4)),
    # two arcs named: the first, the news's own; the other, where it was announced
    ("「鬼滅の刃」柱稽古編のアニメ化が決定、刀鍛冶の里編最終話で発表", "", ("鬼滅の刃", 4)),
    ("「青の祓魔師 雪ノ果篇」放送開始、島根啓明結社篇に続く", "", ("青の祓魔師", 4)),
])
def test_a_season_with_its_own_title_is_a_season_of_its_franchise(title, text, expected):
    assert tagged(title, text) == [expected]


def test_franchise_grouping_numbers_seasons_as_fans_count():
    def item(title: str, begin: str, end: str, kind: str = "tv") -> dict:
        return {"title": title, "type": kind, "begin": f"{begin}T00:00:00.000Z", "end": f"{end}T00:00:00.000Z"}

    catalog = build([
        item("無職転生～異世界行ったら本気だす～", "2021-01-10", "2021-03-21"),
        item("無職転生～異世界行ったら本気だす～(第2クール)", "2021-10-03", "2021-12-19"),
        item("無職転生Ⅱ ～異世界行ったら本気だす～", "2023-07-02", "2023-09-24"),
        item("無職転生Ⅱ ～異世界行ったら本気だす～(第2クール)", "2024-04-07", "2024-06-30"),
        item("鬼滅の刃", "2019-04-06", "2019-09-28"),
        item("鬼滅の刃 那田蜘蛛山編", "2020-10-16", "2020-10-16"),  # a one-evening TV edit
        item("鬼滅の刃 遊郭編", "2021-12-05", "2022-02-13"),
        item("鬼滅の刃 刀鍛冶の里編", "2023-04-09", "2023-06-18"),
        item("鬼滅の刃 中高一貫!! キメツ学園物語", "2021-02-14", "2021-03-14", "web"),  # a spin-off
    ])
    seasons = {e.title: (s.title_ja, e.season) for s in catalog for e in s.entries}
    assert seasons["無職転生～異世界行ったら本気だす～(第2クール)"] == ("無職転生～異世界行ったら本気だす～", 1)
    assert seasons["無職転生Ⅱ ～異世界行ったら本気だす～"] == ("無職転生～異世界行ったら本気だす～", 2)
    assert seasons["無職転生Ⅱ ～異世界行ったら本気だす～(第2クール)"] == ("無職転生～異世界行ったら本気だす～", 2)
    assert seasons["鬼滅の刃 那田蜘蛛山編"][0] != "鬼滅の刃"  # a TV special is no season
    assert seasons["鬼滅の刃 遊郭編"] == ("鬼滅の刃", 2)
    assert seasons["鬼滅の刃 刀鍛冶の里編"] == ("鬼滅の刃", 3)
    assert seasons["鬼滅の刃 中高一貫!! キメツ学園物語"][0] != "鬼滅の刃"


def test_the_shipped_catalog_groups_later_titled_seasons_with_their_franchise():
    by_title = {e.title: (s.title_ja, e.season) for s in load() for e in s.entries}
    assert by_title["ハイキュー!! TO THE TOP"] == ("ハイキュー!!", 4)
    assert by_title["モブサイコ100III"] == ("モブサイコ100", 3)
    assert by_title["無職転生Ⅱ ～異世界行ったら本気だす～"] == ("無職転生～異世界行ったら本気だす～", 2)
    assert by_title["進撃の巨人 The Final Season Part.2"] == ("進撃の巨人", 4)


@pytest.mark.parametrize("published, year", [("2023-03-26T12:00:00+09:00", 2022), ("1984-05-01T00:00:00+09:00", 1981)])
def test_a_remake_is_resolved_by_the_articles_date(published, year):
    tags = MATCHER.tag("「うる星やつら」一挙放送が決定", "TVアニメ「うる星やつら」の一挙放送が決定した。", published)
    assert [(t.series.title_ja, min(e.year for e in t.series.entries)) for t in tags] == [("うる星やつら", year)]


def test_a_remakes_second_season_is_the_remake():
    tags = MATCHER.tag("「うる星やつら」第2期、2024年1月より放送", "", "2023-03-26T12:00:00+09:00")
    assert [(min(e.year for e in t.series.entries), t.season) for t in tags] == [(2022, 2)]


def test_a_remake_headlined_as_one_takes_a_season_its_original_had_too():
    tags = MATCHER.tag("Spice and Wolf Remake Gets a Second Season", "Holo and Lawrence will travel on.", "2024-09-24")
    assert [(min(e.year for e in t.series.entries), t.season) for t in tags] == [(2024, 2)]


def test_a_season_named_before_the_next_title_is_not_the_previous_ones():
    assert tagged("Frieren, Spy x Family Season 2 and Shangri-La Frontier Head Into Fall",
                  "The fall season includes Frieren, the second season of Spy x Family and Shangri-La Frontier.",
                  "2023-10-01") == [("SPY×FAMILY", 2), ("シャングリラ・フロンティア～クソゲーハンター、神ゲーに挑まんとす～", 1),
                                    ("葬送のフリーレン", 1)]


@pytest.mark.parametrize("title, published, expected", [
    ("Sakamoto Days Part 2 Begins Streaming", "2025-07-14", [("SAKAMOTO DAYS", 1)]),
    ("「進撃の巨人」Season3 Part.2 放送開始", "2019-04-29", [("進撃の巨人", 3)]),
    ("Chainsaw Man Part 2 Launches on Shonen Jump+", "2022-07-13", [("チェンソーマン", None)]),
])
def test_a_part_named_alone_is_of_the_season_airing_by_the_articles_date(title, published, expected):
    assert tagged(title, "", published) == expected


def test_news_naming_no_season_is_about_the_one_airing_before_the_next_one_ahead():
    def season(published):
        return [t.season for t in MATCHER.tag("「青の祓魔師」新エピソード配信", "", published)]

    assert season("2024-11-20") == [4]  # 雪ノ果篇 began on 2024-10-05 and airs; 終夜篇 starts in January
    assert season("2024-12-20") == [4]
    assert season("2024-09-20") == [4]  # nothing airs: the season starting within weeks


@pytest.mark.parametrize("title, expected", [
    ("Blue Exorcist -Beyond the Snow Saga- Premieres in October", ("青の祓魔師", 4)),
    ("Black Butler: Emerald Witch Arc Reveals Its Visual", ("黒執事", 5)),
    ("Zombie Land Saga Revenge Gets a Blu-ray Box", ("ゾンビランドサガ", 2)),
])
def test_a_season_named_by_its_curated_english_title_is_that_season(title, expected):
    assert tagged(title, "", "2020-01-01") == [expected]


def test_a_final_chapter_said_to_air_is_the_final_season_and_a_manga_s_is_not():
    assert read_season("", "の最終章が2026年1月より放送されることが発表された") == SeasonMark(final=True)
    assert read_season("", "』最終章、TVアニメで2026年放送") == SeasonMark(final=True)
    assert read_season("", "の最終章が連載開始") is None


def test_a_sequels_number_the_catalog_does_not_list_yet_is_the_next_season_before_news_wording():
    assert tagged("Cyberpunk: Edgerunners 2 Announced by Studio Trigger",
                  "The ten-episode story returns to Night City.", "2025-07-04") == [("サイバーパンク エッジランナーズ", 2)]
    assert read_season("", " 2 Announced") is None  # the number alone is read where the catalog is known
    assert tagged("Cyberpunk: Edgerunners 2 at Anime Expo: What We Know", "", "2022-10-01") == [
        ("サイバーパンク エッジランナーズ", 1)]  # "2 at …" is no sequel's announcement


def test_a_season_named_as_the_time_of_other_news_is_not_the_articles_season():
    assert read_season("", " was announced after the second season's finale aired") is None
    assert read_season("", " Manga Ends Ahead of Season 2") is None  # the time of the manga's news
    assert read_season("", " returns for a second season after the finale") == SeasonMark(2)
    assert tagged("The Dangers in My Heart Gets a Theatrical Anime",
                  "A theatrical anime of The Dangers in My Heart was announced after the second season's finale aired "
                  "on March 30.", "2024-04-01") == [("僕の心のヤバイやつ", None)]


def test_a_final_chapter_to_be_animated_is_the_final_season_and_a_film_prize_names_no_season():
    assert tagged("『ゴールデンカムイ』最終章のTVアニメ化が決定", "", "2025-03-23") == [("ゴールデンカムイ", 5)]
    assert [season for _, season in tagged("第44回日本アカデミー賞、最優秀アニメーション作品賞は『鬼滅の刃』無限列車編", "",
                                           "2021-03-19")] == [None]


def test_a_season_named_by_its_finale_beside_an_announced_one_is_not_the_news():
    assert read_season("", "』第2期の最終回が放送、第3期制作決定") == SeasonMark(3)
    assert read_season("", "』第1期完結と同時に第2期を発表") == SeasonMark(2)  # the season said to end
    assert read_season("", "』3rdシーズンが完結 続編への期待高まる") == SeasonMark(3)  # no other season's number
    assert read_season("", " season 2's finale aired; season 3 confirmed") == SeasonMark(3)
    assert read_season("", "』第2期の最終回が放送") == SeasonMark(2)  # named alone, it is the news


@pytest.mark.parametrize("title, text, expected", [
    ("Dr. Stone's First Season Ends With Senku's Stone Wars Tease",
     "Dr. Stone's first season ended on December 13. A second season, Stone Wars, is set for January 2021.",
     [("Dr.STONE", 2)]),
    ("Fruits Basket 2nd Season Ends, The Final Set for 2021",
     "Fruits Basket's second season ended on September 21. TMS announced a third and final season for spring 2021.",
     [("フルーツバスケット", 3)]),
    ("Kaguya-sama Season 2 Ends With the Student Council Election",
     "The second season ended on June 27. A-1 Pictures has not yet announced a third season.",
     [("かぐや様は告らせたい～天才たちの恋愛頭脳戦～", 2)]),
])
def test_a_finale_that_announces_the_next_season_is_that_seasons_news(title, text, expected):
    assert tagged(title, text, "2020-09-22") == expected


def test_a_season_for_a_date_is_the_titles_own():
    assert tagged("Frieren Anime Confirms Second Season for January 2026", "", "2024-09-27") == \
        [("葬送のフリーレン", 2)]


def test_a_season_far_past_the_series_last_counts_the_franchises_series():
    assert tagged("Pokémon Journeys: The Series Comes to Netflix",
                  "Netflix adds the 23rd season of the Pokémon anime on June 12.", "2020-06-05") == \
        [("ポケットモンスター", 1)]


def test_a_season_before_a_bracketed_name_and_a_remake_read_the_same_all_through():
    assert tagged("Doga Kobo Will Make a Third Season of [Oshi no Ko]",
                  "The final broadcast of [Oshi no Ko] Season 2 ended with the announcement.", "2024-10-07") == \
        [("【推しの子】", 3)]
    tags = MATCHER.tag("『うる星やつら』第2期がスタート　完結に向けた2クール",
                       "2022年に始まったTVアニメ『うる星やつら』の第2期が1月から放送を開始した。", "2024-01-12")
    assert [(t.series.entries[0].begin[:4], t.season) for t in tags] == [("2022", 2)]  # the remake's, not 1981's


def test_the_new_series_a_headline_names_by_its_franchise_is_the_catalogs_later_series():
    assert tagged("Sunrise Dates the New Samurai Troopers Series for January 2026",
                  "The new Samurai Troopers anime premieres on January 6, 2026.", "2025-07-05") == \
        [("鎧真伝サムライトルーパー", 1)]
    assert tagged("A New Samurai Troopers Anime? Fans Recall the 1988 Series", "", "2019-05-01") == \
        [("鎧伝サムライトルーパー", 1)]  # no later series airs within a year of the news


@pytest.mark.parametrize("title, text, published, expected", [
    ("Jump Festa 2025: Jujutsu Kaisen's Culling Game Arc Gets a TV Anime",
     "The Culling Game arc of Jujutsu Kaisen will be adapted.", "2024-12-22", [("呪術廻戦", 3)]),
    ("『呪術廻戦』「死滅回游」編のアニメ化が決定", "", "2024-12-22", [("呪術廻戦", 3)]),  # an arc's anime: the next
    ("Golden Kamuy's Final Chapter Heads to TV in January 2026", "The last part of Golden Kamuy airs from January.",
     "2025-06-01", [("ゴールデンカムイ", 5)]),  # the final chapter on TV: the season after the fourth
    ("Golden Kamuy's Final Chapter Goes on Sale", "", "2025-06-01", [("ゴールデンカムイ", None)]),  # the manga's
])
def test_an_arcs_anime_is_the_next_season_and_a_final_chapter_on_tv_the_final_one(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『アオのハコ』続編はテレコム続投、第1期最終話の直後に第2期を告知", "", "2025-03-28", [("アオのハコ", 2)]),
    ("超可動ガール1/6：4月8日スタート　フィギュアが動き出すラブコメ", "", "2019-04-01", [("超可動ガール1/6", 1)]),
    ("柴田ヨクサル原作、東映公認の“仮面ライダーごっこ”アニメ『東島丹三郎』がスタート",
     "柴田ヨクサルの漫画が原作のTVアニメ『東島丹三郎は仮面ライダーになりたい』が始まった。", "2025-10-04",
     [("東島丹三郎は仮面ライダーになりたい", 1)]),  # 』がスタート: the show begins
])
def test_a_finale_named_without_its_particle_and_a_date_after_a_headlines_title(title, text, published, expected):
    assert tagged(title, text, published) == expected
