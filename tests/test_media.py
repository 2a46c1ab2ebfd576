"""Issue 15: what an article is about. News of a franchise's films, stage plays, games,
exhibitions, cafés, goods and manga keeps the series but names no season; one-word titles count
where the article shows they are titles; bands, dramas and phrases that share a title's words do
not tag. The last test crawls such articles and reads the archive's `article_series` rows."""
from __future__ import annotations

import pytest

from pipelines.catalog import load
from pipelines import tagging
from pipelines.tagging import SeriesMatcher
from tests.hijack_site import add_site, article, crawl, query
from tests.proxy_site import ProxySite, serve

MATCHER = SeriesMatcher(load())


def tagged(title: str, text: str = "", published: str | None = None) -> list[tuple[str, int | None]]:
    """The (series, season) tags of an article, sorted."""
    return sorted((t.series.title_ja, t.season) for t in MATCHER.tag(title, text, published))


@pytest.mark.parametrize("title, text, expected", [
    ("Jujutsu Kaisen Mobile Game Phantom Parade Launches Worldwide", "The game retells the anime's story.",
     [("呪術廻戦", None)]),
    ("「呪術廻戦」舞台化決定、2025年に上演", "舞台「呪術廻戦」の上演が決定した。", [("呪術廻戦", None)]),
    ("「葬送のフリーレン」原画展が開催", "TVアニメ「葬送のフリーレン」の原画展が東京で開催される。", [("葬送のフリーレン", None)]),
    ("「ダンジョン飯」ゲーム化決定", "TVアニメ「ダンジョン飯」のスマホゲームが配信される。", [("ダンジョン飯", None)]),
    ("「SPY×FAMILY」コラボカフェが開催", "TVアニメ「SPY×FAMILY」のコラボカフェが東京で開催。", [("SPY×FAMILY", None)]),
    ("Jujutsu Kaisen Manga Ends in September", "The manga's final chapter runs in Weekly Shonen Jump.",
     [("呪術廻戦", None)]),
    ("Chainsaw Man Part 2 Goes on Hiatus", "Tatsuki Fujimoto is resting.", [("チェンソーマン", None)]),
    ("「葬送のフリーレン」休載へ", "原作の連載が一時休止する。", [("葬送のフリーレン", None)]),
    ("Classroom of the Elite Year 2 Novel Sells Over 7 Million", "The light novel series continues.",
     [("ようこそ実力至上主義の教室へ", None)]),
    ("『ハイキュー!!』はなぜこれほど支持されるのか", "TVアニメ『ハイキュー!!』の人気を振り返る。", [("ハイキュー!!", None)]),
    ("Jujutsu Kaisen Cursed Clash Launches", "Bandai Namco's fighting title is out on all platforms.", [("呪術廻戦", None)]),
    ("Bocchi the Rock! Is Getting Two Recap Movies This Summer", "CloverWorks re-edits the TV series.",
     [("ぼっち・ざ・ろっく！", None)]),
    ("Funimation Brings World Heroes' Mission to North American Screens", "The third My Hero Academia film opens.",
     [("僕のヒーローアカデミア", None)]),  # cinema screens
    ("『サザエさん』が55周年！磯野家の歩みをたどる記念企画がスタート", "", [("サザエさん", None)]),  # a project starts
    ("Dragon Ball Z: Kakarot Game Ships Worldwide", "Bandai Namco's action RPG retells the Saiyan saga.",
     [("ドラゴンボール", None)]),
    ("Madoka Magica Magia Exedra Launches on Mobile and PC", "The new game follows Madoka.",
     [("魔法少女まどか☆マギカ", None)]),
])
def test_other_media_keep_the_series_and_name_no_season(title, text, expected):
    assert tagged(title, text) == expected


def test_a_film_with_its_own_catalog_entry_is_tagged_with_it():
    assert tagged("Haikyu!!: The Dumpster Battle Film Tops Box Office", "The film earned 10 billion yen.") == [
        ("ハイキュー!! ゴミ捨て場の決戦", None)]


def test_a_studio_named_film_is_not_a_film():
    assert tagged("WITCH WATCH Anime Is Bones Film's Next TV Series", "It premieres in April.") == [
        ("ウィッチウォッチ", 1)]
    assert tagged("Witch Hat Atelier Anime Reveals Bug Films Staff", "Ayumu Watanabe directs.") == [
        ("とんがり帽子のアトリエ", 1)]
    assert tagged("Is the Order a Rabbit? BLOOM Premieres With Encourage Films Animating", "") == [
        ("ご注文はうさぎですか？", 3)]


@pytest.mark.parametrize("title, text, expected", [
    ("Medalist Anime Gets 2nd Season", "The figure skating anime returns.", [("メダリスト", 2)]),
    ("Kingdom Season 5 Premieres in January", "Kingdom returns with Studio Signpost.", [("キングダム", 5)]),
    ("Beastars Final Season Part 2 Trailer", "Netflix streams the second part.", [("BEASTARS", 3)]),
    ("Babylon Anime Resumes in January After Its Break", "The political thriller returns with episode 8.",
     [("バビロン", 1)]),
    ("Crunchyroll Original Noblesse Premieres From Production I.G", "The webtoon's anime premiered in October.",
     [("NOBLESSE -ノブレス-", 1)]),
    ("BEM Reimagines Humanoid Monster Bem for Its 50th Anniversary", "The new anime BEM premiered on July 14.",
     [("BEM", 1)]),
    ("Orient Anime From Magi Creator Shinobu Ohtaka Premieres", "The samurai fantasy premiered on January 6.",
     [("オリエント", 1)]),
    ("Snowball Earth Anime Reveals Its Cast", "The original anime premieres in 2025.", [("スノウボールアース", 1)]),
    ("number24 Is a Rugby Anime From Kyoto", "The original anime follows a university rugby club.", [("number24", 1)]),
    ("A Returner's Magic Should Be Special Premieres, Based on the Korean Web Novel", "The anime premiered in October.",
     [("帰還者の魔法は特別です", 1)]),
    ("Spirited Away Stage Play Premieres in London", "The stage adaptation opened.", [("千と千尋の神隠し", None)]),
    ("Netflix Streams revisions, Goro Taniguchi's Sci-Fi Series, Worldwide", "It aired on Fuji TV in January.",
     [("revisions", 1)]),
    ("Publisher accepts revisions to its contract with writers", "The union welcomed the change.", []),
    ("Pluto Is Finally on Netflix, and It's Worth the Wait", "Studio M2 adapted Naoki Urasawa's manga.",
     [("PLUTO", 1)]),
    ("Pluto is now farther from the Sun than Neptune", "Astronomers tracked its orbit.", []),
    ("Given Premieres on Noitamina", "Lerche animates the series for Fuji TV.", [("ギヴン", 1)]),
    ("Studio Announces Its Next Project", "No premiere date was given. Given the schedule, fans wait.", []),
    ("Unnamed Memory Act.2 Resumes Oscar and Tinasha's Story", "The second part of the fantasy picks up.",
     [("Unnamed Memory", 2)]),  # Oscar, a character: no award's news
    ("Dr. Stone Science Future: Senku Sets His Sights on the Moon in Season 4", "", [("Dr.STONE", 4)]),  # no MOON
])
def test_one_word_titles_count_where_the_article_shows_a_title(title, text, expected):
    assert tagged(title, text) == expected


@pytest.mark.parametrize("title, expected", [
    ("Bungo Stray Dogs 5 Premieres in July", [("文豪ストレイドッグス", 5)]),  # a season the catalog has
    ("Oshi no Ko 3 Is Coming", [("【推しの子】", 3)]),  # the next one
])
def test_a_number_after_a_title_is_its_season_up_to_the_next_one(title, expected):
    assert tagged(title, "") == expected


@pytest.mark.parametrize("title, text", [
    ("ORANGE RANGE Performs the New Opening Theme", "The band returns to anime."),
    ("「ドラゴンクエストXI S」Switchで発売、ボイス付きに", "スクウェア・エニックスのRPGが新たな機種で遊べる。"),
    ("TEKKEN 8 Is Now Available Worldwide", "Bandai Namco's TEKKEN 8 has launched on PS5 and PC."),  # no TEKKEN BLOODLINE
    ("Jin and Kazuya Fight Again", "The two square off again in TEKKEN 8, out now from Bandai Namco."),
    # no third season of the Dragon Quest anime
    ("『ドラゴンクエストIII そして伝説へ…』HD-2D版が発売", "ロトシリーズの原点を再構築した。"),
    ("サッカー日本代表がブラジル代表に初勝利",
     "SNSでは『キャプテン翼』や『ブルーロック』を引き合いに出すファンの投稿も相次いだ。"),
    # no アイドル・プロジェクト
    ("新作アニメの制作発表会が開かれた", "アイドルプロジェクトのTVアニメ第2期が放送される。"),
    ("Shinkai Wrote the Film's Script in Four Days, Film Producer Says", "The producer spoke at a festival."),
    ("The K-drama “Kingdom” Returns for a Third Season", "Netflix confirmed the drama."),
    ("Live-action drama \"Orange\" casts its lead", "Filming starts in May."),
    ("A Monster Hit: Anime Film Sells Out", "Orange season is here."),
    ("Is This Romance Worth Watching?", "The show divides fans. Kinema Citrus's adaptation leans into quiet moments."),
    ("Study: Snowball Earth Glaciers Still Left Pockets of Life",
     "Geologists found that microbes survived the global glaciation 700 million years ago."),
    ("Anime Artists Pay Tribute to Kobe Bryant and His Number 24", "Fan artists drew the late basketball star."),
    ("Light Novel Chinmoku no Majo no Kakushigoto Tops the Chart", "The story follows a shy witch."),
    ("Mobile RPG Adds a New Story Chapter", "It tells of the war between the Kingdom of Light and the Kingdom of Darkness."),
    ("Three Cours to the Finish: Kingdom of Science Crew Sets Sail", "Senku's crew builds a ship."),  # after a colon
    ("Wit Hands Off to MAPPA for the Next Season", "The studio change was announced."),  # a phrase, no Hands Off: …
])
def test_bands_dramas_and_phrases_sharing_a_titles_words_do_not_tag(title, text):
    assert tagged(title, text) == []


@pytest.mark.parametrize("title, text", [
    ("ORANGE RANGE、全国ホールツアー開催決定", "ORANGE RANGEが全国ホールツアーを開催する。"),
    ("五輪メダリストがアニメのイベントに登場", "金メダリストがトークショーに出演した。"),
    ("「キングダム ハーツIV」開発状況を公開", "シリーズ最新作の映像が公開された。"),
    ("新作映画の撮影が宝島で始まる", "撮影は宝島の海岸で行われた。"),
    ("声優、手首のガングリオン摘出手術で一部イベントを欠席", "手首にできたガングリオンの摘出手術を受けたと発表した。"),
])
def test_short_japanese_names_count_only_where_written_as_titles(title, text):
    assert tagged(title, text) == []


@pytest.mark.parametrize("title, text, expected", [
    # actors in a film of a novel, never anime or manga: the film's own title, not the anime HAKKENDEN's
    ("映画『八犬伝』公開　役所広司が滝沢馬琴を演じる", "山田風太郎の小説を原作とする映画『八犬伝』が公開された。", []),
    ("ドラマ『ブラック・ジャック』放送　高橋一生が主演", "手塚治虫の『ブラック・ジャック』がスペシャルドラマ化された。",
     [("ブラック・ジャック", None)]),  # a drama adapting the work: the franchise's
    # stars who voice an anime film: the film's long name is its own
    ("『竜とそばかすの姫』公開　中村佳穂が主演", "細田守監督の映画がカンヌ国際映画祭でも上映された。",
     [("竜とそばかすの姫", None)]),
    ("映画『すずめの戸締まり』公開　原菜乃華が主演", "新海誠監督の最新映画が公開された。",
     [("すずめの戸締まり", None)]),
    # the author's known work, in another title's news
    ("映画『翔んで埼玉』公開", "『パタリロ！』で知られる魔夜峰央のマンガを実写化した映画が公開された。", []),
])
def test_a_live_action_work_of_its_own_and_an_authors_known_work_are_not_the_news(title, text, expected):
    assert tagged(title, text) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("「メダリスト」放送開始", "フィギュアスケートに懸ける少女の物語。", [("メダリスト", 1)]),
    ("「呪術廻戦 戦華双乱」発売", "対戦アクションゲームが発売された。", [("呪術廻戦", None)]),
    ("「無職転生Ⅱ」放送スタート", "ルーデウスの新たな旅が描かれる。", [("無職転生～異世界行ったら本気だす～", 2)]),
    ("「超電磁砲」第3期が放送開始", "御坂美琴たちの物語が続く。", [("とある科学の超電磁砲", 3)]),  # curated short names
    ("「ひぐらし」新作ゲームが発売", "シリーズの新作がスマホで遊べる。", [("ひぐらしのなく頃に", None)]),
    ("Demon King Academy Airs After COVID Delay", "The fantasy anime resumes in July.",
     [("魔王学院の不適合者～史上最強の魔王の始祖、転生して子孫たちの学校へ通う～", 1)]),
    ("Is It Wrong to Pick Up Girls in a Dungeon? III Premieres", "The third season began.",
     [("ダンジョンに出会いを求めるのは間違っているだろうか", 3)]),
    ("Gintama Spin-off 3-nen Z-gumi Ginpachi-sensei Anime Premieres", "The school comedy reunites the cast.",
     [("3年Z組銀八先生", 1)]),
    ("「劇場版『鬼滅の刃』無限城編 第一章」公開", "全国の劇場で公開された。", [("鬼滅の刃", None)]),
    ("New Ranma 1/2 Anime Premieres on Netflix", "MAPPA animates the new series.", [("らんま1/2", 1)]),
    ("TVアニメ「ガングリオン」放送開始", "秘密結社の戦闘員を描く「ガングリオン」が放送開始。", [("ガングリオン", 1)]),
    ("NHK『cocoon ～ある夏の少女たちより～』放送 今日マチ子の戦争漫画", "今日マチ子の漫画を原作とするアニメが放送された。",
     [("cocoon ～ある夏の少女たちより～", 1)]),
])
def test_japanese_titles_in_brackets_and_spacing_folds_tag(title, text, expected):
    assert tagged(title, text) == expected


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


@pytest.mark.parametrize("title, published, expected", [
    ("Chainsaw Man Anime Premieres After Theatrical Preview Screenings", "2022-10-12", [("チェンソーマン", 1)]),
    ("Oshi no Ko Anime Premieres Following Its Theatrical 90-Minute Debut", "2023-04-12", [("【推しの子】", 1)]),
    # the anime's own ending: a season's "The Final Chapters" and アニメ完結 are no manga's chapters or ending
    ("Attack on Titan Wraps Up on NHK With The Final Chapters Special 2", "2023-11-05", [("進撃の巨人", 4)]),
    ("『フルーツバスケット』アニメ完結　最終回に感謝の声", "2021-06-29", [("フルーツバスケット", 3)]),
])
def test_a_broadcast_after_theatrical_screenings_is_the_seasons_news(title, published, expected):
    """"After", "Following" and "While" open a clause of a broadcast's headline: the earlier screening
    in it is side news ("Before" leads to a later event, which is the side news instead)."""
    assert tagged(title, "", published) == expected


@pytest.mark.parametrize("title", [
    "Dungeon Meshi Anime Adapts Ryoko Kui's Manga",
    "『ダンジョン飯』九井諒子の漫画が原作、1月より放送",
    "Dungeon Meshi: Trigger's Fantasy Anime Premieres in January",
    "Delicious in Dungeon: Studio Trigger's Adaptation Begins",
])
def test_a_broadcast_headline_naming_its_source_or_its_maker_is_the_seasons_news(title):
    assert tagged(title, "") == [("ダンジョン飯", 1)]


@pytest.mark.parametrize("headline, other", [
    ("Koro-sensei Is Back: Assassination Classroom Marks a Decade on TV", True),
    ("Wolf's Rain at 20: Bones' Cult Classic Gets a Fresh Look", True),
    ("2024 Is a Big Year for Gundam Fans: G Gundam at 30, Turn A at 25", True),
    ("Toei Celebrates a Quarter Century of the DigiDestined", True),
    ("Toei Veteran Yasuo Otsuka Passes; His Lupin III Work Lives On", True),
    ("Buichi Terasawa, Who Drew Cobra, Is Gone at 68", True),
    ("『ぼっち・ざ・ろっく！』聖地の下北沢がにぎわう", True),  # a pilgrimage's, the town's news
    ("One Piece Live Action Season 2 Teaser Heads Into the Grand Line", True),
    ("Aikatsu Planet! Mixes Live Action and Anime", False),  # a show of both
    ("Solo Leveling Season 2 Airs at 25 Stations", False),
    ("Hyouka Fans Celebrate a Decade of the Classics Club", True),
    ("Durarara!! Marks 10 Years Since Its Ikebukuro Anime Debut", True),
    ("クレしん：テレビアニメ放送30年　記念ビジュアル", True),
    ("Anime Expo 2025: Gachiakuta and Kaiju No. 8 Premiere Screenings Lead the Weekend", False),  # the seasons'
    ("ZENSHU Sends an Anime Director Into Her Favorite Film", False),  # a film inside the show's story
    ("『凪のあすから』から10年　記念ビジュアル", True),
    ("『ふたご姫』アニメ20年の記念アイテム", True),
    ("Isagi's Squad Faces the Under-20s as Blue Lock's Second Season Opens", False),  # a season opens, no film
    ("『ダンジョン飯』全24話が完結", False),  # the show's end, not its manga's
    ("Space Dandy Hits 10 Years, and Bones Is Celebrating", True),
    ("ライディーン誕生50年　新作超合金が予約開始", True),
    ("サザエさん：アニメ55年目の秋　記念特番を放送", True),
    ("『サクラ革命』本日サービス終了", True),  # a game's service
    ("Rooster Teeth Is Shutting Down, and RWBY Fans Want to Know What Happens Next", True),  # a company's closing
    ("VIZ Media Becomes the New Home of RWBY", True),
    ("Crunchyroll's Anime Expo 2025 Panel Screens Gachiakuta Episode 1", False),  # the season's preview
])
def test_anniversaries_farewells_pilgrimages_and_live_action_written_otherwise_are_other_media(headline, other):
    from pipelines.media import about_other_media
    assert about_other_media(headline) is other


@pytest.mark.parametrize("title, text, expected", [
    ("Castlevania's Fourth and Last Season Lands on Netflix", "", [("Castlevania", 4)]),
    ("Castlevania’s fourth and final season is now streaming on Netflix", "", [("Castlevania", 4)]),
    ("YOASOBI Performs BEASTARS Season 2 Opening",  # a studio's possessive names its work
     "Orange's second season of the animal drama opened on January 6.", [("BEASTARS", 2)]),
])
def test_a_one_word_title_before_its_ordinal_season_is_a_title_but_a_studios_possessive_is_not(title, text, expected):
    assert tagged(title, text, "2021-05-13") == expected


def test_a_film_announced_beside_a_finale_and_an_arcs_name_in_brackets_leave_the_season():
    assert tagged("Kaguya-sama's Third Season Closes on the Cultural Festival, Film Announced", "",
                  "2022-06-25") == [("かぐや様は告らせたい～天才たちの恋愛頭脳戦～", 3)]
    assert tagged("【推しの子】第2期は7月放送　「2.5次元舞台編」キービジュアル公開", "", "2024-03-01") == [
        ("【推しの子】", 2)]  # the arc's name holds 2.5次元, no work of its own
    assert tagged("冬アニメ続編　『東リベ 聖夜決戦編』", "", "2023-01-10") == [("東京リベンジャーズ", 2)]


def test_a_library_lists_the_works_its_body_names():
    assert tagged("HBO Max lands the Studio Ghibli library, from Totoro to Spirited Away",
                  "WarnerMedia secured 21 Studio Ghibli films. My Neighbor Totoro, Spirited Away and Princess "
                  "Mononoke are among the titles.") == sorted([("もののけ姫", None), ("千と千尋の神隠し", None),
                                                                ("となりのトトロ", None)])


@pytest.mark.parametrize("title, text, expected", [
    ("Where to Stream the Forgers' Winter Trip",
     "Crunchyroll will stream the first Spy x Family film after its theatrical run. The Forgers take a winter trip.",
     [("SPY×FAMILY", None)]),
    ("The Forgers' Winter Trip Comes Home",  # the show named before the film
     "The second season of Spy x Family ends this week. The first Spy x Family film follows in December.",
     [("SPY×FAMILY", 2)]),
    ("LiSA、「紅蓮華」で紅白歌合戦に初出場",  # the TV anime's theme song; its film comes later
     "TVアニメ『SPY×FAMILY』の主題歌を歌うLiSAが出場する。劇場版の制作も決まっている。", [("SPY×FAMILY", 2)]),
])
def test_a_headline_naming_no_title_over_a_lead_that_calls_the_work_a_film_is_the_films(title, text, expected):
    assert tagged(title, text, "2023-11-20") == expected


@pytest.mark.parametrize("title, expected", [
    ("九井諒子原作『ダンジョン飯』が開幕", 1),  # the author's source: the show is the news
    ("人気コミック原作『ダンジョン飯』TVアニメ放送開始", 1),
    ("原作『ダンジョン飯』が完結", None),  # the source itself
    ("九井諒子原作アニメ『ダンジョン飯』第2期が決定", 2),  # named before the word アニメ
    ("マンガ原作アニメ『ダンジョン飯』第2期が決定", 2),
])
def test_a_source_named_before_the_title_or_the_word_anime_by_its_author_or_medium_is_the_adaptations(title, expected):
    assert tagged(title, "") == [("ダンジョン飯", expected)]


@pytest.mark.parametrize("title, expected", [
    ("Bleach: Rebirth of Souls Fighting Title Released", [("BLEACH", None)]),
    ("Detective Conan: The Million-Dollar Pentagram Sets Franchise Record", [("名探偵コナン 100万ドルの五稜星", None)]),
    ("「呪術廻戦 戦華双乱」発売", [("呪術廻戦", None)]),
    ("Frieren: Beyond Journey's End Anime Gets Special Premiere", [("葬送のフリーレン", 1)]),
    ("Demon Slayer: Hashira Training Arc Premieres in May", [("鬼滅の刃", 4)]),
    ("Dragon Ball Daima: New Anime Premieres in October", [("ドラゴンボールDAIMA", 1)]),  # the show's words
])
def test_a_subtitle_that_names_no_season_is_another_work_of_the_franchise(title, expected):
    assert tagged(title, "") == expected


@pytest.mark.parametrize("title, expected", [
    ("ミュージカル『テニスの王子様』4thシーズン開幕", [("テニスの王子様", None)]),
    ("The Stage Play \"Jujutsu Kaisen\" Season 2 Reveals Its Cast", [("呪術廻戦", None)]),
])
def test_a_medium_named_before_the_title_makes_its_season_that_works(title, expected):
    assert tagged(title, "") == expected


