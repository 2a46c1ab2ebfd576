"""Static word lists the article generator draws from.

Kept apart from the generator so the prose can grow without burying the logic.
Japanese strings must stay encodable in Shift_JIS (JIS X 0208): no wave dash,
no characters outside the JIS level 1/2 sets.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Series:
    """An anime series, named the way each site's audience knows it."""

    en: str
    ja: str
    studio: str
    slug: str


@dataclass(frozen=True)
class Topic:
    """A kind of story: headline and opening sentence in both languages."""

    key: str
    category: str
    en_headline: str
    en_lead: str
    ja_headline: str
    ja_lead: str


SERIES: tuple[Series, ...] = (
    Series("Frieren: Beyond Journey's End", "葬送のフリーレン", "Madhouse", "frieren"),
    Series("Oshi no Ko", "【推しの子】", "Doga Kobo", "oshi-no-ko"),
    Series("Spy x Family", "SPY×FAMILY", "Wit Studio", "spy-x-family"),
    Series("Jujutsu Kaisen", "呪術廻戦", "MAPPA", "jujutsu-kaisen"),
    Series("Dandadan", "ダンダダン", "Science SARU", "dandadan"),
    Series("Chainsaw Man", "チェンソーマン", "MAPPA", "chainsaw-man"),
    Series("Demon Slayer", "鬼滅の刃", "ufotable", "demon-slayer"),
    Series("My Hero Academia", "僕のヒーローアカデミア", "Bones", "my-hero-academia"),
    Series("The Apothecary Diaries", "薬屋のひとりごと", "OLM", "apothecary-diaries"),
    Series("Kaiju No. 8", "怪獣8号", "Production I.G", "kaiju-no-8"),
    Series("Solo Leveling", "俺だけレベルアップな件", "A-1 Pictures", "solo-leveling"),
    Series("Delicious in Dungeon", "ダンジョン飯", "Trigger", "delicious-in-dungeon"),
    Series("Blue Lock", "ブルーロック", "8bit", "blue-lock"),
    Series("Bocchi the Rock!", "ぼっち・ざ・ろっく！", "CloverWorks", "bocchi-the-rock"),
    Series("Mushoku Tensei", "無職転生", "Studio Bind", "mushoku-tensei"),
)

TOPICS: tuple[Topic, ...] = (
    Topic("key-visual", "news", "{series} Season {season} reveals new key visual",
          "A new key visual for the {ordinal} season of {series} was unveiled on {weekday}, giving fans their first proper look at the returning cast.",
          "TVアニメ「{ja}」第{season}期、新キービジュアル公開",
          "TVアニメ「{ja}」第{season}期の新キービジュアルが公開された。"),
    Topic("premiere", "news", "{series} anime announces premiere date",
          "The official website for the {series} anime announced on {weekday} that the series will premiere in {month_name}, with {platform} streaming it worldwide.",
          "アニメ「{ja}」、放送開始日が決定",
          "アニメ「{ja}」の放送開始日が{month}月{day}日に決定したと、公式サイトで発表された。"),
    Topic("review", "reviews", "Review: {series} episode {episode}",
          "Episode {episode} of {series} is the kind of confident, unhurried instalment that rewards viewers who have stuck with the show from the start.",
          "「{ja}」第{episode}話レビュー",
          "「{ja}」第{episode}話は、これまで積み重ねてきた物語が一気に動き出す回となった。"),
    Topic("box-office", "news", "{series} movie tops weekend box office",
          "The new {series} film opened at number one in Japan this weekend, drawing more than {count}00,000 moviegoers in its first three days.",
          "劇場版「{ja}」、週末興行ランキング1位に",
          "劇場版「{ja}」が公開初週末の興行ランキングで1位を獲得し、3日間で観客動員{count}0万人を突破した。"),
    Topic("stage", "events", "{series} stage play cast revealed",
          "Producers of the {series} stage adaptation revealed the full cast on {weekday}, ahead of a run that opens in Tokyo this {season_name}.",
          "舞台「{ja}」、メインキャストを発表",
          "舞台「{ja}」のメインキャストが発表され、東京公演の日程も明らかになった。"),
    Topic("trailer", "news", "{series} Season {season} trailer previews opening theme",
          "A full trailer for season {season} of {series} went live on {weekday}, previewing the new opening theme for the first time.",
          "「{ja}」第{season}期PV公開、オープニング主題歌も解禁",
          "「{ja}」第{season}期の本PVが公開され、オープニング主題歌の一部が初めて披露された。"),
    Topic("sequel", "news", "{studio} confirms {series} sequel is in production",
          "{studio} confirmed on {weekday} that a sequel to {series} is in production, ending months of speculation among fans.",
          "「{ja}」続編の制作が決定、制作は{studio}",
          "「{ja}」の続編制作が決定し、アニメーション制作を{studio}が担当することが発表された。"),
    Topic("cafe", "merch", "{series} collaboration cafe opens in Akihabara",
          "A limited-time {series} collaboration cafe opened in Akihabara on {weekday}, with a menu themed around the show's most memorable scenes.",
          "「{ja}」コラボカフェ、秋葉原でオープン",
          "「{ja}」のコラボカフェが秋葉原で期間限定オープンし、作中の名場面をイメージしたメニューが登場した。"),
    Topic("manga", "news", "{series} manga surpasses {big} million copies in circulation",
          "The {series} manga has surpassed {big} million copies in circulation, its publisher announced on {weekday}.",
          "「{ja}」原作コミックス累計{big}00万部突破",
          "「{ja}」の原作コミックスが累計{big}00万部を突破したと、出版社が発表した。"),
    Topic("impressions", "reviews", "First impressions: {series} Season {season}",
          "The {ordinal} season of {series} opens with an episode that feels both familiar and surprisingly bold.",
          "【先行レビュー】「{ja}」第{season}期第1話",
          "「{ja}」第{season}期の第1話は、おなじみの雰囲気を残しつつも大胆な演出が光る一話だった。"),
    Topic("panel", "events", "{series} panel at {event} teases new project",
          "The {series} panel at {event} ended with a teaser for a new project, though the staff stopped short of saying what it is.",
          "{event_ja}の「{ja}」ステージで新プロジェクト始動を発表",
          "{event_ja}で行われた「{ja}」のステージイベントで、新プロジェクトの始動が発表された。"),
    Topic("figure", "merch", "{series} scale figure preorders open",
          "Preorders opened on {weekday} for a new 1/7 scale figure based on {series}, with shipping planned for {month_name}.",
          "「{ja}」1/7スケールフィギュアの予約受付開始",
          "「{ja}」の1/7スケールフィギュアの予約受付が始まり、{month}月の発送が予定されている。"),
)

