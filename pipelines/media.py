"""What an article is about: a TV season, or the franchise's other media; and whether a short
name stands as a title or as a word of something else.

1. Other media: news of a film, stage play, game (a visual novel too), exhibition, café,
   merchandise or the manga, and of an anniversary or a creator's death or honour (a Grand Prix,
   a decoration: 紫綬褒章), keeps its series but
   names no season (`about_other_media`); a season's Blu-ray is that season's news, and a
   live-action adaptation's "Season 2" is none of the anime's (`about_live_action`). A
   studio's name ending in "Film" (Bones Film, MAPPA Film) is a studio, not a film.
2. Title context: a one-word title counts where the article treats it as one: a season
   right after it ("Overlord IV", "Medalist Season 2"), "anime" / "manga" / "season" around it,
   a studio or the cast ("the Kingdom anime by Studio Signpost") (`shows_title`).
3. Another work: a title followed by a subtitle that names no season ("Bleach: Rebirth of Souls",
   「呪術廻戦 戦華双乱」, "Detective Conan: The Million-Dollar Pentagram") is a game, film or
   spin-off of the franchise (`subtitle_after`); the caller checks it is not the series' own.
4. Collisions: a company's name (Bushiroad, "Musashino Animation", `names_a_company`), a short name that is a word of a
   longer name ("ORANGE RANGE", a band; "Gundam SEED FREEDOM"; "Campfire Cooking in Another
   World"; "Tears of the Kingdom") or of a phrase ("in Four Days"), or stands beside band, drama
   or game words, is not the title
   (`part_of_longer_name`, `beside_other_work`), unless the name is no ordinary phrase. A
   live-action adaptation is the franchise's news ("Live-Action City Hunter").
5. Credits: a title named for who made it ("Re:Zero author Tappei Nagatsuki", "from the creator
   of Attack on Titan") or as an adaptation's source (「おそ松くん」を原作とする) is not what
   the article is about (`credits_a_person`).
6. Relations: a title named as what another work derives from ("Heya Camp, the spin-off of
   Laid-Back Camp", 『犬夜叉』の続編となる『半妖の夜叉姫』) is context (`names_the_parent`); the
   caller counts it only when the article names no other series.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipelines.alternation import any_of

#: Strings a headline's readings are cached for: one article's headline, its variants and its clauses
#: (each reading is asked several times per article and per mention, never across many articles).
PER_ARTICLE = 16

#: Studios whose name ends in "Film(s)" or "Pictures": not a film.
STUDIO_FILM = re.compile(r"(?-i:\b[A-Z]{2,}\s+FILMS\b)|"  # a studio's name in capitals: "BUG FILMS Holds Back …"
                         r"\b(?:bones|mappa|toho|sunrise|cloverworks|kadokawa|kyoto animation|wit|ufotable|"
                         r"[A-Z][A-Za-z]+)\s+films?\b(?=\s+(?:studio|staff|will|is|has|and|animat\w*|,|"
                         r"to\s+(?:animate|adapt|produce|make|handle))|\s*(?:'s|’s))|"  # not "… Film to North America"
                         # "Pierrot Films Airs …": plural films, a singular verb, a company
                         r"(?-i:\b[A-Z][a-z]+\s+Films\s+(?:Airs|Streams|Adapts|Produces|Announces|Reveals|Launches)\b)|"
                         r"\b(?:bones|mappa|toho|sunrise|liden|comix wave|encourage)\s+films?\b|"
                         # "Telecom Animation Film", no festival's
                         r"\b[A-Z][A-Za-z]+\s+animation\s+film\b(?!\s+(?:festival|awards?|prize))",
                         re.IGNORECASE)
#: A film's release: 『虹ヶ咲』完結編 第1章が公開 (a film in chapters), 「銀魂 THE FINAL」公開 (not 公開決定, 公開日).
RELEASED = r"第\d+[章作](?:目)?(?:が|を)?(?:全国)?公開|" \
    r"[』」](?:が|、)?\s*(?:劇場)?公開(?![\w\u3040-\u9fff]*(?:決定|日))"
#: A train or bus wrapped in a show's art: a tie-in.
WRAPPED = r"ラッピング(?:列車|電車|バス|車両|トレイン|タクシー)|\bwrapped\s+(?:trains?|bus(?:es)?|trams?)\b"
#: Game publishers and developers whose possessive before "… Game" or "… Fighter" names a game, not an anime
#: (a title's own possessive may: "JJK's Culling Game Arc").
GAME_MAKER = (r"(?:bandai namco|capcom|sega|square enix|konami|koei tecmo|atlus|nintendo|cyberconnect2|"
              r"arc system works|spike chunsoft|level-5|hoyoverse|mihoyo|marvelous|bushiroad|eighting|falcom|"
              r"nis america)")
#: Headline words of news about other media than a TV season.
OTHER_MEDIA = any_of(
    r"\bmanga\b|\bvolumes?\b|\bcopies\b|\btank[oō]bon\b|\bomnibus\b|\bhardcover\b|刊行|新刊|短編集|"
    r"\bchapter\b|(?<!final )\bchapters\b|light novel|\bnovels?\b|\bfigures?\b(?!\s+skat)|\bfigurines?\b|"
    r"\bnendoroids?\b|\bone-shots?\b|読み切り|"
    r"\bserializ|shonen jump|\bweekly jump\b|\bv jump\b|\bjump\s?(?:giga|sq|\+|plus)|"
    r"\bthe game\b|\bgame\s+(?:ships|launches|sells|releases|arrives|hits)\b|"
    r"\bon (?:mobile|pc)\b|\bpc\b|\bsmartphones?\b|(?<![a-z])steam(?![a-z])|\bps[45]\b|nintendo switch|xbox|"
    r"live-action|\blive action\b(?!\s+(?:and|&|with)\b)|"  # not "Mixes Live Action and Anime", a show of both
    r"\bopens (?:at no|in (?:japan|theaters|cinemas|north america|the u\.?s\.?))|"
    r"(?<!season )(?<!cour )(?<!arc )(?<!part )\bopens\s*$|"  # not "… as Blue Lock's Second Season Opens"
    r"(?<!anime )(?<!cour )(?<!season )(?<!part )\blaunch(?:es|ed)(?:\s+(?:in\s+(?:japan|north america|"
    r"the u\.?s\.?|the west|europe|china|korea|english)|worldwide|globally))?\s*$|"
    r"pop-up|collaboration caf[eé]|\bcaf[eé]\b|merchandise|\bmerch\b|reasons? |what does .+ mean|worth watching|"
    r"^why\b|deserves more attention|underrated|opinion|explained|\bmovies?\b|(?<!-)\bfilms?\b(?!\s+club|-)|"
    r"\b(?:anime|animated|full)\s+feature\b|"  # "the First Full Lupin Anime Feature in Decades"
    r"\b(?:first|second|third|fourth|fifth|sixth|new|latest)\s+(?:[\w-]+\s+)?feature\b(?!\s+(?:phones?|sets?))|"
    r"(?<!to )(?<!hits )\bscreens\b|"  # not "Brings … to Screens" nor "Season 2 Hits Screens", a broadcast
    r"stage (?:play|adaptation|musical|production)|musical(?!\s+(?:battles?|scores?|numbers?|talent|side|themes?|anime))|"
    r"(?:mobile|smartphone|video|console|rhythm|gacha|card|"
    r"browser|pc|switch|ps5|ps4)\s+games?(?!\s+anime)|"
    r"\bgame\b.*\b(?:release|launch|pre-?registration|trailer|download)|"
    r"\b(?:launch|release)(?:es|ed|s)?\b.*\bgame\b|"  # "Cygames Launches English Version of the Horse Girl Game"
    r"(?<!anime )(?<!japan )\bexpo\b|アトラクション|\battractions?\b|"
    r"\bexhibitions?\b|\bexhibit\b|art show|museum|美術館|博物館|ミュージアム|\bconcert\b|live event|theme park|\bplush|\bgoods\b|"
    r"魅力|なぜ|徹底解説|考察|マンガ|漫画|原作|コミックス|単行本|発行部数|\d+\s*巻|フィギュア(?!スケート)|グッズ|コラボカフェ|カフェ|"
    r"ポップアップ|聖地|\bpilgrimages?\b|"  # a pilgrimage to a show's places: a tie-in
    r"サービス(?:終了|開始)|"  # a game's service, begun or ended
    # a company's closing or a franchise's new owner: "Rooster Teeth Is Shutting Down", "the New Home of RWBY"
    r"\bshut(?:s|ting)?\s+down\b|\bshutdown\b|\bclos(?:es|ing|e)\s+its\s+doors\b|\bnew home of\b|閉鎖|"
    r"連載|ジャンプ(?!\s*フェスタ)|ヤンジャン|マガジン|サンデー|発売|実写|(?<![発進出])展(?![開望])|"
    r"劇場|映画|スクリーン(?=で|に|へ)|興収|興行収入|公開記念|封切|上映開始|同時上映|"
    r"公開(?:は|が)?(?:\d{4}年|延期)|コラム|"
    r"舞台(?=版|化|公演|上演|劇)|(?<![がを])舞台(?=\s*[「『])|演劇|上演|公演|"
    r"ミュージカル|ゲーム(?:化|アプリ|版|配信|発売)|スマホゲーム|"
    r"ソシャゲ|アプリ|" + RELEASED + "|"
    r"展覧会|原画展|展示|展」|展』|展開催|ライブイベント|ライブツアー|ワンマンライブ|ライブ(?:開催|公演)|コンサート|"
    r"\d+(?:st|nd|rd|th)\s*(?:ライブ|live\b)|"  # Aqours 5thライブ: a concert
    r"コラボ(?!楽曲|曲|レーション楽曲)|スタンプラリー|\bstamp rall(?:y|ies)\b|" + WRAPPED + "|"
    r"ドラマ(?!CD|ＣＤ|ティック|パート)|\b[jk]-?drama\b|"
    r"(?<!アニメ)完結(?!編)|マンホール|\btheat(?:er|re)s?\b|\btheatrical\b|\bscreenings?\b|\bworld tour\b|"
    r"(?<!anime )\bfestival\b|(?<!ジャン)フェス(?!タ)|visual novel|歌舞伎|\bkabuki\b|宝塚|\btakarazuka\b|"
    r"アカデミー賞|映画賞|\bacademy awards?\b|\boscars\b|\b(?:an|the)\s+oscar\b|"
    r"\boscar[- ](?:nominat|winn|race|shortlist)|"
    r"\bfilm (?:prize|awards?)\b|休載|"  # the Oscars, not "Resumes Oscar and Tinasha's Story"
    r"\b[\d.,]+\s*(?:million|billion)\s+yen\b|[$¥][\d.,]+\s*(?:million|billion)\b|"  # takings or sales
    r"box[- ]office|\bopening[- ](?:weekend\s+)?records?\b|"  # "Shatters Japan's Opening Record"
    r"\b(?:biggest|largest|record for (?:an?|the))\s+(?:[\w-]+\s+){0,2}?opening\b|"  # "Its Biggest Opening in Japan"
    r"\b(?:overseas|worldwide|global|domestic|international|lifetime|total)\s+gross\b|\btop-grossing\b|"
    # a company's earnings
    r"\brecord (?:year|profits?|revenue|sales)\b|\bearnings\b|\bfiscal year\b|(?<!総)決算|売上高|営業利益|"
    r"\b(?:opening|first)\s+(?:[\w-]+\s+){0,2}weekend\b|"
    r"\bgrand prix\b|\blifetime achievement\b|\bangoul[eê]me\b|\beisner awards?\b|褒章|受章|文化功労者|文化勲章|"
    # games, models, lotteries and brand tie-ups: "Hits Consoles", "Draws Ten Million Downloads", 一番くじ, ガンプラ
    r"\bconsoles?\b|\bdownloads?\b|\bgets\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}game\b(?!\s+(?:arc|hen|saga)\b)|"
    r"\b(?:new|upcoming|latest)\s+(?:[\w'’:!-]+\s+){0,5}?game\b|"  # "… in a New Made in Abyss Game"
    r"\bfor\s+(?:[\w-]+\s+)?players\b|"  # "Releases Uma Musume for English Players"
    r"\bsells?\s+(?:over\s+|more than\s+)?[\d.,]+\s*(?:million|thousand)\b|"
    r"(?<!アニメ)本ランキング|\bbook rankings?\b|\blets players\b|\bplayable\b|\bdlc\b|\bmodel kits?\b|"
    r"\bcollaborations?\b(?!\s+(?:song|single|track|theme))|\bcollaborat(?:es|ed|ing)\s+with\b|\bteams? up with\b|"
    r"\bcross(?:es|ed)? over with\b|"
    r"\buniversal studios\b|\bUSJ\b|"
    # a brand's or a town's tie-up (『鬼滅の刃』×くら寿司), an art book, a manhole cover, a venue that closes
    r"[』」]\s*[×✕]\s*(?![『「])\S|\bOAD\b|\bOVAs?\b|\b(?:art|sketch|cook)\s?books?\b|画集|設定資料集|\bmanholes?\b|"
    r"閉館|閉園|営業終了|"
    r"\b(?:will\s+)?clos(?:es|e|ed)\s+(?:its\s+doors|at\s+the\s+end|for\s+good|permanently)\b|"
    r"コミック|プラモ|一番くじ|カードゲーム|トレカ|ユニバーサル・スタジオ|前章|後章|\d+万本|\bcards\b|"
    r"\bswitch and pc\b|\bpc and switch\b|\bpre-?orders?\b|\blaunch(?:es|ed)\s+(?:worldwide|globally)\b"
    r"(?!\s+on\s+(?:netflix|crunchyroll|disney|prime|amazon|hulu|hidive|adult swim))|"
    r"\bmobile\s+(?:launches|game|app|is out|arrives)\b|\b(?:to|on)\s+(?:your\s+)?phones\b|\d+\s*[万億]部|広告|"
    r"\b(?:hits|comes to|coming to|heads to|launches on|out on) (?:the )?(?:nintendo )?switch\b|"
    r"\b[\d.,]+\s*(?:million|thousand)\s+players\b|"
    r"\bfighting games?\b|\b(?:action\s+)?j?rpgs?\b|\broster\b|(?:'s|’s) game\b|"
    r"\b" + GAME_MAKER + r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}(?:game|fighter)\b|"  # "Bandai Namco's JJK Fighter"
    r"\bbrawlers?\b|\b[1-4](?:v|-on-)[1-4]\b|対戦アクション|対戦格闘|格闘ゲーム|"  # "a 2v2 fighter", a brawler's genre
    r"(?-i:\bto (?:Nintendo )?Switch\b)|(?-i:\bVR\b)(?=\s+(?:racer|game|tie-in|title|experience|\d))|"  # "a VR Racer"
    r"キャンペーン|観光|周遊|\btourism\b|ツアー|\btour\b|\blive spectacle\b|ライブ・?スペクタクル|再演|"
    r"\bon (?:the )?(?:nintendo )?switch\b|\b(?:fastest|best|top)[- ]selling\b|\bbestselling\b|"
    r"基本無料|サービス開始|事前登録|"  # a free-to-play game's launch, its pre-registration
    # a concert hall: the franchise's live show (not the Budokan an idol story aims for)
    r"\b(?:at|to|in)\s+(?:the\s+)?(?:nippon\s+)?(?:budokan|tokyo dome|(?:[\w-]+\s+)?(?:super\s+)?arena)\b|"
    r"(?:武道館|東京ドーム|アリーナ)(?:公演|ライブ|で開催|にて)|"
    # a statue, a life-size model, a kit, a T-shirt
    r"[」』ァ-ヺー]像|銅像|立像|\bstatues?\b|\blife-?size\b|実物大|等身大|\bkits?\b|Tシャツ|\bt-?shirts?\b|アパレル|\bapparel\b|\buniqlo\b|ユニクロ|"
    r"ぬいぐるみ|アクリルスタンド|アクスタ|缶バッジ|キーホルダー|\bkeychains?\b|\bacrylic stands?\b",
    re.IGNORECASE)
#: A count of years written out ("Marks Five Years", "Turns Forty").
YEARS_IN_WORDS = r"(?:five|ten|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty)"
#: An anniversary, an event or model kits are the franchise's news, unless a season premieres at it.
ANNIVERSARY = any_of(r"\banniversary\b|周年|"
                         r"\b(?:celebrates|marks|hits|reaches) (?:\d+|" + YEARS_IN_WORDS + r") years\b|"
                         r"\bturns (?:\d+|" + YEARS_IN_WORDS + r")\b|"
                         r"(?:'s|’s) \d+(?:st|nd|rd|th) year\b|"  # "for the Franchise's 30th Year"
                         # "Celebrates Sgt. Frog's 25th with a New Illustration"
                         r"(?:'s|’s) \d+(?:st|nd|rd|th)(?=\s+(?:with|as|in|at|by|on)\b|\s*$|[,:;!])|"
                         r"半世紀|\bhalf a century\b|"
                         # アンパンマン放送開始から35年
                         r"(?:放送開始|放送|連載開始|連載|誕生|デビュー|[』」])から\d+年(?!ぶり)|"
                         r"(?<![\d０-９])\d{1,3}年の?記念|"  # 『ふたご姫』アニメ20年の記念アイテム
                         r"誕生\d{1,3}年(?![\d月度目ぶ])|アニメ\d{1,3}年目|"  # ライディーン誕生50年
                         r"放送\d{1,3}年(?![\d月度目])|"  # 日曜夕方の顔、放送55年
                         r"\b(?:a|one|two|three|\d)\s+decades?\s+since\b|"
                         r"\b(?:\d\d?|100) years (?:since|of)\b|"  # not a story's "170 Years of Edo Japan"
                         r"\b(?:\d\d?|" + YEARS_IN_WORDS + r") years (?:since|later:)|"  # not "Five Years of Waiting"
                         r"\bis (?:\d\d?|" + YEARS_IN_WORDS + r") years old\b|"  # "From the New World Is Ten Years Old"
                         r"\b(?:\d\d?|" + YEARS_IN_WORDS + r") years ago\b|"  # "Twenty Years Ago, Mushishi …"
                         # "Marks a Decade on TV", "Wolf's Rain at 20: …", "G Gundam at 30, Turn A at 25"
                         r"\b(?:celebrat(?:es?|ing)|marks?|marking) (?:a|one|two|three) decades?\b|"
                         r"\ba quarter[- ]century\b|"
                         r"\bat (?:[1-9][05]|100)(?=\s*[:;,!]|\s*$)|"
                         # an event too (「ONE PIECE」イベントが開幕), and Gunpla, unless a series about them premieres
                         r"イベント|\bfan event\b|ガンプラ|\bgunpla\b|祭(?![編篇])",  # not 大覇星祭編, an arc
                         re.IGNORECASE)
SEASON_NEWS = re.compile(r"premiere|\bdebuts?\b|\bseason\b|\breimagin\w*|\bnew (?:tv )?anime\b|放送開始|"
                         r"(?:放送|配信|アニメ|TV|[』」]\s*)(?:が|、)?スタート|第\d+期|\d+期|"  # not 記念企画がスタート
                         r"新作?(?:TV)?アニメ|再アニメ化|配信開始|新シリーズ", re.IGNORECASE)
#: An anniversary's words that tell no premiere: the debut it counts from ("Marks 25 Years Since Its TV Debut"),
#: a new anime only planned, of no season yet (新作アニメの制作を発表; a project is `ANIME_PROJECT`'s).
SINCE_A_DEBUT = re.compile(r"\bsince (?:its|the) (?:[\w-]+ ){0,3}(?:debut|premiere)\b|放送開始から|"
                           r"新作アニメ(?=の?(?:制作|企画))", re.IGNORECASE)
#: An awards ceremony named a festival (東京アニメアワードフェスティバル): the awards', not a festival's, news.
AWARD_FESTIVAL = re.compile(r"(?:アワード|\baward)\s*(?:フェスティバル|festival)|"
                            r"\bmedia arts festival\b|メディア芸術祭|"
                            # a prize's category: "Jujutsu Kaisen 0 Best Film" beside a TV series' top honor
                            r"\bbest (?:anime )?(?:film|movie)\b", re.IGNORECASE)
#: An award's categories: a film's and a TV series' prizes in one headline.
AWARD_CATEGORY = re.compile(r"(?:劇場(?:映画)?|映画|テレビ|TV)(?:アニメ)?部門|"
                            r"\b(?:film|movie|tv|television)\s+(?:category|division)\b", re.IGNORECASE)
TV_CATEGORY = re.compile(r"(?:テレビ|TV)(?:アニメ)?部門|\b(?:tv|television)\s+(?:category|division)\b", re.IGNORECASE)
#: Headline words of a home-video release: the season's news, not merchandise.
HOME_VIDEO = any_of(r"blu-?ray|ブルーレイ|(?<![A-Za-z])BD(?![A-Za-z])|\bDVD\b|BD-?BOX", re.IGNORECASE)
#: A record of a show's songs: its album, soundtrack or theme song's CD (結束バンドのアルバムが発売).
MUSIC_RELEASE = any_of(r"アルバム|サウンドトラック|サントラ|(?:主題歌|OP|ED|キャラクターソング|キャラソン)\s*CD|"
                       r"\balbum\b|\bsoundtrack\b|\bOST\b", re.IGNORECASE)
FILM_WORDS = re.compile(r"\bmovies?\b|(?<!-)\bfilms?\b(?!-)|劇場|映画", re.IGNORECASE)  # a "Film-Within-a-Film" arc
#: Headline words of news about a TV broadcast.
BROADCAST = any_of(r"放送(?:開始|スタート|決定|日|中|へ)|(?:TV|テレビ|短編|ショート)?アニメに(?=$|[、。\s　!！])|"
                   r"(?:Netflix|Disney\+|ディズニープラス|Prime Video|ABEMA|U-NEXT|"
                       r"dアニメストア|Crunchyroll)で(?:独占)?(?:配信開始|配信スタート|世界配信)|"
                       r"[」』]\s*放送(?=\s|$|[、。　])|(?:\d{1,2}月|[春夏秋冬])(?:より|から)?放送|"
                       r"TVアニメ|テレビアニメ|\bTV anime\b|"
                       # 『神様になった日』、10月10日スタート: a title, then its first day
                       r"(?<!展)[」』][、\s]*\d{1,2}月(?:\d{1,2}日)?(?:より|から)?スタート|"
                       r"[」』]が(?:\d{1,2}月(?:より|から)?|ついに)?スタート|"  # 『PART6』が10月スタート
                       # 超可動ガール1/6：4月8日スタート
                       r"^[^：\n]{2,40}：\s*\d{1,2}月(?:\d{1,2}日)?(?:より|から)?スタート|"
                       r"アニメ(?:が|は)\d{1,2}月(?:より|から)?スタート|\b(?:starts|begins)\s+(?:its\s+)?tv\s+run\b|"
                       r"(?:TV|テレビ)放送(?:が|を)?(?:スタート|開始)|"  # 『…』TV放送がスタート
                       r"(?:ショート|ミニ)アニメ(?:が|は)?(?:スタート|放送開始)|"  # BLショートアニメがスタート
                       r"(?:\d{1,2}月|[春夏秋冬])(?:より|から)(?:TV|テレビ)?アニメ|"  # エッセイ漫画、7月からアニメで
                       r"(?:今夜|今日|本日|明日)(?:から|より)放送|"
                       r"\bpremieres?\b|\bto (?:japanese |u\.?s\.? |western )?(?:TV|screens)\b|\bsimulcast|\bbroadcast|"
                       r"\banime adaptation\b|"
                       r"\bgets (?:an? |its (?:first )?)?(?:tv )?anime\b|"  # "… Manga Gets Its First Anime"
                       # "Gets a Netflix Anime": a streamer's series
                       r"\b(?:netflix|crunchyroll|disney\+|prime video|hulu|hidive|ona|web|short)\s+anime\b"
                       r"(?!\s+(?:film|movie|festival|awards?))|"
                       r"\banime\s+(?:will\s+)?airs?\b|"  # "FARMAGIA Anime Will Air in January 2025"
                       r"\banime (?:adapts|begins|premieres|returns|starts|opens|kicks off)\b|"
                       # "Amazing Stranger Anime Brings a Six-Inch Figure to Life", 『明日ちゃん』アニメが1月8日開幕: a
                       # title's anime is the subject
                       r"[』」]\s*(?:TV|テレビ)?アニメ(?:が|は|、)|アニメ(?:が|は)配信(?:で|に|開始|スタート)|"
                       r"(?-i:\bAnime (?!(?:Awards|Fans|Films|Movies|Series|Stages|Characters|Events|"
                       r"Studios|Goods|Episodes|Songs|Sales|News|Adaptations|Hits|Marks|Celebrates|Turns|Reaches)\b)"
                       r"(?:[A-Z][a-z]+s|Dated|Set)\b)|"
                       r"\badapts\b|アニメ化|新作アニメ|"
                       r"\b(?:winter|spring|summer|fall|autumn)\s+20\d\d\b|"
                       r"(?<![劇映])(?:[春夏秋冬]|今期|新)アニメ|第\d+話[^\s、。]{0,8}?放送",  # 第11話・12話を放送
                       re.IGNORECASE)  # a season's lineup: 冬アニメは…豊作
#: A TV series' episodes shown in cinemas before the broadcast: in a broadcast's headline, the season's news.
ADVANCE_SCREENING = re.compile(r"(?:劇場|映画館)?(?:最速|超)?先行(?:上映(?:会)?|版)|"
                               r"\b(?:advance|early|preview) screenings?\b|"
                               r"\btheatrical\s+preview\b|"
                               r"\bin\s+theat(?:er|re)s\s+before\s+(?:its\s+|the\s+)?(?:tv|broadcast)\b",
                               re.IGNORECASE)
#: A break in publication: a manga's news, unless the headline says the anime's.
HIATUS = re.compile(r"\bhiatus\b", re.IGNORECASE)
#: A show's last episode: the news of the season it ends.
FINAL_EPISODE = re.compile(r"最終回|最終話|(?:全|第)?\d+話で(?:完結|終了|幕)|全\d+話が(?:完結|終了)|"
                           r"\bfinal episode\b|\bseries finale\b|"
                           r"\bseason finale\b", re.IGNORECASE)  # 『…』が第67話で完結: the show's end
#: Words of a headline that describe a show's source or setting rather than being the news (a theater: 劇場とアイドル).
SOURCE_WORDS = re.compile(r"(?:スマホ|女性向け)?ゲーム原作|マンガ|漫画|原作|コミックス|連載|"
                          r"(?<!コラボ)カフェ|(?<!collaboration )\bcaf[eé]\b|"
                          r"\bfrom (?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:games?|novels?|manga)\b|"
                          r"ジャンプ|ヤンジャン|マガジン|サンデー|"
                          r"(?<!版)劇場(?!版|アニメ|公開|上映)|\bmanga\b|light novel|"
                          r"\bserializ\w*|shonen jump|\bthe game\b|\b(?:visual\s+)?novels?\b|\bbased on\b[^,.;:!?]*|"
                          # "Ninjala Anime Brings GungHo's Gum-Ninja Brawler to TV Tokyo", "Final Chapter Heads to TV"
                          r"\bbrawlers?\b|\bfinal\s+chapters?\b|"
                          r"\bgame\s+(?:spin-?offs?|adaptations?)\b|"  # "Winter 2019's Game Spinoffs: …"
                          # "… Brings Netmarble's RPG to TV", ソシャゲ業界を描く「…」4月放送: the source or the setting
                          r"\bj?rpgs?\b|\b(?:card|mobile|smartphone|gacha)\s+games?\b|ソシャゲ|"
                          # 宝塚がモデルの音楽学校が舞台「かげきしょうじょ!!」今夜から放送, 人気スマホゲームが放送開始
                          r"宝塚|\btakarazuka\b|(?:人気)?スマホゲーム|"
                          r"\bone-shots?\b|読み切り|"  # "Oda's One-Shot MONSTERS Gets a Netflix Anime"
                          r"\badapts\b[^,.;:!?]*",
                          re.IGNORECASE)
#: Words next to a short name that show it is used as a title (after a possessive only the work's
#: own words: "Kinema Citrus's adaptation" is a studio's).
#: An apposition that says what the work is: "Lupin Zero, a six-episode prequel about …", "Arte, the
#: adaptation of Kei Ohkubo's manga".
WORK_APPOSITION = re.compile(r"(?:,|\s+is)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:anime|series|prequel|sequel|"
                             r"spin-?off|film|movie|manga|adaptation|story|tale|show|original)\b", re.IGNORECASE)
#: A name's season as its ordinal numbers it: "Castlevania's Fourth and Last Season Lands on Netflix".
ORDINAL_SEASON = (r"(?:'s|’s)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|new|"
                  r"next)\s+(?:and\s+(?:final|last)\s+)?season\b")
TITLE_WORDS_AFTER = re.compile(
    r"^(?:(?:'s|’s)\s+(?:(?:tv\s+)?anime|season|sequel|manga|(?:new\s+)?one-shot)\b|" + ORDINAL_SEASON + "|"
    r"[\s\W]{0,3}(?:(?:tv\s+)?anime\b|season\b|"
    r"sequel\b|manga\b|light novel|episode\b|film\b|movie\b|creator\b|author\b|cast\b|staff\b|premiere|"
    r"musical\b|stage play\b|"
    r"adaptation\b|アニメ|第\d|\d+期|シーズン)|"
    r"one-shot\b|" + WORK_APPOSITION.pattern + ")", re.IGNORECASE)
#: Animation studios whose possessive names their work ("Wit Studio's Bubble", "Lerche's Given").
ANIME_STUDIOS = (r"Wit Studio|[A-Z][\w.-]* Studio|Studio [A-Z][\w.-]*|Lerche|MAPPA|Bones|Kyoto Animation|KyoAni|CloverWorks|"
                 r"A-1 Pictures|Madhouse|Production I\.G|Sunrise|Toei Animation|ufotable|Trigger|Science SARU|"
                 r"P\.A\. ?Works|J\.C\.Staff|Shaft|SHAFT|David Production|TMS Entertainment|OLM|Doga Kobo|Silver Link|"
                 r"Kinema Citrus|Orange|Polygon Pictures|Studio Ghibli|Ghibli|CoMix Wave Films|Shin-Ei Animation|"
                 r"Liden Films|LIDENFILMS|Passione|Diomedea|Feel\.|Lay-duce|Bridge|Nexus|Satelight|Telecom Animation Film|"
                 r"Sanzigen|SANZIGEN|Graphinica|Bee Media|Studio 4°C|Signpost|CygamesPictures|Khara|Shuka|Lapin Track|"
                 r"Bibury Animation Studios|NAZ|Domerica|Kaiga|GEEKTOYS|OZ|Liber|Bug Films|BUG FILMS|Yumeta Company")
#: A studio's anniversary a work marks ("Launches Bones' 25th Anniversary Original"): the work's own news.
STUDIO_ANNIVERSARY = re.compile(rf"(?:\b(?:{ANIME_STUDIOS})|\bthe studio)(?:(?:'s|’s|'|’)\s+"
                                r"\d+(?:st|nd|rd|th)\s+anniversary\b|\s+(?:marks|celebrates)\s+\d+\s+years\b)",
                                re.IGNORECASE)  # "BONES Marks 25 Years With … Metallic Rouge": the studio's
#: Anime directors whose possessive names their work ("Shinichiro Watanabe's Lazarus", "Makoto Shinkai's Suzume").
ANIME_DIRECTORS = (r"Shinichiro Watanabe|Makoto Shinkai|Mamoru Hosoda|Hayao Miyazaki|Goro Miyazaki|Naoko Yamada|"
                   r"Masaaki Yuasa|Mamoru Oshii|Satoshi Kon|Hideaki Anno|Katsuhiro Otomo|Sunao Katabuchi|"
                   r"Kunihiko Ikuhara|Hiroyuki Imaishi|Tetsuro Araki|Mari Okada|Kenji Kamiyama|Keiichi Hara")
#: After a name opening a headline, only news wording shows a title ("Medalist Anime Gets 2nd Season").
OPENING_TITLE = re.compile(
    r"^[\s\W]{0,3}(?:(?:tv\s+)?(?:anime|animated\s+series)(?:'s|’s)?\s+"
    r"(?:gets|reveals|announces|confirms|premieres|unveils|adds|casts|"
    r"streams|debuts|returns|release|season|sequel|film|movie|episode|key|teaser|trailer|visual|promo|resumes|from|by|"
    r"ends|concludes|delay(?:s|ed)|postpone(?:s|d)|continues|airs|launches|begins|starts|\d|"
    r"(?!(?:awards|fans|studios|news|series|films|movies|characters|songs|shows|events|titles)\b)[a-z]+s\b)|"
    r"season\s*\d|\d+(?:st|nd|rd|th)\s+season|アニメ|第\d|" + ORDINAL_SEASON + ")|" + WORK_APPOSITION.pattern,
    re.IGNORECASE)
#: After a name opening a headline, a work's announcement shows a title ("Lazarus Reveals Composers …",
#: "Kaiju No. 8 Unveils Key Visual"): cast, staff, music, visuals and dates are what works announce.
WORK_NEWS_AFTER = re.compile(
    r"^:?\s+(?:reveals|unveils|announces|adds|casts|confirms|releases|drops|shares|debuts|picks|taps|lists)\s+"
    r"(?:[\w'’.-]+\s+){0,3}?"
    r"(?:cast|staff|composers?|music|theme song|opening|ending|key visual|visual|trailer|teaser|promo video|"
    r"premiere|character designs?|voice actors?|(?:[\w-]+\s+)?season(?:\s+\d+)?|sequel|release date)\b|"
    r"^\s+(?:finally\s+|officially\s+)?(?:airs|premieres|streams)\b|"
    # "… Takes a Break After Episode 7", "… a Month Off Before Its Final Episodes"
    r"^\s+(?:[\w'’-]+\s+){1,5}?(?:after|before|with|from|at|until)\s+(?:episode\s+\d|"
    r"(?:its|the)\s+(?:final|last|remaining)\s+episodes\b)|"
    # "Pluto Is Finally on Netflix", "… Arrives on Crunchyroll": a streamed work
    r"^\s+(?:is\s+|are\s+)?(?:finally\s+|now\s+)?(?:streaming\s+|arrives\s+|lands\s+)?on\s+"
    r"(?:netflix|crunchyroll|disney\+|prime video|hidive|hulu|max)\b|"
    # "Danganronpa Turns 10", "Slayers Celebrates Its 30th Anniversary": a work's anniversary
    r"^\s+(?:turns|celebrates|marks)\s+(?:its\s+)?\d+(?:st|nd|rd|th)?"
    r"(?:\s+(?:years|anniversary)\b|(?![\d.,]|\s*(?:%|percent\b|per\b)))|"
    r"^\s+(?:anime\s+|season\s+\d+\s+|episode\s+\d+\s+)?review:",  # "Lazarus Review: …", a work reviewed
    re.IGNORECASE)
#: After a name, the news of its next season ("Wistoria Earns a Second Season", "… Gets Its Final Season"):
#: only a show has seasons, so a rare word before it is the show's name.
SEASON_NEWS_AFTER = re.compile(
    r"^\s+(?:gets|earns|lands|receives|scores|confirms|announces|greenlights|teases|sets|plans|"
    r"heads\s+into|enters|returns\s+for|is\s+back\s+for)\s+"
    r"(?:a|an|its)\s+(?:[\w-]+\s+)?season\b", re.IGNORECASE)
TITLE_WORDS_BEFORE = re.compile(
    r"(?:\banime\b|\bmanga\b|\bseries\b|\bseason\b|\bsequel to\b|\bstudio\s+\S+(?:'s)?|\bdirector of\b|"
    r"\b(?:crunchyroll|netflix|disney\+?|hidive|prime video)\s+original\b|"
    r"\b(?:crunchyroll|netflix|disney\+?|hidive|prime video|hulu)(?:'s|’s)|\banime of\b|"
    rf"\b(?:{ANIME_STUDIOS}|{ANIME_DIRECTORS})(?:'s|’s)|"
    r"\bcast of\b|\bstar(?:s|ring)? of\b|\bcreator of\b|\badaptation of\b|\blive-action\b|"
    r"\b(?:original|animated)\s+(?:film|movie|feature)\b|\boriginal\b|"  # "Tomohiko Ito's original film Hello World"
    r"\b(?:anime|adaptation|film)\s+of\s+(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:'s|’s)|"  # "the anime of Mado Nozaki's"
    r"アニメ|TVアニメ)[\s\"“『「]*$", re.IGNORECASE)
#: Capitals after an all-capitals title that still belong to its season ("OVERLORD FINAL SEASON").
SEASON_WORD = re.compile(r"SEASON|FINAL|PART|COUR|III|MOVIE|FILM|ANIME$")
#: A number or quantity word right before a short name makes it a phrase ("in Four Days"); a year
#: dates a capitalized title ("the 1972 Mazinger Z TV anime", not "the 1998 cyberpunk anime").
QUANTITY_BEFORE = re.compile(r"(?:\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many|"
                             r"some|all|those|these|\d+)\s+)$", re.IGNORECASE)
YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+$")
#: A capitalized word and a small word right before a name: it ends a longer title ("Tears of the
#: Kingdom", the romaji "Chinmoku no Majo no Kakushigoto").
IN_A_LONGER_TITLE = re.compile(r"(?<![.!?]\s)\b(?!(?:Season|Arc|Part|Cour|Film|Movie|Episode|Volume|Chapter|Adaptation|"
                               r"Anime|Sequel|Creator|Cast|Director)\b)[A-Z][\w'’-]+\s+"
                               r"(?:(?:in|of|from|with|to)\s+the|in|of|from|with|the|to|no|wa|ga|wo|ni|de|mo)\s+$")
THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
OF_A_NAME_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z]")
#: Band, drama, game and film words beside a short name: it names something else (a 実写ドラマ,
#: a live-action drama, adapts the work of that name).
OTHER_WORK = re.compile(r"\b(?:band|rock band|singer|vocalist|idol group|k-?drama|j-?drama|"
                        r"drama(?!\s+cd)|video game|the game|album)\b|バンド|(?<!実写)ドラマ(?!CD)",
                        re.IGNORECASE)


#: A song named right before a short name: "X Japan's hit Kurenai", "the single Orange".
SONG_BEFORE = re.compile(r"\b(?:hit(?:\s+song)?|single|ballad)\s+[\"“「]?$", re.IGNORECASE)
#: ... or described right after as one: "Hyakka Ryouran," the opening theme of …
SONG_AFTER = re.compile(r"^[\"”」』]?,?[\"”」』]?\s+(?:is\s+)?(?:the|an?)\s+(?:new\s+)?(?:opening|ending|insert|theme)"
                        r"(?:\s+(?:theme|song))?\s+(?:of|for|to)\b", re.IGNORECASE)
#: A quoted name credited to a performer in a sentence about music: "opens with 'Hyakka Ryouran' by Lilas Ikuta".
SONG_CREDITED = re.compile(r"[\"“'‘「]([^\"“”'‘’「」\n]{2,40})[\"”'’」]\s+(?:performed\s+|sung\s+)?by\s+[A-Z]")
MUSIC_WORDS = re.compile(r"\b(?:songs?|theme|single|track|opening|ending|opens with|closes with|OP|ED)\b|主題歌|楽曲",
                         re.IGNORECASE)


#: A name in corner brackets, and a song's word right before one: 星野源の新曲「喜劇」, シングル「…」,
#: 主題歌「KICK BACK」, ED「喜劇」.
CORNER_QUOTED = re.compile(r"「([^「」\n]{1,40})」")
SONG_WORD_BEFORE = re.compile(r"(?:新曲|楽曲|シングル|主題歌|カバー曲|OP|ED|オープニング|エンディング)\s*$")
#: A performer's Latin name right before the brackets, as Japanese writes a song: Foorin「パプリカ」, King Gnuの「白日」
#: (not a medium's, a service's or a channel's word: OP「…」, RPG「…」, Netflix「…」).
PERFORMER_BEFORE = re.compile(r"(?<![A-Za-z0-9])(?!(?:OP|ED|PV|MV|TV|RPG|OVA|OAD|NHK|TBS|BS\d*|Switch|Netflix|"
                              r"ABEMA|STAGE|Season|PS\d|Blu-ray|DVD|CD|BOX)\b)"
                              r"[A-Za-z][A-Za-z.'&!]*(?: [A-Za-z][A-Za-z.'&!]*){0,2}の?$")
#: Words of news about songs: charts, awards, streams and videos.
SONG_NEWS = re.compile(r"楽曲|歌唱|歌詞|チャート|レコード大賞|紅白|ストリーミング|再生回数|ミュージックビデオ|"
                       r"\bMV\b|オリコン|ビルボード|Billboard|ヒット曲|新曲|シングル|ダンス")


def song_names(doc: str) -> set[str]:
    """The names the article credits to a performer in a sentence about music, or that a song's word
    opens wherever it is quoted: songs, whose name is no title anywhere in the article (the headline's
    "Lilas Ikuta's 'Hyakka Ryouran'" too)."""
    opened: dict[str, bool] = {}
    for match in CORNER_QUOTED.finditer(doc):
        song = SONG_WORD_BEFORE.search(doc, max(0, match.start() - 8), match.start()) is not None or \
            (PERFORMER_BEFORE.search(doc, max(0, match.start() - 30), match.start()) is not None and
             SONG_NEWS.search(doc) is not None)
        opened[match[1]] = opened.get(match[1], True) and song
    songs = {name for name, song in opened.items() if song}
    if not SONG_CREDITED.search(doc):
        return songs
    for sentence in re.split(r"(?<=[.!?。！？])\s+|\n", doc):
        if MUSIC_WORDS.search(sentence):
            songs.update(match[1] for match in SONG_CREDITED.finditer(sentence))
    return songs


#: A subtitle after a title: after a colon in English, or up to the closing bracket in Japanese.
SUBTITLE_AFTER = re.compile(r"^(?:[:：]\s+(?!(?:the\s+)?(?:final|season|part|movie|film|anime|manga)\b)"
                            # "Pokémon Horizons: New Anime Leads …": the show's own words
                            r"(?!(?i:new\s+(?:tv\s+)?(?:anime|series|season)\b))"
                            r"(?P<en>[A-Z0-9\"“'][^\n]{2,40})|[ 　]+(?P<ja>[^」』\s][^」』\n]{0,30})[」』])")
#: A subtitle naming an arc is a season's ("Swordsmith Village Arc", 刀鍛冶の里編).
ARC_SUBTITLE = re.compile(r"\b(?:arc|hen|saga)\b|[編篇章]", re.IGNORECASE)
STOPWORDS = {"the", "a", "an", "of", "to", "in", "on", "and", "no", "wa", "ga"}
#: After a headline's colon, whose show it is describes the show, it names no other work
#: ("Tokyo 24th Ward: CloverWorks' Original Premieres", "Extreme Hearts: Masaki Tsuzuki's Sports-Idol Anime").
DESCRIBED_BY_MAKER = re.compile(r"\w(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,3}(?:anime|original|adaptation|series)\b|"
                                r"^(?:[\w.-]+\s+)?[\w.]+(?:'s|’s|'|’)\s+\w|"  # "P.A. Works' Hitmen Take On …"
                                r"^the\s+(?:[\w-]+\s+){1,3}(?:anime|adaptation|series)\b",  # "The Retired Hitman Anime"
                                re.IGNORECASE)


def subtitle_after(after: str) -> list[str]:
    """The leading words of a subtitle right after a title that names no arc (see 3), or []."""
    if not (match := SUBTITLE_AFTER.match(after)):
        return []
    subtitle = match.group("en") or match.group("ja")
    if ARC_SUBTITLE.search(subtitle) or DESCRIBED_BY_MAKER.search(subtitle):
        return []
    words = [w for w in re.findall(r"\w+", subtitle.casefold()) if w not in STOPWORDS]
    return words[:2] or [subtitle]


#: A medium named right before a title: the mention is of that work (舞台「呪術廻戦」, live-action "One Piece").
#: 舞台 after が or を is a story's setting (京都の和菓子屋が舞台「であいもん」), not a stage play.
MEDIUM_BEFORE = re.compile(r"(?:ミュージカル|(?<![がを])舞台|演劇|劇場版|映画|実写|ゲーム|\bmusical|\bstage play|\blive-action|"
                           r"\bfilm|\bmovie|\bgame)\s*[『「\"“]?$", re.IGNORECASE)
#: A stage medium's word right after a title: "The Prince of Tennis Musical", "… Stage Play".
MEDIUM_AFTER = re.compile(r"^[!?]*\s+(?:musical|stage play|(?:finale|final|two-part)\s+(?:films|movies))\b",
                          re.IGNORECASE)  # "Haikyu!! Finale Films": a film's news, in a list of a show's too
#: Words that make the medium named next the anime's source: "the anime of MICA Team's mobile game",
#: "P.A. Works' adaptation of the farming game", "the TV anime based on the game".
SOURCE_OF = re.compile(r"\b(?:anime|adaptation|series) (?:of|based on|adapting)\b|\badapts\b", re.IGNORECASE)
#: The same words after the title: 恋愛ゲーム『明治東亰恋伽』（めいこい）のTVアニメ.
ANIME_OF_IT = re.compile(r"^\W{0,2}(?:[（(][^）)\n]{1,20}[）)])?(?:の|が)(?:TV|テレビ)?アニメ|"
                         # "The baseball game Hachigatsu no Cinderella Nine now has a TV anime"
                         r"^\W{0,2}\s+(?:now\s+)?(?:has|gets|got|is\s+getting|receives)\s+(?:an?\s+|its\s+)?"
                         r"(?:new\s+)?(?:TV\s+)?anime\b(?!\s+(?:film|movie))", re.IGNORECASE)


def media_before(before: str, after: str = "") -> bool:
    """The words right before a mention name another medium than the TV anime (see 1), not as
    the source the anime adapts (before the medium's word, or after the title). A medium's word
    ending the line before (a headline's "… Announces a Film") names no title on the next."""
    if MEDIUM_AFTER.match(after):
        return True  # "The Prince of Tennis Musical Begins Its 4th Season": the musical's season
    before = before.rsplit("\n", 1)[-1]
    match = MEDIUM_BEFORE.search(before)
    return bool(match) and not SOURCE_OF.search(re.split(r"[.!?。！？]", before[:match.start()])[-1]) and \
        not ANIME_OF_IT.match(after)


#: A film announced as side news of a headline about something else: "Finale Lands With a Film Announcement",
#: "… Signs Off, a Film Is in the Works".
FILM_ANNOUNCED_WITH = re.compile(r"\bwith\s+(?:an?\s+|the\s+)?(?:new\s+|sequel\s+)?(?:film|movie)\s+"
                                 r"(?:announcement|reveal|tease|announced|confirmed)\b|"
                                 # "Black Clover Anime Signs Off, a Film Is in the Works"
                                 r",\s+(?:and\s+)?(?:an?\s+|the\s+)?(?:new\s+|sequel\s+)?(?:film|movie)\s+(?:is\s+)?"
                                 r"(?:in the works|announced|confirmed|coming|in production|green-?lit)\b|"
                                 # "Black Clover TV Anime Ends and Announces a Film"
                                 r"\band\s+(?:announces|reveals|confirms)\s+(?:an?\s+|the\s+)?(?:new\s+|sequel\s+)?"
                                 r"(?:film|movie)\b|"
                                 # 「…」最終回、劇場版の制作も発表, 第3期が開幕　6月には劇場版も控える
                                 r"(?<![』」の実写])(?:劇場版|映画)(?:の制作|化)?も", re.IGNORECASE)


#: One episode shown in cinemas before it airs (第1話を先行公開, "90-Minute First Episode to Screen in Theaters"):
#: the broadcast's preview, not a film; a film of several episodes ("Season 2's First Episodes") is one.
EPISODE_PREVIEW = any_of(r"第\d+話[^\n。]{0,16}?先行|\bpremiere\s+screenings?\b|"
                             r"\bscreens\b[^\n.]{0,40}?\bepisode\s+\d|"  # "Panel Screens Gachiakuta Episode 1"
                             r"\bscreens\b[^\n.]{0,60}?\bearly\s*$|"  # "Anime Expo Screens Kaiju No. 8 Early"
                             # "Dan Da Dan Season 2 Opens With a Bang and an Anime Expo Screening"
                             r"\bseason\s+\d+\b[^\n.]{0,60}?\bscreening\b|"
                             r"(?<!劇場版)先行上映会?[^\n。]{0,16}?第\d+話|"
                             r"(?:\b(?:first|premiere|opening|\d+(?:st|nd|rd|th))\s+episode|"
                             r"\bepisode\s+\d+)\b[^\n.]{0,16}?\b(?:screen|theat(?:er|re)s?\b)|"
                             r"\bscreens?\s+(?:its\s+|the\s+)?(?:first|premiere|opening)\s+episode\b|"
                             # "Anime Expo 2024 Screens Re:ZERO Season 3 Ahead of Its Premiere": the season's preview
                             r"\bscreen(?:s|ed|ing)?\b[^\n.]{0,60}?\bahead of (?:its |the )?(?:tv |anime )?"
                             r"(?:premiere|debut)\b",
                             re.IGNORECASE)


#: A film inside a story: "ZENSHU Sends an Anime Director Into Her Favorite Film" tells the show's plot.
STORY_FILM = re.compile(r"\binto\s+(?:her|his|their)\s+(?:[\w'’-]+\s+){0,2}?(?:films?|movies?)\b|"
                        # "Into the Film She Loves", "wakes up inside the anime film she loved"
                        r"\b(?:into|inside)\s+the\s+(?:[\w-]+\s+)?(?:films?|movies?)\s+(?:she|he|they)\b|"
                        r"映画の(?:世界|中)に(?:入り込|飛び込|入)", re.IGNORECASE)  # 監督が映画の世界に入り込む


#: A new anime announced as a project, of no known form yet.
ANIME_PROJECT = re.compile(r"\bnew anime project\b|新作アニメ(?:の)?プロジェクト", re.IGNORECASE)
#: A headline announcing a remake.
REMAKE = re.compile(r"再アニメ化|リメイク|\bremake\b|\breboot\b|new anime adaptation|完全新作(?:TV|テレビ)?アニメ|"
                    r"\breturns with a (?:brand[- ])?new (?:tv )?anime\b|"
                    r"\b(?:gets?|getting|receives?|receiving)\s+(?:a\s+)?(?:brand[- ])?new\s+(?:tv\s+)?anime\b",
                    re.IGNORECASE)
#: The source an adaptation adapts, named in its headline: "… a Brand-New Anime Adapting the Full Manga".
ADAPTED_SOURCE = re.compile(r"\b(?:adapt|adapting|adapts|based on|adaptation of)\s+(?:the\s+|its\s+|a\s+)?"
                            r"(?:[\w'’-]+\s+){0,3}?(?:manga|light novels?|novels?|games?|web ?comics?)\b|"
                            r"\b(?:revival|remake|reboot) of\s+(?:the\s+)?(?:\d{4}\s+)?OVAs?\b|"  # "… of the 1997 OVA"
                            # BLコミック原作『…』TVアニメ放送開始, 人気マンガ原作の…: the source of the work it names
                            r"(?:BL|少女|少年|青年|人気|話題の)?"
                            r"(?:コミック|マンガ|漫画|小説|ラノベ|ライトノベル|ゲーム|絵本)原作(?=[『「]|の|アニメ)|"
                            # つるまいかだ原作『メダリスト』: the source by its author
                            r"(?<=[^\s、。・「『」』！!？?：:])原作(?=[『「]|アニメ)",
                            re.IGNORECASE)


@lru_cache(maxsize=PER_ARTICLE)
def about_other_media(headline: str) -> bool:
    """The article is news of a film, stage play, game, exhibition, café, merchandise or manga,
    of an anniversary or of a creator's death or honour (read from its headline), so it names no
    TV season unless it says one. A headline about the broadcast names the source only to describe
    the show (「僕とロボコ」放送開始 ジャンプのギャグ漫画); 舞台 is a stage play only as one
    (舞台「…」, 舞台化), not a story's setting or a big stage."""
    if EPISODE_PREVIEW.search(headline):
        return False
    if about_a_death(headline):  # 白土三平さん死去　アニメ化作に『サスケ』: the works of the person's life
        return True
    if ANIME_PROJECT.search(headline) and not REMAKE.search(headline):
        return True  # "Patlabor EZY New Anime Project Announced": a work of no known form yet
    headline = ADAPTED_SOURCE.sub(" ", FILM_ANNOUNCED_WITH.sub(" ", STORY_FILM.sub(" ", headline)))
    headline = STUDIO_ANNIVERSARY.sub(" ", AWARD_FESTIVAL.sub(" ", STUDIO_FILM.sub(" ", headline)))
    if TV_CATEGORY.search(headline):
        headline = AWARD_CATEGORY.sub(" ", headline)  # 劇場部門『天気の子』テレビ部門『鬼滅の刃』: each its medium's
    anniversary = ANNIVERSARY.search(headline) and not SEASON_NEWS.search(SINCE_A_DEBUT.sub(" ", headline))
    if anniversary and HOME_VIDEO.search(headline):
        return True  # 「幽☆遊☆白書」30周年記念 Blu-ray BOX: the franchise's
    if (HOME_VIDEO.search(headline) or MUSIC_RELEASE.search(headline) and not anniversary) and \
            not FILM_WORDS.search(headline):
        return False  # "Lycoris Recoil's First Blu-ray Volume", 「…２」Blu-ray BOX発売, アルバムが発売: a season's
    # "Chainsaw Man Part 2 Goes on Hiatus": the manga's; not "One Piece Anime Goes on Hiatus" nor "… Returns With
    # Episode 9 After Its Hiatus"
    if HIATUS.search(headline) and not re.search(r"\banime\b|\bepisodes?\b|\b(?:opening|ending)\b", headline,
                                                 re.IGNORECASE):  # "… Returns From Hiatus With a New … Opening"
        return True
    if final := FINAL_EPISODE.search(headline):  # 『チ。』最終回、全25話で完結: the show's story ends, not its manga's
        headline = headline[:final.start()] + headline[final.end():].replace("完結", " ")
    if anniversary and not BROADCAST.search(ANIME_MEDIUM.sub(" ", SINCE_A_DEBUT.sub(" ", headline))):
        return True  # 『のんのんびより』TVアニメ10周年: the franchise's, the anime only its medium
    if tells_a_broadcast(headline):  # 「うたわれるもの 二人の白皇」放送開始　物語が完結へ: the show's
        clauses = ANOTHER_WORK_BESIDE.sub(" ", broadcast_clauses(headline))
        headline = ADVANCE_SCREENING.sub(" ", SOURCE_WORDS.sub(" ", clauses))
        headline = headline.replace("完結", " ")
    elif final:  # 『からくりサーカス』最終回　藤田和日郎原作を全36話で: the source it names is the show's
        headline = headline.replace("原作", " ")
    elif THEME_SONG.search(headline):  # 『アオのハコ』OPは…「Same Blue」 原作を読み込み: a song's words, and its source
        headline = SOURCE_WORDS.sub(" ", SONG_TITLE.sub(" ", headline))
    elif anniversary:  # "25 Years Since Its TV Debut": the franchise's, as 「サザエさん」TVアニメ放送55周年 is
        return True
    return bool(OTHER_MEDIA.search(headline))


#: A theme song of the show the headline names: 『…』OPは, 「…」がED, 主題歌.
THEME_SONG = re.compile(r"[』」]\s*(?:の|が)?\s*(?:OP|ED|主題歌|オープニング|エンディング)(?![A-Za-z])")
#: A song's title in corner brackets: 「天空カフェテリア」 names no café.
SONG_TITLE = re.compile(r"「[^」\n]*」")
#: The anime named as a medium only: an anniversary of "TVアニメ" is no broadcast's news.
ANIME_MEDIUM = re.compile(r"(?:TV|テレビ)アニメ(?:放送(?=\d+周?年(?!ぶり))|(?!放送))|アニメ化(?=\d+周年)|\bTV anime\b",
                          re.IGNORECASE)  # TVアニメ放送50周年 too: the medium of the franchise's anniversary
#: A live-action adaptation named in the headline or lead.
LIVE_ACTION = re.compile(r"\blive-action\b|\blive action\b(?!\s+(?:and|&|with)\b)|実写|"
                         # "Sony Dates Hollywood Saint Seiya Adaptation"
                         r"\bhollywood\b(?!\s+reporter)|ハリウッド版?",
                         re.IGNORECASE)
#: Another work a broadcast comes after, before or beside: "Cherry Magic! Anime Premieres January 10 After
#: Live-Action Hit", "FARMAGIA Anime Will Air in January 2025, Weeks After the Game".
ANOTHER_WORK_BESIDE = re.compile(r"\b(?:after|following|ahead\s+of|alongside)\s+"
                               r"(?:the\s+|its\s+|an?\s+|[\w'’-]+(?:'s|’s)\s+)?"
                               r"(?:[\w'’-]+\s+){0,2}?(?:live-action|game)\b[^,;:]*", re.IGNORECASE)
#: A live-action work named by the title it adapts: 『映像研には手を出すな！』実写ドラマ, 「…」の実写映画.
LIVE_ACTION_AFTER_TITLE = re.compile(r"[』」]\s*の?実写")
#: The anime named in a lead: a live-action work named after it is the anime's context.
ANIME_NAMED = re.compile(r"\banime\b|アニメ", re.IGNORECASE)


#: A café, pop-up shop or collaboration in the headline.
CAFE = re.compile(r"caf[eé]|pop-up|カフェ|ポップアップ", re.IGNORECASE)
#: A tie-in: the café or goods are the franchise's, not the story's setting; with a stamp rally or a
#: campaign, a season it names is no season's news ("Laid-Back Camp Season 2 Teams Up With Yamanashi").
TIE_IN = any_of(r"collaborat(?!\w*\s+(?:song|single|track|theme))|\bteams? up with\b|\bpop-up\b|"
                    r"\bcross(?:es|ed)? over with\b|"  # "Blue Lock Crosses Over With Japan's National Team"
                    r"コラボ(?!楽曲|曲|レーション楽曲)|ポップアップ|stamp rall|スタンプラリー|"
                    r"キャンペーン|\bcampaign\b|" + WRAPPED, re.IGNORECASE)
#: Merchandise: a line named after a season is still no season's news.
MERCHANDISE = any_of(r"\bfigures?\b(?!\s+skat)|\bfigurines?\b|\bnendoroids?\b|\bplush|\bgoods\b|\bmerch(?:andise)?\b|"
                         r"\bmodel kits?\b|\bgunpla\b|フィギュア(?!スケート)|グッズ|ガンプラ|プラモ|一番くじ|"
                         r"ねんどろいど|Tシャツ|\bt-?shirts?\b|\bapparel\b|アパレル|\buniqlo\b|ユニクロ|"
                         r"ぬいぐるみ|アクリルスタンド|アクスタ|缶バッジ|キーホルダー|"
                         r"\bkeychains?\b|\bacrylic stands?\b|\b(?:clothing|fashion)\s+(?:line|collection)\b",
                         re.IGNORECASE)


@lru_cache(maxsize=PER_ARTICLE)
def about_a_tie_in(headline: str) -> bool:
    """The headline is a café's, a pop-up's, a tie-in's (a stamp rally, a campaign) or merchandise's
    news: a season it ties in with is no season (see 1). In a broadcast's headline a café is where
    the story is set unless it is a tie-in (『私の百合はお仕事です！』放送開始　リーベ女学園のカフェ), and
    a tie-in alone is the show's."""
    if tells_a_broadcast(headline):  # 『邪神ちゃんドロップキックX』放送開始　全国の自治体とコラボ: the show's
        return bool(MERCHANDISE.search(headline) or (CAFE.search(headline) and TIE_IN.search(headline)))
    return bool(CAFE.search(headline) or MERCHANDISE.search(headline) or TIE_IN.search(headline))


#: A season announced beside a film: "Tensura Gets a Fourth Season and a Second Movie" is both works' news.
SEASON_ANNOUNCED = any_of(r"\b(?:gets|announces|confirms|green-?lights|renewed for)\s+(?:an?\s+)?(?:\w+\s+)?season\b|"
                              r"第?\d+期(?:制作)?決定|"
                              # "Spy x Family Season 2 and a Film Announced", 「ブルーロック」第2期と劇場版
                              r"(?:\bseason\s*\d+|\b\w+\s+season|第?\d+期)\s*(?:and|&|と|、|,)\s*(?:an?\s+|the\s+)?"
                              r"(?:[\w-]+\s+){0,3}(?:film|movie|劇場版|映画)|"  # "… Season 4 and a Holy Kingdom Arc Film"
                              r"(?:film|movie|劇場版|映画)\S{0,20}\s*(?:and|&|と|、)\s*(?:an?\s+)?(?:[\w-]+\s+)?"
                              r"(?:season\b|第?\d+期)", re.IGNORECASE)
#: A headline's words of a film or of a season's episodes shown in cinemas.
CINEMA_WORDS = any_of(FILM_WORDS.pattern + r"|\btheat(?:er|re)s?\b|\bcinemas\b|\btheatrical(?:ly)?\b|\bscreenings?\b|"
                          r"\bfeature(?:-length)?\s+(?:film\s+)?debut\b|"  # a director's first feature film
                          r"(?<!hits )\bscreens\b|"  # not "Season 2 Hits Screens"
                          r"先行上映|上映|スクリーン(?=で|に|へ)|" +  # 結束バンド結成までをスクリーンで
                          RELEASED + "|"
                          # a film opens, a TV season premieres: "Bellri's Fierce Charge Opens", "… Part 2 Opens in Japan"
                          r"\bopens\s+(?:in\s+(?:japan|theaters|cinemas|north america|the u\.?s\.?)|nationwide)\b|\bopens\s*$",
                          re.IGNORECASE)


@lru_cache(maxsize=PER_ARTICLE)
def about_a_film(headline: str) -> bool:
    """The headline is a film's news or a cinema screening's (劇場版, 映画, "film", "movie", "in
    theaters"; not a studio's "Bones Film"): a season it names is the one the film tells or the
    screening shows (「進撃の巨人」完結編 劇場版, "Brings Season 2's First Episodes to Theaters"), no
    TV season's news (see 1)."""
    if EPISODE_PREVIEW.search(headline):
        return False
    headline = STUDIO_FILM.sub(" ", FILM_ANNOUNCED_WITH.sub(" ", STORY_FILM.sub(" ", headline)))
    if tells_a_broadcast(headline):  # TVアニメ『…』放送開始 夏の劇場先行上映を経て, …配信開始 劇場上映と並行
        headline = ADVANCE_SCREENING.sub(" ", broadcast_clauses(headline))
    return bool(CINEMA_WORDS.search(headline)) and not SEASON_ANNOUNCED.search(headline)


#: The work described as a film ("The first film of", "a full-CG film", "The CG film", 劇場アニメ), not a
#: film named beside it ("It follows the film Code: White").
FILM_DESCRIBED = any_of(r"\b(?:the|a|an|its)\s+(?:(?:first|second|third|fourth|fifth|final|last|new|full-?cg|cg|"
                       r"3dcg|animated|anime)\s+){1,2}(?:film|movie)\b|\b(?:film|movie) trilogy\b|劇場版|劇場アニメ|"
                       r"アニメ映画|"
                       # "the first Spy x Family film", "the first of the final Haikyu!! films"
                       r"\b(?:the|its)\s+(?:first|second|third|final|last|latest)\s+"
                       r"(?:of\s+the\s+(?:final|new)\s+)?"
                       r"(?:(?!(?:seasons?|episodes?|cours?|of|and)\s)[\w!×:'’.-]+\s+){1,4}?(?-i:films?|movies?)\b",
                       re.IGNORECASE)
#: How many sentences of the body make its lead, where a film's news says it is one.
LEAD_SENTENCES = 2
#: A full stop, "!" or "?" before a space, unless a lower-case word goes on ("Haikyu!! published its …").
SENTENCE_END = re.compile(r"[.!?](?:\s(?![ \t]*[a-z])|$)|[。！？](?:\s|$)|\n")


def sentences_end(text: str, count: int, shortest: int = 1) -> int:
    """Where the text's `count`th sentence ends (its end when it has fewer); a line break right
    after a full stop ends no second sentence, and a sentence of fewer than `shortest` characters
    does not count ("He was 74.")."""
    begin = 0
    for end in SENTENCE_END.finditer(text):
        if len(text[begin:end.start()].strip()) >= shortest:
            count -= 1
            if not count:
                return end.end()
        begin = end.end()
    return len(text)


#: A show named as one: its season, episode, cour or TV anime.
SHOW_NAMED = any_of(r"\bseasons?\b|\bepisodes?\b|\bcours?\b|\bTV\b|(?:TV|テレビ)アニメ|第\d+期|第\d+クール|放送",
                    re.IGNORECASE)


def film_before_any_show(headline: str, text: str) -> bool:
    """The body's first sentences call the work a film before they name any show ("Crunchyroll will
    stream the first Spy x Family film", "The first film of … Infinity Castle will open": a part the
    headline names is the film's), under a headline that is no broadcast's; not a TV anime's theme
    song whose film comes later (TVアニメ『鬼滅の刃』のOPテーマ … 劇場版の制作も), nor a lineup's film after a
    show's cour (「SAKAMOTO DAYS」第2クール、…劇場アニメ「超かぐや姫！」)."""
    film = _film_in_lead(headline, text)
    return film is not None and not SHOW_NAMED.search(text[:film.start()])


def _film_in_lead(headline: str, text: str) -> re.Match[str] | None:
    """Where the lead calls the work a film, under a headline that tells no broadcast; a film inside the
    story is blanked, its length kept, so the positions stay the text's."""
    if tells_a_broadcast(headline):
        return None
    lead = text[:sentences_end(text, LEAD_SENTENCES)]
    return FILM_DESCRIBED.search(STORY_FILM.sub(lambda film: " " * len(film[0]), lead))


#: A manga's news told by the body's first sentence: the magazine it runs in, its chapters, a one-shot.
MANGA_DESCRIBED = any_of(r"\b(?:in|to|from)\s+(?:Weekly\s+|Monthly\s+|Bessatsu\s+)?"
                         r"(?:Shonen\s+|Young\s+|Big\s+Comic\s+|Big\s+|V\s+|Ultra\s+|Manga\s+Time\s+)?"
                         r"(?:Jump(?:\s+SQ|\+)?|Magazine|Sunday|Animal|Champion|Afternoon|Morning|Ace|Gangan|Spirits|"
                         r"Kirara|Daioh|Zenon|Bunch|Ribon|Nakayoshi|Margaret|Hana\s+to\s+Yume|Comic\s+Beam|Harta)"
                         r"(?:'s|’s)?\b|"
                             r"\b(?:new|latest|first|final)\s+chapters?\b(?!\s+of)|\bserializ|\bone-shot\b|連載|休載|読み切り|"
                             r"最新話", re.IGNORECASE)
#: Words of anime news, however neutral the rest: its season, episode, broadcast or stream.
ANIME_NEWS = any_of(r"\banime\b|\banimated series\b|\bseasons?\b|\bepisodes?\b|\bcour\b|\bstream|"
                        r"\bair(?:s|ed|ing)?\b|\bpremier|アニメ|第\d+期|放送|配信", re.IGNORECASE)


#: A game's or a model kit's news told by the body's first sentence: "the turn-based RPG One Piece Odyssey";
#: not a series' that a game is named beside ("Arcane, the League of Legends series").
GAME_DESCRIBED = any_of(r"\b(?:games?(?!\s+worlds?\b)|j?rpgs?|arena fighter|gacha|playable|story mode)\b|"
                            r"\b(?:playstation|ps[45]|xbox|nintendo switch|consoles?|pc)\b|(?-i:\bSwitch\b)|"
                            r"ゲーム|ガンプラ|プラモデル", re.IGNORECASE)
#: Copies sold, told by the body's first sentence: a game's or a book's news, not a season's.
COPIES_SOLD = re.compile(r"\bsold\s+(?:over\s+|more\s+than\s+|nearly\s+)?(?:[\d.,]+|one|two|three|four|five|ten)\s*"
                         r"(?:million\s+|thousand\s+)?copies\b|\bcopies\s+sold\b|\d+万本", re.IGNORECASE)
#: A stage work told by the body's first sentence: "The stage musical version of Your Lie in April …", 舞台版.
STAGE_DESCRIBED = any_of(r"\bstage\s+(?:musical|play|adaptation|version|production)s?\b|"
                         r"\bmusical\s+(?:version|adaptation)\b|舞台版|ミュージカル版", re.IGNORECASE)
SERIES_DESCRIBED = re.compile(r"\b(?<!xbox )(?:series|adaptation|show)\b|シリーズ|アニメ化", re.IGNORECASE)


#: Characters below which a first "sentence" is a title's words cut at its "!" ("Konami's Yu-Gi-Oh!"), not the lead.
SHORTEST_LEAD = 40


def other_medium_in_lead(headline: str, text: str) -> bool:
    """A headline that names no medium ("Berserk Resumes With Studio Gaga and Kouji Mori") over a
    first sentence that tells of the manga ("continued in Young Animal"), a game, a model kit, a stage work, a
    tie-in (コラボドーナツ, not a song's collaborators) or copies sold (not a Blu-ray's): that medium's
    news, no season."""
    lead = text[:sentences_end(text, 1, SHORTEST_LEAD)]  # "Konami's Yu-Gi-Oh! Master Duel is …": past a title's "!"
    sold = COPIES_SOLD.search(text[:sentences_end(text, 2)])  # "DRAGON BALL: Sparking! ZERO sold …"
    return not tells_a_broadcast(headline) and not ANIME_NEWS.search(headline) and not ANIME_NEWS.search(lead) and \
        bool(MANGA_DESCRIBED.search(lead) or
             (sold and not HOME_VIDEO.search(headline + "\n" + text[:sold.end()])) or
             ((TIE_IN.search(lead) or MERCHANDISE.search(lead)) and not MUSIC_WORDS.search(lead)) or
             (GAME_DESCRIBED.search(lead) and not SERIES_DESCRIBED.search(lead)) or STAGE_DESCRIBED.search(lead))


#: What separates a headline's clauses: 『…』放送開始　実写映画も同時期公開, "X Premieres, Film Set for Spring", a
#: space between Japanese words (…配信開始 劇場上映と並行), a "！" between them (放送開始！フィギュアの団体戦); not
#: inside a title's brackets (『コードギアス 奪還のロゼ』); a colon right after a broadcast's verb ("ZENSHU Premieres:
#: Natsuko Hirose Can Redraw the Movie …").
HEADLINE_CLAUSES = re.compile(r"(?:\u3000|、|／|\s[/|]\s|;\s|,\s|(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])|"
                              r"\s(?=(?i:after|following|while)\s)|"  # "Premieres After Theatrical Early Screening"
                              r"(?<=[Pp]remieres):\s|(?<=[Aa]irs):\s|(?<=[Dd]ebuts):\s|(?<=[Bb]egins):\s|"
                              r"(?<=[^\x00-\x7f])[!！](?=[^\x00-\x7f\s!！」』]))(?![^『「]*[』」])")


@lru_cache(maxsize=PER_ARTICLE)
def broadcast_clauses(headline: str) -> str:
    """The clauses of a broadcast's headline that tell the broadcast: another medium in a clause of
    its own (実写映画も同時期公開) is side news of the show's."""
    if not tells_a_broadcast(headline) or ANNIVERSARY.search(headline):
        return headline  # 「けいおん！」TVアニメ放送15周年、…記念グッズが登場: the anniversary's goods
    return " ".join(c for c in HEADLINE_CLAUSES.split(headline) if tells_a_broadcast(c))


@lru_cache(maxsize=PER_ARTICLE)
def tells_a_broadcast(headline: str) -> bool:
    """The headline tells of a broadcast: a premiere, a TV anime, a season's start (放送開始). Cached:
    every reading of a headline asks, for the headline and for each of its clauses."""
    return BROADCAST.search(headline) is not None


#: A lead that opens on the live-action work: "Netflix's live-action ONE PIECE will debut …", 実写映画『…』.
LIVE_ACTION_OPENS = re.compile(r"(?:^|\n)(?:\S+[ \t]+){0,3}live-action[ \t]+(?:(?:series|film|drama|adaptation[ \t]+of)"
                               r"[ \t]+)?[\"“'‘『「]?[A-Z0-9]|(?:^|\n)(?:[^\s。]{0,12}の)?実写(?:ドラマ|映画)版?[『「]")


def about_live_action(headline: str, lead: str) -> bool:
    """The headline, or the lead of news not about a broadcast, is about a live-action adaptation:
    a season it names is the adaptation's ("Netflix's live-action One Piece ... Season 2"), none of
    the anime's (see 1). 「ザ・ファブル」TVアニメ放送開始 … 実写映画化もされた is the anime's news, and so is
    a lead that names the anime before it ("Golden Kamuy's anime will end …, announced after the
    live-action sequel's reveal")."""
    if LIVE_ACTION.search(ANOTHER_WORK_BESIDE.sub(" ", broadcast_clauses(headline))) or \
            LIVE_ACTION_AFTER_TITLE.search(headline):
        return True  # 『映像研には手を出すな！』実写ドラマ、…で放送開始: the broadcast is the drama's
    if LIVE_ACTION_OPENS.search(lead):
        return True
    live = LIVE_ACTION.search(lead)
    return bool(live and not tells_a_broadcast(headline) and not ANIME_NAMED.search(lead, 0, live.start()))


def shows_title(before: str, after: str) -> bool:
    """The words around a short name show it is a title (see 2)."""
    return bool(TITLE_WORDS_AFTER.match(after) or TITLE_WORDS_BEFORE.search(before))


def announces_a_work(after: str) -> bool:
    """A name opening a headline announces what only works announce (see 2)."""
    return WORK_NEWS_AFTER.match(after) is not None


def announces_a_season(after: str) -> bool:
    """The news right after a name is of its next season: the name is a show's (see 2)."""
    return SEASON_NEWS_AFTER.match(after) is not None


def opens_title(after: str) -> bool:
    """A name opening a sentence or headline is a title only before news wording (see 2)."""
    return bool(OPENING_TITLE.match(after))


#: A title named to credit a person or studio ("Re:Zero author Tappei Nagatsuki", "from the
#: creator of Attack on Titan", 「進撃の巨人」の作者): the article is about their new work.
CREDIT_AFTER = re.compile(r"^[\s\"”』」]*(?:(?:'s|’s)\s+)?(?:author|creator|mangaka|original creator|writer|artist|"
                          r"publisher|distributor)s?\b|"
                          r"^\s+(?:team|staff)\s+(?:of|behind)\b|"  # "the Anohana team of Tatsuyuki Nagai, Mari Okada …"
                          r"^\s+team\b|^[ \t]+studio\b|"  # "… anime from the Senran Kagura team", "… X studio"
                          # "the arena fighter from the Naruto Storm studio"
                          r"^[ \t]+(?-i:[A-Z][\w-]+)[ \t]+(?:studio|team(?!\s+up)|developer)\b(?![ \t]+(?-i:[A-Z]))|"
                          # "Lazarus, the Cowboy Bebop Director's New MAPPA Original": the director's earlier work
                          # "Cowboy Bebop Director's LAZARUS", not "… Director's Cut"
                          r"^\s+(?:director|composer|screenwriter|writer|studio)(?:'s|’s)\s+"
                          r"(?:(?:new|next|latest)\b|(?-i:[A-Z])(?!(?i:cut)\b))|"
                          r"^[」』]?の?(?:作者|原作者|作家)|^[」』”]?(?:を原作と|が原作の|を原案と|が原案の|原案の)|"
                          r"^[」』]の[^、。「『]{2,10}が(?:ストーリー|キャラクター|キャラ)?"
                          r"(?:原案|原作|脚本|シリーズ構成|デザイン)|"
                          # 『鬼灯の冷徹』江口夏実の新作, 『日常』のあらゐけいいちの漫画: the author's earlier work
                          r"^[」』]の[^、。「『」』\s\d０-９]{2,10}(?:による|が手がけ|が手掛け|が描(?:いた|く)|の新作|最新作|"
                          r"の(?:読み切り|短編)?(?:漫画|マンガ|小説))|"
                          r"^[」』][\u3041-\u3096\u4e00-\u9fff々・]{2,10}の(?:新作|最新作)|"
                          r"^[」』]の(?:アニメ)?(?:スタジオ|制作会社)|"  # 「エヴァ」のスタジオカラー: its studio
                          # 『鋼の錬金術師』の荒川弘さんが北海道の農家で育った日々を描いた: the author's earlier work
                          r"^[」』]の[\u4e00-\u9fff々]{2,6}(?:さん|氏|先生)が[^。「『]{0,30}?"
                          r"(?:描いた|描く|手がけた|手掛けた)|"
                          # 『あの花』『ここさけ』チームの新作: the team's earlier works
                          r"^[」』](?:[『「][^』」]{1,20}[』」])*の?(?:チーム|スタッフ|制作陣|コンビ)", re.IGNORECASE)
CREDIT_BEFORE = re.compile(r"\b(?:creator|author|mangaka|writer|team|staff|director|composer|screenwriter|"
                           r"character designer|publisher|distributor)s?\s+(?:of|behind)\s+(?:the\s+)?"
                           r"(?:[^.;!?]{0,40}?(?:,|\band)\s+)?[\"“『「]?$|"  # "the director of Your Name and X"
                           # "an animator on Spirited Away"
                           r"\b(?:animator|director|composer|writer|producer)s?\s+on\s+(?:the\s+)?[\"“『「]?$|"
                           # "Evan Call, who scored Violet Evergarden, …": the person's earlier work
                           r"\bwho\s+(?:also\s+)?(?:scored|composed|directed|wrote|drew|created|illustrated|designed|"
                           r"animated|produced|voiced|sang)\s+(?:the\s+)?[\"“『「]?$", re.IGNORECASE)


#: A work named as where a new one comes from, and the maker it names: "Stars Align Premieres From Escaflowne
#: Director Kazuki Akane" credits the director with the earlier work.
FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?[\"“]?$", re.IGNORECASE)
MAKER_AFTER = re.compile(r"^[\"”]?\s+(?:(?:series\s+|chief\s+)?director|composer|screenwriter|writer|animator|"
                         r"character\s+designer|producer)s?\b", re.IGNORECASE)


PARENT_BEFORE = re.compile(r"\b(?:(?:spin-?offs?|sequel|prequel|follow-?up|successor|side[- ]stor(?:y|ies)|remake|reboot|"
                           r"reimagining)\s+(?:series\s+|manga\s+|anime\s+|film\s+|movie\s+)?(?:to|of|from)|"
                           r"reimagin(?:es|ed|ing)|remakes)\s+"
                           r"(?:[\w'’-]+\s+){0,3}[\"“『「]?$|"
                           # the work a creator's earlier one was: "his first film since Weathering With You"
                           r"\b(?:film|series|anime|work|project|title)\s+since\s+(?:the\s+)?[\"“『「]?$|"
                           # a record's last holder: "the first Japanese anime there since Spirited Away in 2002"
                           r"\bfirst\b[^.;!?]{0,60}?\bsince\s+(?:the\s+)?[\"“『「]?$|"
                           # the work a new one is based on or comes after: "a new anime based on Go Nagai's UFO Robo
                           # Grendizer", "half a century after the 1968 Yokai Ningen Bem"
                           r"\bbased\s+on\s+(?:[A-Z][\w.-]*\s+){0,2}?(?:[A-Z][\w.-]*(?:'s|’s)\s+)?[\"“『「]?$|"
                           r"\b(?:take|riff)\s+on\s+(?:the\s+)?[\"“『「]?$|"  # "Urasawa's take on Astro Boy's … arc"
                           # the story a new adaptation tells again: "a new anime adaptation of Anne of Green Gables"
                           r"\bnew\s+(?:[\w-]+\s+){0,2}?adaptation\s+of\s+"
                           r"(?:[A-Z][\w.-]*\s+){0,3}?(?:[A-Z][\w.-]*(?:'s|’s)\s+)?[\"“『「]?$|"
                           r"\b(?:years|decades|century)\s+after\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:original\s+)?[\"“『「]?$|"
                           r"(?:前作|前シリーズ)(?:の|である)?\s*[「『]?$|"
                           # the works a crossover's characters come from: "puts the casts of Re:Zero, Konosuba and …"
                           r"\b(?:casts?|characters|heroes|heroines)\s+(?:of|from)\s+(?:[^.;!?]{0,100}?(?:,|\band)\s+)?"
                           r"(?:the\s+)?[\"“『「]?$",
                           re.IGNORECASE)
PARENT_AFTER = re.compile(r"^[\s\"”』」!]*(?:(?:'s|’s)\s+(?:[\w-]+\s+){0,2}|[A-Z][\w!-]*\s+)?"
                          r"(?:spin-?off|sequel|prequel|side[- ]story|"
                          r"remake|reboot|follow-?up|successor)\b|^[」』]と同じ世界|"
                          r"^\W{0,3}(?:シリーズ)?(?:の|から)(?:スピンオフ|続編|外伝|前日譚|後日譚|番外編|リメイク|リブート|次世代|"
                          r"ショートアニメ|ミニアニメ)|"
                          # 『クレヨンしんちゃん』スピンオフ『…』, 『はたらく細胞』スピンオフ at a clause's end
                          r"^\W{0,3}(?:スピンオフ|外伝|番外編)(?:作品|マンガ|漫画)?(?:\s*[『「]|\s*$|[\s、。])|"
                          r"^[」』]の?新作(?:TV|テレビ)?アニメ\s*[『「]|"  # 「ウマ娘」の新作アニメ「シンデレラグレイ」
                          # the time a new work tells of: 『ルパン三世』の少年時代を描く, 『Yes!プリキュア5』の10年後
                          r"^[」』]の(?:\d+年後|その後|少年時代|少女時代|学生時代|高校時代|幼少期|若き日)|"
                          r"^\W{0,3}(?:から始まる|に始まる)?(?:シリーズ|ユニバース|プロジェクト)の?"
                          r"(?:新作|最新作|新章|TVアニメ|テレビアニメ)|"  # 『バンドリ！』シリーズのTVアニメ『…』
                          r"^\W{0,3}(?:から|以来)(?:約|実に)?\d+年(?:ぶり|振り)|"
                          # 「妖怪人間ベム」50周年の新作: the work whose anniversary a new one marks
                          r"^\W{0,3}(?:の)?(?:生誕|誕生|放送|アニメ化)?\d+周年(?:の|を記念した|記念の?)(?:新作|最新作)|"
                          r"^[^\w\s]{0,6}に続く|"  # 『SSSS.GRIDMAN』に続く新作, MyGO!!!!!に続く: what it follows
                          r"^,\s+titled\s+(?-i:[A-Z\"“『「])|"  # "… of Anne of Green Gables, titled Anne Shirley"
                          r"^[」』]?\s*(?:キャスト|声優陣)(?:が|ら|陣)",  # a spin-off's 『銀魂』キャストが
                          re.IGNORECASE)


#: Signs that end a title before its closing bracket and that its name leaves out: the △ of 『ゆるキャン△』.
SIGNS_BEFORE_BRACKET = re.compile(r"^[^\w\s」』]{1,3}(?=[」』])")


#: A work's event right after its name: "ahead of Frieren's premiere", "ahead of the X season 2 debut".
PREMIERE_AFTER = re.compile(r"^(?:\s*(?:'s|’s))?\s+(?:(?:season|part)\s+\w+\s+)?"
                            r"(?:premiere|debut|release|finale|launch|broadcast)", re.IGNORECASE)
#: A list goes on after a mention, or ends with its sentence: "ahead of X, Y and Z." (not "beating X, Y took").
LIST_GOES_ON = re.compile(r"^[\"”』」]?\s*(?:,|\band\b|[.;!?]|$)")


#: A sequel the headline leaves unnamed: "…, Dr. STONE Sequel", "X Sequel Announced", 『X』続編制作決定 is the
#: work's own next season, not another work's news.
UNNAMED_SEQUEL = re.compile(r"^[\s\"”』」!]*(?:(?:'s|’s)\s+)?(?:sequel|続編)(?:[ \t]*(?:\n|$)|\s*[,;:!?、　]|"
                            r"\s+(?:anime|series|announced|confirmed|is|in the works|green-?lit)\b|"
                            r"(?:の)?(?:制作|アニメ化|放送)?決定)", re.IGNORECASE)


def names_the_parent(before: str, after: str) -> bool:
    """The mention names the work another one derives from (see 6): "the spin-off of X",
    "X's sequel", 「X」の続編, "a remake of X", "Y reimagines X", 「X」のリメイク, 『X』から18年ぶりの新作,
    or one another came after ("his first film since X"), or one whose characters a crossover brings
    ("the casts of X, Y and Z"). `before` is the mention's sentence before it."""
    return bool(PARENT_BEFORE.search(before) or PARENT_AFTER.match(SIGNS_BEFORE_BRACKET.sub("", after)))


#: A work another overtook in a ranking or beat to a prize: "has overtaken Fullmetal Alchemist: Brotherhood
#: as", "won …, ahead of X and Y", "beating X".
#: Verbs of one work overtaking another in a ranking.
OVERTAKING = (r"\b(?:overt(?:ook|aken|akes|aking)|surpass(?:es|ed|ing)?|dethron(?:es|ed|ing)|knock(?:s|ed|ing)?|"
              r"displac(?:es|ed|ing)|"
              r"(?:(?:has|have|had)\s+)?pass(?:ed|es|ing)(?!\s+(?:of|away)\b))")  # not "the Passing of"
#: A place in a ranking behind a work: "Opens at No. 2 Behind Mugen Train" (a sentence is split after "No.").
RANKED_BEHIND = r"(?:(?<![\w.])\d{1,2}|#\d{1,2}|\bsecond|\bthird|\brunner-up)\s+(?:place\s+)?behind"
#: A headline's verb of overtaking, or its place behind, right before a name: the rival all through the article.
OVERTAKEN = re.compile(r"(?:" + OVERTAKING + "|" + RANKED_BEHIND + r")\s+$", re.IGNORECASE)
RIVAL_BEFORE = re.compile(r"(?:" + OVERTAKING + "|" + RANKED_BEHIND + r"|\bbeat(?:ing|s)?(?:\s+out)?|"
                          r"\bedg(?:ed|es|ing)\s+out|"
                          r"\bouts(?:old|ells|elling)|(?P<ahead>,\s+ahead\s+of))\s+(?P<listed>[^.;:!?]{0,60}?(?:,|\band)\s+)?"
                          # "beating the holdover Demon Slayer film": lower-case words before the name
                          r"(?:the\s+)?(?:(?-i:[a-z][a-z-]*)\s+){0,2}[\"“『「]?$",
                          re.IGNORECASE)
#: A contest's verbs, not a chart's: "beats", "edges out", "outsold".
BEATEN = re.compile(r"beat|edg|outs", re.IGNORECASE)
#: A prize won: what makes the works a winner is "ahead of" its rivals.
PRIZE_WON = re.compile(r"\b(?:won|wins|winning|took|takes|named|awarded|received)\b.*\b(?:awards?|prizes?|honou?rs?|"
                       r"of the year|grand prix)\b|\bbox office\b", re.IGNORECASE)  # or the box office's top
#: A work the news compares its own with: "Palworld's Launch Draws Pokémon Comparisons".
COMPARED_BEFORE = re.compile(r"\b(?:comparisons?|compared(?:\s+[\w'’-]+){0,8}?|likened)\s+(?:with|to)\s+"
                             # "compared the win to X and Y", "compared the goals … to scenes from X"
                             r"(?:(?:scenes|moments|panels|shots)\s+(?:from|in|of)\s+)?"
                             r"(?:[^.;:!?]{0,60}?(?:,|\band)\s+)?(?:the\s+)?[\"“『「]?$|"
                             # "sold more tickets in its first three days than Your Name. did"
                             r"\b(?:more|fewer|less|bigger|larger|higher|faster)\b[^.;:!?]{0,60}?\bthan\s+"
                             r"(?:the\s+)?[\"“『「]?$",
                             re.IGNORECASE)
COMPARED_AFTER = re.compile(r"^(?:'s|’s)?\s+comparisons?\b", re.IGNORECASE)
#: The same in Japanese: 『鋼の錬金術師 FULLMETAL ALCHEMIST』を抜いて, 『すずめの戸締まり』『…』などを抑えて.
#: A mention's closing bracket and the titles listed after it: 』『すずめの戸締まり』などを, 』や『ブルーロック』を.
LISTED_AFTER = r"^\W{0,3}(?:[やと、]?[『「][^』」\n]{1,40}[』」]\W{0,2})*(?:など|ら)?"
RIVAL_AFTER = re.compile(LISTED_AFTER + r"(?:(?:の(?:記録|興収|興行収入|成績|数字))?を(?:抜[いきく]|超え|上回|抑え)|"
                         r"超え)")  # 『君の名は。』超えのスタート, 『千と千尋の神隠し』の記録を抜いた
#: Works fans compare the news with: 『キャプテン翼』や『ブルーロック』を引き合いに出す.
COMPARED_AFTER_JA = re.compile(LISTED_AFTER + r"(?:を引き合いに|になぞらえ|と比べ|と比較|との類似|に似)")
#: A work whose record the news repeats, named in passing: "Studio Ghibli's second win in the category after
#: Spirited Away", 『千と千尋の神隠し』以来2度目.
PRECEDENT_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+(?:[\w'’-]+\s+){0,7}?"
                              r"(?:since|after)\s+(?:the\s+)?[\"“『「]?$", re.IGNORECASE)
PRECEDENT_AFTER_JA = re.compile(r"^[」』]以来|^以来\d+(?:度目|回目|作目|年ぶり)")
#: A work whose fans or author cheer another's news too: 『SLAM DUNK』ファンからも祝福,
#: 『キャプテン翼』の高橋陽一さんも祝福.
CHEERED_AFTER = re.compile(LISTED_AFTER + r"(?:(?:の[^、。！!\s「『]{0,12}?)?"
                           r"(?:ファン|作者|原作者|さん|氏|先生|声優|読者|世代)"
                           r"(?:から|ら|たち)?に?も(?:祝福|称賛|絶賛|エール|喜び|お祝い|広が|歓喜|沸|"
                           r"[^、。「」『』\s]{0,8}?(?:たたえ|称え|声援|応援))|"  # ファンからも選手をたたえる投稿
                           r"世代の)")  # 「キャプテン翼」世代の夢: the generation that grew up on it


def names_a_rival(before: str, after: str, in_headline: bool = False) -> bool:
    """The mention names a work the article's own overtook or beat (see 6): the news is the
    winner's, and the rival is named in passing even where the winner is no catalog work (a
    Hollywood film, a game). `before` is the mention's sentence before it. A work a headline says
    was beaten ("The Boy and the Heron Beats Suzume …", "… Edges Out Makeine") is a contender the
    news is about too; one overtaken in a chart is not."""
    if PREMIERE_AFTER.match(after):
        return False  # "…, ahead of Frieren's premiere": the time of the news, not a rival
    rival = RIVAL_BEFORE.search(before)
    if rival and in_headline and BEATEN.match(rival[0]):
        rival = None
    if rival and (not rival["listed"] or LIST_GOES_ON.match(after)) and \
            (not rival["ahead"] or PRIZE_WON.search(before, 0, rival.start())):
        return True  # a prize's runners-up, not a fan ranking's ("ahead of Spy x Family", where a ranking counts all)
    if COMPARED_BEFORE.search(before) or COMPARED_AFTER.match(after) or \
            COMPARED_AFTER_JA.match(SIGNS_BEFORE_BRACKET.sub("", after)) or \
            CHEERED_AFTER.match(SIGNS_BEFORE_BRACKET.sub("", after)):
        return True  # a work compared with, or one whose fans cheer the news, named in passing
    if PRECEDENT_AFTER_JA.match(after) or not in_headline and PRECEDENT_BEFORE.search(before):
        return True  # a record the news repeats
    return RIVAL_AFTER.match(SIGNS_BEFORE_BRACKET.sub("", after)) is not None


#: A work whose release is the occasion of other works' news: 『竜とそばかすの姫』の公開に合わせて細田守作品を放送,
#: 公開記念で, "Kinro Lines Up Summer Wars and Wolf Children Ahead of Belle".
OCCASION_AFTER = re.compile(r"^[」』]?の?(?:公開|放送|配信|発売)(?:に合わせ|に先駆け|を記念し|記念で|を前に)")
OCCASION_BEFORE = re.compile(r"\b(?:ahead of|in the run-up to)\s+(?:the\s+)?[\"“]?$", re.IGNORECASE)
OCCASION_ENDS = re.compile(r"^[\"”]?\s*(?:$|\n|[.,;:!?])")
#: "… in the weeks before Belle opens".
BEFORE_IT = re.compile(r"\bbefore\s+$")
OCCASION_OPENS = re.compile(r"^\s+(?:opens|premieres|debuts|arrives)\b")


def names_an_occasion(before: str, after: str, in_headline: bool) -> bool:
    """The mention names a work whose release the news is timed to (see 6): when the article names
    other works, they are the news. "Ahead of" it ends a headline only: in a body it may rank ("climbed
    to the top of fan rankings, ahead of Chainsaw Man")."""
    return OCCASION_AFTER.match(after) is not None or \
        (in_headline and OCCASION_BEFORE.search(before) is not None and OCCASION_ENDS.match(after) is not None) or \
        (BEFORE_IT.search(before) is not None and OCCASION_OPENS.match(after) is not None)


#: News of a creator's death: the works it credits them with are what it is about.
OBITUARY = any_of(r"\b(?:dies|died)\b(?! (?:down|out|again)\b)|\bhas died\b|\bpasse[sd] away\b|\bfound dead\b|"
                      r"\bdead at \d+\b|\bpasse[sd] at \d+\b|\bobituary\b|死去|逝去|訃報|追悼|"
                      r"(?:さん|氏)[^『「」』。]{0,20}(?:亡くな[るっりられ]|他界)|"  # not a story's "亡くなった妻"
                      r"(?:さん|氏)を(?:しの|偲)[ぶびん]|"
                      # a tribute or mourning after a death
                      r"\bpays? tribute to\b|\b(?:is|are) mourned\b|\bremembered by\b|\bmourns?\b|"
                      # "Dr. Slump and Dragon Ball Artist's Death Draws Tributes"
                      r"\b(?:artist|creator|author|director|actor|actress|composer|animator)(?:'s|’s)\s+death\b|"
                      r"\b(?:confirms?|confirmed|announces?|announced|reports?|reported)\s+"
                      r"(?:the\s+)?(?:death|passing) of\b|"
                      # "Farewell to Yasuo Otsuka, Whose …", "Goodbye to Monkey Punch: …", "Remembering Noriko Ohara: …"
                      r"(?-i:(?:\b[Ff]arewell|\bGoodbye) to\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b|"
                      r"^Remembering\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b)|"
                      r"\bwas \d{2,3}\s*$|"  # "… Lupin's Father Was 81": an age at death
                      r"\bis gone at \d{2,3}\b|\bpasse[sd](?=\s*[;:,]|\s*$)",  # "Yasuo Otsuka Passes; His …"
                      re.IGNORECASE)
#: A creator's birth or death anniversary: 水木しげる生誕100周年.
CENTENARY = any_of(r"生誕\d+(?:周)?年|没後\d+年|\bbirth centenary\b|"
                   r"褒章|受章|文化功労者|文化勲章|\blifetime achievement\b", re.IGNORECASE)  # and a life's honours


#: A title's possessive before a person's full name: two capitalized words, then neither a third nor a title
#: word ("SKET Dance's Kenta Shinohara", not "Demon Slayer's Swordsmith Village Arc").
#: Actors playing a film's or a drama's roles: live action (山﨑賢人が安倍晴明を演じる, 杏主演); not a crossover's
#: characters who 共演 nor an animated film "starring" its mascots.
ACTED = re.compile(r"主演|演じ")
#: A live-action film's or drama's words.
FILM_OR_DRAMA = re.compile(r"映画|ドラマ|\bfilm\b|\bmovie\b|\bdrama\b", re.IGNORECASE)
#: Words that tie a work to anime, manga or another medium with voices and stages: the medium, a voice, an
#: adaptation of one.
ANIME_OR_MANGA = re.compile(r"アニメ|マンガ|漫画|コミック|実写|ドラマ化|声|連載|劇場版|舞台|ミュージカル|ゲーム|CG|"
                            r"\banime\b|\bmanga\b|live-action|\bvoice|\bstage\b|\bmusical\b|\bgame\b", re.IGNORECASE)


def acted_only(doc: str) -> bool:
    """The article tells of actors in a film or drama and never of anime, manga or an adaptation of
    one: a title it names is that live-action work's own (映画『八犬伝』, ドラマ『大奥』), no anime's."""
    return ACTED.search(doc) is not None and FILM_OR_DRAMA.search(doc) is not None and \
        ANIME_OR_MANGA.search(doc) is None


POSSESSIVE_PERSON = re.compile(r"^(?:'s|’s)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!\s+[A-Z0-9])(?!\s*[-:])"
                               r"(?!\s+(?i:anime|manga|season|film|movie|series|arc|game|novel|stage|musical|special|caf[eé])\b)")


@lru_cache(maxsize=PER_ARTICLE)
def about_a_death(headline: str) -> bool:
    """The headline reports a person's death: an obituary is the news of the works it names."""
    return OBITUARY.search(headline) is not None


#: Past the headline, a title before a staff role and a name ("an original by Code Geass director Goro
#: Taniguchi"), or after a person's full name and "of" ("Yuzuru Tachikawa of Mob Psycho 100 directing").
ROLE_AFTER = re.compile(r"^\s+(?:director|composer|screenwriter|scriptwriter|character designer|animator|producer)s?"
                        r"\s+[A-Z][a-z]+\s+[A-Z][a-z]+")
PERSON_OF_BEFORE = re.compile(r"(?<![\w'’])(?!(?:The|A|An|Final|Season|Part|Cour|Episode|Volume|Chapter|Arc|Fans|Cast|"
                              r"Creator|Author|Director|Staff|World|Story|End|Start|Spirit|Rest)\b)[A-Z][a-z]+[ \t]+"
                              r"(?!(?:Season|Part|Cour|Episode|Volume|Chapter|Arc|Half|End|Rest|Cast|Fans|Staff)\b)"
                              r"[A-Z][a-z]+[ \t]+of[ \t]+$")


#: The makers an earlier work names: "from the makers of CLANNAD and Little Busters!", "the studio behind X",
#: "known for K-On!, Violet Evergarden and …".
MAKERS_OF_BEFORE = re.compile(r"(?:\b(?:makers|creators|studio|team|people|minds)\s+(?:of|behind)|"
                              r"\bknown\s+for)\s+(?:the\s+)?(?:(?:[^.;!?]|[!?](?=,))"
                              r"{0,60}?(?:,|\band)\s+)?[\"“『「]?$", re.IGNORECASE)


#: News of people's private lives: the works named are their roles, not the news.
PRIVATE_LIFE = any_of(r"(?:結婚|入籍|婚約)を(?:発表|報告)|が入籍|が(?:結婚|婚約)(?=[\s　、。!！]|$)|"
                          r"第\d子(?:が)?誕生|\b(?:get|got|are getting) married\b|"
                          r"\bannounces? (?:their |his |her )?(?:marriage|engagement)\b|\bwelcomes? (?:a|their first) "
                          r"(?:baby|child)\b", re.IGNORECASE)


#: A person's best-known work or role, before the person: 『パタリロ！』で知られる魔夜峰央,
#: 『SPY×FAMILY』のアーニャ役でも知られる. In news of a title it credits the person; in news of the person's
#: life (a death, an honour: 『うる星やつら』で知られる漫画家が受章) it is the news.
KNOWN_FOR_AFTER = re.compile(r"^[」』](?:の[^\s、。「」『』]{1,12}?役)?(?:など)?でも?(?:知られる|有名な|おなじみの)")


def credits_a_person(before: str, after: str, headline: str = "", in_headline: bool = False) -> bool:
    """The mention credits a person or studio with the title (see 5), in news that is not of the
    person's death or centenary (水木しげる生誕100周年 『ゲゲゲの鬼太郎』の作者). Past the headline, a
    title's possessive before a person's name credits the person too ("the new series from SKET
    Dance's Kenta Shinohara"), as a role before the name does ("Code Geass director Goro Taniguchi");
    in the news of a marriage or a birth every title is a role of the people."""
    private, of_a_life = _headline_of_a_life(headline)
    if private:
        return True  # 声優・梶裕貴と竹達彩奈が結婚を発表: their roles are named, not news
    if not in_headline and (POSSESSIVE_PERSON.match(after) or ROLE_AFTER.match(after) or
                            PERSON_OF_BEFORE.search(before)):
        return True  # another person than an obituary's: "after his partnership with Doraemon's Hiroshi Fujimoto"
    if not in_headline and MAKERS_OF_BEFORE.search(before) and not of_a_life:
        return True  # "from the makers of CLANNAD and Little Busters!": the makers' earlier works
    if KNOWN_FOR_AFTER.match(SIGNS_BEFORE_BRACKET.sub("", after)) and not of_a_life:
        return True  # 映画『翔んで埼玉』公開 … 『パタリロ！』で知られる魔夜峰央: the author's work
    credit = CREDIT_AFTER.match(SIGNS_BEFORE_BRACKET.sub("", after)) or CREDIT_BEFORE.search(before) or \
        (FROM_BEFORE.search(before) and MAKER_AFTER.match(after))  # "Lazarus, from Cowboy Bebop Director …"
    return bool(credit) and not of_a_life


@lru_cache(maxsize=PER_ARTICLE)
def _headline_of_a_life(headline: str) -> tuple[bool, bool]:
    """Whether the headline tells of people's private lives, and of a death or a centenary (read
    once per article: every mention asks)."""
    return bool(PRIVATE_LIFE.search(headline)), bool(about_a_death(headline) or CENTENARY.search(headline))


STUDIO_NAME = re.compile(rf"\b(?:{ANIME_STUDIOS})\b")
#: How far around a mention a studio's name holding it is looked for (characters).
STUDIO_WINDOW = 30


def in_a_studio_name(doc: str, start: int, end: int) -> bool:
    """The mention is a word of a longer studio name: the "Wave" of "CoMix Wave Films" (see 4)."""
    return any(m.start() <= start and end <= m.end() and m.end() - m.start() > end - start
               for m in STUDIO_NAME.finditer(doc, max(0, start - STUDIO_WINDOW), end + STUDIO_WINDOW))


#: Companies whose names are also a title's spelling (the 2013 show BUSHI ROAD, written "BUSHIROAD"):
#: "Bushiroad's D4DJ" names the publisher.
COMPANY = re.compile(r"bushiroad", re.IGNORECASE)


#: A company's word after a name: "Musashino Animation" (the studio of Shirobako's story), "Kadokawa Pictures".
COMPANY_AFTER = re.compile(r"^\s+(?:Animation(?!\s+(?:Director|Producer|Staff|Studio|Works?)\b)|Studios|Pictures|"
                           r"Productions?|Entertainment(?!\s+(?:District|Arc)\b)|Inc\b|Co\.|Corporation|Corp\b|"
                           r"Company\b)")


#: A possessive right after a name: "Orange's", "Bones'".
POSSESSIVE = re.compile(r"['’]s?\s")


def names_a_company(written: str, after: str = "") -> bool:
    """The name as written is a company's, or a word of one, not a title (see 4); a studio's
    possessive names its work ("Orange's second season of Paru Itagaki's animal drama")."""
    return bool(COMPANY.fullmatch(written) or COMPANY_AFTER.match(after) or
                (STUDIO_NAME.fullmatch(written) and POSSESSIVE.match(after)))


#: A role a cast member takes, named after "as" in a casting sentence: "Casts H.E.R. as Belle".
ROLE_BEFORE = re.compile(r"\b(?:casts?|cast as|casting|voices?|voiced|plays?|played|stars?|starring|returns)\b"
                         r"[^!?\n]{0,60}\bas\s+(?:the\s+)?$|"
                         # "with Eiji Akaso as Akira": an actor and the role
                         r"(?-i:\bwith\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s+as\s+(?:the\s+)?$)", re.IGNORECASE)


def names_a_role(before: str) -> bool:
    """The one-word name is a role a person is cast as, not a title (see 4)."""
    return ROLE_BEFORE.search(before) is not None


#: A preposition before a name, and a name that is a determiner and a noun: "into Another World", "to This World".
PHRASE_BEFORE = re.compile(r"\b(?:into|to|from|through|across|in|at)\s+$", re.IGNORECASE)
DETERMINED_NOUN = re.compile(r"(?:another|a|an|this|that|my|your|our|his|her|their|one|other|every)\s+[A-Za-z]+",
                             re.IGNORECASE)


def part_of_longer_name(before: str, written: str, after: str, curated: bool = False) -> bool:
    """The short name `written` is a word of a longer name or phrase, or a song's name (see 4);
    `before` and `after` are its sentence around it. A curated name of two words ends no longer
    title after a name and a preposition ("voiced Jigen in Lupin III"), only after "the"."""
    if SONG_BEFORE.search(before) or SONG_AFTER.match(after):
        return True  # "X Japan's hit Kurenai", "Hyakka Ryouran," the opening theme of …
    glued = re.match(r"[ \t]([A-Z]{3,})(?![A-Za-z])", after)
    if written.isupper() and glued and not TITLE_WORDS_AFTER.match(after) and not SEASON_WORD.match(glued.group(1)):
        return True
    if written.isupper() and re.search(r"(?<![A-Za-z])[A-Z]{3,}[ \t]$", before):  # "Gundam SEED FREEDOM"
        return True
    named_before = THE_BEFORE.search(before) or not before.strip() or re.search(r"(?:'s|’s|:)\s+$", before)
    if " " not in written and named_before and OF_A_NAME_AFTER.match(after):
        return True  # "the Kingdom of Light", "Wes Ball's Kingdom of the Planet of the Apes": a name
    if PHRASE_BEFORE.search(before) and DETERMINED_NOUN.fullmatch(written):
        return True  # "Drops Taichi and Rin Into Another World": a phrase, not the show ANOTHER WORLD
    longer = IN_A_LONGER_TITLE.search(before) and (not curated or THE_BEFORE.search(before)) and \
        not (THE_BEFORE.search(before) and TITLE_WORDS_AFTER.match(after))  # "Brings the Sailor Moon Musical"
    dated = YEAR_BEFORE.search(before) is not None and written[:1].isupper()
    return bool(longer or (QUANTITY_BEFORE.search(before) and not dated))


def beside_other_work(before: str, after: str) -> bool:
    """Band, drama or game words stand beside a short name: it names something else (see 4)."""
    return bool(OTHER_WORK.search(before[-40:]) or OTHER_WORK.search(after[:40]))