@pytest.mark.parametrize("title, expected", [
    ("Is Osamake Worth Watching?", [("幼なじみが絶対に負けないラブコメ", None)]),
    ("CloverWorks' Horimiya Premieres", [("ホリミヤ", 1)]),
    ("Good Smile Company Opens Preorders for Frieren Nendoroid", [("葬送のフリーレン", None)]),
])
def test_a_name_english_hardly_uses_needs_no_title_context(title, expected):
    assert tagged(title, "") == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Gundam SEED FREEDOM Opens at No. 1", "The film topped the box office.", [("機動戦士ガンダムSEED FREEDOM", None)]),
    ("Campfire Cooking in Another World Season 2 Premieres", "", [("とんでもスキルで異世界放浪メシ", 2)]),
    ("Summer 2024: Oshi no Ko Season 2, Makeine and Alya Top Fan Polls", "", [
        ("【推しの子】", 2), ("時々ボソッとロシア語でデレる隣のアーリャさん", 1), ("負けヒロインが多すぎる！", 1)]),
])
def test_a_name_inside_a_longer_title_is_not_tagged_but_a_list_of_titles_is(title, text, expected):
    assert tagged(title, text) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Vivy -Fluorite Eye's Song- Premieres",
     "Wit Studio's original anime premiered on April 3. Re:Zero author Tappei Nagatsuki co-wrote the story.",
     [("Vivy -Fluorite Eye's Song-", 1)]),
    ("New Manga From the Creator of Attack on Titan", "The one-shot runs in a magazine.", []),
    ("Ayakashi Triangle Premieres", "The anime comes from To Love-Ru artist Kentaro Yabuki.", [("あやかしトライアングル", 1)]),
    ("「戦翼のシグルドリーヴァ」放送開始", "「Re:ゼロから始める異世界生活」の長月達平がストーリー原案を手がけるオリジナルアニメ。",
     [("戦翼のシグルドリーヴァ", 1)]),
    ("Lazarus, from Cowboy Bebop Director Shinichiro Watanabe, Debuts on Toonami",  # the director's earlier work
     "The action original debuted on Adult Swim.", [("LAZARUS ラザロ", 1)]),
    ("Cowboy Bebop Director Shinichiro Watanabe Talks About the Series", "", [("COWBOY BEBOP", 1)]),
])
def test_a_title_named_to_credit_its_author_is_not_what_the_article_is_about(title, text, expected):
    assert tagged(title, text) == expected


def test_a_live_action_adaptation_keeps_its_series_but_a_drama_sharing_a_word_does_not():
    assert tagged("Netflix's Live-Action One Piece Premieres", "The series streams worldwide.") == [
        ("ONE PIECE", None)]
    assert tagged("Netflix's Live-Action City Hunter Streams Worldwide", "Ryohei Suzuki plays Ryo Saeba.") == [
        ("シティーハンター", None)]
    assert tagged("The K-drama “Kingdom” Returns for a Third Season", "Netflix confirmed the drama.") == []
    assert tagged("実写『ONE PIECE』シーズン2制作決定",
                  "Netflixの実写ドラマ『ONE PIECE』のシーズン2制作が決まった。") == [
        ("ONE PIECE", None)]  # 実写ドラマ adapts the work: its name is the work's, not a drama's own


@pytest.mark.parametrize("title, text, expected", [
    ("「サザエさん」放送55周年、記念企画が続々", "", [("サザエさん", None)]),
    ("Bones' Metallic Rouge Premieres for the Studio's 25th Anniversary", "", [("メタリックルージュ", 1)]),
    ("Manga Artist Akira Toriyama Dies at 68", "He drew Dragon Ball in Weekly Shonen Jump.", [("ドラゴンボール", None)]),
    ("Manga Artists Pay Tribute to Berserk Creator Kentaro Miura",
     "Fans paid tribute to Berserk creator Kentaro Miura.",
     [("剣風伝奇ベルセルク", None)]),  # a tribute after a death: the works it credits
    ("“のび太の声”小原乃梨子さん亡くなる　『ドラえもん』で愛された88歳", "", [("ドラえもん", None)]),
    ("鳥山明さん死去に『ドラゴンボール』『Dr.スランプ』の声優陣が追悼", "",
     [("Dr.スランプ アラレちゃん", None), ("ドラゴンボール", None)]),  # the manga's name, curated
    ("秋アニメ『妻、小学生になる。』放送開始！亡くなった妻が小学生の姿で", "",
     [("妻、小学生になる。", 1)]),  # a story's death is no obituary: a person's さん is
    ("Hirohiko Araki Receives the Lifetime Achievement Prize", "Araki began JoJo's Bizarre Adventure in 1987.",
     [("ジョジョの奇妙な冒険", None)]),
    ("高橋留美子が紫綬褒章を受章", "『うる星やつら』『らんま1/2』で知られる漫画家。",
     [("うる星やつら", None), ("らんま1/2", None)]),
])
def test_an_anniversary_or_a_creators_death_is_the_franchises_news(title, text, expected):
    assert tagged(title, text) == expected


def test_a_media_word_inside_an_english_title_is_not_the_news():
    assert tagged("Darwin's Game Anime Launches With Its First Hour-Long Episode", "Nexus animates it.") == [
        ("ダーウィンズゲーム", 1)]


def test_a_franchise_work_named_in_title_brackets_is_the_franchises():
    assert tagged("RPG「ONE PIECE ODYSSEY」発売", "麦わらの一味が謎の島を冒険する。") == [("ONE PIECE", None)]


def test_a_studios_possessive_shows_a_title_and_a_companys_name_is_none():
    assert tagged("Wit Studio's Bubble Debuts on Netflix", "The film streams worldwide.") == [("バブル", None)]
    assert [series for series, _ in tagged("D4DJ All Mix Premieres", "Bushiroad's DJ franchise returns.")] == ["D4DJ First Mix"]


@pytest.mark.parametrize("title, text, expected", [
    ("ONE PIECE Live-Action Season 2 Casts Its Crocodile", "Filming is under way in Cape Town.", [("ONE PIECE", None)]),
    ("Netflix's One Piece Season 2 Gets a Title", "The second season of its live-action One Piece streams in March.",
     [("ONE PIECE", None)]),
    ("南勝久「ザ・ファブル」TVアニメ放送開始", "実写映画化もされた漫画『ザ・ファブル』のTVアニメが始まった。", [("ザ・ファブル", 1)]),
    ("The Vampire Dies in No Time Collaboration Café Comes to Ikebukuro", "The menu ties in with the second season.",
     [("吸血鬼すぐ死ぬ", None)]),
])
def test_a_season_named_in_live_action_or_cafe_news_is_none_of_the_animes(title, text, expected):
    assert tagged(title, text) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Lycoris Recoil's First Blu-ray Volume Opens High on Oricon Chart", "It sold 20,000 copies.",
     [("リコリス・リコイル", 1)]),
    ("「吸血鬼すぐ死ぬ２」Blu-ray BOX発売", "第2期全12話を収録する。", [("吸血鬼すぐ死ぬ", 2)]),
])
def test_a_seasons_blu_ray_is_that_seasons_news(title, text, expected):
    assert tagged(title, text) == expected


def test_every_show_a_seasons_lineup_names_is_tagged():
    tags = MATCHER.tag("春アニメ2024、「ユーフォ」3期や「魔法科」第3シーズンが放送へ",
                       "2024年春アニメでは人気シリーズの続編が放送される。\n新作では「夜桜さんちの大作戦」が世界配信される。",
                       "2024-04-01T09:00:00+09:00")
    assert "夜桜さんちの大作戦" in {t.series.title_ja for t in tags}
    passing = MATCHER.tag("「響け！ユーフォニアム3」放送開始",
                          "久美子が部長になる。\n新作では「夜桜さんちの大作戦」も世界配信される。", "2024-04-07T09:00:00+09:00")
    assert "夜桜さんちの大作戦" not in {t.series.title_ja for t in passing}  # one passing mention outside a lineup


def test_a_media_word_inside_a_japanese_title_is_not_the_news():
    assert tagged("「女神のカフェテラス」放送開始", "海辺の喫茶店が舞台のラブコメ。") == [("女神のカフェテラス", 1)]


@pytest.mark.parametrize("title, text", [
    ("Princess Connect! Re:Dive Anime Premieres",
     "The anime of Cygames' smartphone game Princess Connect! Re:Dive premiered on April 6."),
    ("Uma Musume Pretty Derby TV Anime Begins",
     "P.A. Works' adaptation of Cygames's racing game Uma Musume Pretty Derby began in April."),
    ("北海道が舞台「ゴールデンカムイ」放送スタート", "野田サトルの漫画を原作とするTVアニメ「ゴールデンカムイ」が放送中。"),
])
def test_the_source_an_anime_adapts_or_its_setting_is_no_other_work(title, text):
    """A game named as the anime's source, or 舞台 as the story's setting, leaves the premiere a season's news."""
    assert [season for _, season in tagged(title, text)] == [1]


def test_a_name_written_with_its_catalog_hyphen_is_a_title():
    """"Re-Main" joins ordinary words the way only the title does; "well-being" in prose is no title."""
    assert tagged("MAPPA's Water Polo Original Re-Main Dives In") == [("RE-MAIN", 1)]
    assert tagged("Fans Remain Loyal", "The fans remain loyal to the studio.") == []


@pytest.mark.parametrize("title, text, expected", [
    ("江口夏実「出禁のモグラ」アニメ放送開始", "「鬼灯の冷徹」の江口夏実による漫画を原作としたTVアニメ「出禁のモグラ」が放送中。",
     [("出禁のモグラ", 1)]),
    ("Akira Toriyama, Creator of Dr. Slump, Dies at 68", "The creator of Dr. Slump died on March 1.",
     [("Dr.スランプ アラレちゃん", None)]),
])
def test_a_creators_other_work_is_a_credit_except_in_their_obituary(title, text, expected):
    assert tagged(title, text) == expected


def test_a_broadcast_headline_names_the_game_as_the_source():
    assert tagged("Uma Musume Pretty Derby TV Anime Premieres Ahead of the Game", "") == [("ウマ娘 プリティーダービー", 1)]
    assert tagged("Uma Musume Pretty Derby: The Game Launches Worldwide", "") == [("ウマ娘 プリティーダービー", None)]


@pytest.mark.parametrize("title", [
    "Scarlet Nexus Anime Takes Players Back to the Game's First Arc",
    "Scarlet Nexus Anime Dated for July, the Game's Psionics Hit TV",
])
def test_a_titles_anime_as_the_headlines_subject_is_the_seasons_news(title):
    assert tagged(title, "", "2021-07-01") == [("SCARLET NEXUS", 1)]
    assert tagged("Scarlet Nexus Anime Fans Flock to the Game", "", "2021-07-01") == [("SCARLET NEXUS", None)]
    assert tagged("『魔法使いの約束』アニメ、全12話を振り返る特番を配信",
                  "TVアニメ『魔法使いの約束』の放送終了を記念し、特別番組が配信された。原作はゲーム『まほやく』。",
                  "2025-04-01") == [("魔法使いの約束", 1)]


@pytest.mark.parametrize("title, expected", [
    ("Yo-kai Watch Celebrates 10 Years Since the First Game", [("妖怪ウォッチ", None)]),
    ("A Galaxy Next Door Brings Amu Ukita's Manga to TV", [("おとなりに銀河", 1)]),
])
def test_anniversaries_in_years_and_a_manga_brought_to_tv(title, expected):
    assert tagged(title, "") == expected


def test_a_song_or_a_film_title_opening_a_sentence_is_no_short_title():
    from pipelines.media import part_of_longer_name
    assert part_of_longer_name("comparisons to X Japan's hit ", "Kurenai", ". X Japan's Yoshiki posted")
    assert part_of_longer_name("", "Kingdom", " of the Planet of the Apes opened at the top")
    assert not part_of_longer_name("", "Kingdom", " Season 5 premieres in January")
    assert not part_of_longer_name("the anime ", "Kurenai", " premiered")


def test_cast_staff_and_music_news_after_an_opening_name_and_a_directors_possessive_show_a_title():
    from pipelines.media import announces_a_work, shows_title
    assert announces_a_work(" Reveals Composers Kamasi Washington, Bonobo and Floating Points")
    assert announces_a_work(" Unveils New Key Visual")
    assert not announces_a_work(" Reveals Why the Show Was Cancelled")
    assert shows_title("Shinichiro Watanabe's ", "")
    assert not shows_title("Kamasi Washington's ", "")


@pytest.mark.parametrize("headline", ["結束バンド初のワンマンライブ「恒星」開催", "舞台の豊橋市でコラボ企画、スタンプラリーも",
                                      "Anime Stamp Rally Comes to Numazu", "『呪術廻戦』×ローソン コラボキャンペーン開始"])
def test_concerts_collaborations_and_stamp_rallies_are_other_media(headline):
    from pipelines.media import about_other_media
    assert about_other_media(headline)


def test_a_collaboration_song_is_the_seasons_news():
    from pipelines.media import about_other_media
    assert not about_other_media("TVアニメ第2期のOPはコラボ楽曲に決定")


def test_a_name_described_as_an_opening_theme_is_a_song():
    from pipelines.media import part_of_longer_name
    assert part_of_longer_name('Lilas Ikuta will perform "', "Hyakka Ryouran", '," the opening theme of the second season')
    assert not part_of_longer_name("the anime ", "Hyakka Ryouran", " premiered in 2010")


@pytest.mark.parametrize("headline, other", [("SAO Progressive: Scherzo of Deep Night Opens in North America", True),
                                             ("Jujutsu Kaisen Phantom Parade Launches in Japan", True),
                                             ("Irina: The Vampire Cosmonaut Launches in October", False)])
def test_a_film_opening_or_a_game_launching_in_a_country_is_other_media(headline, other):
    from pipelines.media import about_other_media
    assert about_other_media(headline) is other


@pytest.mark.parametrize("title, text, expected", [
    ("Makoto Shinkai Announces His Next Film, Suzume no Tojimari",
     "Makoto Shinkai's next film is Suzume no Tojimari, Toho and CoMix Wave Films announced. It is Shinkai's first "
     "film since Weathering With You.", [("すずめの戸締まり", None)]),
    ("Suzume Plays in Berlin's Main Competition",  # the record's last holder
     "Makoto Shinkai's Suzume screened in the main competition, the first Japanese anime there since Spirited Away "
     "in 2002.", [("すずめの戸締まり", None)]),
    ("Frieren Becomes MyAnimeList's Top-Rated Anime",
     "Frieren: Beyond Journey's End has overtaken Fullmetal Alchemist: Brotherhood as the highest-rated anime on "
     "MyAnimeList.", [("葬送のフリーレン", 1)]),
    ("『ガンダムSEED FREEDOM』興収40億円を突破",
     "劇場アニメ『機動戦士ガンダムSEED FREEDOM』の興行収入が40億円を超えた。TVシリーズ『機動戦士ガンダムSEED DESTINY』から約18年ぶりの新作。",
     [("機動戦士ガンダムSEED FREEDOM", None)]),
    ("あfろ『mono』のTVアニメ化が決定", "『ゆるキャン△』のあfろによる漫画『mono』のTVアニメ化が発表された。", [("mono", 1)]),
])
def test_a_studios_name_a_work_overtaken_and_a_creators_earlier_work_are_not_the_news(title, text, expected):
    """The "Wave" of CoMix Wave Films, a work another overtook in a ranking, the work a new one
    comes years after, and the work that credits its author (its title's closing △ aside)."""
    assert tagged(title, text) == expected


def test_a_phrase_of_prose_is_no_japanese_title_and_a_sign_read_as_a_letter_is_kept():
    assert tagged("新NISAが始動", "投資のはじめの一歩に関心が集まっている。") == []
    assert tagged("大阪・関西万博で実物大ガンダム像がお披露目", "全高約17メートルのガンダム像が公開された。") == []
    assert tagged("『∀ガンダム』25周年記念のBlu-ray BOXが発売", "") == [("∀ガンダム", None)]  # an anniversary's box
    assert tagged("『∀ガンダム』Blu-ray BOXが発売", "") == [("∀ガンダム", 1)]  # a season's home video


@pytest.mark.parametrize("title, text, published, expected", [
    ("「進撃の巨人」完結編 劇場版、11月8日公開", "", "2024-09-01", [("進撃の巨人", None)]),
    ("Dan Da Dan: Evil Eye Brings Season 2's First Episodes to Theaters", "", "2025-06-06", [("ダンダダン", None)]),
    ("Tensura Gets a Fourth Season and a Second Movie", "", "2024-03-30", [("転生したらスライムだった件", 4)]),
    ("Spy x Family Season 2 and a Film Announced at Jump Festa", "", "2022-12-18", [("SPY×FAMILY", 2)]),
    ("Overlord Season 4 and a Holy Kingdom Arc Film Announced", "", "2021-05-08", [("オーバーロード", 4)]),
    ("One Piece Anime Goes on Hiatus Until April 2025", "", "2024-10-01", [("ONE PIECE", 1)]),
    ("『チ。―地球の運動について―』最終回、全25話で完結", "", "2025-03-16", [("チ。―地球の運動について―", 1)]),
    ("『チェンソーマン』第1部が完結、第2部は少年ジャンプ＋で", "漫画の第1部が週刊少年ジャンプで完結した。", "2020-12-14",
     [("チェンソーマン", None)]),
    ("新作歌舞伎『ルパン三世』新橋演舞場で開幕", "", "2023-06-01", [("ルパン三世 1stシリーズ", None)]),
    ("『怪獣8号』TVアニメは2024年4月放送、ジャンプフェスタで発表", "", "2023-12-17", [("怪獣8号", 1)]),
])
def test_film_screening_stage_and_manga_part_news_and_a_final_episode(title, text, published, expected):
    """A film or a cinema screening of a season names no season, unless a season is announced
    beside it; a show's 最終回 is its season's news though its story 完結; a manga's 第1部 and a
    kabuki stage are not a season; ジャンプフェスタ is no festival of other media."""
    assert tagged(title, text, published) == expected


def test_an_events_stages_and_a_box_offices_films_count_and_an_apposition_shows_a_title():
    jump_festa = MATCHER.tag("Jump Festa 2022: Spy x Family Dated for April, Chainsaw Man Trailer Shown",
                             "The stages confirmed an April premiere for Spy x Family.\nOther stages covered Jujutsu "
                             "Kaisen 0, opening on December 24.", "2021-12-19")
    assert "劇場版 呪術廻戦 0" in {e.title for t in jump_festa for e in t.series.entries}
    box_office = MATCHER.tag("2020年の映画興収、『劇場版「鬼滅の刃」無限列車編』が首位",
                             "興行収入ランキングで首位となった。\nアニメでは『劇場版 ヴァイオレット・エヴァーガーデン』も上位に入った。",
                             "2021-01-27")
    assert "ヴァイオレット・エヴァーガーデン" in {t.series.title_ja for t in box_office}
    zero = MATCHER.tag("New Prequel Streams on Disney+", "Lupin Zero, a six-episode prequel, began on December 16.",
                       "2022-12-17")
    assert [t.series.title_ja for t in zero] == ["LUPIN ZERO"]
    assert tagged("Infinity Castle Becomes the Highest-Grossing Japanese Film",
                  "Demon Slayer: Kimetsu no Yaiba Infinity Castle has passed Spirited Away to become the top "
                  "film.") == [("鬼滅の刃", None)]
    assert tagged("Reze Arc Opens at No. 1", "Chainsaw Man – The Movie: Reze Arc opened first, beating the holdover "
                  "Demon Slayer film.") == [("チェンソーマン レゼ篇", None)]
    assert tagged("Mugen Train Overtakes Spirited Away as Japan's Top-Grossing Film",
                  "The feature passed 32.4 billion yen.\nSpirited Away held the record for 19 years.") == [
        ("鬼滅の刃", None)]  # overtaken in the headline: a rival all through
    assert tagged("Mugen Train Becomes Japan's Top-Grossing Film Worldwide",
                  "Demon Slayer: Mugen Train passed Spirited Away as the top Japanese film.") == [("鬼滅の刃", None)]
    assert tagged("The Boy and the Heron Beats Suzume at the Golden Globes",  # a contender beaten, in the headline
                  "Miyazaki's film won the animated feature prize.") == [
        ("すずめの戸締まり", None), ("君たちはどう生きるか", None)]
    assert tagged("『BanG Dream! Ave Mujica』最終回", "前作『MyGO!!!!!』と同じ制作会社が担当した。") == [
        ("BanG Dream! Ave Mujica", 1)]


@pytest.mark.parametrize("title, expected", [
    ("TVアニメ『SPY×FAMILY』放送開始、劇場先行上映を経てテレビへ", [("SPY×FAMILY", 1)]),
    ("Spy x Family Anime Premieres on TV After Advance Screenings", [("SPY×FAMILY", 1)]),
    ("『SPY×FAMILY』先行上映が全国の劇場で", [("SPY×FAMILY", None)]),
])
def test_an_advance_screening_in_a_broadcasts_headline_is_the_seasons_news(title, expected):
    assert tagged(title, "") == expected


@pytest.mark.parametrize("title, published, expected", [
    ("『鬼滅の刃』ワールドツアー上映が開幕　柱稽古編第1話を先行公開", "2024-02-03", [("鬼滅の刃", 4)]),
    ("Oshi no Ko's 90-Minute First Episode to Screen in Theaters", "2023-03-17", [("【推しの子】", 1)]),
    ("Anime Expo 2025: Gachiakuta Screens Its First Episode", "2025-07-04", [("ガチアクタ", 1)]),
    ("『ささやくように恋を唄う』第11話・12話を放送　延期分が完結", "2024-06-20", [("ささやくように恋を唄う", 1)]),
    ("大洗あんこう祭に『ガルパン』声優陣　最終章第4話の上映も続く", "2023-11-19", [("ガールズ＆パンツァー", None)]),
])
def test_one_episode_previewed_in_cinemas_or_aired_is_the_seasons_news(title, published, expected):
    """A single episode shown before it airs is the broadcast's preview, and 第N話を放送 its broadcast,
    where a film's chapter (ガルパン 最終章第4話) stays a film's news."""
    assert [(t.series.title_ja, t.season) for t in MATCHER.tag(title, "", published)] == expected


def test_a_name_with_an_honorific_is_read_by_its_romaji():
    assert tagged("Ninja Hattori-kun Returns in a New Series", "The anime adapts Fujiko A. Fujio's manga.") == [
        ("忍者ハットリくん", 1)]


def test_works_listed_together_are_what_an_article_naming_none_in_its_headline_is_about():
    assert tagged("Jump Force Brings Shonen Jump Heroes Together on Consoles",
                  "Bandai Namco released the fighting game on February 15.\nIts roster has characters from Dragon Ball, "
                  "One Piece and Naruto battling in real-world cities.") == [
        ("NARUTO -ナルト-", None), ("ONE PIECE", None), ("ドラゴンボール", None)]
    assert tagged("「CLAMP展」国立新美術館で開幕", "デビュー35周年を記念した展覧会が始まった。\n『カードキャプターさくら』"
                  "『魔法騎士レイアース』の原画が展示される。") == [("カードキャプターさくら", None), ("魔法騎士レイアース", None)]


def test_one_work_named_past_the_lead_of_such_an_article_is_named_in_passing():
    assert tagged("Radiohead Announce Their First Tour in Seven Years",
                  "The band will play arenas in Europe.\nThe setlist opens with Burn the Witch.") == []