EN_SENTENCES: tuple[str, ...] = (
    "{studio} is once again handling animation production, with {staff} returning as director.",
    "Character designer {staff2} said the team spent months refining the look of the main cast.",
    "The production committee has not yet announced how many episodes the new season will run.",
    "Streaming rights outside Japan are held by {platform}, which will carry the series with subtitles on the same day as the Japanese broadcast.",
    "An English dub is expected to follow a few weeks after the premiere.",
    "The original manga has been running since the late 2010s and remains one of its publisher's best-selling titles.",
    "Fans on social media were quick to point out small details hidden in the background of the new artwork.",
    "\"We wanted every frame to feel like it could hang on a wall,\" {staff} said in a statement on the official website.",
    "The opening theme will be performed by a popular rock band whose previous anime songs topped the Oricon charts.",
    "Pre-orders for the first Blu-ray volume open next month and include a booklet of production sketches.",
    "Earlier seasons of {series} are available to stream in full on {platform}.",
    "The announcement was timed to coincide with {event}, where the cast appeared on stage to greet fans.",
    "According to the publisher, the franchise has now sold more than {big} million copies worldwide.",
    "Voice actors from the first season are all confirmed to return in their original roles.",
    "Several new characters will be introduced, though their voice actors have not yet been named.",
    "The pacing has been a frequent topic of discussion among viewers, and this stretch of the story moves noticeably faster.",
    "Background art in particular has drawn praise, with many shots that look as if they were painted by hand.",
    "Music is again composed by {staff2}, whose soundtrack for the previous season was released on vinyl last year.",
    "Critics have compared the tone of the new material favourably with the most popular arcs of the manga.",
    "The staff also released a short teaser clip that runs just under thirty seconds.",
    "Tickets for the advance screening sold out within minutes of going on sale.",
    "Merchandise based on the new visual will be sold at the official shop in Ikebukuro.",
    "{studio} has been expanding its staff to cope with several overlapping productions.",
    "The episode leans heavily on quiet character moments rather than large action set pieces.",
    "Viewers who only follow the anime should avoid spoilers, as the manga is currently several arcs ahead.",
    "A special program looking back at the previous seasons will air the week before the premiere.",
    "International fans will be able to watch the stream live with English captions.",
    "The official website has been redesigned to match the new key art.",
    "Some longtime readers noted that a few scenes from the manga were reordered for the adaptation.",
    "The series placed in the top three of the seasonal popularity polls run by several Japanese outlets.",
    "\"It is a story about growing up, even when nobody around you notices,\" {staff2} told an interviewer.",
    "More details are expected to be announced in {month_name}.",
    "Collaboration campaigns with convenience store chains have become a tradition for the franchise.",
    "The final minutes of the episode set up a cliffhanger that will likely dominate discussion until next week.",
)