@pytest.mark.parametrize("title, text, expected", [
    ("Gundam Reconguista in G II: Bellri's Fierce Charge Opens", "The second of five films opened in theaters.",
     [("ガンダム Gのレコンギスタ", None)]),  # a film opens; a TV season premieres
    ("Demon Slayer: Infinity Castle Part 1 Dated for July 18",
     "The first film of Infinity Castle will open in Japan on July 18. The trilogy adapts the final battle.",
     [("鬼滅の刃", None)]),  # the lead calls the part a film
    ("Spy x Family Part 2 Set for October", "The second cour airs on TV Tokyo. It follows the film Code: White.",
     [("SPY×FAMILY", 2)]),  # a film named beside the season: the part is still a cour
    ("「富野由悠季の世界」福岡市美術館で開幕", "『機動戦士ガンダム』の資料が並ぶ。", [("機動戦士ガンダム", None)]),  # a museum's show
])
def test_a_films_part_number_or_opening_and_a_museums_show_name_no_season(title, text, expected):
    assert tagged(title, text, "2023-07-01") == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Jujutsu Kaisen Opens to Its Biggest Weekend Yet",
     "Jujutsu Kaisen: Execution, a new anime film, opened in Japan on November 7. It leads into the third season.",
     [("呪術廻戦", None)]),  # the lead calls the one work a film: no season of the date
    ("Jujutsu Kaisen Opens Its Biggest Weekend Yet", "Jujutsu Kaisen: Execution opened in Japan on November 7.",
     [("呪術廻戦", 3)]),  # no film in the lead: the latest season by the date
    ("Jujutsu Kaisen Returns for One More Weekend",
     "Jujutsu Kaisen's heroine wakes up inside the anime film she loved. The show streams weekly.",
     [("呪術廻戦", 3)]),  # a film inside the story is no film's news
])
def test_a_headline_with_no_season_over_a_lead_that_calls_its_one_work_a_film_is_the_films(title, text, expected):
    assert tagged(title, text, "2025-11-10") == expected


def test_a_persons_earlier_work_and_ordinary_words_of_a_headline_are_not_what_it_is_about():
    assert tagged("Frieren Composer Evan Call Scores the Journey",
                  "Evan Call, who scored Violet Evergarden, is composing the music of Frieren: Beyond Journey's End.") == [
        ("葬送のフリーレン", 1)]  # "the Journey" is no film of the headline, Violet Evergarden a credit
    assert tagged("『まちカドまぞく 2丁目』放送開始　シャミ子と桃の多摩の日常",
                  "TVアニメ『まちカドまぞく 2丁目』が4月から放送されている。") == [("まちカドまぞく", 2)]  # 日常 ends a line


def test_a_word_of_a_subtitle_inside_another_works_brackets_names_no_work():
    assert tagged("『BLEACH Rebirth of Souls』の体験版が配信", "対戦アクションゲームの体験版が公開された。") == [
        ("BLEACH", None)]  # "Rebirth" is a series' name too
    assert tagged("「ウマ娘 シンデレラグレイ」第2クール放送開始", "オグリキャップの物語が続く。") == [
        ("ウマ娘 シンデレラグレイ", 1)]  # the spin-off's own title holds the franchise's name


@pytest.mark.parametrize("title, text, expected", [
    ("Super Hero Becomes the Biggest Dragon Ball Film in North America",
     "Dragon Ball Super: Super Hero topped the US box office in its first weekend.",
     [("ドラゴンボール超 スーパーヒーロー", None)]),  # the franchise's word of the film the body names
    ("「ドラゴンボール超 スーパーヒーロー」がドラゴンボール映画の記録を更新",
     "映画『ドラゴンボール超 スーパーヒーロー』の興行収入が歴代最高を記録した。",
     [("ドラゴンボール超 スーパーヒーロー", None)]),
    ("Every Dragon Ball Film Streams on Crunchyroll", "The Dragon Ball films arrive this month.",
     [("ドラゴンボール", None)]),  # no work of the franchise is tagged: the franchise is the news
])
def test_a_franchises_word_before_film_or_series_qualifies_the_tagged_work_that_holds_it(title, text, expected):
    assert tagged(title, text, "2022-07-01") == expected


@pytest.mark.parametrize("title, published, expected", [
    ("Psycho-Pass 3 Ends, First Inspector Film Set for Spring", "2019-12-13", [("PSYCHO-PASS サイコパス", 3)]),
    ("「鬼滅の刃」第4期が放送決定、劇場版も公開へ", "2023-06-20", [("鬼滅の刃", 4)]),
    ("Oshi no Ko Season 2 Premieres After Live-Action Film Announcement", "2024-07-03", [("【推しの子】", 2)]),
    ("Spy x Family Season 2 Airs as Code: White Film Nears", "2023-10-07", [("SPY×FAMILY", 2)]),  # "After", "As"
    ("Psycho-Pass 3: First Inspector Film Set for Spring", "2019-12-13",
     [("PSYCHO-PASS サイコパス 3 FIRST INSPECTOR", None)]),  # one clause: the film's news
])
def test_a_season_named_in_a_clause_of_its_own_beside_a_film_is_kept(title, published, expected):
    assert tagged(title, "The story continues.", published) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Animator Yasuo Otsuka Dies", "The animator died on March 15.\nHe was the animation director of Lupin III.",
     [("ルパン三世 1stシリーズ", None)]),
    ("Cowboy Bebop Writer Dies", "The screenwriter was 57.", [("COWBOY BEBOP", None)]),  # no credit in an obituary
    ("声優の訃報", "声優が亡くなった。\n長く親しまれた。『サザエさん』のマスオ役で知られる。", [("サザエさん", None)]),
])
def test_an_obituarys_works_named_in_its_first_sentences_are_its_news(title, text, expected):
    assert tagged(title, text) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Sword Art Online Fractured Daydream Hits Consoles", "Bandai Namco's game is out.", [("ソードアート・オンライン", None)]),
    ("Yu-Gi-Oh! Duel Links Passes 100 Million Downloads", "Konami thanked its players.", [("遊戯王デュエルモンスターズ", None)]),
    ("Chainsaw Man Teams Up With a Ramen Chain", "Bowls come with stickers.", [("チェンソーマン", None)]),
    ("「SPY×FAMILY」の一番くじが発売", "ぬいぐるみが当たる。", [("SPY×FAMILY", None)]),
    ("「ONE PIECE」イベントが横浜で開幕", "麦わらの一味が登場するショーが行われる。", [("ONE PIECE", None)]),
    ("「ONE PIECE」イベントで新シリーズ第2期を発表", "会場で発表された。", [("ONE PIECE", 2)]),  # a season named stays
])
def test_games_lotteries_tie_ups_and_events_name_no_season(title, text, expected):
    assert tagged(title, text, "2024-05-01") == expected


def test_a_ranking_weighs_every_work_it_ranks_and_a_comics_ranking_names_no_season():
    assert tagged("年間コミックランキング、『呪術廻戦』が首位", "2位は『ONE PIECE』、3位は『ブルーロック』だった。") == [
        ("ONE PIECE", None), ("ブルーロック", None), ("呪術廻戦", None)]


def test_a_titles_possessive_before_a_persons_name_credits_the_person_past_the_headline():
    assert tagged("Witch Watch Anime Premieres in April", "The comedy is the new series from SKET Dance's Kenta "
                  "Shinohara.") == [("ウィッチウォッチ", 1)]


def test_a_work_the_headline_says_a_new_one_follows_is_not_its_news():
    assert tagged("『SSSS.DYNAZENON』制作決定　『SSSS.GRIDMAN』に続くシリーズ第2弾", "TRIGGERが手がける。") == [
        ("SSSS.DYNAZENON", 1)]


def test_a_creators_centenary_is_the_news_of_the_works_it_credits():
    assert sorted((t.series.title_ja, t.season) for t in MATCHER.tag(
        "石ノ森章太郎生誕85周年　『サイボーグ009』の作者をしのぶ企画", "全国で記念展示が行われる。", "2023-01-25")) == [
        ("サイボーグ009", None)]


@pytest.mark.parametrize("title, published, expected", [
    ("「機動戦士ガンダム」ガンプラの新作が登場", "2018-04-05", [("機動戦士ガンダム", None)]),
    ("Gundam Build Divers Premieres, a New Series of Gunpla Battles", "2018-04-05", [("ガンダムビルドダイバーズ", 1)]),
])
def test_model_kits_name_no_season_unless_a_series_about_them_premieres(title, published, expected):
    assert tagged(title, "The kits go on sale.", published) == expected


def test_a_long_loanword_name_opening_a_bracketed_title_before_a_space_is_the_franchise():
    assert tagged("ゲーム『ドラゴンボール スパーキング！ゼロ』発売", "対戦アクションゲームが発売された。") == [
        ("ドラゴンボール", None)]
    assert tagged("『キングダム ハーツIV』の新映像が公開", "スクウェア・エニックスのゲーム。") == []  # five characters: another word


def test_a_name_several_series_share_is_read_as_one_series_all_through_the_article():
    assert sorted((t.series.title, t.season) for t in MATCHER.tag(
        "『ポケットモンスター ソード・シールド』の新情報", "ポケモンの新作ゲームで、ガラル地方が舞台となる。", "2024-06-01")) == [
        ("Pokemon", None)]  # the franchise's game, by the first series; not the one airing in 2024 for the body's ポケモン


@pytest.mark.parametrize("title, expected", [
    ("春アニメはゲーム原作が豊作　『ウマ娘 プリティーダービー』『アイドルマスター シャイニーカラーズ』",
     [("アイドルマスター シャイニーカラーズ", 1), ("ウマ娘 プリティーダービー", 3)]),  # a lineup's source words
    ("スマホゲーム原作の『アイドルマスター シャイニーカラーズ』TVアニメが放送開始", [("アイドルマスター シャイニーカラーズ", 1)]),
    ("『アイドルマスター シャイニーカラーズ』放送開始　劇場とアイドルが交差する物語", [("アイドルマスター シャイニーカラーズ", 1)]),
    ("Mrs. GREEN APPLE「ドラマティック」が『葬送のフリーレン』OPに", [("葬送のフリーレン", 1)]),  # a song's name, no drama
    ("『アオのハコ』OPはOfficial髭男dism「Same Blue」 原作を読み込み書き下ろし",
     [("アオのハコ", 1)]),  # the song's source
    ("「ごちうさBLOOM」OPはPetit Rabbit's「天空カフェテリア」", [("ご注文はうさぎですか？", 3)]),  # a song's café
])
def test_a_broadcast_or_a_lineups_words_for_a_source_setting_or_song_are_not_other_media(title, expected):
    assert tagged(title, "", "2024-04-05") == expected


@pytest.mark.parametrize("title", [
    "『ウマ娘 プリティーダービー』出荷・販売数が500万本を突破",
    "Uma Musume: Pretty Derby Party Dash Comes to Switch and PC",
    "Uma Musume Cast Return in Fighting Games Crossover",
    "Stores Pull Uma Musume Cards Amid Resale Frenzy",
])
def test_sales_in_units_switch_releases_fighting_games_and_cards_name_no_season(title):
    assert [t.season for t in MATCHER.tag(title, "", "2024-04-05")] == [None]


@pytest.mark.parametrize("title, text, expected", [
    ("Pokémon Sleep Turns Bedtime Into a Research Project", "Pokémon Sleep tracks how players sleep.",
     [("ポケットモンスター", None)]),  # the franchise's game: its first series, not the one airing
    ("Digimon Survive Finally Launches", "Bandai Namco released Digimon Survive after years of delays.",
     [("デジモンアドベンチャー", None)]),
    ("『デジモンサヴァイブ』ついに発売", "シミュレーションRPG『デジモンサヴァイブ』が発売された。",
     [("デジモンアドベンチャー", None)]),
    ("Pokémon Returns With a New Anime in April", "The Pokémon anime returns with new heroes.",
     [("ポケットモンスター", 1)]),  # a headline's capital is a verb's where the body writes it otherwise
    ("Pokemon Legends: Z-A Launches on Switch", "Game Freak's Pokemon Legends: Z-A is set in Lumiose City.",
     [("ポケットモンスター", None)]),  # the franchise's word without its accent, as outlets write it
])
def test_a_franchises_word_before_a_name_the_catalog_does_not_know_is_another_of_its_works(title, text, expected):
    assert tagged(title, text, "2024-06-01") == expected


def test_a_word_of_a_longer_capitalized_name_before_a_colon_is_no_title():
    assert tagged("Winter 2023's Isekai Wave: Three Shows to Watch", "Three isekai premiere in January.") == []


@pytest.mark.parametrize("title, text, expected", [
    ("Uzumaki Finally Airs on Adult Swim", "Junji Ito's Uzumaki premiered on Toonami.", [("うずまき", 1)]),
    ("Fall 2023 Manga Adaptations: Firefighter Daigo and Under Ninja", "Both premiere in October.",
     [("め組の大吾 救国のオレンジ", 1), ("アンダーニンジャ", 1)]),  # a season's lineup: "manga" says the source
])
def test_a_show_that_airs_an_owners_title_and_a_lineups_source_word(title, text, expected):
    assert tagged(title, text, "2023-10-05") == expected


@pytest.mark.parametrize("title, published, expected", [
    ("『私の百合はお仕事です！』放送開始　リーベ女学園のカフェ", "2023-04-05",
     [("私の百合はお仕事です！", 1)]),  # the story's setting
    ("『私の百合はお仕事です！』放送開始記念コラボカフェ", "2023-04-05", [("私の百合はお仕事です！", None)]),
    ("『機動戦士ガンダム 水星の魔女』Season2、ガンプラ「エアリアル改修型」が品薄に", "2023-05-01",
     [("機動戦士ガンダム 水星の魔女", None)]),  # goods named after a season
    ("『幽☆遊☆白書』30周年記念、Blu-ray BOXが発売", "2022-12-01", [("幽☆遊☆白書", None)]),
    ("『ぼっち・ざ・ろっく！』結束バンド、初のZeppツアー完走", "2023-09-01", [("ぼっち・ざ・ろっく！", None)]),
    ("『ガールズ＆パンツァー』大洗あんこう祭が3年ぶり開催", "2022-11-20", [("ガールズ＆パンツァー", None)]),
    ("『スキップとローファー』×石川県　観光キャンペーン", "2023-06-01", [("スキップとローファー", None)]),
])
def test_a_cafe_setting_goods_anniversary_boxes_tours_festivals_and_campaigns(title, published, expected):
    assert tagged(title, "", published) == expected


def test_a_paragraph_opening_with_a_name_is_prose_not_a_roundups_heading():
    assert sorted(t.series.title_ja for t in MATCHER.tag(
        "The Idolm@ster Million Live! Finally Gets Its Anime", "The anime began after a film release.\n"
        "Mirai, Shizuka and Tsubasa aim for the stage.", "2023-10-08")) == ["アイドルマスター ミリオンライブ！"]


@pytest.mark.parametrize("title, text, published, expected", [
    ("Bermuda Triangle: Colorful Pastrale Premieres From the Card Game", "The anime premiered in January.",
     "2019-01-12", [("バミューダトライアングル ～カラフル・パストラーレ～", 1)]),  # its source, not the news
    ("Wake Up, Girls! Say Goodbye at Saitama Super Arena", "The voice unit gave its last concert.", "2019-03-09",
     [("Wake Up, Girls!", None)]),  # a concert hall: the franchise's live show
    ("Live Spectacle Naruto Stages the Akatsuki Arc", "Live Spectacle NARUTO: Song of the Akatsuki opened in Tokyo.",
     "2019-04-12",
     [("NARUTO -ナルト-", None)]),
    ("Attack on Titan 2: Final Battle Expands Koei Tecmo's Game", "The expansion adds the third season's story.",
     "2019-07-04", [("進撃の巨人", None)]),
    ("Nogizaka46 Brings the Sailor Moon Musical Back to the Stage", "The musical opens in June.", "2019-06-14",
     [("美少女戦士セーラームーン", None)]),  # "Brings the": a headline's verb, not a longer title's words
])
def test_a_source_a_concert_hall_a_stage_show_and_a_companys_game(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_name_right_after_a_titles_colon_is_its_subtitle():
    assert tagged("Kakushigoto the Movie Opens in Japan",
                  "Kakushigoto: Himegoto wa Nandesuka, the film of the Kakushigoto TV anime, opened in July.") == [
        ("かくしごと", None)]  # not ひめゴト for the subtitle's "Himegoto"


def test_an_ordinary_word_in_lower_case_after_an_owners_name_is_no_title():
    assert tagged("Godzilla x Kong: The New Empire Opens in Japan",
                  "Legendary's monster sequel Godzilla x Kong: The New Empire opened in April.") == []


def test_a_lower_case_word_only_a_derived_name_spells_is_no_title():
    assert tagged("Netflix Expands Its Live-Action Series With an Anime Spin-Off",
                  "The anime is set in the universe of its live-action cyberpunk series.", "2020-03-19") == []


def test_a_story_that_ends_in_a_broadcasts_headline_is_the_seasons():
    assert sorted((t.series.title_ja, t.season) for t in MATCHER.tag(
        "「うたわれるもの 二人の白皇」放送開始　ハクとクオンの物語が完結へ", "TVアニメが放送されている。",
        "2022-07-10")) == [
        ("うたわれるもの", 3)]  # the third season, as curated; not the manga's end


@pytest.mark.parametrize("title, text, published, expected", [
    ("Cowboy Bebop Marks 25 Years Since Its TV Debut", "The series premiered in April 1998.", "2023-04-03",
     [("COWBOY BEBOP", None)]),  # the debut an anniversary counts from is no premiere
    ("Serial Experiments Lain Turns 25 With a Vinyl Soundtrack", "", "2023-07-06", [("serial experiments lain", None)]),
    ("『サザエさん』TVアニメ放送50周年　記念の特別編を放送", "", "2019-10-06", [("サザエさん", None)]),  # franchise
    ("「ちびまる子ちゃん」TVアニメ放送30周年、記念企画が続々", "", "2020-01-07", [("ちびまる子ちゃん", None)]),
    ("『邪神ちゃんドロップキックX』放送開始　全国の自治体とコラボ", "『邪神ちゃんドロップキック』第3期が始まった。",
     "2022-07-05", [("邪神ちゃんドロップキック", 3)]),  # a broadcast's tie-in is the show's
    ("Grendizer U Unveiled at Japan Expo Paris", "", "2024-07-12", [("グレンダイザーU", 1)]),  # an event's stage
    ("Umamusume: Pretty Derby Finally Launches in English", "Cygames released the game worldwide.", "2025-06-26",
     [("ウマ娘 プリティーダービー", None)]),
    ("Laid-Back Camp Season 2 Teams Up With Yamanashi for a Stamp Rally", "", "2021-01-20",
     [("ゆるキャン△", None)]),  # a tie-in's season is no season's news
    ("大山ダムに『進撃の巨人』像　エレン、ミカサ、アルミンの少年期を再現", "", "2021-03-28", [("進撃の巨人", None)]),
    ("熊本に『ONE PIECE』ジンベエ像　麦わらの一味像プロジェクト続く", "", "2022-07-23",
     [("ONE PIECE", None)]),  # a character's statue
    ("ユニクロUTに『SPY×FAMILY』　ロイドとアーニャのTシャツ", "", "2022-06-01", [("SPY×FAMILY", None)]),
    ("Aqours Take Love Live! Sunshine!! to the Tokyo Dome", "", "2019-11-16", [("ラブライブ！サンシャイン!!", None)]),
    ("『からくりサーカス』最終回　藤田和日郎原作を全36話で", "", "2019-06-27",
     [("からくりサーカス", 1)]),  # the show's end
    ("『リコリス・リコイル』BD第1巻、オリコン週間ランキングで1位", "", "2022-10-05", [("リコリス・リコイル", 1)]),
    ("東京アニメアワードフェスティバル2024、アニメ オブ ザ イヤーテレビ部門は『【推しの子】』", "", "2024-02-20",
     [("【推しの子】", 1)]),  # an awards ceremony named a festival
])
def test_anniversaries_launches_tie_ins_statues_concerts_a_shows_end_and_awards(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『ワッチャプリマジ！』放送開始　『プリパラ』シリーズの新章", "", "2021-10-03", [("ワッチャプリマジ！", 1)]),
    ("『葬送のフリーレン』、MyAnimeListのスコアで歴代1位に", "『鋼の錬金術師 FULLMETAL ALCHEMIST』を抜いた。",
     "2024-01-15", [("葬送のフリーレン", 1)]),  # the work it overtook is context
    ("Evangelion Expo Opens in Tokyo", "The exhibition shows Unit-01 models.", "2023-07-01",
     [("新世紀エヴァンゲリオン", None)]),  # the news's own word after a name is no longer name
    ("Star Wars Jedi: Survivor Continues Cal Kestis' Story",
     "Respawn released Star Wars Jedi: Survivor on April 28. The studio promised a patch.", "2023-04-29", []),
    ("Golden Kamuy Final Season Announced", "Golden Kamuy's anime will end with a final season, announced after the "
     "live-action sequel's reveal.", "2024-06-01", [("ゴールデンカムイ", 5)]),  # the anime is named first
    ("『劇場版ゾンビランドサガ ゆめぎんがパラダイス』公開", "", "2025-10-24", [("ゾンビランドサガ", None)]),
])
def test_a_series_new_chapter_an_overtaken_work_an_expo_a_longer_name_and_a_films_bracket(title, text, published,
                                                                                          expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『出禁のモグラ』アニメ開始　『鬼灯の冷徹』江口夏実の新作", "", "2025-07-07", [("出禁のモグラ", 1)]),  # a credit
    ("『CITY THE ANIMATION』放送開始", "『日常』のあらゐけいいちの漫画を京アニがアニメ化した。", "2025-07-07",
     [("CITY THE ANIMATION", 1)]),
    ("『ふれる。』公開　『あの花』『ここさけ』チームの新作", "", "2024-10-04", [("ふれる。", None)]),  # the team's
    ("『とある科学の一方通行』放送開始", "『とある魔術の禁書目録』シリーズのスピンオフが始まった。",
     "2019-07-12", [("とある科学の一方通行", 1)]),
    ("『へやキャン△』スタート", "『ゆるキャン△』のショートアニメ『へやキャン△』が始まった。", "2020-01-06",
     [("へやキャン△", 1)]),
    ("『BanG Dream! It's MyGO!!!!!』放送開始", "「バンドリ！」プロジェクトの新作TVアニメが始まった。", "2023-06-29",
     [("BanG Dream! It's MyGO!!!!!", 1)]),
])
def test_an_authors_or_teams_earlier_work_and_a_franchises_project_are_context(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("Dragon Ball Z: Kakarot Retells the Saiyan Saga as an Action RPG", "2020-01-17", [("ドラゴンボール", None)]),
    ("The iDOLM@STER Shiny Colors Anime Opens in Theaters Before TV Run", "2024-03-22",
     [("アイドルマスター シャイニーカラーズ", 1)]),  # the season's episodes shown first in cinemas
    ("Metallic Rouge Launches Bones' 25th Anniversary Original", "2024-01-10", [("メタリックルージュ", 1)]),
])
def test_a_role_playing_game_a_screening_before_the_broadcast_and_a_studios_anniversary(title, published, expected):
    assert tagged(title, "", published) == expected


def test_a_game_an_anime_adapts_is_its_source_not_game_news():
    assert tagged("Hortensia Saga Adapts SEGA's Knights RPG", "") == [("オルタンシア・サーガ", 1)]


@pytest.mark.parametrize("title, text, published, expected", [
    ("Elden Ring Wins Game of the Year", "FromSoftware's Elden Ring won the top prize, ahead of Final Fantasy VII "
     "Rebirth and Stray.", "2022-12-09", []),  # a rival the winner beat, where the winner is no catalog work
    ("日本アカデミー賞 最優秀アニメーション作品賞は『THE FIRST SLAM DUNK』",
     "『THE FIRST SLAM DUNK』が『すずめの戸締まり』『ONE PIECE FILM RED』などを抑えて受賞した。", "2023-03-10",
     [("THE FIRST SLAM DUNK", None)]),
    ("New Frieren Trailer Streams", "Toho released the trailer on Friday, ahead of Frieren's premiere.", "2023-09-01",
     [("葬送のフリーレン", 1)]),  # a premiere's time, not a rival
    ("Isekai Quartet Season 2 Premieres", "The chibi crossover brings the characters of Overlord, Re:Zero, KonoSuba "
     "and The Saga of Tanya the Evil back to class.", "2020-01-14", [("異世界かるてっと", 2)]),
    ("作画監督の大塚康生さん死去", "『ルパン三世』第1シリーズや『未来少年コナン』の作画監督として知られる。",
     "2021-03-19",
     [("ルパン三世 1stシリーズ", None), ("未来少年コナン", None)]),  # an obituary's works, even a season named
    ("Aggretsuko's Fifth and Final Season Hits Netflix", "", "2023-02-16", [("アグレッシブ烈子", 5)]),
    ("Shirobako Movie Reunites Aoi and Musashino Animation", "", "2020-02-29", [("SHIROBAKO", None)]),
    ("Burning Kabaddi Premieres", "TMS Entertainment adapts Hajime Musashino's sports manga.", "2021-04-04",
     [("灼熱カバディ", 1)]),  # a company's word after a name, a surname after a given name
    ("Demon Slayer Entertainment District Arc Premieres With a One-Hour Episode", "", "2021-12-05",
     [("鬼滅の刃", 2)]),  # "Entertainment District": an arc, no company's "Entertainment"
    ("『呪術廻戦 ファントムパレード』配信開始", "スマホゲーム『呪術廻戦 ファントムパレード』が配信された。",
     "2023-11-15",
     [("呪術廻戦", None)]),  # a name in kanji, then a space and its game's katakana subtitle
    ("「キングダム ハーツIV」発表", "スクウェア・エニックスが「キングダム ハーツIV」を発表した。", "2022-04-10", []),
    ("The Idolmaster Shiny Colors Gets a 2nd Season", "", "2024-06-30", [("アイドルマスター シャイニーカラーズ", 2)]),
    ("Netflix Anime Festival Reveals Spriggan and Thermae Romae Novae", "Both stream in 2022.", "2021-09-25",
     [("スプリガン", 1), ("テルマエ・ロマエ ノヴァエ", 1)]),  # an anime showcase's shows, not a festival's
    ("Isekai Cheat Magician Sends Two Friends Into Another World", "", "2019-07-05", [("異世界チート魔術師", 1)]),
    ("Otherside Picnic Sends Sorawo and Toriko to the Other Side", "", "2021-01-04", [("裏世界ピクニック", 1)]),
    ("Akudama Drive Ends Pierrot's Cyberpunk Caper", "", "2020-12-24", [("アクダマドライブ", 1)]),
    ("Sumikko Gurashi's Sky Kingdom Film Opens", "The film follows the characters to the Sky Kingdom.", "2025-11-07",
     []),  # the headline's "Kingdom" is a word of the body's "Sky Kingdom"
    ("Lilas Ikuta's 'Hyakka Ryouran' Opens The Apothecary Diaries Season 2",
     "The second season opens with 'Hyakka Ryouran' by Lilas Ikuta.", "2025-01-10", [("薬屋のひとりごと", 2)]),
])
def test_rivals_crossover_casts_obituaries_companies_pairs_phrases_and_songs(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_hiatus_the_headline_counts_in_episodes_is_the_anime_s():
    assert tagged("NieR:Automata Ver1.1a Returns With Episode 9 After Its Hiatus", "") == [("NieR:Automata Ver1.1a", 1)]


@pytest.mark.parametrize("title, text, published, expected", [
    ("Dragon Ball Z: Kakarot Sells 1.5 Million in a Week", "The open-world game retells Goku's story.", "2020-01-24",
     [("ドラゴンボール", None)]),  # units sold: a game's news, not Z's season
    ("オリコン年間本ランキング2020　『鬼滅の刃』が上位独占", "コミック部門の上位を独占した。", "2020-12-01",
     [("鬼滅の刃", None)]),  # a book ranking is the manga's
    ("『九龍ジェネリックロマンス』アニメ放送開始　実写映画も同時期公開", "", "2025-04-05",
     [("九龍ジェネリックロマンス", 1)]),  # the live-action film in a clause of its own is side news
    ("Zombie Land Saga Revenge Finale Lands With a Film Announcement", "", "2021-06-24", [("ゾンビランドサガ", 2)]),
    ("『かぐや様は告らせたい？』第2期OPが決定", "", "2020-03-01",
     [("かぐや様は告らせたい～天才たちの恋愛頭脳戦～", 2)]),
    ("Babylon Takes a Break After Episode 7", "", "2019-12-01", [("バビロン", 1)]),  # a break after an episode
    ("Hello World Reaches Theaters", "Tomohiko Ito's original film Hello World opened in Japan.", "2019-09-20",
     [("HELLO WORLD", None)]),
    ("Bocchi the Rock! Becomes the Season's Surprise Hit", "It climbed to the top of fan rankings, ahead of Chainsaw "
     "Man.", "2022-11-15", [("ぼっち・ざ・ろっく！", 1), ("チェンソーマン", 1)]),  # a ranking counts all it ranks
])
def test_units_sold_book_rankings_side_clauses_breaks_and_original_films(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("UNIQLO UT Drops a Spy x Family Line Before the Premiere", "", "2022-03-20", [("SPY×FAMILY", None)]),
    ("東京アニメアワードフェスティバル2023　アニメ オブ ザ イヤーに『THE FIRST SLAM DUNK』『SPY×FAMILY』", "",
     "2023-03-13", [("SPY×FAMILY", 1), ("THE FIRST SLAM DUNK", None)]),  # a film and a TV series, each its own
    ("Royal Space Force Composer Ryuichi Sakamoto Dies at 71", "", "2023-04-03", [("王立宇宙軍 オネアミスの翼", None)]),
    ("『異世界でチート能力を手にした俺は、現実世界をも無双する』4月放送開始", "", "2023-03-01",
     [("異世界でチート能力を手にした俺は、現実世界をも無双する ～レベルアップは人生を変えた～", 1)]),
])
def test_clothing_lines_awarded_films_beside_shows_curated_films_and_shared_japanese_prefixes(title, text, published,
                                                                                              expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, expected", [
    ("Demon Slayer Sequel Heads to Switch", [("鬼滅の刃", None)]),  # not the next season a sequel names
    ("Uma Musume Passes 10 Million Players", [("ウマ娘 プリティーダービー", None)]),
])
def test_a_game_heading_to_switch_or_counting_players_names_no_season(title, expected):
    assert tagged(title, "The game launched last year.") == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("VTuber Legend Anime Streams in July", "The adaptation of Nana Nanato's light novel began this week.",
     "2024-07-08",
     [("VTuberなんだが配信切り忘れたら伝説になってた", 1)]),  # "Nana" of an author's full name is no title
    ("「けいおん！」TVアニメ放送15周年、放課後ティータイムの記念グッズが登場", "", "2024-04-02",
     [("けいおん！", None)]),
])
def test_a_given_name_before_a_surname_and_an_anniversarys_goods_beside_its_broadcast(title, text, published,
                                                                                     expected):
    assert tagged(title, text, published) == expected


def test_a_word_owned_before_of_and_a_name_is_a_longer_names():
    assert tagged("Kingdom of the Planet of the Apes Takes the Weekend", "Wes Ball's Kingdom of the Planet of the Apes "
                  "led the box office.") == []


@pytest.mark.parametrize("title, text, expected", [
    ("Final Fantasy VII Remake Launches on PS4", "Square Enix's Final Fantasy VII Remake is out.", []),  # a game's name
    ("Black Clover Anime Signs Off, a Film Is in the Works", "The TV anime ended its run.",
     [("ブラッククローバー", 1)]),
])
def test_a_derived_name_the_body_continues_and_a_film_announced_in_a_clause_of_its_own(title, text, expected):
    assert tagged(title, text, "2021-03-30") == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Black Clover TV Anime Ends and Announces a Film", "Black Clover aired its final TV episode.", "2021-03-30",
     [("ブラッククローバー", 1)]),  # the headline's last word names no medium for the body's first title
    ("Sword of the Demon Hunter Will Span 170 Years of Edo Japan", "", "2025-04-01", [("鬼人幻燈抄", 1)]),
    ("映画『ひゃくえむ。』公開", "『チ。―地球の運動について―』の魚豊が描いたマンガが原作。", "2025-09-19",
     [("ひゃくえむ。", None)]),  # the author's earlier work, credited
])
def test_a_lines_end_a_storys_span_a_dramas_title_and_an_authors_credit(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『デジモンゴーストゲーム』が第67話で完結", "", "2023-03-26", [("デジモンゴーストゲーム", 1)]),  # the show's end
    ("『虹ヶ咲』完結編 第1章が公開", "", "2024-09-06",
     [("ラブライブ！虹ヶ咲学園スクールアイドル同好会", None)]),  # a film in chapters
    ("『コードギアス 奪還のロゼ』Disney+で配信開始 劇場上映と並行", "", "2024-06-28",
     [("コードギアス 奪還のロゼ", 1)]),  # a streaming premiere; its cinema run in a clause of its own
    ("秋アニメの続編　『Re:ゼロ』3rd season", "", "2024-10-02", [("Re:ゼロから始める異世界生活", 3)]),
    ("The Kindaichi Case Files Returns as a Live-Action Drama", "", "2022-04-01", [("金田一少年の事件簿", None)]),
    ("Totoro Stage Play Wins Six Oliviers", "", "2023-04-03", [("となりのトトロ", None)]),
])
def test_an_episode_count_end_a_films_chapter_a_streaming_premiere_and_curated_names(title, text, published,
                                                                                    expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Little Witch Academia Gets a VR Broom Racing Game", "Little Witch Academia's witches race on brooms.",
     "2019-03-01", [("リトルウィッチアカデミア(TVシリーズ)", None)]),  # a game a work gets
    ("ドラマ「ばらかもん」放送開始、杉野遥亮が書道家・半田清舟役", "", "2023-07-12",
     [("ばらかもん", None)]),  # the live-action drama of the work is its news
    ("Gridman Universe Brings SSSS.Gridman and Dynazenon Together", "", "2023-03-24",
     [("SSSS.DYNAZENON", None), ("SSSS.GRIDMAN", None), ("グリッドマン ユニバース", None)]),  # a film's crossover
])
def test_a_game_a_work_gets_a_live_action_drama_and_a_films_crossover_name_no_season(title, text, published,
                                                                                    expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Bandai Spirits Unveils a New Gundam Kit",
     "The kit ships in June for the model line's anniversary.\nIt recreates the hero robot of Mobile Suit Gundam.",
     "2025-05-01", [("機動戦士ガンダム", None)]),  # the headline's short form of the body's title; a kit
    ("サンライズ、新しい「ガンダム」の立像を発表",
     "高さは20メートルになる。\n機体は『機動戦士ガンダム』の第1話に登場したもの。", "2025-05-01",
     [("機動戦士ガンダム", None)]),
    ("Lupin Zero Streams on DMM TV",
     "The six episodes began on Friday.\nThey show a teenage Lupin the Third at school.", "2022-12-17",
     [("LUPIN ZERO", 1)]),  # "Lupin" of a longer name the headline holds
    ("Heavy Rain Delays the Parade",
     "The parade was set for Sunday.\nIts floats celebrate Mononoke the Movie: The Phantom in the Rain.",
     "2024-08-01", []),  # an ordinary word is no short form
])
def test_a_headline_shortens_a_title_the_body_writes_in_full(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("『新テニスの王子様 U-17 WORLD CUP SEMIFINAL』放送開始", "2024-10-02", [("テニスの王子様", 4)]),
    ("Sengoku Youko Resumes With The Thousandfold Chaos Arc", "2024-07-17", [("戦国妖狐", 1)]),  # a later cour
    ("『魔法つかいプリキュア!!～MIRAI DAYS～』放送開始", "2025-01-11", [("魔法つかいプリキュア！", 2)]),
])
def test_curated_seasons_of_sequel_series_and_a_later_cour(title, published, expected):
    tags = MATCHER.tag(title, "", published)
    assert sorted((t.series.title_ja, t.season) for t in tags) == expected
    assert tags[0].series.title != "The New Prince of Tennis"  # a franchise is shown by its first series' name


@pytest.mark.parametrize("title, text, published, expected", [
    # the headline's last word and a line break are no name the body's first word continues
    ("Arte Paints Her Way Through Florence",
     "Arte, the adaptation of Kei Ohkubo's manga, began its spring run.\nSeven Arcs animates.", "2020-04-10",
     [("アルテ", 1)]),
    ("Noblesse Anime Reaches Its Finale", "The Noblesse anime ended its run this week.\nProduction I.G animated it.",
     "2020-12-30", [("NOBLESSE -ノブレス-", 1)]),  # "X Anime Reaches": a title
    ("Babylon Takes a Month Off Before Its Final Episodes",
     "The TV anime of Mado Nozaki's Babylon will return in January.\nIts studio cited quality.", "2019-12-01",
     [("バビロン", 1)]),
    ("Medalist Confirms Season 2 After Its Winter Finale",
     "Medalist, the figure skating anime from ENGI, will return.\nIt airs on TV Asahi.", "2025-03-29",
     [("メダリスト", 2)]),
    ("Death Note's New One-Shot Introduces a New Owner", "Jump SQ printed the story today.\nRyuk returns.",
     "2020-02-04", [("DEATH NOTE", None)]),  # a one-shot is the manga's
    ("Live-Action Special Casts H.E.R. as Belle",
     "The network aired the special on Wednesday.\nIt marked the film's anniversary.", "2022-12-16", []),  # a role
    ("Berserk Resumes With Studio Gaga and Kouji Mori",
     "Berserk continued in Young Animal with the late author's assistants drawing.\nMiura died in 2021.",
     "2022-06-24", [("剣風伝奇ベルセルク", None)]),  # the lead tells of the manga
    ("JoJolion Ends, Closing JoJo's Bizarre Adventure Part 8",
     "Hirohiko Araki ended JoJolion, the eighth part, in Ultra Jump's September issue.\nThe ninth part is coming.",
     "2021-08-19", [("ジョジョの奇妙な冒険", None)]),  # Ultra Jump, a manga magazine: the manga's part, no cour
    ("Blue Exorcist -Beyond the Snow Saga- Begins",
     "The next chapter of Blue Exorcist premiered in October.\nRin learns the truth.", "2024-10-05",
     [("青の祓魔師", 4)]),  # "the next chapter" of a show that premiered
])
def test_appositions_roles_one_shots_and_a_lead_that_tells_of_the_manga(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『NOMAD メガロボクス2』放送開始", "『メガロボクス』の続編で、第1期から7年後を描く。", "2021-04-05",
     [("メガロボクス", 2)]),  # a later season's own title names it
    ("Wave, Listen to Me! Finale Airs", "The radio comedy ended its run this week.", "2020-07-10",
     [("波よ聞いてくれ", 1)]),  # a finale is the aired season's, no season to come
    ("春アニメまとめ", "『山田くんとLv999の恋をする』、シリーズ第4期の『魔術士オーフェンはぐれ旅 聖域編』が並ぶ。",
     "2023-04-01", [("山田くんとLv999の恋をする", 1), ("魔術士オーフェンはぐれ旅", 4)]),  # 第4期の『B』 is B's
    ("秋アニメまとめ", "幕末の京都を舞台にした『青のミブロ』、シリーズ5期となる『ダンまちⅤ』などが始まる。",
     "2024-10-01",
     [("ダンジョンに出会いを求めるのは間違っているだろうか", 5), ("青のミブロ", 1)]),  # 5期となる『B』 too
    ("『ワールドトリガー』最新24巻発売", "TVアニメ『ワールドトリガー 2ndシーズン』も放送中だ。", "2021-03-04",
     [("ワールドトリガー", None)]),  # the body's season in a volume's news
])
def test_an_entrys_own_title_a_finale_a_season_before_the_next_title_and_a_volumes_body(title, text, published,
                                                                                      expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Ichiro Mizuki Dies", "He sang the opening themes for Mazinger Z and Babel II.", "2022-12-09",
     [("バビル2世", None), ("マジンガーZ", None)]),  # a classic's English title (titles.tsv)
    ("Grendizer U Unveiled in Paris",
     "A new anime based on Go Nagai's UFO Robo Grendizer was announced.\nIt premieres in 2025.", "2023-07-14",
     [("グレンダイザーU", 1)]),  # what a new work is based on is its parent
    ("BEM Premieres on TV Tokyo",
     "The new anime BEM began on July 14, fifty years after the 1968 Yokai Ningen Bem.\nFunimation streams it.",
     "2019-07-14", [("BEM", 1)]),  # and what it comes years after
])
def test_classics_english_titles_and_the_work_a_new_one_is_based_on(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("『のんのんびより』TVアニメ10周年　記念イラスト公開", "2023-10-08",
     [("のんのんびより", None)]),  # the medium's anniversary
    ("『サザエさん』TVアニメ放送55周年　特別編を放送", "2024-10-05", [("サザエさん", None)]),  # a running show's too
    ("『魔法騎士レイアース』30周年　新作アニメの制作を発表", "2023-11-25",
     [("魔法騎士レイアース", None)]),  # a new anime planned: no season of it yet
    ("『魔法少女リリカルなのは』20周年　新作アニメプロジェクト発表", "2024-10-04", [("魔法少女リリカルなのは", None)]),
    ("Patlabor EZY New Anime Project Announced", "2022-10-20", [("機動警察パトレイバー", None)]),  # no form known yet
    ("No Game No Life Celebrates a Decade Since Its Anime", "2024-04-09", [("ノーゲーム・ノーライフ", None)]),
    ("Yu-Gi-Oh! Creator Kazuki Takahashi Found Dead", "2022-07-07", [("遊戯王デュエルモンスターズ", None)]),
    ("Dr. Slump and Dragon Ball Artist's Death Draws Tributes From Oda and Kishimoto", "2024-03-08",
     [("Dr.スランプ アラレちゃん", None), ("ドラゴンボール", None)]),  # an artist's death: an obituary
    ("Toei Animation Confirms the Passing of Galaxy Express 999 Creator Leiji Matsumoto", "2023-02-20",
     [("銀河鉄道999", None)]),  # "Confirms the Passing of": an obituary, whose credits are its news
    ("Kaguya-sama: Ultra Romantic Ends With a Film Announced", "2022-06-26",
     [("かぐや様は告らせたい～天才たちの恋愛頭脳戦～", 3)]),  # the film is side news
    ("『四畳半タイムマシンブルース』公開", "2022-09-30", [("四畳半タイムマシンブルース", None)]),  # 』公開: a release
    ("「銀魂 THE FINAL」公開、原作最終章を描く完結編", "2021-01-08", [("銀魂", None)]),  # a film named "FINAL"
    ("『SSSS.DYNAZENON』放送開始　『GRIDMAN』と同じ世界の物語", "2021-04-02", [("SSSS.DYNAZENON", 1)]),  # its parent
])
def test_anniversaries_of_the_medium_deaths_found_releases_and_a_shared_world(title, published, expected):
    assert tagged(title, "", published) == expected


def test_a_name_ending_in_a_number_the_text_goes_on_with_is_another_works():
    later = "Evangelion: 3.0+1.01 Thrice Upon a Time Lands Worldwide on Prime Video"
    assert "ヱヴァンゲリヲン新劇場版:Q" not in {t.series.title_ja for t in MATCHER.tag(later, "", "2021-08-13")}
    assert [t.series.title_ja for t in MATCHER.tag("Evangelion: 3.0 You Can (Not) Redo Returns to Theaters", "",
                                                    "2021-03-01")] == ["ヱヴァンゲリヲン新劇場版:Q"]