JA_SENTENCES: tuple[str, ...] = (
    "アニメーション制作は引き続き{studio}が担当し、監督も続投する。",
    "キャラクターデザインについては、スタッフが数か月をかけて細部を調整したという。",
    "放送話数については、現時点では明らかにされていない。",
    "配信は{platform_ja}で行われ、地上波放送と同日に配信される予定だ。",
    "原作コミックスは累計{big}00万部を突破しており、シリーズの人気は依然として高い。",
    "SNSでは、新ビジュアルの背景に描かれた細かな描写について、ファンの考察が相次いでいる。",
    "監督は公式サイトのコメントで「一枚一枚の絵を大切に作りました」と語った。",
    "オープニング主題歌は人気ロックバンドが担当することが決まった。",
    "Blu-ray第1巻の予約受付は来月から始まり、特典として設定資料集が付属する。",
    "これまでのシリーズは{platform_ja}で全話配信中だ。",
    "発表は{event_ja}のステージで行われ、会場には多くのファンが詰めかけた。",
    "前シリーズに出演したキャスト陣は全員続投となる。",
    "新キャラクターも複数登場する予定だが、担当声優はまだ発表されていない。",
    "今回のエピソードでは、物語のテンポがこれまでよりも明らかに速くなっている。",
    "特に美術背景の美しさは高く評価されており、手描きならではの質感が目を引く。",
    "劇伴は前作に引き続き同じ作曲家が手掛ける。",
    "原作ファンからは、人気エピソードのアニメ化を喜ぶ声が多く上がっている。",
    "約30秒のティザー映像も同時に公開された。",
    "先行上映会のチケットは、発売開始から数分で完売した。",
    "新ビジュアルを使用したグッズは、池袋の公式ショップで販売される。",
    "派手なアクションよりも、登場人物の静かなやりとりに重点が置かれた回だった。",
    "アニメ派の視聴者は、原作の先の展開に関するネタバレに注意してほしい。",
    "放送直前には、これまでのシリーズを振り返る特別番組も放送される。",
    "公式サイトも新ビジュアルに合わせてリニューアルされた。",
    "一部のシーンは、原作から順番を入れ替えて構成されている。",
    "各メディアが実施した今期アニメの人気投票でも、上位にランクインしている。",
    "詳細は{month}月に改めて発表される予定だ。",
    "コンビニエンスストアとのコラボキャンペーンも、シリーズ恒例の企画となっている。",
    "ラスト数分で描かれた展開は、次回への期待を大きく高めるものだった。",
    "海外向けには英語字幕付きの同時配信も実施される。",
    "制作陣は「成長の物語として丁寧に描きたい」とコメントしている。",
)

PLATFORMS = ("Crunchyroll", "Netflix", "Amazon Prime Video", "Disney+", "HIDIVE")
PLATFORMS_JA = ("Netflix", "ABEMA", "dアニメストア", "U-NEXT", "Amazon Prime Video")
EVENTS = ("AnimeJapan 2025", "Anime Expo", "Jump Festa", "Comiket")
EVENTS_JA = ("AnimeJapan 2025", "ジャンプフェスタ", "コミックマーケット", "アニメフェス")
STAFF = ("Haruki Ono", "Yui Sakamoto", "Kenji Morita", "Aya Fujimoto", "Rina Okada", "Daisuke Hori")
ORDINALS = ("first", "second", "third", "fourth", "fifth")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = ("winter", "spring", "summer", "autumn")

# The one article served with windows-1252 bytes: every character here exists
# in cp1252 but not in ASCII, so a UTF-8 decode visibly fails.
CURLY_SERIES = Series("Pokémon Horizons", "ポケットモンスター", "OLM", "pokemon-horizons")
CURLY_HEADLINE = "Pokémon Horizons’ “Terastal Debut” arc gets a new trailer"
CURLY_PARAGRAPHS: tuple[str, ...] = (
    "The Pokémon Company released a new trailer for Pokémon Horizons this week, and it’s the first proper look at the “Terastal Debut” arc.",
    "Liko and Roy’s journey continues at a café in Paldea, where a rival named Amélie challenges them to a battle… and things escalate quickly.",
    "“We wanted the series to feel like a fresh start,” the director said, adding that the team’s goal was a Pokémon anime for a new generation.",
    "OLM is again handling animation production, with the opening theme performed by a J-pop duo whose last single reached number one.",
    "The new episodes begin airing in Japan next month — international streaming dates have not been announced yet.",
)