@pytest.mark.parametrize("title, text, published, expected", [
    ("Gundam Factory Yokohama Retires Its Moving RX-78F00",
     "The moving Gundam at Gundam Factory Yokohama stood for three years.",
     "2024-03-31", [("機動戦士ガンダム", None)]),  # the franchise by its short name
    ("「実物大ガンダム」横浜で公開、18メートルの機体が動く", "「GUNDAM FACTORY YOKOHAMA」がオープンした。",
     "2020-12-19", [("機動戦士ガンダム", None)]),
    ("Kenshi Yonezu's 'Plazma' Opens Gundam GQuuuuuuX", "The song plays over the new series' opening.",
     "2025-04-09", [("機動戦士Gundam GQuuuuuuX", 1)]),  # the first word of the next title's name
    ("『ガンダムSEED FREEDOM』興収40億円を突破",
     "劇場アニメ『機動戦士ガンダムSEED FREEDOM』の興行収入が40億円を超えた。",
     "2024-02-26", [("機動戦士ガンダムSEED FREEDOM", None)]),  # Latin letters go on past ガンダム
    ("Witch from Mercury's Aerial Gunpla Sells Out Instantly", "Bandai's HG Gundam Aerial sold out within days.\n"
     "Mobile Suit Gundam: The Witch from Mercury has drawn new fans to plastic models.", "2022-11-10",
     [("機動戦士ガンダム 水星の魔女", None)]),  # a word of the headlined work's own name
    ("Gundam Build Divers Re:RISE Gets Subtitles on GUNDAM.INFO", "Episodes stream on the YouTube channel.",
     "2019-10-10", [("ガンダムビルドダイバーズRe:RISE", 1)]),  # a website's name
])
def test_a_franchises_short_name_tags_it_unless_another_title_or_a_website_holds_it(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("声優・田中敦子さん死去　61歳　『攻殻機動隊』草薙素子役", "", [("攻殻機動隊 STAND ALONE COMPLEX", None)]),
    ("Atsuko Tanaka, Voice of Motoko Kusanagi, Dies at 61", "She voiced the Major in Ghost in the Shell.",
     [("攻殻機動隊 STAND ALONE COMPLEX", None)]),  # the franchise, by its first TV series
    ("『攻殻機動隊』4Kリマスター版が劇場で上映", "", [("攻殻機動隊", None)]),  # the film's own news
    ("Promare Passes 1 Billion Yen in Japan", "Trigger's film keeps drawing crowds.", [("プロメア", None)]),
    ("Infinity Castle Film Passes 20 Billion Yen", "Demon Slayer: Kimetsu no Yaiba - The Movie: Infinity Castle "
     "keeps drawing crowds.", [("鬼滅の刃", None)]),  # a film the catalog lacks, not Mugen Train's "… The Movie"
])
def test_a_film_named_as_its_franchise_is_the_franchises_first_tv_series(title, text, expected):
    assert tagged(title, text, "2024-08-23") == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Gnosia TV Anime Premieres in October From domerica", "The social deduction game Gnosia becomes a TV anime this "
     "October.", "2025-10-10", [("グノーシア", 1)]),  # the body's source medium, not the headline's news
    ("Buddy Daddies: P.A. Works' Hitmen Take On Parenting This Winter", "The original anime has premiered.",
     "2023-01-07",
     [("Buddy Daddies", 1)]),  # a maker's possessive opens a description, not another work's subtitle
    ("Dandadan: The Occult Battle Anime Is Now Streaming on Netflix", "", "2024-10-05", [("ダンダダン", 1)]),
    ("Takt Op. Destiny Shows Off Its Musical Battles in New PV", "", "2021-09-01", [("takt op.Destiny", 1)]),
    ("Blue Box Season 2 Confirmed by Telecom Animation Film", "", "2025-03-28", [("アオのハコ", 2)]),
    ("Black Clover Leaves Weekly Jump for Jump GIGA as the Final Arc Begins", "", "2023-06-01",
     [("ブラッククローバー", None)]),  # the manga's move
    ("『映像研には手を出すな！』実写ドラマ、乃木坂46の3人で放送開始", "", "2020-04-05",
     [("映像研には手を出すな！", None)]),  # the drama's broadcast
    ("ユニバーサル・クールジャパンに『名探偵コナン』が登場！謎解きアトラクションも", "", "2025-02-28",
     [("名探偵コナン", None)]),  # a theme park's attraction
    ("京阪電車に『響け！ユーフォニアム3』ラッピング列車", "", "2024-04-20",
     [("響け！ユーフォニアム", None)]),  # a tie-in
    ("『ドラゴンクエストX オフライン』発売　オンラインRPGを一人用に", "", "2022-09-15", []),  # a numbered game
])
def test_a_broadcast_a_studios_words_and_a_medium_read_as_they_are_meant(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_the_season_a_new_one_follows_is_not_the_news():
    tags = MATCHER.tag("Higurashi: When They Cry - SOTSU Premieres", "The follow-up to last year's Higurashi: When "
                       "They Cry - GOU started airing on July 1.\nThe new season explains GOU's events.", "2021-07-02")
    assert [(t.series.title_ja, t.season) for t in tags] == [("ひぐらしのなく頃に", 4)]


def test_a_franchises_cast_named_in_a_spin_offs_news_is_its_parent():
    tags = MATCHER.tag("『3年Z組銀八先生』TVアニメがスタート　『銀魂』キャストが学園もので集結", "", "2025-10-06")
    assert [(t.series.title_ja, t.season) for t in tags] == [("3年Z組銀八先生", 1)]


def test_a_franchises_cast_unbracketed_in_a_spin_offs_news_is_its_parent():
    tags = MATCHER.tag("TVアニメ『3年Z組銀八先生』放送開始！銀魂キャスト陣が再集結", "", "2025-10-06")
    assert [(t.series.title_ja, t.season) for t in tags] == [("3年Z組銀八先生", 1)]


@pytest.mark.parametrize("title, published, expected", [
    ("『進撃の巨人』の新作アニメ『進撃！巨人中学校』放送へ", "2015-10-04", [("進撃！巨人中学校", 1)]),
    ("『はたらく細胞BLACK』放送開始　『はたらく細胞』スピンオフ", "2021-01-09", [("はたらく細胞BLACK", 1)]),
])
def test_a_new_anime_of_a_franchise_and_a_spin_off_name_the_franchise_as_its_parent(title, published, expected):
    """「X」の新作アニメ「Y」 and 『X』スピンオフ at a clause's end: X is what Y derives from."""
    assert tagged(title, "", published) == expected


def test_the_generation_a_new_series_follows_is_its_parent():
    tags = MATCHER.tag("半妖の夜叉姫：『犬夜叉』の次世代描く新作スタート　とわ・せつな・もろは", "", "2020-10-03")
    assert [(t.series.title_ja, t.season) for t in tags] == [("半妖の夜叉姫", 1)]


def test_a_franchise_named_as_the_series_a_new_anime_belongs_to_is_its_parent():
    tags = MATCHER.tag("『BanG Dream! Ave Mujica』放送開始　仮面のバンドの物語が幕開け",
                       "『バンドリ！』シリーズのTVアニメ『BanG Dream! Ave Mujica』の放送がスタートした。", "2025-01-03")
    assert [(t.series.title_ja, t.season) for t in tags] == [("BanG Dream! Ave Mujica", 1)]


@pytest.mark.parametrize("title, text, published, expected", [
    ("Her Blue Sky Opens in Japan", "Her Blue Sky, the new film from the Anohana team of Tatsuyuki Nagai and Mari "
     "Okada, opened on Friday.\nCloverWorks animated it.", "2019-10-12", [("空の青さを知る人よ", None)]),  # a team's
    ("Poupelle of Chimney Town Tops Weekend Box Office", "Poupelle of Chimney Town opened at the top of the box "
     "office, ahead of Demon Slayer: Mugen Train's ninth weekend.\nStudio 4°C animated it.", "2020-12-29",
     [("えんとつ町のプペル", None)]),  # the box office's runner-up
    ("Palworld's Launch Draws Pokémon Comparisons",
     "The survival game sold eight million copies.\nIts creatures drew comparisons with Pokémon.", "2024-01-26",
     []),  # a work compared with
])
def test_a_teams_earlier_work_a_box_office_runner_up_and_a_work_compared_with(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Dragon's Dogma 2 Launches to Strong Sales", "Capcom's open-world RPG went on sale worldwide.", "2024-03-22",
     []),  # a numbered game the anime has no season of
    ("Tokyo Mew Mew Returns With a New TV Anime", "The magical girls are back.", "2022-07-06",
     [("東京ミュウミュウ にゅ～♡", 1)]),  # a new anime: the remake
    ("Saint Seiya: Knights of the Zodiac – Battle for Sanctuary Debuts on Crunchyroll", "The CG series continues.",
     "2022-10-01", [("聖闘士星矢: Knights of the Zodiac", 2)]),  # curated: the CG series' seasons
])
def test_a_numbered_game_a_returning_franchises_new_anime_and_a_cg_series_second_season(title, text, published,
                                                                                       expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("時雨沢恵一『キノの旅』最新刊が発売", "電撃文庫の人気シリーズの最新刊。", "2023-10-06",
     [("キノの旅 ～the Beautiful World～", None)]),  # the novels' news: the franchise's first series
    ("TVアニメ『キノの旅』新作、10月放送開始", "2003年以来のアニメ化となる。", "2017-09-01",
     [("キノの旅 -the Beautiful World- the Animated Series", 1)]),  # a show's news: the one airing
])
def test_a_short_name_an_original_and_its_remake_share(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Omoinotake's 'EVERBLUE' Opens Blue Period", "The band's song plays over the first episode.", "2021-10-02",
     [("ブルーピリオド", 1)]),  # a song opens the show: no film's "… Opens"
    ("『転スラ』OAD『コリウスの夢』配信開始", "ラミリスの迷宮が舞台になる。", "2023-11-01",
     [("転生したらスライムだった件", None)]),
    ("『鬼滅の刃』×くら寿司、限定グッズが登場", "全国の店舗で実施する。", "2021-03-05",
     [("鬼滅の刃", None)]),  # a brand's tie-up
    ("Witch Watch Collaborates With Tokyo Skytree", "The tower lights up in green.", "2025-05-10",
     [("ウィッチウォッチ", None)]),
])
def test_a_song_opening_a_show_an_oad_and_brand_tie_ups(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『涼宮ハルヒの直観』発売", "谷川流の『涼宮ハルヒ』シリーズの最新刊。", "2020-11-25",
     [("涼宮ハルヒの憂鬱", None)]),  # curated 涼宮ハルヒ
    ("『エヴァンゲリオン』×コンビニ、限定くじ", "", "2021-01-20", [("新世紀エヴァンゲリオン", None)]),  # curated
    ("映画『ドラえもん』は公開延期　『しんちゃん』も", "", "2021-02-01",
     [("クレヨンしんちゃん", None), ("ドラえもん", None)]),  # curated しんちゃん
])
def test_curated_japanese_short_names_of_big_franchises(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("Black Clover Mobile Launches Worldwide With Asta and Yuno", "2023-11-30", [("ブラッククローバー", None)]),
    ("『ウマ娘』英語版がSteamで配信開始", "2024-06-27", [("ウマ娘 プリティーダービー", None)]),  # Steam after kana
    ("Crayon Shin-chan Shiro and the Coal Town Opens Preorders for Switch", "2024-05-01",
     [("クレヨンしんちゃん", None)]),
    ("『薬屋のひとりごと』シリーズ累計3100万部を突破", "2024-07-01", [("薬屋のひとりごと", None)]),  # copies sold
    ("Wit Studio's Moonrise Launches Worldwide on Netflix", "2025-04-10", [("ムーンライズ", 1)]),  # a stream's launch
])
def test_games_launching_worldwide_preorders_copies_and_a_streams_launch(title, published, expected):
    assert tagged(title, "", published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("Ultramarine Magmell Lists Its Cast", "2019-02-08", [("群青のマグメル", 1)]),  # curated; "Lists Its Cast"
    ("Pokémon Master Journeys Arrives on Netflix", "2021-09-10", [("ポケットモンスター", 1)]),  # the 2019 series
    ("Uma Musume: Road to the Top Runs on YouTube", "2023-04-16", [("ウマ娘 プリティーダービー ROAD TO THE TOP", 1)]),
])
def test_curated_english_names_of_a_series_part_and_a_spin_off(title, published, expected):
    assert tagged(title, "", published) == expected


def test_a_title_and_one_capitalized_word_before_sequel_name_the_parent():
    tags = MATCHER.tag("True Cooking Master Boy Serves Up Mao Again",
                       "True Cooking Master Boy, the new anime of Etsushi Ogawa's Chuka Ichiban! Kiwami sequel manga, "
                       "premiered on October 12.\nLiu Maoxing is a special-class chef now.", "2019-10-13")
    assert [t.series.title_ja for t in tags] == ["真・中華一番！"]


@pytest.mark.parametrize("title, text, published, expected", [
    # a staff role and a name after a title, a person's name and "of" before one: the person's earlier work
    ("The Summer Hikaru Died Premieres on Netflix",
     "Netflix began streaming The Summer Hikaru Died on July 5, with music by Dandadan composer Kensuke Ushio. "
     "CygamesPictures animates.", "2025-07-06", [("光が死んだ夏", 1)]),
    ("Kaiju No. 8 Premieres in Japan and Worldwide",
     "Kaiju No. 8 premiered on April 13, with Shigeyuki Miya of Attack on Titan directing. Production I.G animates.",
     "2024-04-14", [("怪獣8号", 1)]),
    ("Bucchigiri?! Premieres on Crunchyroll",
     "Bucchigiri?!, a delinquent action original from the Zombie Land Saga team, premiered on January 13.",
     "2024-01-14", [("ぶっちぎり?!", 1)]),
    # a duo named by their earlier work; the time of a work a new one tells of
    ("『バクマン。』第3期が放送開始", "『DEATH NOTE』コンビによる『バクマン。』の第3期がEテレで始まった。",
     "2012-10-07",
     [("バクマン。", 3)]),
    ("『LUPIN ZERO』第2話の場面カット公開",
     "『ルパン三世』の学生時代を描く『LUPIN ZERO』の第2話の場面カットが公開された。",
     "2022-12-20", [("LUPIN ZERO", 1)]),
    # a one-word title that a capitalized word continues into the headline's longer name
    ("Monster Hunter Now Adds a Movie Event", "The mobile game celebrates the live-action Monster Hunter film.",
     "2024-09-01", []),
])
def test_a_persons_earlier_work_a_duo_a_told_time_and_a_longer_name(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a game's number before a release verb in the past tense
    ("Capcom Celebrates a Sales Milestone", "Capcom said Devil May Cry 5 shipped two million copies in its first week.",
     "2019-03-20", []),
    # a plush is merchandise: no season
    ("「呪術廻戦」五条悟のぬいぐるみが登場", "TVアニメ「呪術廻戦」の五条悟がぬいぐるみになって発売される。",
     "2023-09-01",
     [("呪術廻戦", None)]),
    # a year before a capitalized title dates it: no quantity's phrase
    ("Voice Actor Dies at 80", "He voiced the hero of the 1972 Mazinger Z TV anime and many other robot shows.",
     "2022-12-09", [("マジンガーZ", None)]),
])
def test_a_shipped_game_a_plush_and_a_dated_title(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # fans compare the news with works, or a work's fans or author cheer it too: named in passing
    ("Japan Beats Spain at the World Cup", "Japan came from behind to win 2-1. Supporters online compared the comeback "
     "to Captain Tsubasa and Blue Lock.", "2022-12-02", []),
    ("バレー男子日本代表がパリ五輪へ　『ハイキュー!!』ファンからも祝福", "日本代表がパリ五輪の出場権を得た。",
     "2023-10-08", []),
    ("バレー男子日本代表が銀メダル　「ハイキュー!!」ファンも歓喜", "日本代表が決勝まで進んだ。", "2024-06-30", []),
    ("日本がW杯でドイツに逆転勝利　「キャプテン翼」世代の夢がカタールで", "日本代表が2-1で勝った。", "2022-11-24", []),
    # a manga's lead whose title ends in "!" before a lower-case word; a game's lead
    ("Kaguya-sama Ends Its Run", "Aka Akasaka's romantic comedy manga Kaguya-sama: Love Is War! published its final "
     "chapter in Young Jump today. The last volume follows in the winter.", "2022-11-02",
     [("かぐや様は告らせたい～天才たちの恋愛頭脳戦～", None)]),
    ("Demon Slayer Hinokami Chronicles Arrives Today", "Demon Slayer: The Hinokami Chronicles, CyberConnect2's arena "
     "fighter, is out on PlayStation and Xbox. Tanjiro's story follows the Mugen Train arc.", "2021-10-14",
     [("鬼滅の刃", None)]),
    # mourning and a death confirmed are an obituary's words: its works have no season
    ("Fans Mourn Akira Toriyama, Creator of Dragon Ball", "The manga artist died at 68.", "2024-03-08",
     [("ドラゴンボール", None)]),
    # a season screened ahead of its premiere is the season's news
    ("Anime NYC Screens Frieren Season 2 Ahead of Its Premiere", "Fans saw the first episode.", "2025-11-20",
     [("葬送のフリーレン", 2)]),
    # a song's news: the show it opens counts beside the headline's song
    ("米津玄師「KICK BACK」がストリーミング5億回再生",
     "米津玄師さんの「KICK BACK」が5億回再生を突破した。\n日本の楽曲で最速。"
     "TVアニメ『チェンソーマン』のOPテーマ。", "2024-05-01", [("チェンソーマン", 1)]),
    # the director of an earlier work; a place behind a work in the headline's ranking
    ("Hello World Director Tomohiko Ito Sets Next Film", "The director of Sword Art Online returns with an original "
     "film for spring.", "2020-10-01", []),
    ("Josee Opens at No. 3 Behind Demon Slayer", "Josee, the Tiger and the Fish opened third in Japan.\nDemon Slayer "
     "stayed on top.", "2020-12-28", [("ジョゼと虎と魚たち", None)]),
    # a title, then a date and スタート, is a broadcast
    ("『ヴァニタスの手記』、7月2日スタート　望月淳原作", "TVアニメ『ヴァニタスの手記』の放送日が決まった。",
     "2021-06-01",
     [("ヴァニタスの手記", 1)]),
])
def test_passing_mentions_leads_of_other_media_obituaries_previews_songs_and_credits(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a headline's one word that ends another work's longer title the body gives, with the word before it
    ("Sunrise Dates Doan's Island Film and a New Series",
     "Mobile Suit Gundam: Cucuruz Doan's Island opens in June.", "2022-01-28",
     [("機動戦士ガンダム ククルス・ドアンの島", None)]),
    # "Anime" after a name beside a game's word
    ("SCARLET NEXUS Anime Premieres Right After the Game's Release", "The TV anime follows on July 1.", "2021-06-30",
     [("SCARLET NEXUS", 1)]),
    ("甲斐谷忍『LIAR GAME』がテレビアニメ化", "ドラマや映画でも知られる漫画『LIAR GAME』のテレビアニメ化が発表された。",
     "2025-09-05", [("LIAR GAME -ライアーゲーム-", 1)]),  # a drama's word beside it, but its アニメ化 after it
    # a one-word title and an appositive story
    ("Netflix Shows New Footage at Its Stage", "Netflix showed Eden, a robot story set in a world without people.",
     "2021-03-27", [("エデン", 1)]),
    # a stage musical's season after the title
    ("The Prince of Tennis Musical Opens Its Third Season", "The new cast takes the stage in Tokyo.", "2016-07-14",
     [("テニスの王子様", None)]),
    # the news of a marriage: the roles of the voice actors
    ("声優の二人が結婚を発表", "二人は『鬼滅の刃』や『呪術廻戦』などに出演している。", "2024-01-01", []),
    # an award's film and TV categories; a show's years since its first broadcast; a numbered concert
    ("アニメアワード発表　劇場部門『すずめの戸締まり』テレビ部門『SPY×FAMILY』", "授賞式が開かれた。", "2023-03-10",
     [("SPY×FAMILY", 1), ("すずめの戸締まり", None)]),
    ("サザエさん放送開始から50年　記念番組を放送", "『サザエさん』は1969年の放送開始から半世紀を迎えた。", "2019-10-06",
     [("サザエさん", None)]),
    ("Liella!、東京ドームで4thライブ　『ラブライブ！スーパースター!!』", "9人が歌った。", "2024-05-01",
     [("ラブライブ！スーパースター!!", None)]),
])
def test_tails_apposed_stories_stage_seasons_marriages_categories_anniversaries_and_concerts(title, text, published,
                                                                                             expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a year names the version of a title, and the season of a franchise that began that year
    ("The Adventure of Dai's 2020 Anime Wraps Up", "The final episode aired on Saturday.", "2022-10-23",
     [("ドラゴンクエスト ダイの大冒険", 1)]),
    # an award's film category beside a TV series' prize; a festival that is an award; a booth's works
    ("Frieren Wins Top Honor, Look Back Best Film at the Anime Awards", "The ceremony was held in Tokyo.",
     "2025-05-25", [("ルックバック", None), ("葬送のフリーレン", 1)]),
    ("Dandadan Wins the Japan Media Arts Festival Grand Prize", "The jury praised its animation.", "2025-03-01",
     [("ダンダダン", 1)]),
    ("AnimeJapan 2024 アニプレックスブースに『葬送のフリーレン』が出展", "ブースで場面写真が展示される。",
     "2024-03-20",
     [("葬送のフリーレン", 1)]),
    # a game's lead on consoles and PC; a game's launch on phones; free-to-play service
    ("Demon Slayer Sweep the Board Shows Its Party Modes", "Aniplex's Demon Slayer: Sweep the Board is out this week "
     "on consoles and PC.", "2024-04-25", [("鬼滅の刃", None)]),
    ("Black Clover M Is Bringing Asta to Phones Around the World", "Bandai Namco's title arrives on November 30.",
     "2023-11-30", [("ブラッククローバー", None)]),
    ("ヒロアカのバトロワ、基本無料でサービス開始", "TVアニメ「僕のヒーローアカデミア」のゲームが始まった。",
     "2023-09-28",
     [("僕のヒーローアカデミア", None)]),
    # a work whose readers cheer the news too; an animator's earlier work; "a strange Kingdom"
    ("将棋の藤井聡太が八冠", "藤井聡太が全タイトルを独占した。\n将棋ブームは『3月のライオン』や"
     "『りゅうおうのおしごと！』の読者にも広がっている。", "2023-10-11", []),
    ("Netflix Dates Masashi Ando's New Film", "The director, an animator on Spirited Away, returns.", "2022-01-10", []),
    ("Persona 5 Tactica Is Out Now", "The spin-off sends the Phantom Thieves into a strange Kingdom.", "2023-11-17",
     []),
    # a song's news names the show it opens after an arc's name; a studio's anniversary; a fan poll's works
    ("Aimer「残響散歌」が3億回再生",
     "Aimerの「残響散歌」が再生回数3億回を突破した。\n同曲はTVアニメ『鬼滅の刃』遊郭編のオープニングテーマ。",
     "2023-06-01", [("鬼滅の刃", 2)]),
    ("MAPPA Marks 10 Years With a Zenshu Original", "The studio premieres Zenshu in January.", "2025-01-05",
     [("全修。", 1)]),
    ("Cardcaptor Sakura Marks 25 Years With a Tokyo Celebration", "Fans gathered in Tokyo for the weekend.",
     "2023-04-07", [("カードキャプターさくら", None)]),
    ("Frieren Leads Anime Corner's Week 5 Poll", "Frieren took first place this week.\nThe top five also had Undead "
     "Unluck.", "2023-11-06", [("アンデッドアンラック", 1), ("葬送のフリーレン", 1)]),
    # a story's film club is no film; a prefecture's tour of panels is a tie-in
    ("Twilight Out of Focus Anime Brings Its Film Club Romance to July", "The BL anime premieres in July.",
     "2024-05-01", [("黄昏アウトフォーカス", 1)]),
])
def test_years_award_categories_game_leads_cheering_readers_songs_studio_years_polls_and_clubs(title, text, published,
                                                                                              expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a Japanese name's Latin letters do not start inside a band's Latin word
    ("SPYAIR、『劇場版ハイキュー!! ゴミ捨て場の決戦』の主題歌を担当", "SPYAIRが主題歌を歌う。", "2024-01-10",
     [("ハイキュー!! ゴミ捨て場の決戦", None)]),
    # a first sentence telling of a tie-in or of a game's playable cast
    ("ローソンに「ポケモン」のおにぎりが登場", "ローソンが『ポケットモンスター』とのコラボおにぎりを販売する。",
     "2023-08-01", [("ポケットモンスター", None)]),
    ("Jujutsu Kaisen Cursed Clash Is Out Now", "Bandai Namco's Jujutsu Kaisen Cursed Clash is now available with 40 "
     "playable sorcerers and curses.", "2024-02-02", [("呪術廻戦", None)]),
    # a place's adjective
    ("Child of Kamiari Month Streams on Netflix", "The Izumo-set film follows a girl who runs for the gods.",
     "2022-10-01", [("神在月のこども", None)]),
])
def test_latin_words_tie_in_and_game_leads_and_a_places_adjective(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a name a song's word opens wherever it is quoted is a song, not the show 喜劇
    ("ずとまよの新曲「喜劇」、『SPY×FAMILY』第2クールのエンディングに", "新曲「喜劇」は10月から流れる。",
     "2023-09-20", [("SPY×FAMILY", 2)]),
    # a performer's Latin name before the brackets, in news of songs: the song パプリカ, not Kon's film
    ("Foorin「パプリカ」がレコード大賞", "米津玄師が手がけたFoorinの「パプリカ」が選ばれた。", "2019-12-30", []),
    ("TVアニメ「パプリカ」の新作が決定", "今敏の「パプリカ」をアニメシリーズに。", "2025-01-10", [("パプリカ", None)]),
    # a stage play staged again, a game on Switch, a best-selling game
    ("『NARUTO-ナルト-』の舞台が来夏に再演", "シリーズ第1作が再び上演される。", "2024-11-01",
     [("NARUTO -ナルト-", None)]),
    ("Yo-kai Watch 4 ++ Arrives in Japan on Switch", "Level-5's sequel adds new yo-kai.", "2019-12-05",
     [("妖怪ウォッチ", None)]),
    ("Dragon Ball FighterZ Becomes the Best-Selling Dragon Ball Game Yet", "Bandai Namco counted ten million players.",
     "2024-03-01", [("ドラゴンボール", None)]),
    # a first sentence telling of a Switch adventure, or of an RPG on "Xbox Series" (no anime series)
    ("Shin-chan Heads to the Countryside for Summer", "Shinnosuke's new Switch adventure from Neos launches in Japan "
     "today.", "2021-07-15", [("クレヨンしんちゃん", None)]),
    ("Digimon Story: Time Stranger Is Out Now", "Bandai Namco's new Digimon RPG is out on PS5, Xbox Series X|S and PC.",
     "2025-10-03", [("デジモンアドベンチャー", None)]),
])
def test_songs_opened_by_a_song_word_restaged_plays_and_games_on_switch_or_xbox_series(title, text, published,
                                                                                        expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a chart of views lists the works it ranks, and a season's roundup may name its year in two digits or its month
    ("2022年にdアニメストアで最も見られたのは「SPY×FAMILY」",
     "1位は「SPY×FAMILY」。\n3位には「チェンソーマン」が入った。", "2022-12-20",
     [("SPY×FAMILY", 1), ("チェンソーマン", 1)]),
    ("22年秋アニメ、初週の再生数が発表", "「チェンソーマン」が1位。\n2位は「ぼっち・ざ・ろっく！」だった。",
     "2022-10-20", [("ぼっち・ざ・ろっく！", 1), ("チェンソーマン", 1)]),
    ("2022年10月スタートの新作アニメまとめ", "注目は「チェンソーマン」。\n「ぼっち・ざ・ろっく！」も始まる。",
     "2022-09-20", [("ぼっち・ざ・ろっく！", 1), ("チェンソーマン", 1)]),
    # a last episode that announces the next season, in the lead
    ("Kaguya-sama Returns Next Spring", "The final episode of the Kaguya-sama: Love Is War anime announced that the "
     "show's 2nd season will premiere in spring.", "2019-03-30", [("かぐや様は告らせたい～天才たちの恋愛頭脳戦～", 2)]),
    # a sequel the headline leaves unnamed is the work's next season, beside other works too
    ("AnimeJapan Stages Bring Haikyu!! TO THE TOP, Dr. STONE Sequel", "Both casts appeared.", "2020-03-20",
     [("Dr.STONE", 2), ("ハイキュー!!", 4)]),
    # a lead that opens on the live-action work
    ("One Piece Netflix Series Gets a Premiere Party", "Netflix's live-action ONE PIECE will debut on August 31.",
     "2023-08-01", [("ONE PIECE", None)]),
])
def test_view_charts_roundup_dates_next_seasons_unnamed_sequels_and_live_action_leads(title, text, published,
                                                                                      expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # an obituary whose headline names works: the body's other works are the person's career, not the news
    ("Leiji Matsumoto, Creator of Galaxy Express 999, Dies at 85", "The manga artist died on February 13. He also "
     "created Space Pirate Captain Harlock and shaped Space Battleship Yamato.", "2023-02-20", [("銀河鉄道999", None)]),
    # one that names none counts the works of its first sentences
    ("Animator Yasuo Otsuka Dies at 89", "Otsuka, the animation director of Lupin III and Future Boy Conan, died "
     "on March 15.", "2021-03-20", [("ルパン三世 1stシリーズ", None), ("未来少年コナン", None)]),
])
def test_an_obituarys_headline_works_are_its_news(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # "the" and a capitalized word before a one-word name make a longer name: a place of the story, not KINGDOM
    ("Black Clover Stage Teases the Next Arc", "The cast previewed the Spade Kingdom episodes.", "2019-12-22",
     [("ブラッククローバー", 1)]),
    ("Kingdom Season 5 Premieres in January", "The anime follows Xin toward the Qin throne.", "2024-01-10",
     [("キングダム", 5)]),
    # a creator's "take on" another work names the work it derives from
    ("PLUTO Anime Streams on Netflix", "The series is Naoki Urasawa's take on Astro Boy's most famous arc.",
     "2023-10-26", [("PLUTO", 1)]),
    # copies sold, told past a title's "!", are a game's news; a Blu-ray's copies are still the season's
    ("Sparking! ZERO Clears Three Million on Day One", "Bandai Namco says DRAGON BALL: Sparking! ZERO sold more than "
     "three million copies within 24 hours.", "2024-10-15", [("ドラゴンボール", None)]),
    # 「X」のキャストが登場 is the work's own cast at an event, not a spin-off's
    ("AnimeJapan 2023のステージに春アニメが集結",
     "ステージに「【推しの子】」「スキップとローファー」のキャストが登場した。", "2023-03-27",
     [("【推しの子】", 1), ("スキップとローファー", 1)]),
])
def test_longer_names_after_a_capitalized_word_and_a_works_own_cast(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # the makers' earlier works, a studio named in capitals, a Hollywood adaptation, a manga in V Jump
    ("Summer Pockets Anime Premieres in April", "The island story from the makers of CLANNAD and Little Busters! "
     "airs this April.", "2025-03-01", [("Summer Pockets", 1)]),
    ("BUG FILMS Delays Zom 100's Final Episodes", "The last three episodes will air later.", "2023-09-10",
     [("ゾン100～ゾンビになるまでにしたい100のこと～", 1)]),
    ("Pierrot Films Airs Bleach TYBW's Third Cour, The Conflict", "The third part began.", "2024-10-05",
     [("BLEACH 千年血戦篇", 3)]),  # plural "Films", a singular verb: a company
    ("Sony Dates Hollywood Saint Seiya Adaptation for May", "The film stars Mackenyu as Seiya.", "2023-03-01",
     [("聖闘士星矢", None)]),
    ("Two Blue Vortex Begins in V Jump", "Boruto's new manga starts in V Jump this month.", "2023-08-21",
     [("BORUTO-ボルト- NARUTO NEXT GENERATIONS", None)]),
    # a season before the next title, then a verb: 第2期が始まる『約束のネバーランド』
    ("ジャンプフェスタ2021のステージに2作品",
     "放送中の『呪術廻戦』と、1月から第2期が始まる『約束のネバーランド』が登場した。", "2020-12-20",
     [("呪術廻戦", 1), ("約束のネバーランド", 2)]),
])
def test_makers_works_capital_studios_hollywood_v_jump_and_a_next_titles_season(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # the manga a new anime adapts is its source; "a brand-new anime" announces the remake
    ("Shaman King Returns With a Brand-New Anime Adapting the Full Manga", "The new TV anime premieres in April.",
     "2020-06-18", [("SHAMAN KING", 1)]),
    ("Urusei Yatsura Remake Returns to Adapt the Manga Through Its Last Story", "The second season began.",
     "2024-01-11", [("うる星やつら", 2)]),  # "to adapt" the manga: the remake's second season (the 1981 one has none)
    # a survey lists the works it ranks; half a century is an anniversary; 億部 counts the manga's copies
    ("秋アニメ期待度アンケートの結果発表", "1位は「チェンソーマン」。\n2位は「SPY×FAMILY」だった。", "2022-10-01",
     [("SPY×FAMILY", 1), ("チェンソーマン", 1)]),
    ("「サザエさん」放送が半世紀に", "日曜夕方の長寿番組となった。", "2019-10-05", [("サザエさん", None)]),
    ("「ONE PIECE」累計5億部を突破", "尾田栄一郎がコメントを寄せた。", "2022-08-04", [("ONE PIECE", None)]),
    ("柚香光さんが伊集院忍に　花組『はいからさんが通る』宝塚で開幕", "舞台が開幕した。", "2020-10-10",
     [("はいからさんが通る", None)]),  # a Takarazuka stage
    ("宝塚がモデルの音楽学校が舞台「かげきしょうじょ!!」今夜から放送", "TVアニメが放送開始された。", "2021-07-03",
     [("かげきしょうじょ!!", 1)]),  # a broadcast's setting
    # "for Another Season": a determiner and its noun, the next season, not the show ANOTHER
    ("Fruits Basket Greenlit for Another Season", "TMS Entertainment announced the news.", "2019-09-17",
     [("フルーツバスケット", 2)]),
    # a name ending on a particle, glued to more words in its brackets, begins another title
    ("「ぼくらの七日間戦争」アニメ映画が公開", "宗田理の小説が原作。", "2019-12-13", []),
    # a title's own colon: "Digimon Adventure: Reboot …" is DIGIMON ADVENTURE: of 2020, no other work
    ("Digimon Adventure: Reboot Halts Over COVID-19", "New episodes are postponed.", "2020-04-10",
     [("デジモンアドベンチャー：", 1)]),
])
def test_adapted_sources_surveys_half_centuries_another_season_glued_names_and_a_titles_colon(title, text, published,
                                                                                             expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # an obituary's short aside ("He was 74.") does not count among the sentences that tell the person's works
    ("Anime Song Singer Ichirou Mizuki Dies", "Ichirou Mizuki died of lung cancer on December 6, his agency "
     "announced.\nHe was 74. Mizuki sang the opening theme of Mazinger Z.", "2022-12-09", [("マジンガーZ", None)]),
    # what a new work follows, after a title's own signs: MyGO!!!!!に続く新作
    ("MyGO!!!!!に続く新作『BanG Dream! Ave Mujica』、来年1月に放送", "新たなバンドの物語を描く。", "2024-06-01",
     [("BanG Dream! Ave Mujica", 1)]),
    ("アニメ「BEM」放送開始　「妖怪人間ベム」50周年の新作", "新たな物語が始まる。", "2019-07-14",
     [("BEM", 1)]),  # the work whose anniversary a new one marks is its parent
    # a festival's arc (大覇星祭編) is no event; a chart's ranks (首位, 2位) list the works it ranks
    ("とある科学の超電磁砲T：1月10日スタート　大覇星祭編を描く",
     "テレビアニメ「とある科学の超電磁砲」の第3期が放送される。", "2020-01-08", [("とある科学の超電磁砲", 3)]),
    ("【オリコン年間】作品別コミック、『鬼滅の刃』が首位",
     "1位は『鬼滅の刃』。\n2位は『呪術廻戦』、3位は『キングダム』だった。", "2020-12-20",
     [("キングダム", None), ("呪術廻戦", None), ("鬼滅の刃", None)]),
    # が入籍 is the news of a marriage: its roles are named, not news; ED「喜劇」 is a song, not the show 喜劇
    ("梶裕貴と竹達彩奈が入籍", "『進撃の巨人』エレン役と『けいおん！』梓役の声優同士。", "2019-07-08", []),
    ("星野源、『SPY×FAMILY』ED「喜劇」を書き下ろし", "10月から放送される第2クールで流れる。", "2022-09-20",
     [("SPY×FAMILY", 1)]),
    # a lead cut at a title's "!" reads on to its sentence's end: a free-to-play game's news
    ("Konami Opens Yu-Gi-Oh! Master Duel to Everyone", "Konami's Yu-Gi-Oh! Master Duel is out now as a free-to-play "
     "game on Switch and Steam.", "2022-01-20", [("遊戯王デュエルモンスターズ", None)]),
])
def test_obituary_asides_what_a_work_follows_a_lead_past_a_bang_festival_arcs_and_chart_ranks(title, text, published,
                                                                                              expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a season of the year the broadcast starts in: the source named is the show's, not the news
    ("神埼黒音原作の続編アニメ『魔王様、リトライ！R』、秋から放送", "前作とはキャストが総入れ替えとなる。",
     "2024-05-01", [("魔王様、リトライ！", 2)]),
    # the live-action work a premiere follows is context, not the news's medium
    ("Cherry Magic! Anime Premieres January 10 After Live-Action Hit",
     "The TV anime of the manga will premiere on January 10.", "2024-01-05",
     [("30歳まで童貞だと魔法使いになれるらしい", 1)]),
    # a new game named after the title: the game's news
    ("Spike Chunsoft Sends Players Down the Abyss in a New Made in Abyss Game", "The action RPG launches in 2025.",
     "2024-10-01", [("メイドインアビス", None)]),
    # 「…」などで知られる credits the author in a title's news
    ("百姓貴族：2nd Seasonが10月スタート",
     "「鋼の錬金術師」などで知られる荒川弘さんのエッセーマンガが原作のテレビアニメ「百姓貴族」の2nd Season"
     "が放送される。",
     "2024-09-20", [("百姓貴族", 2)]),
    # a lead that tells of a stage musical
    ("Kosei and Kaori Sing in English as Your Lie in April Takes a London Stage",
     "The stage musical version of Your Lie in April begins performances in London.", "2024-05-20",
     [("四月は君の嘘", None)]),
    # one capital letter up to the bracket goes on with the name, unless an entry of the series writes it so
    ("4月のホビーアニメ、『シンカリオンZ』スタート",
     "新作『新幹線変形ロボ シンカリオンZ THE ANIMATION』が放送を開始した。", "2021-04-09",
     [("新幹線変形ロボ シンカリオンZ THE ANIMATION", 1)]),
    ("「超電磁砲T」が放送休止", "「とある科学の超電磁砲T」も放送を一時休止する。", "2020-04-09",
     [("とある科学の超電磁砲", 3)]),
])
def test_broadcast_seasons_live_action_context_new_games_stage_leads_and_letters_after_a_name(title, text, published,
                                                                                              expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # the apposition's romaji is a longer name of the same work, not Monster Musume's
    ("Funimation will stream Monster Girl Doctor (Monster Musume no Oishasan) this summer.",
     [("モンスター娘のお医者さん", 1)]),
    # a whole other title in the parentheses is named
    ("Funimation will stream Monster Girl Doctor (Monster Musume) this summer.",
     [("モンスター娘のいる日常", 1), ("モンスター娘のお医者さん", 1)]),
])
def test_a_name_that_opens_an_apposition_after_a_title_is_a_longer_name_of_that_work(text, expected):
    assert sorted((t.series.title_ja, t.season)
                  for t in MATCHER.tag("Funimation Picks Up Monster Girl Doctor", text, "2020-06-26")) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a story's "game world" is its setting, not a game's news
    ("Do You Love Your Mom and Her Two-Hit Multi-Target Attacks? Sends a Mother Along",
     "Masato finally gets into a full-dive game world, only to learn that his mother is coming with him.",
     "2019-07-13", [("通常攻撃が全体攻撃で二回攻撃のお母さんは好きですか？", 1)]),
    # "with Eiji Akaso as Akira": a role, not AKIRA
    ("Zom 100 Live Action Hits Netflix",
     "Netflix released the live-action Zom 100: Bucket List of the Dead, with Eiji Akaso as Akira.", "2023-08-04",
     [("ゾン100～ゾンビになるまでにしたい100のこと～", None)]),
    # a season named after a name the franchise's film holds is the TV series' season
    ("アニメ『ピアノの森』第2シリーズ放送開始", "カイたちがコンクールの本選に挑む。", "2019-01-29",
     [("ピアノの森(TVシリーズ)", 2)]),
    # ジャンフェス is Jump Festa, no festival's; a katakana short name before "FINAL SEASON" is a title
    ("【ジャンフェス2025】ヒロアカFINAL SEASON時期発表", "ジャンプフェスタ2025のステージで放送時期が発表された。",
     "2024-12-22", [("僕のヒーローアカデミア", 8)]),
])
def test_a_game_world_a_role_with_an_actor_a_films_name_with_a_season_and_jump_festas_short_name(title, text,
                                                                                                   published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # "！" between Japanese words parts a headline's clauses: フィギュア (skating) is no clause of the broadcast
    ("冬アニメ『スケートリーディング☆スターズ』放送開始！フィギュアの団体戦",
     "フィギュアスケートの団体戦を描くオリジナルアニメ。", "2021-01-16", [("スケートリーディング☆スターズ", 1)]),
    # 『X』の<author>さんが…を描いた credits the author with X
    ("『百姓貴族 2nd Season』放送開始",
     "『鋼の錬金術師』の荒川弘さんが北海道の農家で育った日々を描いた『百姓貴族』のTVアニメ2nd Seasonがスタート。",
     "2024-10-04", [("百姓貴族", 2)]),
    # <person>さんが新キン肉マンに: the role a voice actor takes
    ("夏アニメ『キン肉マン 完璧超人始祖編』放送開始！宮野真守さんが新キン肉マンに",
     "正義超人と完璧超人始祖の戦いが描かれる。", "2024-07-08", [("キン肉マン 完璧超人始祖編", 1)]),
])
def test_clauses_parted_by_exclamation_an_authors_earlier_work_and_a_voice_actors_role(title, text, published,
                                                                                       expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("アニメ『22/7』放送スタート", "秋元康プロデュースのデジタル声優アイドルのTVアニメが始まった。", [("22/7", 1)]),
    ("Tickets go on sale 22/7 at noon", "The concert is on 30/7.", []),  # a date, no title quotes
])
def test_a_title_of_digits_and_signs_reads_as_one_in_title_quotes(title, text, expected):
    assert tagged(title, text, "2020-01-11") == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Healer Girl Is the Spring 2022 Musical Anime Nobody Saw Coming", "The Studio 3Hz series premiered in April.",
     "2022-04-20", [("ヒーラー・ガール", 1)]),  # a musical anime is an anime, no stage musical
    ("Horse Girls Go Global: Cygames Releases Uma Musume for English Players", "The mobile hit is out worldwide.",
     "2025-06-27", [("ウマ娘 プリティーダービー", None)]),  # released "for English players": a game
    ("Farewell to Yasuo Otsuka, Whose Pencil Drove Lupin III and Future Boy Conan", "The animator was 89.",
     "2021-03-16", [("ルパン三世 1stシリーズ", None), ("未来少年コナン", None)]),  # an obituary's farewell
    ("Animation Legend Yasuo Otsuka Passes at 89; Lupin III, Future Boy Conan Fans Pay Tribute",
     "Otsuka animated the first Lupin III series.", "2021-03-16",
     [("ルパン三世 1stシリーズ", None), ("未来少年コナン", None)]),  # "passes at 89": a death
])
def test_a_musical_anime_a_game_for_players_and_a_farewell_to_a_person(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_spin_off_named_right_after_its_parent_is_the_news():
    tags = MATCHER.tag("『クレヨンしんちゃん』スピンオフ『野原ひろし 昼メシの流儀』TVアニメ10月放送",
                       "営業マン・野原ひろしが昼食にこだわるグルメコメディ。", "2025-09-05")
    assert sorted((t.series.title_ja, t.season) for t in tags) == [("野原ひろし 昼メシの流儀", 1)]


@pytest.mark.parametrize("title, expected", [
    ("Tsuki ga Michibiku Isekai Dōchū Anime Confirms Sequel in Finale", [("月が導く異世界道中", 2)]),  # ō as "ou"
    ("Live-Action Zenitendo Film Opens December 13", [("ふしぎ駄菓子屋 銭天堂", None)]),  # "Zenitendou" single
])
def test_romaji_long_vowels_read_with_a_macron_double_or_single(title, expected):
    assert tagged(title, "", "2021-09-23") == expected


def test_an_album_of_a_shows_songs_is_that_seasons_news_as_its_theme_songs_are():
    tags = MATCHER.tag("Kessoku Band's Debut Album Lands at No. 1 on Oricon",
                       "The album collects the songs of the Bocchi the Rock! anime.", "2023-01-04")
    assert [(t.series.title_ja, t.season) for t in tags] == [("ぼっち・ざ・ろっく！", 1)]


@pytest.mark.parametrize("title, text, published, expected", [
    # a person's full name inside a sentence: the given name is no title (I・Я・I・A)
    ("Gundam: Requiem for Vengeance Brings Unreal Engine Mobile Suits to Netflix",
     "The series follows Zeon pilot Iria Solari and her Zaku team as they face a lone white Gundam.", "2024-10-17",
     [("Gundam: Requiem for Vengeance", 1)]),
    # 「FAIRY TAIL」の真島ヒロさんがキャラクター原案: the designer's earlier work
    ("FARMAGIA：2025年1月スタート",
     "テレビアニメ「FARMAGIA」が放送される。「FAIRY TAIL」の真島ヒロさんがキャラクター原案を担当する。", "2024-10-01",
     [("FARMAGIA", 1)]),
    # "from the A Whisker Away studio": the studio's earlier film
    ("Studio Colorido's My Oni Girl Film Premieres on Netflix",
     "My Oni Girl, the new film from the A Whisker Away studio, is streaming worldwide.", "2024-05-24",
     [("好きでも嫌いなあまのじゃく", None)]),
    # figure skating is no figure (merchandise)
    ("Skate-Leading Stars Figure Skating Anime Premieres", "The original anime premiered in January.", "2021-01-16",
     [("スケートリーディング☆スターズ", 1)]),
])
def test_a_full_name_a_designers_and_a_studios_earlier_work_and_figure_skating(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # a franchise's word written in lower case is a noun, no work of the franchise
    ("Fall 2025 Picks: A Wild Last Boss Appeared!",
     "A Wild Last Boss Appeared! brings back the overlord Lufas two centuries after her defeat.", "2025-10-03",
     [("野生のラスボスが現れた！", 1)]),
    # a launch before the game it launches
    ("Umamusume Goes Global: Cygames Launches English Version of the Horse Girl Game", "The mobile hit is out now.",
     "2025-06-27", [("ウマ娘 プリティーダービー", None)]),
    # 放送へ tells a broadcast, whose source (原作) is no medium of the news
    ("墨香銅臭の小説が原作、『天官賜福』の日本語版が放送へ", "中国のアニメが日本語吹替で放送される。", "2021-10-10",
     [("天官賜福", 1)]),
    # アニメ化50周年 is the franchise's anniversary; a season starting in a month beside it is that season's news
    ("『ルパン三世』アニメ化50周年、記念プロジェクトが始動", "記念の企画が続々と発表された。", "2021-06-01",
     [("ルパン三世 1stシリーズ", None)]),
    ("ルパン三世：アニメ化50周年　『PART6』が10月スタート",
     "記念の新シリーズ『ルパン三世 PART6』が10月から放送される。", "2021-10-01", [("ルパン三世 1stシリーズ", 6)]),
])
def test_lower_case_nouns_game_launches_broadcasts_to_come_and_an_adaptations_anniversary(title, text, published,
                                                                                           expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    # "Air" of "Will Air" is no title, so the headline stays a broadcast's, and the game it comes after is context
    ("FARMAGIA Anime Will Air in January 2025, Weeks After the Game",
     "Its TV anime follows the farming RPG in January 2025.", "2024-12-20", [("FARMAGIA", 1)]),
    ("Liden Films Splits Bye Bye, Earth Into Two Seasons", "The first season starts in July 2024.", "2024-06-02",
     [("ばいばい、アース", 1)]),  # a studio, no film
    ("Mackenyu Dons the Pegasus Cloth in Toei's Hollywood Saint Seiya", "The film opens in June.", "2023-04-28",
     [("聖闘士星矢", None)]),  # Hollywood's: live action
    ("ドラマパートとアニメパートの二本立て　『アイカツプラネット！』が始動", "新シリーズが始まった。", "2021-01-10",
     [("アイカツプラネット！", 1)]),  # a show's drama part, no drama
])
def test_a_word_that_only_looks_like_a_title_a_studio_hollywood_and_a_shows_drama_part(title, text, published,
                                                                                        expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, expected", [
    ("Science SARU Confirms a Third Dandadan Season Moments After Season 2 Wraps", [("ダンダダン", 3)]),
    ("Studio Bind Makes a Third Mushoku Tensei Season", [("無職転生～異世界行ったら本気だす～", 3)]),
])
def test_an_ordinal_before_a_title_whose_season_follows_it_names_that_season(title, expected):
    assert tagged(title, "", "2025-09-20") == expected


@pytest.mark.parametrize("title, expected", [
    ("【2025秋アニメ】追放・転生もの『信じていた仲間達に…』『味方が弱すぎて…』", [
        ("信じていた仲間達にダンジョン奥地で殺されかけたがギフト『無限ガチャ』でレベル9999の仲間達を手に入れて"
         "元パーティーメンバーと世界に復讐＆『ざまぁ！』します！", 1),
        ("味方が弱すぎて補助魔法に徹していた宮廷魔法師、追放されて最強を目指す", 1)]),
    ("【2025秋アニメ】新作『転生したら…』が話題", []),  # opens the titles of many series: none
])
def test_a_bracketed_title_cut_short_names_the_one_series_it_opens(title, expected):
    tags = MATCHER.tag(title, "新作を紹介する。", "2025-10-01")
    assert sorted((t.series.title_ja, t.season) for t in tags) == expected


@pytest.mark.parametrize("title, expected", [
    ("【2025冬アニメ】異世界ものの新作3選　『マジック・メイカー』『没落予定の貴族』", [
        ("マジック・メイカー ～異世界魔法の作り方～", 1), ("没落予定の貴族だけど、暇だったから魔法を極めてみた", 1)]),
    ("【2025春アニメ】令嬢もの『ゴリラの神から加護された令嬢』",
     [("ゴリラの神から加護された令嬢は王立騎士団で可愛がられる", 1)]),
    ("暁佳奈の小説『春夏秋冬代行者』がテレビアニメ化", [("春夏秋冬代行者 春の舞", 1)]),  # before a spaced subtitle
    ("「日本へようこそ」訪日客が過去最多", []),  # a phrase in corner brackets is no title's opening
])
def test_a_long_titles_opening_clause_in_title_brackets_names_it(title, expected):
    assert tagged(title, "新作を紹介する。", "2025-01-10") == expected


@pytest.mark.parametrize("opening, rest, cut", [
    ("没落予定の貴族", "だけど、暇だったから", False),  # a clause ends at the kanji before だけど
    ("ゴリラの神から加護された令嬢", "は王立騎士団で", False),
    ("機動戦士ガンダム水", "星の魔女", True),  # 水 | 星: one word cut in two
    ("ソードアート・オン", "ライン", True),
    ("ソードアート・オンライン", "", True),  # the whole title: a name, not its opening
])
def test_an_opening_cut_inside_a_word_names_no_title(opening, rest, cut):
    assert tagging._cut_in_a_word(opening, rest) is cut


@pytest.mark.parametrize("title, expected", [
    ("Mash Punches Through the Magic Exam in Mashle Season 2 Trailer", [("マッシュル-MASHLE-", 2)]),
    ("Will's Climb Up the Tower Goes On as Wistoria Earns a Second Season", [("杖と剣のウィストリア", 2)]),
    ("Will Climbs On as Wistoria Heads Into Its Second Season", [("杖と剣のウィストリア", 2)]),
    ("Breath of the Wild Sequel Is Tears of the Kingdom", []),  # no season after it: a game's name
])
def test_a_rare_name_before_its_season_is_the_show_however_it_is_led_in(title, expected):
    assert tagged(title, "", "2024-09-30") == expected


@pytest.mark.parametrize("title, expected", [
    ("When Kizetsu Yuusha Airs in July, Four Princesses Chase Him", [("気絶勇者と暗殺姫", 1)]),
    ("Saikyou Onmyouji Anime Previews Its Opening Song", [("最強陰陽師の異世界転生記", 1)]),
    ("Idaten Deities Anime From MAPPA Punches Its Way to TV in July", [("平穏世代の韋駄天達", 1)]),
    ("Saikyou Onmyouji, a Phrase Fans Repeat", []),  # no title news after it
    ("Tensei Shitara Anime Adaptations Pile Up", []),  # the opening words of many titles
])
def test_a_long_latin_titles_opening_words_before_title_news_name_it(title, expected):
    assert tagged(title, "The new season starts.", "2025-09-01") == expected


@pytest.mark.parametrize("title, expected", [
    ("Kizetsu Yuusha to Ansatsu Hime Anime Sets July Premiere", [("気絶勇者と暗殺姫", 1)]),  # outlets' spacing
    ("『灼カバ』第2期が決定", [("灼熱カバディ", 2)]),  # a Japanese short name
    ("Iwakakeru: Sport Climbing Girls Ends at the National Tournament", [("いわかける！ -Sport Climbing Girls-", 1)]),
])
def test_curated_names_of_mid_tier_shows_tag_them(title, expected):
    assert tagged(title, "The anime's news.", "2025-06-01") == expected


@pytest.mark.parametrize("title", [
    "Bandai Namco's 2v2 Jujutsu Kaisen Fighter Cursed Clash Arrives",
    "Jujutsu Kaisen Brawler Arrives in February",
])
def test_a_fighting_games_genre_words_name_a_game_with_no_season(title):
    assert tagged(title, "The game retells the anime's story.", "2024-02-02") == [("呪術廻戦", None)]


@pytest.mark.parametrize("title, expected", [
    ("Dale and Latina's Story Begins as If It's for My Daughter Anime Airs in Japan",
     [("うちの娘の為ならば、俺はもしかしたら魔王も倒せるかもしれない。", 1)]),
    ("Mamako Outlevels Her Son in Do You Love Your Mom? TV Anime Premiere",
     [("通常攻撃が全体攻撃で二回攻撃のお母さんは好きですか？", 1)]),
    ("If It's for My Daughter, a Father Says He Would Fight Anyone", []),  # no "anime" after the words
])
def test_four_plain_words_opening_a_long_title_before_anime_name_it(title, expected):
    assert tagged(title, "The new season starts.", "2019-07-10") == expected


def test_a_game_genre_in_an_anime_broadcasts_headline_describes_its_source():
    assert tagged("Ninjala Anime Brings GungHo's Gum-Ninja Brawler to TV Tokyo", "The anime premieres in January.",
                  "2022-01-06") == [("ニンジャラ", 1)]


@pytest.mark.parametrize("title, expected", [
    ("Oda's One-Shot MONSTERS Gets a Netflix Anime", [("MONSTERS 一百三情飛龍侍極", 1)]),  # the one-shot: its source
    ("Oda's MONSTERS One-Shot Returns in Jump", [("MONSTERS 一百三情飛龍侍極", None)]),  # the manga's news
])
def test_a_one_shot_in_an_anime_adaptations_headline_is_its_source(title, expected):
    assert tagged(title, "Monsters: 103 Mercies Dragon Damnation premiered on Netflix.", "2024-01-21") == expected


@pytest.mark.parametrize("title, expected", [
    ("Oda's Pre-One Piece Short Story Anime Premieres", []),
    ("One Piece Anime Premieres a New Arc", [("ONE PIECE", 1)]),
])
def test_a_name_after_pre_or_post_is_a_time_not_the_subject(title, expected):
    assert tagged(title, "", "1999-10-20") == expected


@pytest.mark.parametrize("title, published, expected", [
    ("ZENSHU Premieres: Natsuko Hirose Can Redraw the Movie She's Trapped In", "2025-01-06", [("全修。", 1)]),
    ("Winter 2019's Game Spinoffs: Circlet Princess, Manaria Friends and Bermuda Triangle", "2019-01-10",
     [("サークレット・プリンセス", 1), ("バミューダトライアングル ～カラフル・パストラーレ～", 1),
      ("マナリアフレンズ", 1)]),
    ("Sword Art Online the Movie Premieres: Aria of a Starless Night", "2021-10-30",
     [("ソードアート・オンライン", None)]),  # the film is named before the verb
])
def test_a_broadcasts_colon_ends_its_clause_and_a_lineups_game_spinoffs_are_sources(title, published, expected):
    assert tagged(title, "", published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Cinderella Nine Steps Up to the Plate",
     "The girls' baseball game Hachigatsu no Cinderella Nine now has a TV anime.", "2019-04-02",
     [("八月のシンデレラナイン", 1)]),  # the game a TV anime is "now" had of: its source
    ("Cinderella Nine Steps Up to the Plate", "The girls' baseball game Hachigatsu no Cinderella Nine adds a pitcher.",
     "2019-04-02", [("八月のシンデレラナイン", None)]),  # the game's own news
    ("Farewell, My Dear Cramer Anime Kicks Off Warabi Seinan's Season",
     "The prequel film Sayonara Watashi no Cramer: First Touch came first.", "2021-04-05",
     [("さよなら私のクラマー", 1)]),  # an anime that "kicks off": its broadcast
])
def test_the_medium_an_anime_is_had_of_is_its_source_and_an_anime_kicks_off_its_broadcast(title, text, published,
                                                                                            expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Toonami Premieres Lazarus, the Cowboy Bebop Director's New MAPPA Original",
     "Shinichiro Watanabe's LAZARUS premiered on Toonami.", "2025-04-06", [("LAZARUS ラザロ", 1)]),  # a credit
    ("Made in Abyss Director's Dungeon People Anime Premieres in July", "", "2025-07-06",
     [("ダンジョンの中のひと", 1)]),  # "X Director's Y": a credit, not the director's "Cut"
    ("Seven Knights Revolution: Hero Successor Brings Netmarble's RPG to TV", "", "2021-04-01",
     [("セブンナイツ レボリューション -英雄の継承者-", 1)]),  # the RPG it brings to TV: its source
    ("川尻こだまのエッセイ漫画『あたしゃ川尻こだまだよ』、7月からアニメで", "", "2023-05-01",
     [("あたしゃ川尻こだまだよ ～デンジャラスライフハッカーのただれた生活～", 1)]),
    ("ソシャゲ業界を描く「社長、バトルの時間です！」4月放送", "", "2025-02-01", [("社長、バトルの時間です！", 1)]),
    ("Infinity Castle Earns About $70 Million in Its First North American Weekend",
     "Demon Slayer: Kimetsu no Yaiba Infinity Castle opened.", "2025-09-15", [("鬼滅の刃", None)]),  # takings
    ("Detective Conan: The Million-dollar Pentagram Breaks 14 Billion Yen",
     "The Detective Conan film keeps drawing crowds.", "2024-06-01", [("名探偵コナン 100万ドルの五稜星", None)]),
    ("¥5.5 Billion in Three Days: Infinity Castle Part One Shatters Japan's Opening Record",
     "The first Demon Slayer: Kimetsu no Yaiba Infinity Castle film earned the most.", "2025-07-21",
     [("鬼滅の刃", None)]),  # takings in yen, an opening record
    ("Demon Slayer Infinity Castle Overtakes Mugen Train in Overseas Gross",
     "The Infinity Castle film has passed Mugen Train abroad.", "2025-09-20", [("鬼滅の刃", None)]),
    ("Netflix Brings Yumi Tamura's 7SEEDS to Screens This Week", "", "2019-06-27", [("7SEEDS", 1)]),  # a broadcast
    ("LIAR GAME Manga Gets Its First Anime", "Shinobu Kaitani's manga is getting a TV anime.", "2025-05-12",
     [("LIAR GAME -ライアーゲーム-", 1)]),  # its first anime: a broadcast's news over the manga's
])
def test_credits_sources_a_broadcasts_month_and_takings(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("声優・小原乃梨子さん死去　「ヤッターマン」ドロンジョ役", "2024-07-19",
     [("タイムボカンシリーズ ヤッターマン", None)]),
    ("『ヤッターマン』新シリーズ放送開始", "2008-01-14", [("ヤッターマン(新)", 1)]),  # the remake airing then
])
def test_a_work_named_without_its_series_prefix_is_the_franchises_first_in_its_news(title, published, expected):
    assert tagged(title, "", published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("Stop-Motion Pokemon Concierge Series Debuts on Netflix", "2023-12-28", [("ポケモンコンシェルジュ", 1)]),  # no é
    ("忍者劇画の第一人者・白土三平さん死去　アニメ化作に『サスケ』『忍風カムイ外伝』", "2021-10-26",
     [("サスケ", None), ("忍風カムイ外伝", None)]),  # an obituary's works, though a clause tells their アニメ化
])
def test_names_without_accents_and_an_obituarys_adapted_works(title, published, expected):
    assert tagged(title, "", published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Toei Animation Posts Record Year on One Piece and Dragon Ball", "", "2024-05-10",
     [("ONE PIECE", None), ("ドラゴンボール", None)]),  # a company's earnings
    ("日曜夕方の顔、放送55年　サザエさんが記念スペシャル", "『サザエさん』が放送55年を迎えた。", "2024-10-06",
     [("サザエさん", None)]),  # 放送55年: an anniversary
    ("Demon Slayer Film Knocks Detective Conan Off the Top of the Box Office", "", "2025-07-21",
     [("鬼滅の刃", None)]),  # the rival it knocks off
])
def test_earnings_years_on_air_and_a_rival_knocked_off(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_brand_new_anime_of_a_remade_title_is_the_remake():
    tags = MATCHER.tag("『らんま1/2』完全新作アニメ制作決定、オリジナルキャスト続投", "", "2023-07-27")
    assert [(t.series.entries[0].title, t.season) for t in tags] == [("らんま1/2(2024)", 1)]


@pytest.mark.parametrize("title, text, published, expected", [
    ("Mobile Suit Gundam GQuuuuuuX Starts Its TV Run After Theatrical Preview", "", "2025-04-09",
     [("機動戦士Gundam GQuuuuuuX", 1)]),  # its TV run, after the cinemas previewed it
    ("よしきとヒカルの夏が始まる　モクモクれん原作アニメが7月スタート",
     "TVアニメ『光が死んだ夏』が7月に放送を開始する。", "2025-06-20",
     [("光が死んだ夏", 1)]),  # アニメが7月スタート: a broadcast, the source only its words
])
def test_a_tv_run_after_a_theatrical_preview_and_an_anime_that_starts_in_a_month(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("ミニアニメ『うまよん』放送開始　ウマ娘たちの4コマがアニメに", "2020-07-07",
     [("うまよん", 1)]),  # ウマ娘たち: characters
    ("The Idolm@ster Celebrates 20 Years Since Its Arcade Debut", "2025-07-26", [("アイドルマスター", None)]),
    ("『#コンパス2.0 戦闘摂理解析システム』TVアニメ化　人気スマホゲームが放送開始", "2025-04-05",
     [("#コンパス2.0 戦闘摂理解析システム", 1)]),  # the mobile game it adapts
    ("Cardfight!! Vanguard overDress Reboots the Card Game Anime With a New Lead", "2021-04-03",
     [("カードファイト!! ヴァンガード overDress", 1)]),  # a card game anime, no card game
    ("Space Academy Sports Return in Battle Athletes Victory ReSTART!, a Revival of the 1997 OVA", "2021-04-10",
     [("バトルアスリーテス大運動会 ReSTART!", 1)]),  # the OVA it revives
])
def test_characters_a_debut_counted_from_and_the_sources_a_show_adapts_or_revives(title, published, expected):
    assert tagged(title, "", published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("The Richest Man in GAME Brings the Chinese Web Novel Hit to Japanese TV", "2025-10-03",
     [("破産富豪 The Richest Man in GAME", 1)]),  # its English title; "to Japanese TV", a broadcast
    ("Kurayukaba and Kurameru Kagari Open in Japan as a Same-Day Double Bill", "2024-04-12",
     [("クラメルカガリ", None), ("クラユカバ", None)]),  # two films' names, no pair of characters
    ("創立60周年のタツノコプロ、記念ビジュアル公開　『ガッチャマン』『マッハGoGoGo』も", "2022-10-19",
     [("マッハGoGoGo", None), ("科学忍者隊ガッチャマン", None)]),  # ガッチャマン: the first series, by its short name
])
def test_curated_names_of_a_chinese_show_two_films_and_a_classic(title, published, expected):
    assert tagged(title, "", published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("バミューダトライアングル：人魚たちの物語が放送開始", "", "2019-01-12",
     [("バミューダトライアングル ～カラフル・パストラーレ～", 1)]),  # a headline opening on its title and a colon
    ("悶えてよ、アダムくん：BLショートアニメがスタート　高まるアダムの魅力", "", "2024-01-08",
     [("悶えてよ、アダムくん", 1)]),  # a short anime that starts: a broadcast
    ("Obituary: Yasuo Otsuka, Miyazaki's Mentor and Future Boy Conan Animation Director", "", "2021-03-16",
     [("未来少年コナン", None)]),
    ("Khara Gathers Eva Pilots' Voices in Yokohama for the Franchise's 30th Year",
     "Neon Genesis Evangelion turns thirty.", "2025-10-04", [("新世紀エヴァンゲリオン", None)]),  # an anniversary
])
def test_a_title_and_colon_opening_a_headline_a_short_anime_an_obituary_and_a_franchises_year(title, text, published,
                                                                                           expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, expected", [
    ("劇場版コナン最新作、4月に公開", [("名探偵コナン", None)]),
    ("映画ドラえもん新作の主題歌が決定", [("ドラえもん", None)]),
    ("映画音楽を手がける作曲家に聞く", []),  # a compound word of 映画, no show 音楽
    ("2024年の映画興行収入、ハイキュー!!が上位に", [("ハイキュー!!", None)]),  # the title's own "!!"
])
def test_a_short_japanese_name_after_a_films_word_or_with_its_titles_signs_is_a_title(title, expected):
    assert tagged(title, "", "2024-12-20") == expected


@pytest.mark.parametrize("title, text, expected", [
    ("冬アニメ、ロボ系が相次ぐ", "2019年冬アニメでは『ガーリー・エアフォース』や『revisions リヴィジョンズ』が目立つ。",
     [("revisions", 1), ("ガーリー・エアフォース", 1)]),  # や lists the next title
    ("4月のホビーアニメ、『SDガンダムワールド ヒーローズ』と『シンカリオンZ』スタート", "",
     [("SDガンダムワールド ヒーローズ", 1)]),  # not シンカリオン: Z goes on into another name
])
def test_a_name_listed_after_a_title_with_to_or_ya_is_a_title_unless_letters_go_on(title, text, expected):
    assert tagged(title, text, "2021-04-09" if "ホビー" in title else "2019-01-12") == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Danganronpa Turns 10 as Spike Chunsoft Opens an Anniversary Site", "Spike Chunsoft celebrates ten years.",
     [("ダンガンロンパ 希望の学園と絶望の高校生 The Animation", None)]),
    ("Touch Celebrates Its 40th Anniversary With a New Key Visual", "Tatsuya and Kazuya return in new art.",
     [("タッチ", None)]),
    ("Kingdom Turns 30 Percent Profit", "The company made more.", []),  # a figure, no anniversary
    ("Keroro's Creator Mine Yoshizaki Celebrates Sgt. Frog's 25th with a New Illustration", "", [("ケロロ軍曹", None)]),
])
def test_a_name_opening_a_headline_on_its_anniversary_is_a_title(title, text, expected):
    assert tagged(title, text, "2020-11-25") == expected


def test_a_name_opening_a_reviews_headline_is_a_title():
    assert tagged("Lazarus Review: Shinichiro Watanabe Gives Adult Swim a Parkour Thriller",
                  "Watanabe's new series follows a parkour crew hunting a scientist.", "2025-04-07") == \
        [("LAZARUS ラザロ", 1)]


def test_awards_the_lead_names_date_the_seasons_a_headline_without_them_crowns():
    title = "Sung Jinwoo Wins Big: Solo Leveling Claims Top Prize as Frieren and Dandadan Also Score"
    text = ("Solo Leveling was named Anime of the Year at the 2025 Crunchyroll Anime Awards in Tokyo.\n"
            "Frieren: Beyond Journey's End won Best Drama, and Dandadan took home Best New Series.")
    expected = [("ダンダダン", 1), ("俺だけレベルアップな件", 1), ("葬送のフリーレン", 1)]
    assert tagged(title, text, "2025-03-04") == expected


def test_a_title_its_own_sign_glues_is_a_title_in_prose_and_holds_its_season():
    text = "Crunchyroll's fall 2024 slate is led by the new series Dandadan, the return of Re:ZERO for a third season."
    expected = [("Re:ゼロから始める異世界生活", 3), ("ダンダダン", 1)]
    assert tagged("Crunchyroll Fall 2024 Lineup", text, "2024-09-24") == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Nippon Animation Marks 50 Years with Dog of Flanders, Anne of Green Gables Screenings",
     "The studio was founded in 1975.", "2025-06-03", [("フランダースの犬", None), ("赤毛のアン", None)]),
    ("Slayers Celebrates Its 30th Anniversary With New Art", "Lina Inverse returns in new illustrations.",
     "2020-09-18", [("スレイヤーズ", None)]),  # English titles of series bangumi-data names in Japanese alone
    ("Anne Shirley Begins on NHK", "A new TV anime of Anne of Green Gables, titled Anne Shirley, starts on April 5.",
     "2025-04-05", [("アン・シャーリー", 1)]),  # the story a new adaptation tells, not the 1979 anime
    ("Boogiepop and Others Opens With a Four-Episode Premiere",
     "Madhouse's new adaptation of Kouhei Kadono's Boogiepop Phantom novels opened with four episodes at once.",
     "2019-01-05", [("ブギーポップは笑わない", 1)]),
])
def test_english_titles_of_old_series_and_the_story_a_new_adaptation_tells(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Ichigo Heads for the Soul King Palace as Bleach TYBW's Third Cour Launches",
     "The third cour of Bleach: Thousand-Year Blood War, The Conflict, launches on October 5.", "2024-10-05",
     [("BLEACH 千年血戦篇", 3)]),  # a cour launches, no game
    ("Pierrot Films Launches The Conflict, Bleach TYBW's Third Part, on Disney+",
     "The Conflict, the third part of Bleach: Thousand-Year Blood War, has started.", "2024-10-05",
     [("BLEACH 千年血戦篇", 3)]),
    ("「ダンジョン飯」の九井諒子が新作読み切り、ハルタに掲載",
     "「ダンジョン飯」の九井諒子による新作読み切りが「ハルタ」に掲載された。\n「ダンジョン飯」完結後初の新作。"
     "TVアニメはTRIGGERが制作し、第2期の制作も発表されている。", "2025-09-05", [("ダンジョン飯", None)]),  # a one-shot
])
def test_a_cour_that_launches_a_studio_that_launches_and_a_one_shot(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_release_commemorated_on_stage_is_a_films_news():
    title = "“だかいち”スペイン編公開記念舞台挨拶　高橋広樹と小野友樹が登壇"
    text = "『抱かれたい男1位に脅されています。～スペイン編～』の公開記念舞台挨拶が行われた。"
    assert [season for _, season in tagged(title, text, "2021-03-01")] == [None, None]


def test_a_title_named_for_its_studio_is_the_studios_credit():
    title = "スタジオカラー×サンライズ「ジークアクス」先行劇場版が週末興収1位"
    text = "「機動戦士Gundam GQuuuuuuX -Beginning-」が公開された。\n「エヴァ」のスタジオカラーがガンダムを手がけた。"
    assert tagged(title, text, "2025-01-17") == [("機動戦士Gundam GQuuuuuuX", None)]


@pytest.mark.parametrize("title, text, published, expected", [
    ("スターライツ登場の最終章　『セーラームーンCosmos』2部作の前編が封切り",
     "『美少女戦士セーラームーン』の最終章を描く『劇場版 美少女戦士セーラームーンCosmos』の前編が公開された。",
     "2023-06-09",
     [("美少女戦士セーラームーン", None), ("美少女戦士セーラームーンCosmos", None)]),  # a film's release
    ("銀魂オンシアター2D：第3弾「金魂篇」が上映開始", "アニメ「銀魂」を劇場で上映する企画の第3弾が始まった。",
     "2024-11-22", [("銀魂", None)]),  # a cinema's screening
])
def test_a_films_release_and_a_screening_in_cinemas_name_no_season(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Crunchyroll's 2025 Tokyo Gala Hands Its Top Prize to Solo Leveling",
     "Solo Leveling took Anime of the Year at the 2025 Crunchyroll Anime Awards in Tokyo.\n"
     "Dandadan and Frieren were among the other big names on the ballot.", "2025-05-26",
     [("ダンダダン", 1), ("俺だけレベルアップな件", 1), ("葬送のフリーレン", 1)]),  # a gala's prizes
    ("アニメイトタイムズ読者が選ぶ2025夏アニメ　『ダンダダン』第2期がトップ",
     "2025夏アニメの人気投票の結果が発表された。\n1位は『ダンダダン』第2期、2位は『怪獣8号』第2期だった。",
     "2025-09-28",
     [("ダンダダン", 2), ("怪獣8号", 2)]),  # readers' choice
    ("六本木で冨樫義博展 -PUZZLE- 始まる、『レベルE』含む3作の原稿が並ぶ",
     "冨樫義博の初の大規模個展が始まった。\n『幽☆遊☆白書』『レベルE』『HUNTER×HUNTER』のカラー原稿が並ぶ。",
     "2022-10-29",
     [("HUNTER×HUNTER", None), ("レベルE", None), ("幽☆遊☆白書", None)]),  # three works the headline counts
    ("Spirited Away, Princess Mononoke and The Cat Returns Join Netflix's Ghibli Lineup",
     "The second wave of Studio Ghibli films is now streaming on Netflix.\nIt includes Nausicaa of the Valley of the "
     "Wind, Princess Mononoke, Spirited Away, The Cat Returns and Arrietty.", "2020-03-02",
     [("もののけ姫", None), ("借りぐらしのアリエッティ", None), ("千と千尋の神隠し", None), ("猫の恩返し", None),
      ("風の谷のナウシカ", None)]),  # a service's lineup
])
def test_a_gala_a_readers_choice_and_a_count_of_works_list_the_works_the_body_names(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_features_number_makes_it_a_film():
    assert tagged("Dark Might Challenges Deku in the Fourth MHA Feature, Now Playing Stateside",
                  "The film opened in North American theaters this weekend.", "2024-10-11") == \
        [("僕のヒーローアカデミア", None)]


def test_an_anime_feature_is_a_film():
    title = "Takeshi Koike's Immortal Bloodline Is the First Full Lupin Anime Feature in Decades"
    text = "Takeshi Koike's LUPIN THE IIIRD THE MOVIE: The Immortal Bloodline opened in Japanese theaters."
    assert tagged(title, text, "2025-06-28") == [("ルパン三世 1stシリーズ", None)]


@pytest.mark.parametrize("title, text, published, expected", [
    ("声優アワード、種﨑敦美が主演女優賞　『葬送のフリーレン』フリーレン役",
     "『葬送のフリーレン』でフリーレンを演じた種﨑敦美さんが主演女優賞に選ばれた。\n"
     "種﨑さんは『SPY×FAMILY』のアーニャ役でも知られる。", "2024-03-09",
     [("葬送のフリーレン", 1)]),  # the actor's other role, also known
    ("ダンダダン：先行上映会に満員の観客　第1話から第3話を劇場で",
     "TVアニメ『ダンダダン』の先行上映会が開かれ、第1話から第3話が上映された。", "2024-09-15",
     [("ダンダダン", 1)]),  # the broadcast's first episodes shown first in cinemas
    ("「ガールズバンドクライ」最終回、劇場版の制作も発表", "TVアニメ「ガールズバンドクライ」が最終回を迎えた。",
     "2024-06-28", [("ガールズバンドクライ", 1)]),  # a film as side news of the finale
    ("結束バンド結成までをスクリーンで　ぼっち・ざ・ろっく！前編「Re:」",
     "「ぼっち・ざ・ろっく！」の劇場総集編の前編「Re:」が公開された。", "2024-06-07",
     [("ぼっち・ざ・ろっく！", None)]),  # on the screen: a film's
])
def test_a_role_known_a_preview_screening_a_film_beside_a_finale_and_the_screen(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("A Place Further Than the Universe Marks Five Years With a New Illustration", "", "2023-01-05",
     [("宇宙よりも遠い場所", None)]),  # an anniversary counted in words
    ("Oshi no Ko Season 3 Trailer Previews the Film-Within-a-Film Arc",
     "A new trailer for Oshi no Ko Season 3 was released.", "2025-10-22", [("【推しの子】", 3)]),  # no film's news
    ("Goodbye to Monkey Punch: Lupin's Father Was 81",
     "Manga artist Kazuhiko Kato, known as Monkey Punch, died on April 11. His Lupin III became a long-running "
     "anime franchise.", "2019-04-22", [("ルパン三世 1stシリーズ", None)]),  # a farewell, an age at death
    ("Kinro Lines Up Summer Wars and Wolf Children Ahead of Belle",
     "Nippon TV airs Mamoru Hosoda's films in the weeks before Belle opens.", "2021-07-02",
     [("おおかみこどもの雨と雪", None), ("サマーウォーズ", None)]),  # the film the broadcasts are timed to
    ("金曜ロードショー、細田守監督特集　『おおかみこどもの雨と雪』『サマーウォーズ』を放送",
     "最新作『竜とそばかすの姫』の公開に合わせて細田守監督作品を2週連続で放送する。", "2021-07-09",
     [("おおかみこどもの雨と雪", None), ("サマーウォーズ", None)]),
    ("『竜とそばかすの姫』公開記念で特別番組を放送", "細田守監督の最新作の公開に合わせて特番が放送される。",
     "2021-07-09", [("竜とそばかすの姫", None)]),  # the occasion is the news where no other work is
])
def test_anniversary_words_a_hyphened_film_a_farewell_and_a_release_the_news_is_timed_to(title, text, published,
                                                                                          expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Ouran, Soul Eater and Claymore Join the Latest Wave of Funimation Shows on Crunchyroll",
     "Another batch of former Funimation titles went live on Crunchyroll. Ouran High School Host Club is one.",
     "2022-03-18",
     [("CLAYMORE", 1), ("SOUL EATER - ソウルイーター -", 1), ("桜蘭高校ホスト部", 1)]),  # the list's plural verb
    ("タイザン5原作のタコピーの原罪、ENISHIYA制作のアニメが配信で週1話ずつ",
     "タイザン5のマンガを原作とするアニメ『タコピーの原罪』の配信が始まった。", "2025-06-28",
     [("タコピーの原罪", 1)]),  # the anime streams: the show's news
    ("今敏監督の没後10年、『パーフェクトブルー』『パプリカ』など4作品を特集上映",
     "『パーフェクトブルー』『千年女優』『東京ゴッドファーザーズ』『パプリカ』の4作品が上映される。", "2020-08-24",
     [("PERFECT BLUE", None), ("パプリカ", None), ("千年女優", None), ("東京ゴッドファーザーズ", None)]),  # など4作品
    ("羽海野チカの原画展が開幕、『ハチクロ』『3月のライオン』のカラー原画など展示", "", "2023-07-14",
     [("3月のライオン", None), ("ハチミツとクローバー", None)]),  # ハチクロ, a curated short name
])
def test_a_lists_verb_an_anime_streamed_a_count_of_works_and_short_names(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Crunchyroll Brings Haikyu!!'s Ten-Billion-Yen Volleyball Film to North America",
     "The first part of the Haikyu!! final-arc duology opens in North America this weekend.", "2024-06-04",
     [("ハイキュー!!", None)]),  # a film brought to a place, not a studio called "Volleyball Film"
    ("Jump Festa 2023: Haikyu!! Finale Films and a JJK Season 2 Visual",
     "Jump Festa 2023 gave an update on the Haikyu!! finale films and showed Jujutsu Kaisen Season 2.", "2022-12-18",
     [("ハイキュー!!", None), ("呪術廻戦", 2)]),  # finale films are no final season; JJK is read before its season
])
def test_a_film_brought_to_a_place_finale_films_and_an_abbreviation_before_its_season(title, text, published,
                                                                                      expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text", [
    ("Pokémon Company Responds as Pocketpair's Palworld Hits Eight Million",
     "Palworld's creature designs drew comparisons online, and The Pokémon Company said it would look into them."),
    ("『パルワールド』が早期アクセス開始から数日で大ヒット　「ポケモン」との類似も話題",
     "ポケットペアのサバイバルゲーム『パルワールド』が早期アクセスを開始した。"),  # a work it resembles
])
def test_a_company_named_for_a_title_and_a_work_another_resembles_are_no_news_of_theirs(title, text):
    assert tagged(title, text, "2024-01-25") == []


@pytest.mark.parametrize("title, text, published, expected", [
    ("One Piece Returns From Hiatus With a New Egghead Arc Opening",
     "After a three-month break, the One Piece anime came back in April.", "2025-04-15",
     [("ONE PIECE", 1)]),  # a hiatus ended with a new opening theme: the anime's
    ("Dan Da Dan Season 2 Opens With a Bang and an Anime Expo Screening",
     "The second season of Dan Da Dan starts tonight.", "2025-07-03", [("ダンダダン", 2)]),  # a season's screening
    ("Tokyo Anime Award Festival 2025 Honors Look Back and Frieren",
     "TAAF 2025 named Look Back among its films of the year. Frieren: Beyond Journey's End topped the fan vote for "
     "TV series.", "2025-03-08", [("ルックバック", None), ("葬送のフリーレン", 1)]),  # each award its medium
])
def test_an_opening_after_a_hiatus_a_seasons_screening_and_an_award_festivals_works(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_name_inside_a_titles_subtitle_names_no_work_of_its_own():
    tags = tagged("Tonikawa: High School Days Gives Nasa and Tsukasa a What-If Spin-Off",
                  "A short spin-off of TONIKAWA: Over the Moon for You imagines Tsukasa as a student at an all-girls "
                  "high school. The four episodes started streaming this week.", "2023-07-12")
    assert [series for series, _ in tags] == ["トニカクカワイイ"]  # not School Days


def test_the_work_a_sequel_film_follows_is_its_parent():
    assert tagged("Mobile Suit Gundam SEED FREEDOM Breaks the Franchise's Box Office Record",
                  "The long-delayed sequel film to Gundam SEED Destiny opened in Japan.", "2024-01-26") == \
        [("機動戦士ガンダムSEED FREEDOM", None)]


@pytest.mark.parametrize("title, expected", [
    ("UNIVRS Puts Players on Akko's Broom in a Little Witch Academia VR Racer",
     [("リトルウィッチアカデミア(TVシリーズ)", None)]),
    ("Bandai Namco's 2-on-2 Fighter Cursed Clash Adapts Jujutsu Kaisen", [("呪術廻戦", None)]),
    ("Medarot Classics Plus Brings Nine Robot-Battling Games to Switch in One Bundle", [("メダロット", None)]),
    ("Blue Lock Crosses Over With Japan's National Team After the World Cup", [("ブルーロック", None)]),  # a tie-in
])
def test_a_vr_game_a_two_on_two_fighter_games_on_switch_and_a_crossover_tie_in(title, expected):
    assert tagged(title, "", "2023-01-10") == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『叛逆の物語』の続編ワルプルギスの廻天、公開は2026年にずれ込む",
     "『魔法少女まどか☆マギカ』の新作劇場版の公開延期が発表された。", "2025-08-28", [("魔法少女まどか☆マギカ", None)]),
    ("『怪獣8号』保科副隊長主役の新作エピソード、第1期総集編と同時上映",
     "TVアニメ『怪獣8号』の第1期総集編と新作エピソードが劇場で同時上映された。", "2025-03-28", [("怪獣8号", None)]),
])
def test_a_release_put_off_to_a_year_and_a_double_bill_are_films(title, text, published, expected):
    assert tagged(title, text, published) == expected


def test_a_studio_named_for_its_earlier_game_credits_it():
    assert tagged("Demon Slayer: The Hinokami Chronicles Review: CyberConnect2 Nails the Look",
                  "The arena fighter from the Naruto Storm studio retells the first season in a story mode.",
                  "2021-10-14") == [("鬼滅の刃", None)]


def test_a_studios_proper_name_after_a_verb_credits_no_work():
    assert tagged("Hiroyuki Imaishi's Promare Brings Studio Trigger to the Big Screen", "",
                  "2019-05-24") == [("プロメア", None)]  # "Brings Studio Trigger": no "Promare studio"


def test_a_film_that_reaches_cinemas_is_the_films_own_entry():
    assert tagged("Toriyama's Desert Tale Sand Land Reaches Japanese Cinemas in August",
                  "The Sand Land movie, based on Akira Toriyama's manga, opened in Japan on August 18.",
                  "2023-08-18") == [("SAND LAND", None)]


@pytest.mark.parametrize("title, text, published, expected", [
    ("Subaru Dies Again Next Season: Re:Zero 4th Season Confirmed", "", "2025-03-26",
     [("Re:ゼロから始める異世界生活", 4)]),  # a hero who dies again is the story, no obituary
    ("声優・小原乃梨子さんをしのぶ声　『ドラえもん』のび太役", "", "2024-07-20", [("ドラえもん", None)]),
    ("Anime Expo Screens Kaiju No. 8 and Gachiakuta Early", "Both premiere in July.", "2025-07-04",
     [("ガチアクタ", 1), ("怪獣8号", 2)]),  # shown before they air: the seasons' preview
    ("Delicious in Dungeon Cookbook Collects Laios' Recipes", "", "2024-05-01", [("ダンジョン飯", None)]),
    ("『名探偵コナン』第28作が公開　雪山が舞台", "", "2025-04-18", [("名探偵コナン", None)]),  # the 28th work: a film
])
def test_a_storys_death_a_mourning_an_early_screening_a_cookbook_and_a_numbered_work(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Vinland Saga Gets a Deluxe Hardcover Edition in English", "", "2023-03-01", [("ヴィンランド・サガ", None)]),
    ("Akame ga Kill! Returns in a Three-in-One Omnibus", "", "2021-06-01", [("アカメが斬る！", None)]),
    ("Frieren Passes 20 Tankobon in Japan", "", "2025-02-01", [("葬送のフリーレン", None)]),
    ("『ダンジョン飯』ワールドガイドが刊行", "", "2024-02-14", [("ダンジョン飯", None)]),
    ("「進撃の巨人」の短編集が出る", "", "2023-06-01", [("進撃の巨人", None)]),
])
def test_books_collected_or_published_are_the_books_news(title, text, published, expected):
    """A hardcover, an omnibus, tankobon, 刊行 and 新刊 are a book's news: the series, no season."""
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Shiki Is the Vampire Horror Anime to Watch This October", "The 2010 series is streaming again.", "2022-10-21",
     [("屍鬼", 1)]),  # "… Is the … Anime": a one-word title the headline calls an anime
    ("Princess Tutu's 20th Anniversary: Why the Fairy Tale Endures", "Princess Tutu began airing in August 2002.",
     "2022-08-16", [("プリンセスチュチュ", None)]),  # airing: a broadcast's word, as an anime's
    ("Adult Swim Sets Lazarus Premiere for April", "", "2025-03-01", [("LAZARUS ラザロ", 1)]),  # a show's premiere
    ("Scavengers Reign walks away from the Annie Awards with a stack of trophies", "The series took the television "
     "prize.", "2024-02-18", [("Scavengers Reign", 1)]),  # a television series: an animated show's words
    # "Animated Series" is the anime's own word, as "Anime" is: a one-word title before it, a game's world in its lead
    ("Lazarus Animated Series Premieres on Adult Swim", "", "2025-04-06", [("LAZARUS ラザロ", 1)]),
    ("Castlevania Animated Series Debuts on Netflix", "Konami's vampire-hunting game gets Powerhouse Animation's "
     "treatment.", "2017-07-07", [("Castlevania", 1)]),
])
def test_a_title_called_an_anime_and_one_whose_body_tells_it_aired(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("From the New World Is Ten Years Old and Still Unsettling", "", "2022-10-01", [("新世界より", None)]),
    ("Paranoia Agent 20 Years Later: Satoshi Kon's TV Series Revisited", "", "2024-02-02", [("妄想代理人", None)]),
    ("Fifteen Years Ago, The Melancholy of Haruhi Suzumiya Taught Fans to Love the Endless Eight", "",
     "2024-07-01", [("涼宮ハルヒの憂鬱", None)]),
    ("Uzumaki Spirals Onto Toonami After Five Years of Waiting", "Uzumaki, the adaptation of Junji Ito's manga, "
     "premiered.", "2024-09-30", [("うずまき", 1)]),  # years of waiting: a delay, no anniversary
    ("MAPPA's ZENSHU Drops an Anime Director Into the Film She Loves", "The original anime premiered.",
     "2025-01-06", [("全修。", 1)]),  # the film she loves is the story's
    ("広瀬ナツ子監督が映画の世界に入り込む　MAPPAオリジナル『全修。』第1話オンエア", "", "2025-01-06", [("全修。", 1)]),
    ("Two-on-Two Battles Arrive in Bandai Namco's JJK Fighter", "Stages come from Jujutsu Kaisen's first season.",
     "2024-02-02", [("呪術廻戦", None)]),  # a game maker's fighter
    ("JJK's Culling Game Arc Hits TV in January 2026", "Jujutsu Kaisen Season 3 covers the arc.", "2025-07-20",
     [("呪術廻戦", 3)]),  # a title's own "… Game" is an arc
    ("Jujutsu Kaisen Anime Gets Culling Game Arc Sequel", "", "2024-10-01", [("呪術廻戦", 3)]),  # an arc, no game
])
def test_anniversaries_in_years_a_storys_film_and_a_game_makers_fighter(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Infinity Castle Part One Gives Demon Slayer Its Biggest Opening in Japan", "", "2025-07-21",
     [("鬼滅の刃", None)]),  # a record opening is a film's box office
    ("Shingo Yamashita Makes His Feature Debut With Netflix's Cosmic Princess Kaguya!", "Netflix shared a teaser.",
     "2025-07-05", [("超かぐや姫！", None)]),  # a feature debut: a film's news, before any entry airs
])
def test_a_record_opening_and_a_feature_debut_are_films_news(title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Sony Becomes Kadokawa's Top Shareholder, Oshi no Ko Publisher Keeps Its Brand", "The deal closed in January.",
     []),  # a publisher credited with a work it publishes
    ("Toho Acquires GKIDS, the U.S. Distributor Behind The Boy and the Heron", "The deal closed this week.", []),
])
def test_a_publisher_or_distributor_credited_with_a_work(title, text, expected):
    assert tagged(title, text, "2025-01-07") == expected


def test_a_lineups_film_after_a_shows_cour_leaves_the_cour_its_season():
    assert tagged("Netflixアニメ2025ラインナップ、「SAKAMOTO DAYS」第2クールも",
                  "NetflixがAnimeJapan 2025でラインナップを紹介した。"
                  "「SAKAMOTO DAYS」第2クール、劇場アニメ「超かぐや姫！」などが並んだ。",
                  "2025-03-22")[0] == ("SAKAMOTO DAYS", 1)


@pytest.mark.parametrize("title, text, published, expected", [
    ("The Colors Within Wins at Annecy", "Naoko Yamada's film is the second Japanese feature to win the prize "
     "after In This Corner of the World.", "2024-06-16", [("きみの色", None)]),
    ("『THE FIRST SLAM DUNK』が中国で大ヒット", "日本のアニメ映画の同国での記録は"
     "『千と千尋の神隠し』以来2度目の快挙となった。",
     "2023-04-25", [("THE FIRST SLAM DUNK", None)]),
    ("Spirited Away's Stage Play Heads to London", "The adaptation is the first Ghibli stage play since Spirited "
     "Away's own in Tokyo.", "2024-04-01", [("千と千尋の神隠し", None)]),  # the headline's own work stays
    ("『THE FIRST SLAM DUNK』が韓国で『君の名は。』超えのヒット", "", "2023-03-20",
     [("THE FIRST SLAM DUNK", None)]),  # 超え with no を: a rival passed
    ("Suzume Opens to 1.88 Billion Yen", "Makoto Shinkai's film earned more in its first three days than Weathering "
     "With You did.", "2022-11-14", [("すずめの戸締まり", None)]),  # "more … than X": a comparison
    ("『ルックバック』Blu-rayが発売", "「チェンソーマン」の藤本タツキの読み切りマンガが原作の劇場アニメ。",
     "2024-11-06", [("ルックバック", None)]),  # the author's earlier work, before 読み切りマンガ
    ("『すずめの戸締まり』がベルリン国際映画祭コンペ部門に、日本アニメは『千と千尋の神隠し』以来",
     "新海誠監督の『すずめの戸締まり』が選出された。", "2023-02-20",
     [("すずめの戸締まり", None)]),  # 以来 in a headline: the precedent
    ("『劇場版 呪術廻戦 0』興収100億円突破", "公開から3か月で『天気の子』の興収を超えた。", "2022-03-01",
     [("呪術廻戦 0", None)]),  # a rival's takings passed (の興収を超え, の記録を抜く)
])
def test_a_record_the_news_repeats_names_its_precedent_in_passing(title, text, published, expected):
    """"The first … since Spirited Away", 『千と千尋の神隠し』以来2度目: a precedent, not the news."""
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Studio Trigger Opens a New Office in Osaka",
     "The studio, known for Kill la Kill and Promare, will hire animators there.", "2024-01-10",
     []),  # a studio's works it is known for are named in passing
    ("Frieren Season 2 Revisits Himmel's Golden Time",
     "Frieren: Beyond Journey's End returns in January with flashbacks to the hero party.", "2025-10-20",
     [("葬送のフリーレン", 2)]),  # ordinary words after a character's possessive, which the body never names
    ("Frieren Season 2 and Golden Time Lead the Winter Lineup",
     "Frieren: Beyond Journey's End returns in January. Golden Time streams beside it.", "2025-10-20",
     [("ゴールデンタイム", 1), ("葬送のフリーレン", 2)]),  # named by the body too: a show of its own
])
def test_works_a_studio_is_known_for_and_ordinary_words_after_a_possessive_are_no_news(title, text, published,
                                                                                        expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("『葬送のフリーレン』のオリジナル・サウンドトラックが発売", "TVアニメの劇伴を収録したアルバム。", "2024-03-01",
     [("葬送のフリーレン", 1)]),  # a show's album, as its Blu-ray, is the season's release
    ("Kaiju No. 8 Season 2 Hits Screens in July", "The second season premiered on TV Tokyo.", "2025-07-10",
     [("怪獣8号", 2)]),  # a season that "Hits Screens" is on TV, no film
    ("Dandadan Begins TV Run After Its Theatrical Preview", "Science SARU's anime premiered on MBS.", "2024-10-04",
     [("ダンダダン", 1)]),
    ("『ダンダダン』TV放送がスタート　劇場先行版に続き", "TVアニメの放送が始まった。", "2024-10-04",
     [("ダンダダン", 1)]),  # the broadcast, after its advance cut in cinemas
    ("JUJUTSU KAISEN Culling Game Arc Gets a January Premiere", "MAPPA set the date.", "2025-09-01",
     [("呪術廻戦", 3)]),  # "The Culling Game" written without its "The"
])
def test_albums_broadcasts_after_a_theatrical_preview_and_subtitles_without_the_name_the_season(
        title, text, published, expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, text, published, expected", [
    ("Japan Wins Olympic Volleyball Bronze",
     "Fans compared the final rally by Yuki Ishikawa to scenes from Haikyu!! online.", "2024-08-10",
     []),  # "compared … to scenes from": a comparison
    ("女子バレー日本代表が銅メダル　『ハイキュー!!』ファンも声援",
     "SNSでは『ハイキュー!!』ファンからも選手をたたえる声が上がった。", "2024-08-10",
     []),  # a work's fans cheer another's news
    ("Suzume Opens in Japan",
     "Suzume, the new film from the director of Your Name and Weathering With You, opened on Friday.", "2022-11-11",
     [("すずめの戸締まり", None)]),  # the director's earlier works, a list
    ("Chainsaw Man Film Tops Japan's Weekend Chart",
     "Chainsaw Man - The Movie: Reze Arc opened first, displacing Demon Slayer: Kimetsu no Yaiba after its long run.",
     "2025-09-29", [("チェンソーマン レゼ篇", None)]),  # a rival displaced
])
def test_comparisons_cheers_credits_of_lists_and_rivals_displaced_are_named_in_passing(title, text, published,
                                                                                        expected):
    assert tagged(title, text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("Netflix's Akuma-kun Gets a Second Trailer", "2023-10-26", [("悪魔くん", 1)]),  # a streamer's possessive
    ("Studio M2's anime of Pluto streams worldwide", "2023-10-26", [("PLUTO", 1)]),  # "anime of" a title
    ("Evangelion: 3.0+1.01 Thrice Upon a Time Hits Prime Video", "2021-08-13",
     [("シン・エヴァンゲリオン劇場版", None)]),  # the streaming release's English title (curated)
    ("Spy x Anya: Operation Memories Gets a Demo", "2023-11-10", [("SPY×FAMILY", None)]),  # the franchise's game
])
def test_a_streamers_possessive_or_anime_of_shows_a_title_and_curated_names_of_a_release_and_a_game(
        title, published, expected):
    assert tagged(title, "", published) == expected
