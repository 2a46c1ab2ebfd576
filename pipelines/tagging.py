"""Tagging: which anime series (and which season) an article is about.

1. Names: every title and alias of the catalog (`series_aliases`), normalized (width, case,
   punctuation), in one Aho–Corasick automaton; the longest name wins where names overlap
   ("Attack on Titan" over "Titan"). Latin names match on word boundaries, Japanese ones anywhere.
2. Guards: a short Latin name (one or two plain words: "Monster", "Orange", "Another World")
   that English uses (`pipelines.english`) counts only where it reads as a title: in title
   quotes (『』「」"..."), written in capitals or exactly as the catalog writes it, alone on its
   line (a roundup's "8. Leviathan"), or followed by "anime", "season", "manga", ... Season names
   ("Summer") and names shorter than `MIN_NAME_CHARS` never count, but for a title in capitals
   ("CUE!") written so in title quotes or right before such a word ("the CUE TV anime"). A
   curated or user alias written as it was given counts, a one-word one ("Kingdom") unless a
   capitalized word beside it makes it part of another name ("United Kingdom").
3. Weight: a mention in the headline counts `TITLE_WEIGHT`, in the first paragraph or opening a
   line (a roundup's "3. Frieren", "3. the Frieren TV anime") or anywhere in a season's lineup
   ("Winter 2023 Preview: ...") `LEAD_WEIGHT`, elsewhere 1; a series is tagged from `MIN_SCORE`.
4. Season: what the words around a mention name (`pipelines.seasons`: "Season 2", "seventh
   season", "Overlord IV", "第2期", "Final Season", a season's own title such as "Swordsmith
   Village Arc", a sequel announced: `_next_season`); a part named without a season ("Part 2",
   "第2クール") is of the season airing by the article's date (`_part_season`), and so is a season
   number the catalog lacks said of a split season's later cour (`_cour_called_a_season`);
   otherwise, for news about a TV show itself, the season a roundup's broadcast season or week
   airs, else the one airing by the article's date or coming within `NEWS_LEAD_DAYS`
   (`_entry_by_date`), else 1; none for manga, merchandise, opinion, film and other-media news,
   nor for a film named by its own title or a work a subtitle or a medium names ("Bleach: Rebirth
   of Souls"). Such franchise news naming a title an original and its remake share is the
   original's; a headline announcing a remake (再アニメ化, "remake") is the remake's, however
   long before it airs.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from datetime import date, datetime, timedelta

import ahocorasick
from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from pipelines import english
from pipelines.aliases import TRUSTED_SOURCES
from pipelines.alternation import any_of
from pipelines.catalog import FILM_PREFIX, SPIN_OFF, Entry, Series, debracket, from_records
from pipelines.media import (OVERTAKEN, REMAKE, THE_BEFORE, UNNAMED_SEQUEL, WORK_APPOSITION, about_a_death,
                             about_a_film, about_a_tie_in, about_live_action, acted_only, about_other_media,
                             announces_a_season, announces_a_work, beside_other_work, credits_a_person,
                             film_before_any_show, in_a_studio_name, media_before, names_a_company,
                             names_a_rival, names_a_role, names_an_occasion, names_the_parent, opens_title,
                             other_medium_in_lead, part_of_longer_name, sentences_end, shows_title, song_names,
                             subtitle_after, tells_a_broadcast)
from pipelines.seasons import (ROMAN, SeasonMark, next_season_announced, numbered_season, read_season, season_titles,
                              titled_season)
from pipelines.state import ArchiveState
from scraper.items import ArticleItem

#: Determiners that are also one-word titles, and the nouns they then go with: "for Another Season".
DETERMINER_WORDS = frozenset({"another", "other", "every", "next"})
MEDIUM_NOUN_AFTER = re.compile(r"\s+(?:seasons?|cours?|films?|movies?|series|arcs?|chapters?|episodes?)\b(?!\s*\d)",
                               re.IGNORECASE)

#: "the" and a capitalized word before a one-word name: the longer name of a place or a thing ("the Spade
#: Kingdom"), unless the word is a service's or a medium's ("the Netflix Pluto").
NAMED_AFTER_THE = re.compile(r"(?<![.!?:]\s)\bthe\s+(?!(?:Netflix|Crunchyroll|Disney|Hulu|Amazon|HIDIVE|Funimation|TV|"
                             r"Anime|Manga|Film|Movie|New|Original|Japanese|English|Live-Action|Classic|Beloved|Hit|"
                             r"Popular|Acclaimed|Legendary|Upcoming|Latest|Final|Last|Next)\b)[A-Z][a-z'’-]+\s+$")

#: Particles a phrase goes on after, and kana or kanji glued to a bracketed name up to the closing bracket: a
#: longer title (「ぼくらの七日間戦争」), not an arc, a season or a version (『…編』, 第2期, 劇場版).
PARTICLES = frozenset("のとがをにはへもや")
GLUED_IN_BRACKETS = re.compile(r"(?![第編篇章期部版話])[\u3041-\u3096\u4e00-\u9fff][^」』\s]*[」』]")

#: A fans' abbreviation: a few letters, two or more of them capitals (JJK, AoT, HxH).
ABBREVIATION = re.compile(r"(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,5}")
#: Shortest name matched (characters after normalization, spaces excluded).
MIN_NAME_CHARS = 4
#: Curated and user aliases may be shorter: the abbreviations fans write (JJK, AoT, SAO).
MIN_TRUSTED_NAME_CHARS = 3
MIN_CJK_NAME_CHARS = 2
#: A title in capitals may be shorter ("CUE!", "K-ON!"), where "anime", "season", ... follows it.
MIN_CAPITALS_TITLE_CHARS = 3
#: A Chinese alias shorter than this is a word of Japanese text too (自由, 死神, 人生): not matched.
MIN_CHINESE_NAME_CHARS = 4
TITLE_WEIGHT = 3
LEAD_WEIGHT = 2
MIN_SCORE = 2
#: Sentences of an obituary's body whose works weigh as the lead's: the person's known works.
OBITUARY_SENTENCES = 2
#: Characters below which an obituary's sentence is an aside that does not count ("He was 74.", "85歳だった。").
SHORTEST_OBITUARY_SENTENCE = 15
#: How far before a mention the words naming it another work's parent or rival are read (characters, within
#: its sentence): a crossover lists several casts ("the casts of Re:Zero, Konosuba, Overlord, … and X").
PARENT_WINDOW = 160
#: Characters after (and before) a mention searched for its season marker.
SEASON_WINDOW = 56
#: How far before a mention its medium's words are read ("the anime of MICA Team's mobile strategy game …").
SOURCE_WINDOW = 120
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
#: A new series the news names by its franchise's name: "the New Samurai Troopers Series", "a New Monster
#: Strike Anime".
NEW_WORK_BEFORE = re.compile(r"\bnew\s+$", re.IGNORECASE)
NEW_WORK_AFTER = re.compile(r"\s+(?:tv\s+)?(?:anime|series)\b", re.IGNORECASE)
#: How far ahead of its first episode an article may be about a remake rather than the original.
REMAKE_LEAD_DAYS = 400
#: How far ahead of a season's first episode news that names no season is about that season,
#: unless another began within `AIRING_DAYS` before the news (a season airing is the news).
NEWS_LEAD_DAYS = 120
AIRING_DAYS = 90
#: News of a sequel this soon after a season began is of that season's premiere.
PREMIERE_DAYS = 30
#: Punctuation that ends many titles ("GOBLIN SLAYER!", "…WITH YOU.") and closes quotes.
TRAILING_PUNCTUATION = " \t!?.。！？』」】\"”’'"
#: The broadcast season or the date a headline is about ("Winter 2023 Anime Preview",
#: "2022年夏アニメ", "Top 10 Anime of the Week (May 24, 2021)"): roundups are about what airs then.
BROADCAST_SEASON = re.compile(r"\b(?P<en>winter|spring|summer|fall|autumn)\s+(?P<year>20\d\d)\b|"
                              r"(?P<year2>20\d\d)年(?P<ja>冬|春|夏|秋)|(?P<ja2>冬|春|夏|秋)アニメ\s*(?P<year3>20\d\d)|"
                              r"(?<!\d)(?P<year4>\d\d)年(?P<ja3>冬|春|夏|秋)アニメ|"  # 21年冬アニメ
                              # 2024年1月スタートの新作アニメ, 2025年10月期: the quarter a month opens
                              r"(?P<year5>20\d\d)年(?P<month>1|4|7|10)月(?:期|スタート|放送開始|から)",
                              re.IGNORECASE)
HEADLINE_DATE = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                           r"december)\s+(\d{1,2}),\s+(20\d\d)\b", re.IGNORECASE)
THIS_WEEK = re.compile(r"this week|of the week|airing (?:right )?now|now airing|今週|週間ランキング|放送中", re.IGNORECASE)
#: "Of the year" in Japanese, with or without its dots: アニメ オブ ザ イヤー, オブ・ザ・イヤー.
OF_THE_YEAR_JA = r"オブ\s*・?\s*ザ\s*・?\s*イヤー"
#: An awards ceremony, whose winners are all its news (not one award won: "Wins Academy Award"), a
#: year's or a weekend's box-office ranking, whose films are ("Japan's Top Film of 2022", 2024年の興行収入),
#: and an event's stages, whose works are.
CEREMONY = any_of(r"\bawards\b|\baward festival\b|アワード|" + OF_THE_YEAR_JA + r"|\bfilm prize\b|アカデミー賞|"
                      r"\btop (?:\d+ )?films?\b|\bhighest-grossing films\b|"
                      r"\bbox office (?:top|ranking|chart)|興行(?:収入|成績)(?:ランキング|[、,]|$)|興収(?:ランキング|[、,]|$)|"
                      r"観客動員ランキング|"
                      # an event whose stages announce many works: "Jump Festa 2022: …", 「AnimeJapan 2024」
                      r"\bjump festa\b|ジャンプフェスタ|\banime ?japan\b|\banime expo\b|アニメジャパン|"
                      # a ranking names the works it ranks: オリコン年間コミックランキング, "Crunchyroll's 2024 ranking"
                      r"ランキング|\brankings?\b|\bpolls?\b|人気投票|が選ぶ|"  # a fan poll names the works it ranks
                      # a gala's prizes, a batch of films a service adds, an exhibition of a creator's three works
                      r"\bgala\b|\btop prize\b|\brounds? out\b|(?:含む|など)\d+作|(?<!cast )\blineup\b|\blibrary\b|"
                      # a chart of views: 「呪術廻戦」と「進撃の巨人」が上位, dアニメストアで最も見られたのは
                      r"[』」]?が上位|最も(?:見|視聴|再生)された|最も見られた|再生数|視聴数|アンケート|首位|"
                      r"(?<![0-9０-９])[1-9１-９]位(?!置)|"
                      r"\bmost[- ](?:watched|streamed)\b",
                      re.IGNORECASE)
#: A yearly award's news ("Anime of the Year at the 2025 Crunchyroll Anime Awards", 「…アワード2025」):
#: it honours what aired in the year before the ceremony's, not what airs when it is held.
AWARD = re.compile(r"\bawards?\b|\bof the year\b|アワード|" + OF_THE_YEAR_JA + r"|アカデミー賞|大賞", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
#: A year's ranking ("dアニメストア 2024年間ランキング", "Best Anime of 2024"): what aired in that year.
YEARLY_RANKING = re.compile(r"年間[^\s、。「『]{0,4}ランキング|年間ベスト|年間トップ|"
                            r"\b(?:year-end|yearly|annual)\s+(?:rankings?|charts?|lists?)\b|"
                            r"\b(?:best|top \d+) anime of 20\d\d\b", re.IGNORECASE)
QUARTER_START = {"winter": 1, "冬": 1, "spring": 4, "春": 4, "summer": 7, "夏": 7, "fall": 10, "autumn": 10, "秋": 10}
#: Days around a broadcast season's first day in which the shows a lineup covers begin (lineups
#: run ahead: a summer lineup still lists shows that start in the first days of autumn).
SEASON_SLACK_BEFORE, SEASON_SLACK_AFTER = 20, 100
#: Where a mention's season marker may stand: up to the end of its sentence or the next mention.
SENTENCE_END = re.compile(r"[.!?。！？\n]")
#: Words after a short name that show it is used as a title.
TITLE_CONTEXT = re.compile(r"^[\s\W]{0,3}(?:the\s+)?(?:tv\s+)?(?:anime|season\s*\d|manga|episode|ep\b|movie|film|"
                           # "Sets Lazarus Premiere", not "the United Kingdom premiere"
                           r"(?-i:Premiere)\b|animated\s+series\b|light novel|pop-up|collaboration|s\d|"
                           r"\d+(?:st|nd|rd|th)\s+season|アニメ|第)", re.IGNORECASE)
#: A mention that opens a line, numbered or not ("3. Frieren", "3. the Frieren TV anime"), heads a
#: roundup entry.
LINE_START = re.compile(r"\n\s*(\d{1,2}[.)]\s*)?(?:the\s+)?$", re.IGNORECASE)
#: Characters before a mention searched for `LINE_START`.
LINE_START_WINDOW = 12
#: What may follow a name that is a whole line (a roundup's "8. Leviathan"): its end punctuation.
LINE_END = re.compile(r"[ \t!?.]*(?:\n|$)")
#: How a roundup's entry heading of one word ends, where it is not numbered: the line, or a colon or
#: dash before its note ("Frieren: …"). A paragraph that opens with a word's name ("Mirai, Shizuka and
#: …") is prose.
HEADING_END = re.compile(LINE_END.pattern + r"|\s*[:：–—]")
#: A capitalized word next to a one-word alias makes it part of another name ("United Kingdom").
CAPITALIZED_BEFORE = re.compile(r"[A-Z][\w'’-]*(?<!'s)(?<!’s)[ \t]+$")  # not an owner's: "Junji Ito's Uzumaki"
#: A capitalized word inside a sentence right before a name: the two are one name ("the Duel Monsters anime").
NAME_BEFORE = re.compile(r"[a-z,][ \t]+(?!(?:The|A|An|This|That|Its|His|Her|Their)[ \t])[A-Z][a-z]+[ \t]+$")
#: A capitalized name joined to a mention by "and": "Sorawo and " of "Sorawo and Toriko".
NAME_PAIR_BEFORE = re.compile(r"(?<![\w'’])(?P<other>[A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+$")
NAME_PAIR_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+(?P<other>[A-Z][a-z]+)(?![\w'’])")
NAME_PAIR_WINDOW = 24
#: A given name right before a surname: "Hajime " of "Hajime Musashino's".
GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’])(?P<given>[A-Z][a-z]+)[ \t]$")
#: A surname owning something right after a given name: " Nanato's" of "Nana Nanato's".
SURNAME_AFTER = re.compile(r"[ \t]+(?P<surname>[A-Z][a-z]+)(?:'s|’s)(?![A-Za-z])")
#: A surname right after a given name inside a sentence, before lower-case words: " Solari and" of "pilot Iria
#: Solari and her team".
SURNAME_MID_SENTENCE = re.compile(r"[ \t]+(?P<surname>[A-Z][a-z]+)(?=[ \t]+[a-z]|[,.])")
#: A lower-case word right before a name: the name is inside a sentence, whose capitals are a name's own.
LOWER_WORD_BEFORE = re.compile(r"(?<![\w'’])[a-z]+[ \t]+$")
#: An owner's ending right after a name.
POSSESSIVE_AFTER = re.compile(r"(?:'s|’s)(?![A-Za-z])")
#: A number after a name and a release's verb: a numbered game or film ("Dragon's Dogma 2 Launches").
NUMBERED_RELEASE = re.compile(r"[ \t]+(\d{1,2})[ \t]+(?:launch(?:es|ed)|ship(?:s|ped)|sells|sold|is out|release[sd]?|"
                              r"hits stores|"
                              r"goes on sale|went on sale)\b", re.IGNORECASE)
#: Latin letters right after a Japanese name, with no space: the name goes on (ガンダムSEED, one capital
#: letter up to the closing bracket too: 『シンカリオンZ』), unless they are a Roman numeral, a season's word or a
#: season's own title.
LATIN_GOES_ON = re.compile(r"(?![IVX]+(?![A-Za-z])|(?i:season|part|final|cour|ova|oad|movie|film))"
                           r"(?:[A-Za-z]{2,}|[A-Z](?=[」』]))")  # 『シンカリオンZ』: a letter to the bracket
#: A determiner right after a word: the word is a phrase's ("Given the schedule"), not a title.
DETERMINER_AFTER = re.compile(r"[ \t]+(?:the|a|an|that|this|its|his|her|their)\b")
#: A person cast as a role named without brackets: 宮野真守さんが新キン肉マンに, …さんがルフィ役.
JA_ROLE_BEFORE = re.compile(r"(?:さん|氏)(?:が|は)新?$")
JA_ROLE_AFTER = re.compile(r"役|に(?=[\s　、。!！]|$)")
#: A "・" between two katakana words of a name.
DOTTED = re.compile(r"[\u30a0-\u30ff]・[\u30a0-\u30ff]")
#: A web domain's ending right after a name: "GUNDAM.INFO", "Crunchyroll.com".
DOMAIN_AFTER = re.compile(r"\.(?:com|net|org|info|jp|tv|io|co)\b", re.IGNORECASE)
#: A number that goes on past a name ending in one: "+1.01" after "Evangelion: 3.0".
NUMBER_GOES_ON = re.compile(r"[+.]?\d|\+")
#: A Roman numeral of seven or more right after a name: a numbered game's or film's, which no anime's
#: season reaches (seasons read only II to VI; a lone X is a crossover's "×").
HIGH_NUMERAL_AFTER = re.compile(r"[ \t]?(?:VII|VIII|IX|XI{1,3}|XIV|XVI{0,3}|XIX|[ⅦⅧⅨⅪⅫ])(?![A-Za-z0-9])|"
                                r"(?<=[\u30a0-\u30ff\u4e00-\u9fff])X(?![A-Za-z0-9])")  # ドラゴンクエストX: no "×"
#: A Roman numeral right after a name, as a numbered work writes it (ドラゴンクエストIII, "Dragon Quest III").
ROMAN_NUMERAL_AFTER = re.compile(r"[ \t]?(III|II|IV|VI|V|Ⅱ|Ⅲ|Ⅳ|Ⅴ|Ⅵ)(?![A-Za-z0-9.'’])")
#: A number right after a name, and not a count, a date or an ordinal: a numbered work's ("TEKKEN 8", 「鉄拳8」).
NUMBER_AFTER = re.compile(r"[ \t]?(\d{1,2})(?![\d/%'’+]|[.,:]\d)(?!\s*(?:(?:st|nd|rd|th|episodes?|eps?|days?|weeks?|months?|"
                          r"years?|million|billion|seasons?|parts?|cours?|chapters?|volumes?|vol)\b|"
                          r"[話日月年人位万億期部巻周時分歳本回弾号曲枚]|クール|シーズン))", re.IGNORECASE)
#: A season named before the next title, right before it: "第4期の『", "2期「".
NEXT_TITLES_SEASON = re.compile(r"(?:第\s*\d+\s*期|\d+\s*期|シーズン\s*\d+|\d+(?:st|nd|rd|th)\s*シーズン)"
                                r"(?:が(?:始まる|スタートする|放送される)|となる|になる|目の|目となる)?の?\s*[『「]$",
                                re.IGNORECASE)
#: A name that goes on past a catalog name: a capitalized word, a number or Japanese right after it.
NAME_GOES_ON = re.compile(r"[ \t\u3000]*[A-Z0-9\u3040-\u30ff\u4e00-\u9fff]")
#: A capitalized word after a one-word alias makes it part of another name ("Kingdom Hearts"), unless
#: it is a Roman numeral (a season) or names what the news is of ("Evangelion Expo", "Frieren Café").
CAPITALIZED_AFTER = re.compile(r"[ \t]+(?!(?:I{1,3}|IV|VI{0,3}|IX|X|Anime|Season|Manga|Movie|Film|Musical|Stage|"
                               r"Exhibition|Exhibit|Expo|Caf[eé]|Pop-Up|Collaboration|Concert|Festival|Series|Game|"
                               r"Special|Episode|Final|Part|The\s+(?:Final|Movie|Animation|Series))\b)[A-Z]")
#: Fewest other series whose names a franchise's word opens ("Digimon" opens Digimon Tamers, Digimon
#: Frontier, …; not "Mononoke"), the most English may use it (Pokémon 3.7; "Summer", "Monster" are
#: words), and the fewest characters of a katakana one (ポケモン, デジモン; not タッチ, ハル).
FRANCHISE_MIN_SERIES, FRANCHISE_MAX_ZIPF, FRANCHISE_MIN_KATAKANA_CHARS = 5, 4.0, 4
#: Two words this common (Zipf) make a phrase ("Hands Off") a name derived from a title is not, on its own.
PHRASE_MIN_ZIPF = 5.0
#: The capitalized word after a franchise's word that names another of its works ("Pokémon Sleep",
#: "Digimon Survive"), not its season, its anime or its company.
FRANCHISE_WORK_AFTER = re.compile(r"[ \t]+(?!(?:I{1,3}|IV|VI{0,3}|IX|X|Anime|Season|Series|Movie|Film|Manga|Part|Final|"
                                  r"The|TV|Company|Co|Inc|Ltd|Corporation|Holdings)\b)([A-Z][\w'’.-]*)")
#: A hyphenated word that makes a one-word name a place's adjective: "Izumo-set", "Tokyo-based".
PLACE_SUFFIX = re.compile(r"-(?:set|based|born|bound)\b")
#: An indefinite article, maybe with a lower-case word, right before a one-word name: a noun ("a strange Kingdom").
INDEFINITE_BEFORE = re.compile(r"(?<![\w'’])an?[ \t]+(?:[a-z][\w-]*[ \t]+)?$")
#: A show's theme song named right after it, its closing bracket before or after an arc's name
#: (『チェンソーマン』のOPテーマ, 『鬼滅の刃』遊郭編のオープニングテーマ).
SONG_OF = re.compile(r"[』」]?\s*(?:の|が)?\s*(?:OP|ED|主題歌|オープニング|エンディング)(?![A-Za-z])")
#: A prefix that makes a name a time: "a pre-One Piece one-shot", "post-Evangelion mecha".
TIME_PREFIX_BEFORE = re.compile(r"\b(?:pre|post)-$", re.IGNORECASE)
#: "Anime" right after a name: the anime's title, whatever other work is named beside it.
ANIME_AFTER = re.compile(r"[ \t]+(?:TV[ \t]+)?anime\b|[』」]?[のが]?(?:TV|テレビ)?アニメ", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.!?。！？:]\s+|\n\s*|\d+\.\s+)$")
CALENDAR_WORDS = {"spring", "summer", "fall", "autumn", "winter", "today", "news", "anime", "manga"}
QUOTED = re.compile(r"[『「【《〈\"“]([^『「【《〈』」】》〉\"“”]{1,80})[』」】》〉\"”]")  # innermost: 「劇場版『鬼滅の刃』…」
#: A Japanese name this short is as often a word ("宝島", "メダリスト", "キングダム"): it counts where
#: the article writes it as a title (see `_writes_as_title`) or names the anime right after it.
MAX_GUARDED_CJK_CHARS = 5
#: Fewest characters of a loanword name that opens a bracketed title before a space, its subtitle after it.
MIN_SPACED_LOANWORD_CHARS = 7
CJK_TITLE_CONTEXT = re.compile(r"^[^\S\n]*(?:TV)?(?:アニメ|第\s*\d|\d+期|シーズン|劇場版|の(?:TV)?アニメ|"
                               r"(?:FINAL[ \t]*|\d+(?:st|nd|rd|th)[ \t]*)?SEASON)")  # ヒロアカFINAL SEASON
#: Latin words glued by a colon or a slash with no space: a title's own spelling (Re:ZERO, Fate/Zero).
GLUED_WORDS = re.compile(r"[A-Za-z][:/][A-Za-z]")
#: A film's word right before a short Japanese name: 劇場版コナン writes コナン as a film's title.
FILM_OF_BEFORE = re.compile(r"(?:劇場版|映画)$")
#: Signs a Japanese title may end on (ハイキュー!!, ラブライブ！).
TITLE_SIGNS = re.compile(r"[!！?？☆♪]+")
#: Kana after a name in brackets continue it into another word: 「キングダム ハーツ」 is another title.
KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
HIRAGANA = re.compile(r"[\u3041-\u309f]")
#: A medium's word opening a bracketed title: 『劇場版ハイキュー!! ゴミ捨て場の決戦』 writes ハイキュー!! as a title.
MEDIUM_PREFIX = re.compile(r"^(?:劇場版|映画|TVアニメ|アニメ|舞台|ミュージカル|OVA)?(?:総集編)?")
#: A title's opening bracket, a medium's word after it aside, right before a name (and how far back it may be).
BRACKET_OPENING = re.compile(r"[『「]" + MEDIUM_PREFIX.pattern[1:] + r"$")
BRACKET_OPENING_WINDOW = 8
#: Katakana right after a katakana name continue it into a longer word (スラムダンクコンテスト), but
#: for the words news puts after a title (ダンダダンアニメ, ぼっちざろっくコラボ).
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\uff66-\uff9f]")
#: One katakana word (no ・ between words): a loanword as often as a title.
KATAKANA_WORD = re.compile(r"^[\u30a1-\u30fa\u30fc\uff66-\uff9f]+$")
#: Words of an article about anime: a catalog title of two ordinary words ("Snowball Earth") is
#: that show's only in one.
ANIME_WORDS = re.compile(r"\banime\b|\bmanga\b|\bepisodes?\b|\bseasons?\b|\bcour\b|\bOVA\b|\bvoice|\bstudio\b|"
                         r"\bfilms?\b|\bmovies?\b|\btheat(?:er|re)s?\b|\bstage\b|\bgames?\b|\bdirector\b|\bcreator\b|"
                         r"\bcast\b|\btrailer\b|\bpremiere|\bstream|\bair(?:s|ed|ing)\b|\bblu-?ray|\bbroadcast|"
                         r"\banimat(?:ed|ion)\b|\btelevision\b|\bseries\b|\bnovels?\b|"
                         r"Netflix|Crunchyroll|Ghibli|AnimeJapan|"
                         r"アニメ|漫画|マンガ|声優|放送|劇場|映画|舞台|ゲーム|小説", re.IGNORECASE)
KATAKANA_TITLE_WORDS = re.compile(r"アニメ|シリーズ|シーズン|コラボ|カフェ|グッズ|ショップ|イベント|ライブ|ステージ|"
                                  r"ミュージカル|ゲーム|ファン|キャラ|ポップアップ|フェア|スペシャル|ムービー|コミック|"
                                  r"ノベル|ストア|ファイナル|セカンド|サード|カード")  # ポケモンカードゲーム


#: Signs a title reads as letters: ∀ガンダム is "Turn A Gundam", not one more ガンダム; a romaji long vowel
#: is its two letters, as fans type it ("Isekai Dōchū" is "Isekai Douchuu").
LETTER_SIGNS = {"∀": "a", "ā": "aa", "ī": "ii", "ū": "uu", "ē": "ee", "ō": "ou",
                "Ā": "aa", "Ī": "ii", "Ū": "uu", "Ē": "ee", "Ō": "ou", "ô": "ou", "û": "uu", "Ô": "ou", "Û": "uu"}


@cache
def _fold_char(ch: str) -> tuple[tuple[str, int], ...]:
    """Each character `ch` folds to (NFKC, case) with its kind: 0 a sign, 1 a Latin letter or a
    letter of another script, 2 an ASCII digit (memoized: text repeats its characters)."""
    return tuple((c, 2 if c.isascii() and c.isdigit() else 1 if c.isalnum() else 0)
                 for c in unicodedata.normalize("NFKC", LETTER_SIGNS.get(ch, ch)).casefold())


#: A romaji long vowel written double, as fans also write it single: "Zenitendou" and "Zenitendo".
SHORT_VOWELS = re.compile(r"ou|uu|oo|aa|ii|ee")
#: Fewest letters a one-word romaji name keeps with its long vowels written single ("zenitendo").
MIN_ONE_WORD_ROMAJI = 8
#: What `normalize` reads at a time: ASCII words one space apart, a run of ASCII digits, a run of kana and
#: kanji (letters that fold to themselves), or one other character (the ASCII signs between them are
#: skipped as one space).
FOLD_TOKEN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*|[0-9]+|"
                        r"(?P<kana>[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]+)|[^\x00-\x7f]")


def normalize(text: str) -> tuple[str, list[int]]:
    """Folded text (NFKC, case, punctuation as single spaces, padded) and each char's source index.
    An ASCII letter next to a digit is a word boundary too ("Ranma1/2" reads as "Ranma 1/2"). ASCII
    runs and kana-kanji runs are folded whole: every article goes through here, most of its text is one or
    the other."""
    out, where = [" "], [0]
    # the kind of the last character written (0 after a space), whether it was ASCII, where the text read ends
    last, last_ascii, read = 0, True, 0
    for token in FOLD_TOKEN.finditer(text):
        start, end = token.span()
        if start > read and last:  # ASCII signs: one space, at the first
            out.append(" ")
            where.append(read)
            last = 0
        run = token.group()
        if token.lastgroup:
            out.append(run)
            where.extend(range(start, end))
            last, last_ascii = 1, False
        elif run.isascii():
            kind = 2 if run[0].isdigit() else 1
            if last and last != kind and last_ascii:
                out.append(" ")
                where.append(start)
            out.append(run.lower())
            where.extend(range(start, end))
            last, last_ascii = kind, True
        else:
            for c, kind in _fold_char(run):
                if kind:
                    if last and last != kind and c.isascii() and last_ascii:
                        out.append(" ")
                        where.append(start)
                    out.append(c)
                    where.append(start)
                    last, last_ascii = kind, c.isascii()
                elif last:
                    out.append(" ")
                    where.append(start)
                    last = 0
        read = end
    if len(text) > read and last:
        out.append(" ")
        where.append(read)
        last = 0
    if last:
        out.append(" ")
        where.append(len(text))
    return "".join(out), where


def _inside_a_latin_word(folded: str, first: int, last: int, key: str) -> bool:
    """A Japanese name's Latin letters at an end run on into a Latin word of the text (`first` and `last` are
    its characters' places in `folded`): "spyair 劇場版" holds no "air劇場版"."""
    before = folded[first - 1] if first else " "
    after = folded[last + 1] if last + 1 < len(folded) else " "
    return (key[0].isascii() and key[0].isalpha() and before.isascii() and before.isalpha()) or \
        (key[-1].isascii() and key[-1].isalpha() and after.isascii() and after.isalpha())


def _franchise_words(names: dict[str, set[int]]) -> set[str]:
    """One-word names that open the names of several other series ("Digimon" of Digimon Tamers,
    Digimon Frontier, …; デジモン): a franchise's word, which a name the catalog does not know may
    continue with another of the franchise's works."""
    keys = sorted(names)
    words = set()
    for n, key in enumerate(keys):
        if key.startswith(" "):
            if len(key.split()) != 1 or english.zipf(key.strip()) >= FRANCHISE_MAX_ZIPF:
                continue
        elif not KATAKANA_WORD.match(key) or len(key) < FRANCHISE_MIN_KATAKANA_CHARS:
            continue
        others: set[int] = set()
        for longer in keys[n + 1:]:  # sorted: the names it opens follow it
            if not longer.startswith(key):
                break
            others |= names[longer]
        if len(others - names[key]) >= FRANCHISE_MIN_SERIES:
            words.add(key)
    return words


def _key(name: str, min_chars: int = MIN_NAME_CHARS, min_cjk_chars: int = MIN_CJK_NAME_CHARS) -> str | None:
    folded = normalize(name)[0].strip()
    compact = folded.replace(" ", "")
    if CJK.search(compact):
        return compact if len(compact) >= min_cjk_chars else None
    return f" {folded} " if len(compact) >= min_chars else None


@dataclass
class Tag:
    series: Series
    season: int | None
    score: int
    evidence: str


class SeriesMatcher:
    """Finds the catalog's series in articles (build once; matching is linear in the text)."""

    def __init__(self, catalog: list[Series]) -> None:
        self.automaton = ahocorasick.Automaton()
        self.series = {s.id: s for s in catalog}
        self.titled = {s.id: season_titles(s) for s in catalog}
        #: A later season's own title ("NOMAD メガロボクス2", "Nomad: Megalo Box 2") names that season.
        self.entry_seasons = {}
        for s in catalog:
            seasons_by_key: dict[str, set[int | None]] = defaultdict(set)
            for e in s.entries:
                for key in {_key(e.title), _key(e.title_en or ""), _key(FILM_PREFIX.sub("", e.title))} - {None}:
                    seasons_by_key[key].add(e.season if e.type in ("tv", "web") else None)
            for key in {_key(n) for n in (s.title, s.title_ja, debracket(s.title), debracket(s.title_ja))} - {None}:
                seasons_by_key[key].add(1)
            self.entry_seasons.update({(key, s.id): next(iter(found)) for key, found in seasons_by_key.items()
                                       if len(found) == 1 and (next(iter(found)) or 0) > 1})
        self.colon_titled = {s.id for s in catalog
                             if any(t.rstrip().endswith((":", "：")) for t in (s.title, *(e.title for e in s.entries)))}
        self.name_words: dict[int, str] = {}  # each series' names, folded: filled as headlines need them
        self.forms: dict[tuple[int, ...], set[str]] = {}  # each name's series' written forms, as mentions need them
        self.begun_in: dict[str, list[tuple[int, str]]] = {}  # series begun in a year, folded titles: as years are named
        self.later_series: dict[tuple[int, str], list[int]] = {}  # later series holding a name: as news names them
        names: dict[str, set[int]] = defaultdict(set)
        #: Aliases a user or the curated file gave, as written: no ordinary-word guard for them.
        self.trusted = {a.alias for s in catalog for a in s.aliases if a.source in TRUSTED_SOURCES}
        capitals: set[str] = set()
        for s in catalog:
            for name in {s.title, s.title_ja, debracket(s.title), debracket(s.title_ja)}:
                if key := _key(name):
                    names[key].add(s.id)
                elif _in_capitals(name) and (key := _key(name, MIN_CAPITALS_TITLE_CHARS)):
                    capitals.add(key)
            for a in s.aliases:
                trusted = a.source in TRUSTED_SOURCES
                if key := _key(a.alias, MIN_TRUSTED_NAME_CHARS if trusted else MIN_NAME_CHARS,
                               MIN_CHINESE_NAME_CHARS if a.lang.startswith("zh") else MIN_CJK_NAME_CHARS):
                    names[key].add(s.id)
                    if a.lang == "ja-Latn" and (short := SHORT_VOWELS.sub(lambda v: v[0][0], key)) != key and \
                            (len(short.split()) > 1 or (len(short.strip()) >= MIN_ONE_WORD_ROMAJI and
                                                        not english.is_english_word(short.strip()))):
                        names[short].add(s.id)  # "Zenitendou" as "Zenitendo", "Isekai Douchuu" as "Isekai Dochu"
        #: Capitals titles shorter than `MIN_NAME_CHARS` ("CUE!", "22/7") that no other name shares: they
        #: read as titles only so written in title quotes or before title words (`_reads_as_title`).
        self.short_titles = capitals - names.keys()
        #: Names only films have ("Jujutsu Kaisen 0", 劇場版 呪術廻戦 0): news naming them is the film's.
        film, tv = set(), set()
        for s in catalog:
            tv.update(_key(n) for n in (s.title, s.title_ja))
            for e in s.entries:
                keys = {_key(n) for n in (e.title, FILM_PREFIX.sub("", e.title), e.title_en) if n}
                (film if e.type == "movie" else tv).update(keys)
        self.film_names = film - tv - {None}
        #: Series that are films alone ("Chainsaw Man – The Movie: Reze Arc"): news naming them is a film's.
        self.films = {s.id for s in catalog if s.entries and all(e.type == "movie" for e in s.entries)}
        #: A film named as its franchise is ("GHOST IN THE SHELL/攻殻機動隊" for 『攻殻機動隊』 in an obituary): the
        #: first TV series whose title opens with the film's, for news that is no film's.
        self.film_franchise = _film_franchises(catalog, self.films)
        for s in catalog:
            for name in {s.title, s.title_ja, debracket(s.title), debracket(s.title_ja)}:
                if _in_capitals(name) and (key := _key(name, MIN_CAPITALS_TITLE_CHARS)) in self.short_titles:
                    names[key].add(s.id)
        for key in [key for key in names if key.startswith(" ") and not key.isascii()]:
            if (plain := _without_accents(key)) != key:
                names[plain] |= names[key]  # "Pokemon Concierge", as outlets write Pokémon
        for key, ids in names.items():
            self.automaton.add_word(key, (key, sorted(ids)))
        self.automaton.make_automaton()
        #: Japanese names in order, to find the titles a shortened one opens (『信じていた仲間達に…』).
        self.japanese_names = sorted((key, sorted(ids)) for key, ids in names.items() if not key.startswith(" "))
        #: The part of a Japanese title before a spaced subtitle (春夏秋冬代行者 of 「春夏秋冬代行者 春の舞」), with
        #: its series: a clause may end there though the subtitle goes on in kanji.
        self.spaced_heads = {(key, s.id) for s in catalog for title in (s.title_ja, *(e.title for e in s.entries))
                             if (key := _key(SPACED_SUBTITLE.split(title, maxsplit=1)[0])) and
                             CJK.search(key) and key != _key(title)}
        #: Latin names in order, to find the long titles a headline gives by their opening words.
        self.latin_names = sorted((key, sorted(ids)) for key, ids in names.items() if key.startswith(" "))
        latin_words = {w for key in names if key.startswith(" ") for w in key.split() if w.isascii() and w.isalpha()}
        self.rare_name_words = english.rare_in_english(latin_words)  # words English hardly uses, of any name
        self.rare_words = {w for key in names if key.startswith(" ") and len(key.split()) <= 2  # guard 2 spares
                           for w in key.split() if w in self.rare_name_words}  # short names with one of them
        franchise_words = _franchise_words(names)  # and "Pokemon Legends", as outlets write Pokémon's
        self.franchise_words = franchise_words | {_without_accents(key) for key in franchise_words}

    def _mentions(self, text: str) -> list[tuple[int, int, str, list[int]]]:
        """(start, end, key, series ids) in `text`'s own indices, longest names first, no overlaps."""
        folded, where = normalize(text)
        found = []
        for end, (key, ids) in self.automaton.iter(folded):
            if key.startswith(" "):
                start = end - len(key) + 1
                found.append((where[start + 1], where[end - 1] + 1, key, ids))
        if CJK.search(folded):  # Japanese names match without word boundaries, spaces ignored
            compact_at = [i for i, c in enumerate(folded) if c != " "]
            for end, (key, ids) in self.automaton.iter(folded.replace(" ", "")):
                if not key.startswith(" "):
                    start = end - len(key) + 1
                    if _inside_a_latin_word(folded, compact_at[start], compact_at[end], key):
                        continue  # "SPYAIR、『劇場版…": not the "AIR 劇場版" of another title
                    found.append((where[compact_at[start]], where[compact_at[end]] + 1, key, ids))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken: list[tuple[int, int]] = []
        kept = []
        for m in found:
            if all(m[1] <= a or m[0] >= b for a, b in taken):
                taken.append((m[0], m[1]))
                kept.append(m)
        return sorted(kept)

    def tag(self, title: str, text: str, published: str | None = None) -> list[Tag]:
        """The series `title` and `text` are about, with their seasons (`published`, ISO 8601,
        dates a "this week's ranking" headline)."""
        lead_end = len(title) + 1 + len(text.split("\n", 1)[0])
        first_sentence = SENTENCE_END.split(text, maxsplit=1)[0]
        airing = _airing_window(title, published)  # a lineup: each show it lists is news
        listing = airing is not None or CEREMONY.search(title) is not None  # a lineup's or a ceremony's shows
        doc = f"{title}\n{text}"
        acted = acted_only(doc)
        quotes = {normalize(q)[0].strip(): q for q in QUOTED.findall(doc)}
        quoted = set(quotes)
        songs = {normalize(song)[0].strip() for song in song_names(doc)}  # "'Hyakka Ryouran' by Lilas Ikuta"
        titled = [folded for folded, q in quotes.items() if CJK.search(q)]
        scores: Counter[int] = Counter()
        parents: Counter[int] = Counter()  # works named as what another derives from
        named: dict[int, set[str]] = defaultdict(set)  # the names each counted series was read by
        franchise_word_of: dict[int, set[int]] = defaultdict(set)  # the tagged works a series' word qualified
        named_as_work: set[int] = set()  # series read at least once as no franchise's word
        possessed: set[int] = set()  # series the headline names after a possessive: "Gojo's School Days"
        written: dict[int, set[str]] = defaultdict(set)  # the body's names of each series as it writes them
        headlined: set[int] = set()
        headline_works: set[int] = set()  # series the headline names by another work of theirs
        seasons: dict[int, Counter[int | str]] = defaultdict(Counter)
        mentions = self._outside_other_titles(doc, self._mentions(doc))
        if acted:  # a live-action film's or drama's cast: only an anime film's own long name is the anime's
            mentions = [m for m in mentions if self._an_anime_films_name(m[2], m[3])]
            if not mentions:
                return []
        if shortened := self._shortened_titles(doc, mentions):  # 『信じていた仲間達に…』: a long title's opening words
            mentions = sorted(mentions + shortened)
            titled += [key for _, _, key, _ in shortened]
        if opened := self._opened_latin_titles(title, mentions):  # "Kizetsu Yuusha Airs": a long title's opening
            mentions = sorted([m for m in mentions if not any(s <= m[0] and m[1] <= e for s, e, _, _ in opened)]
                              + opened)
        named_alone = {ids[0] for _, _, _, ids in mentions if len(ids) == 1}
        reads = [mention in opened or self._reads_as_title(doc, *mention, quoted, titled) for mention in mentions]
        # the headline less the names read as titles: "Will Air in January" keeps its "Air", no show AIR
        bare_title = _without_titles(title, [mention for read, mention in zip(reads, mentions) if read])
        no_season = about_other_media(bare_title if title else text[:200])
        live_action = about_live_action(title, doc[:lead_end])  # its "Season 2" is the drama's, not the anime's
        # a film the headline names (not "the Journey" of a headline); a ceremony's or a lineup's film and TV
        # series (アニメ オブ ザ イヤーに『THE FIRST SLAM DUNK』『SPY×FAMILY』) are each their own news
        film_keys = [key for read, (_, _, key, ids) in zip(reads, mentions)
                     if read and (key in self.film_names or set(ids) <= self.films)]
        headlined_works = [key in self.film_names or set(ids) <= self.films or _names_a_film(title, end, film_keys)
                           for read, (_, end, key, ids) in zip(reads, mentions) if read and end <= len(title)]
        films = any(headlined_works) and (all(headlined_works) or not listing)
        # "Chainsaw Man Reze Arc Overtakes Infinity Castle": films' news; "Berserk Resumes …" over a lead that
        # tells of the manga: the manga's
        no_season = no_season or live_action or films or other_medium_in_lead(title, text)
        broadcast = tells_a_broadcast(title)  # "Orphen: Battle of Kimluck Premieres": a season's subtitle, no game's
        remake_news = REMAKE.search(title) is not None  # 「…」再アニメ化: the remake, however far off
        tie_in = about_a_tie_in(bare_title)  # a café or a figure "for Season 2" too
        unseasoned = live_action or tie_in or about_a_film(bare_title) or \
            about_a_death(bare_title)  # an obituary's 『ルパン三世』第1シリーズ credits the person, as its works do
        film_part = film_before_any_show(title, text)  # "Infinity Castle Part 1 Dated": the first film's date
        title_end = -1  # where the last name read as a title ends
        untitled = bool(title) and not any(read and end <= len(title) for read, (_, end, _, _) in zip(reads, mentions))
        # "Code: White Lands on Crunchyroll" over "the first Spy x Family film …": the one work the body names, a film
        # "Demon Slayer's Infinity Castle Opens …" over "… The Movie: Infinity Castle has opened …": the one work's film
        film_lead = film_part and len({tuple(ids) for read, (_, end, _, ids) in zip(reads, mentions)
                                       if read and (untitled or end <= len(title))}) == 1
        no_season = no_season or (untitled and film_lead)
        listed = _listed_works(doc, mentions, reads) if untitled else set()  # a person's, an exhibition's works
        known_for = len(title) + 1 + sentences_end(text, OBITUARY_SENTENCES, SHORTEST_OBITUARY_SENTENCE) \
            if about_a_death(bare_title) else -1
        resolved: dict[frozenset[int], list[int]] = {}  # the series a shared name was read as
        next_title = _next_title_starts(mentions, reads, len(doc))  # where a mention's season clause may run to
        overtaken: set[int] = set()  # works the headline says the news's own overtook
        for n, (start, end, key, ids) in enumerate(mentions):
            opens_list = n + 1 < len(mentions) and reads[n + 1] and \
                listed_before_title(doc, start, end, mentions[n + 1][0])
            listed_next = listed_after_title(doc, title_end, start, end) and \
                not self._latin_goes_on(doc, end, key, ids)  # 『SDガンダム…』と『シンカリオンZ』: a longer name
            if not (reads[n] or listed_next or opens_list) or key.strip() in songs:
                continue
            if n and reads[n - 1] and SUBTITLE_COLON.fullmatch(doc, mentions[n - 1][1], start) and \
                    not self._holds_name(mentions[n - 1][2].strip(), ids):
                continue  # a title's subtitle after its colon: "Kakushigoto: Himegoto wa Nandesuka"
            if n + 1 < len(mentions) and doc[end:mentions[n + 1][0]].strip(" ") == "" and \
                    not set(ids) & set(mentions[n + 1][3]) and self._holds_name(key.strip(), mentions[n + 1][3]):
                continue  # "Gundam GQuuuuuuX", 『ガンダムSEED FREEDOM』: the first word of the next title's name
            if n and reads[n - 1] and APPOSITION_OPENS.fullmatch(doc, mentions[n - 1][1], start) and \
                    not set(ids) & set(mentions[n - 1][3]) and not APPOSITION_CLOSES.match(doc, end):
                continue  # "Monster Girl Doctor (Monster Musume no Oishasan)": a longer name of the same work
            title_end = end
            in_title = end <= len(title)
            if credits_a_person(doc[max(0, start - 40):start], doc[end:end + 30], bare_title, in_title) or \
                    in_a_studio_name(doc, start, end):  # "Re:Zero author Nagatsuki", "CoMix Wave Films"
                continue
            sentence_before = SENTENCE_END.split(doc[max(0, start - PARENT_WINDOW):start])[-1]
            after = doc[end:end + 40]
            if names_a_rival(sentence_before, after, in_title) or (not in_title and set(ids) <= overtaken):
                if in_title and OVERTAKEN.search(sentence_before):
                    overtaken.update(ids)  # "Mugen Train Overtakes Spirited Away …": a rival all through
                continue  # "won …, ahead of Final Fantasy VII Rebirth": the winner's news
            if names_an_occasion(sentence_before, after, in_title) and \
                    any(read and not set(other) & set(ids) for read, (_, _, _, other) in zip(reads, mentions)):
                continue  # 『竜とそばかすの姫』の公開に合わせて細田守作品を放送: the occasion, not the news
            counted = scores
            if names_the_parent(sentence_before, after) and not (in_title and UNNAMED_SEQUEL.match(after)):
                counted = parents  # 『犬夜叉』の続編『半妖の夜叉姫』: the sequel's news, unless nothing else is named
            line_start = LINE_START.search(doc[max(0, start - LINE_START_WINDOW):start])
            heading = line_start is not None and (line_start[1] is not None or len(key.split()) > 1 or
                                                  HEADING_END.match(doc, end) is not None)
            themed = untitled and SONG_OF.match(doc, end) is not None  # a song's news: 『チェンソーマン』のOPテーマ
            in_lead = start < lead_end or start < known_for or heading or listing or n in listed or themed
            weight = TITLE_WEIGHT if in_title else LEAD_WEIGHT if in_lead else 1
            stop = next_title[n]
            window = doc[end:min(stop, end + SEASON_WINDOW)].lstrip(TRAILING_PUNCTUATION)
            sentence = SENTENCE_END.search(window)
            clause = window[:sentence.start()] if sentence else window
            if NEXT_TITLES_SEASON.search(clause):  # 『A』、シリーズ第4期の『B』: B's season, not A's
                clause = clause[:clause.rfind("、")] if "、" in clause else ""
            opening = doc[max(0, start - SEASON_WINDOW):start]
            catalog_seasons = {e.season for sid in ids for e in self.series[sid].entries if e.season}
            mark = numbered_season(doc[end:end + 16], catalog_seasons) or \
                read_season(SENTENCE_END.split(opening)[-1], clause)
            of_medium = media_before(doc[max(0, start - SOURCE_WINDOW):start], doc[end:end + 30])
            beside = in_title and mark and not (live_action or tie_in) and _season_clause(bare_title, start)
            # ミュージカル『テニスの王子様』4thシーズン: the musical's season; 『チェンソーマン』第1部が完結:
            # the manga's part; the body's 『ワールドトリガー 2ndシーズン』 in a volume's news
            if of_medium or (no_season and mark and (mark.book or not in_title)):
                mark = None
            franchise_work = in_title and not mark and \
                self._names_a_franchise_work(doc, start, end, key)  # "Pokémon Sleep"
            another = franchise_work or in_title and not mark and len(ids) > 1 and not broadcast and \
                all(self._another_work(sid, doc[end:end + SEASON_WINDOW]) for sid in ids)  # a franchise's game
            shared = frozenset(ids) if len(ids) > 1 else None  # a name several series share
            year = _year_of_work(doc, start, end)  # "The Adventure of Dai's 2020 anime", "the 1979 … series"
            chosen = (None if mark else resolved.get(shared)) or \
                self._disambiguate(ids, mark, published, named_alone, no_season or another, remake_news, year)
            chosen = [self._remake_of_year(sid, key, year) for sid in chosen]
            if NEW_WORK_BEFORE.search(opening) and NEW_WORK_AFTER.match(doc, end):
                chosen = [self._new_series_of(sid, key, published) for sid in chosen]
            if mark and not mark.part and not about_a_film(bare_title):  # 『ピアノの森』第2シリーズ: the TV series'
                chosen = [self.film_franchise.get(sid, sid) for sid in chosen]  # season, which its film has not
            if shared:
                resolved.setdefault(shared, chosen)  # read the same way all through the article
            # "the biggest Gundam film ever" of Gundam SEED FREEDOM: the franchise's word, if that work is tagged
            holders = {other_sid for read, (_, _, other_key, other) in zip(reads, mentions)
                       if read and key in other_key and not set(ids) & set(other) for other_sid in other} \
                if FRANCHISE_NOUN_AFTER.match(doc, end) else set()
            for sid in chosen:
                counted[sid] += weight
                named[sid].add(key.strip())
                if holders:
                    franchise_word_of[sid] |= holders
                else:
                    named_as_work.add(sid)
                if in_title:
                    headlined.add(sid)
                    if POSSESSIVE_BEFORE.search(doc, max(0, start - 4), start):
                        possessed.add(sid)
                else:
                    written[sid].add(doc[start:end])
                if mark and mark.next and no_season and not beside:  # a stage play's or a film's sequel
                    mark = None
                season = self._season(sid, mark, published) if mark and not mark.part and \
                    (beside or not unseasoned) else None
                if not no_season or beside:  # a café or figure line named after a season is still no season's news
                    named_arc = titled_season(self.titled[sid], doc[start:end] + " " + clause)
                    season = named_arc if named_arc and mark and mark.final else season or named_arc  # an arc's finale
                    if not NAME_GOES_ON.match(doc, end):  # not "The New Prince of Tennis U-17 World Cup"
                        season = season or self.entry_seasons.get((key, sid))
                    season = season or self._season_begun(sid, year)
                if season:
                    if not (counted is parents and sid in scores):  # "The follow-up to … GOU": not the news
                        seasons[sid][season] += weight
                elif mark and mark.part:
                    seasons[sid]["part"] += weight
                elif not mark and (of_medium or key in self.film_names or franchise_work or
                                   in_title and self._another_work(sid, doc[end:end + SEASON_WINDOW])):
                    seasons[sid]["work"] += weight
                    if in_title:
                        headline_works.add(sid)
        for sid in _named_within_headlined(named, headlined) + _headlined_as_a_tail(named, headlined, title):
            scores.pop(sid, None)
        for sid in set(franchise_word_of) - named_as_work:
            if any(scores[holder] >= MIN_SCORE for holder in franchise_word_of[sid]):
                scores.pop(sid, None)
        if headlined & set(written):  # "Gojo's School Days Lead Off Jujutsu Kaisen Season 2": the body's work
            for sid in (headlined & possessed) - set(written):
                if all(key.isascii() and not self._distinctive(key) for key in named[sid]):
                    scores.pop(sid, None)
        if untitled:  # "Life-Size Moving Gundam Opens": the body's "Mobile Suit Gundam", shortened
            spans = [(start, end) for start, end, _, _ in mentions if end <= len(title)]
            for sid in [sid for sid, names in written.items() if any(shortened_in(title, n, spans) for n in names)]:
                scores[sid] += TITLE_WEIGHT
                headlined.add(sid)
        if not any(score >= MIN_SCORE for score in scores.values()):
            scores.update(parents)
        if known_for >= 0 and headlined & set(scores):  # an obituary's news is the works its headline names,
            scores = Counter({sid: score for sid, score in scores.items() if sid in headlined})  # not the career
        tags = []
        film_news = about_a_film(bare_title)  # words of a film's news, not a film's name alone
        for sid, score in scores.most_common():
            if score < MIN_SCORE:
                continue
            if not film_news and sid in self.film_franchise:
                sid = self.film_franchise[sid]
                if any(tag.series.id == sid for tag in tags):
                    continue
            series = self.series[sid]
            explicit = [s for s, _ in seasons[sid].most_common() if s is not None]
            if broadcast and sid in headlined - headline_works:  # "Gnosia TV Anime Premieres", "The game Gnosia …"
                explicit = [s for s in explicit if s != "work"]
            if explicit and explicit[0] == "work":
                season, evidence = None, "work"
            elif explicit and explicit[0] == "part":
                season, evidence = None if no_season or film_part else _part_season(series, published), "part"
            elif explicit:
                season, evidence = explicit[0], "explicit"
            else:
                season, evidence = (None if no_season or film_news or film_lead or not series.seasons else 1), "default"
                window = airing or _award_window(title, published) or \
                    _award_window(first_sentence, published)  # "Solo Leveling Claims Top Prize": the lead's awards
                entry = _entry_airing(series, window) if window and not no_season else None
                if entry is not None and entry.season:  # a later cour is the season it continues
                    season, evidence = entry.season, "airing"
                elif not no_season and not film_lead and (entry := _entry_by_date(series, published)) is not None:
                    season, evidence = entry.season, "dated"
            if sid in headlined and (announced := next_season_announced(title, text, season)):
                season, evidence = announced, "announced"  # "… First Season Ends", "a second season is set"
            tags.append(Tag(series, season, score, evidence))
        return tags

    def _an_anime_films_name(self, key: str, ids: list[int]) -> bool:
        """A name long enough that a live-action work would not share it, of an anime film alone: a star of
        『竜とそばかすの姫』 voices it, as stars of live action act."""
        return set(ids) <= self.films and len(key.strip()) >= MIN_ACTED_FILM_CHARS

    def _outside_other_titles(self, doc: str, mentions: list[tuple[int, int, str, list[int]]]
                              ) -> list[tuple[int, int, str, list[int]]]:
        """The mentions less those inside a bracketed title that opens with another work's name: a
        word of its subtitle ("Rebirth" in 『BLEACH Rebirth of Souls』) names no work of its own, nor does
        a word of an arc's name bracketed after another title (「2.5次元舞台編」 after 【推しの子】). A
        crossover's second work does (「ONE PIECE × 鬼滅の刃」), and so does a spin-off whose own title
        holds the first name (「ウマ娘 シンデレラグレイ」 read by the spin-off's short name)."""
        inner: set[int] = set()
        for span in BRACKETED.finditer(doc):
            within = [m for m in mentions if span.start(1) <= m[0] and m[1] <= span.end(1)]
            if within and _arc_after_a_title(doc, span, within, mentions):
                inner.update(m[0] for m in within)  # 【推しの子】第2期 「2.5次元舞台編」: an arc's name
                continue
            if not within or doc[span.start(1):within[0][0]].strip():
                continue
            first_key = within[0][2].strip()
            for previous, later in zip(within, within[1:]):
                if JOINED_WORKS.search(doc[previous[1]:later[0]]):
                    break
                if not self._holds_name(first_key, later[3]):
                    inner.add(later[0])
        return [m for m in mentions if m[0] not in inner]

    def _holds_name(self, key: str, ids: list[int]) -> bool:
        """One of the series' titles holds the name `key` (a spin-off's holds its parent's)."""
        return any(key in normalize(name)[0] for sid in ids
                   for name in (self.series[sid].title, self.series[sid].title_ja))

    def _remake_of_year(self, sid: int, key: str, year: str | None) -> int:
        """The series whose title holds the name `key` and began in `year`, when `sid` did not: the
        remake a year names ("The Adventure of Dai's 2020 anime")."""
        if not year or self._season_begun(sid, year):
            return sid
        if year not in self.begun_in:  # folded once per year named
            self.begun_in[year] = [(other, " ".join(normalize(n)[0] for n in (series.title, series.title_ja) if n))
                                   for other, series in self.series.items() if self._season_begun(other, year)]
        name = key.strip()
        return next((other for other, titles in self.begun_in[year] if name in titles), sid)

    def _new_series_of(self, sid: int, key: str, published: str | None) -> int:
        """The later series of its own whose names hold the name `key` or `sid`'s Japanese title and whose
        first episode airs around the news (from `AIRING_DAYS` before it to `REMAKE_LEAD_DAYS` after), when
        `sid` airs nothing then: the one "the New Samurai Troopers Series" announces (鎧真伝サムライトルーパー)."""
        try:
            day = date.fromisoformat((published or "")[:10])
        except ValueError:
            return sid
        earliest = (day - timedelta(days=AIRING_DAYS)).isoformat()
        latest = (day + timedelta(days=REMAKE_LEAD_DAYS)).isoformat()

        def airs_then(other: int) -> bool:
            return any(e.type in ("tv", "web") and e.begin and earliest <= e.begin[:10] <= latest
                       for e in self.series[other].entries)

        if airs_then(sid):
            return sid
        if (sid, key) not in self.later_series:
            own = [name for name in (key.strip(), _key(self.series[sid].title_ja or "")) if name]
            first = self._first_aired(sid)
            self.later_series[sid, key] = [other for other in self.series if other != sid and
                                           self._first_aired(other) > first and
                                           any(name in self._folded_names(other) for name in own)]
        return next((other for other in self.later_series[sid, key] if airs_then(other)), sid)

    def _season_begun(self, sid: int, year: str | None) -> int | None:
        """The season of the series' TV entry that began in `year`, where one did."""
        if not year:
            return None
        begun = {e.season for e in self.series[sid].entries if e.type in ("tv", "web") and e.season and
                 (e.begin or "").startswith(year)}
        return begun.pop() if len(begun) == 1 else None

    def _disambiguate(self, ids: list[int], mark: SeasonMark | None, published: str | None,
                      named_alone: set[int] = frozenset(), franchise_news: bool = False,
                      remake_news: bool = False, year: str | None = None) -> list[int]:
        """Of several series sharing a name (an original and its remake), the one the mention means:
        one the article names by a name of its own too (`named_alone`), else one that has the season
        named, else the latest to air by the article's date (or within `REMAKE_LEAD_DAYS` after it:
        a remake is news before it airs; however long before, where the headline says it is a
        remake, `remake_news`). News of the manga, a film, a stage play or merchandise
        (`franchise_news`) naming no season is the franchise's: its first TV series."""
        if len(ids) == 1:
            return ids
        ids = [sid for sid in ids if sid in named_alone] or ids
        if year:  # the remake of the year named
            ids = [sid for sid in ids if self._season_begun(sid, year)] or ids
        if len(ids) == 1:
            return ids
        if franchise_news and not mark:
            return [min(ids, key=self._first_aired)]
        named = mark.number if mark and not mark.part else None
        fitting = [sid for sid in ids if named is None or named in {e.season for e in self.series[sid].entries}]
        try:
            until = "9999" if remake_news else \
                (date.fromisoformat(published[:10]) + timedelta(days=REMAKE_LEAD_DAYS)).isoformat()
        except (TypeError, ValueError):
            until = "9999"

        def aired(sid: int) -> str:
            return max((e.begin for e in self.series[sid].entries if e.begin and e.begin <= until), default="")

        return [max(ids if remake_news else fitting or ids, key=aired)]  # a remake's season 2, which the original has

    def _first_aired(self, sid: int) -> str:
        return min((e.begin for e in self.series[sid].entries if e.type in ("tv", "web") and e.begin), default="9999")

    def _reads_as_title(self, doc: str, start: int, end: int, key: str, ids: list[int], quoted: set[str],
                        titled: list[str]) -> bool:
        """A short plain-word name must look like a title where it stands (see guard 2); a short
        Japanese name where the article writes it as a title (`_writes_as_title`) or before アニメ, 第2期."""
        if self._names_a_franchise_work(doc, start, end, key):
            return True
        if doc[end - 1:end].isdigit() and NUMBER_GOES_ON.match(doc, end):
            return False  # "Evangelion: 3.0" of "Evangelion: 3.0+1.01": a longer number, another film's
        if HIGH_NUMERAL_AFTER.match(doc, end) or self._numbered_past_its_seasons(doc, end, ids):
            return False  # ドラゴンクエストXI, "Final Fantasy XVI", "TEKKEN 8": a numbered game, no season of an anime
        if key in self.short_titles:  # "the CUE TV anime", 『CUE!』, "the new anime BEM": in capitals, by title words
            before = SENTENCE_END.split(doc[max(0, start - 60):start])[-1]
            return _in_capitals(doc[start:end]) and (TITLE_CONTEXT.match(doc[end:end + 40]) is not None
                                                 or key.strip() in quoted or shows_title(before, ""))
        if not key.startswith(" "):
            if self._latin_goes_on(doc, end, key, ids):
                return False
            if doc[start - 1:start] in ("「", "『") and doc[end - 1:end] in PARTICLES and \
                    GLUED_IN_BRACKETS.match(doc, end):
                return False  # 「ぼくらの七日間戦争」: a name ending on a particle, the first words of another title
            if KATAKANA.match(doc[end - 1]) and KATAKANA.match(doc[end:end + 1]) and \
                    not KATAKANA_TITLE_WORDS.match(doc, end):  # スラムダンクコンテスト: a longer word
                return False
            if doc[start - 1:start] == "の" and HIRAGANA.search(key) and not _writes_as_title(key, titled):
                return False  # 投資のはじめの一歩: words of a phrase, which a title in prose is not without brackets
            if start == 0 and doc[end:end + 1] in ("：", ":"):
                return True  # バミューダトライアングル：…放送開始: a headline opening on its title, as MANTANWEB's
            if doc.startswith("たち", end) and doc[start - 1:start] not in ("「", "『"):
                return False  # ウマ娘たちの4コマ: characters, by the plural, not the title
            if JA_ROLE_BEFORE.search(doc, max(0, start - 4), start) and JA_ROLE_AFTER.match(doc, end):
                return False  # 宮野真守さんが新キン肉マンに: the role a voice actor takes, not the title
            if KATAKANA_WORD.match(doc[start:end]) and self._dotted_only(key, ids):
                return False  # アイドルプロジェクト, two loanwords: the title アイドル・プロジェクト writes its "・"
            loanword = KATAKANA_WORD.match(doc[start:end]) is not None  # ガングリオン, a cyst: Japanese writes loanwords so
            opens_a_title = BRACKET_OPENING.search(doc, max(0, start - BRACKET_OPENING_WINDOW), start) is not None and \
                doc[end:end + 1] in (" ", "\u3000") and len(key) >= MIN_SPACED_LOANWORD_CHARS
            # 『ドラゴンボール ザ ブレイカーズ』, 『劇場版ゾンビランドサガ …』, not 「キングダム ハーツ」
            return (len(key) > MAX_GUARDED_CJK_CHARS and not loanword) or _writes_as_title(key, titled) or \
                opens_a_title or bool(CJK_TITLE_CONTEXT.match(doc[end:end + 16])) or \
                self._film_of(doc, start, key) or \
                self._with_its_signs(doc, start, end, ids)
        if DOMAIN_AFTER.match(doc, end):
            return False  # "GUNDAM.INFO": a website's name
        if TIME_PREFIX_BEFORE.search(doc, max(0, start - 5), start):
            return False  # "Oda's Pre-One Piece One-Shot": a time the news is set by, not its subject
        words = key.split()
        sequel = NUMBERED_RELEASE.match(doc, end)
        if sequel and int(sequel[1]) not in {e.season for sid in ids for e in self.series[sid].entries}:
            return False  # "Dragon's Dogma 2 Launches": the game's sequel, no season of the anime
        if len(words) == 2 and words[0].isalpha() and words[1].isdigit() and english.is_english_word(words[0]) and \
                " " in doc[start:end]:
            return key.strip() in quoted or TITLE_CONTEXT.match(doc[end:end + 40]) is not None  # "his Number 24"
        if len(words) > 2 and _in_a_longer_name(doc, start, end) and self._derived_only(doc[start:end], ids):
            return False  # "Final Fantasy VII Remake Launches": a game's name, not Advent Children's prefix
        if names_a_company(doc[start:end], doc[end:end + 40]):
            return False  # "Pokémon Company Responds": the company, whatever letters its name has
        if len(words) > 2 or not all(w.isalpha() and w.isascii() for w in words):
            return True
        if len(words) == 1 and words[0] in CALENDAR_WORDS:
            return key.strip() in quoted
        written = doc[start:end]
        before, after = SENTENCE_END.split(doc[max(0, start - 60):start])[-1], doc[end:end + 40]
        if doc[start - 1:start] in ("「", "『") and written.isupper() and WORK_IN_BRACKETS.match(after):
            return True  # 「ONE PIECE ODYSSEY」: a work of the franchise, named in title brackets
        strong = self._distinctive(key) or (len(words) > 1 and written in self.trusted) or \
            (written in self.trusted and ABBREVIATION.fullmatch(written) is not None)  # "a JJK Season 2 Visual"
        if strong and (_season_right_after(after) or announces_a_season(after)):
            return True  # "the Magic Exam in Mashle Season 2", "Wistoria Earns a Second Season": a show's name
        if part_of_longer_name(before, written, after, len(words) > 1 and written in self.trusted) or \
                names_a_company(written, after) or self._surname(doc, start, end, written) or \
                (len(words) == 1 and names_a_role(doc[max(0, start - 60):start].rsplit("\n", 1)[-1])):
            return False
        if len(words) == 1 and words[0] in DETERMINER_WORDS and MEDIUM_NOUN_AFTER.match(after):
            return False  # "Greenlit for Another Season": a determiner and its noun, not the show ANOTHER
        if len(words) == 1 and PLACE_SUFFIX.match(after):
            return False  # "the Izumo-set film": a place, not IZUMO
        if len(words) == 1 and not written.isupper() and NAMED_AFTER_THE.search(before):
            return False  # "previewed the Spade Kingdom episodes": a place of the story, not KINGDOM
        if len(words) == 1 and INDEFINITE_BEFORE.search(before) and not TITLE_CONTEXT.match(after):
            return False  # "into a strange Kingdom ruled by Marie": a noun of the sentence, not KINGDOM
        if len(words) == 1 and (self._in_a_name_pair(doc, start, end) or
                                (self._derived_only(written, ids) and CAPITALIZED_AFTER.match(doc, end) and
                                 not (start == 0 and announces_a_work(after)))):  # not "Danganronpa Turns 10"
            return False  # "Sorawo and Toriko", characters; "Pierrot's Cyberpunk Caper", not Cyberpunk: Edgerunners
        catalog_forms = self._catalog_forms(ids)
        lower_word = len(words) == 1 and written.islower() and written not in catalog_forms
        if lower_word and THE_BEFORE.search(before):
            return False  # "the overlord Lufas": a noun of the sentence, however rare in English
        if strong:  # the live-action "One Piece" is One Piece's; the K-drama "Kingdom" is not Kingdom's
            return True
        if beside_other_work(before, after) and not ANIME_AFTER.match(after):
            return False  # "the band X", not "SCARLET NEXUS Anime Premieres Days After the Game's Launch"
        if len(words) > 1 and (_hyphenated_title(written) or GLUED_WORDS.search(written)):
            return True  # "Re:ZERO", "Fate/Zero": words a title's own sign glues together, no phrase of prose
        if lower_word and (english.is_english_word(written) or self._derived_only(written, ids)):
            return False  # "Legendary's monster sequel", "its live-action cyberpunk series": a word of the sentence
        in_a_name = len(words) == 1 and bool(  # "United Kingdom": a word of another capitalized name
            CAPITALIZED_BEFORE.search(doc[max(0, start - 40):start]) or CAPITALIZED_AFTER.match(doc[end:end + 16]))
        if in_a_name and _longer_name_in_body(doc, start, end):
            return False  # "Sumikko Gurashi's Sky Kingdom Film", whose body writes "the Sky Kingdom" too
        if written in self.trusted and (len(words) > 1 or TITLE_CONTEXT.match(after) or not in_a_name) and \
                not (english.is_english_word(written) and DETERMINER_AFTER.match(after)):  # not "Given the …"
            return True
        if _is_whole_line(doc, start, end) or (start == 0 and announces_a_work(after)):
            return True  # "8. Leviathan"; "Lazarus Reveals Composers …"
        longer = in_a_name and _in_a_longer_name(doc, start, end)  # "the live-action Monster Hunter film"
        if key.strip() in quoted or (written.isupper() and len(written) >= 3) or \
                (shows_title(before, "") and not longer) or \
                (written[:1].isupper() and bool(subtitle_after(after)) and not in_a_name):  # "Bleach: Rebirth of Souls"
            return True  # not "Winter 2023's Isekai Wave: …"
        if _season_right_after(after):
            return True
        if TITLE_CONTEXT.match(after) or WORK_APPOSITION.match(after) or (shows_title("", after) and not in_a_name):
            if len(words) == 1 and "\n" in doc[:start] and NAME_BEFORE.search(doc[max(0, start - 40):start]):
                return False  # "led to the Duel Monsters anime": a word of a longer name, in the body's prose
            return len(words) == 2 or not SENTENCE_START.search(doc[max(0, start - 4):start]) or opens_title(after)
        if written.islower() and written in catalog_forms and _title_cased_around(doc, start, end):
            return True  # "Netflix Streams revisions, …": a stylized lower-case title
        return len(words) == 2 and written in catalog_forms and ANIME_WORDS.search(doc) is not None and \
            not (self._derived_only(written, ids) and  # "Wit Hands Off to MAPPA": a phrase, not Hands Off: …
                 (_in_a_longer_name(doc, start, end) or all(english.zipf(w) >= PHRASE_MIN_ZIPF for w in words)))

    @staticmethod
    def _film_of(doc: str, start: int, key: str) -> bool:
        """劇場版 or 映画 right before a name writes it as a film's title (劇場版コナン, 映画ドラえもん); kanji
        after 映画 make a compound word instead (映画音楽, film music, no show 音楽)."""
        before = FILM_OF_BEFORE.search(doc, max(0, start - 3), start)
        return before is not None and (before[0] == "劇場版" or KANA.search(key) is not None)

    def _with_its_signs(self, doc: str, start: int, end: int, ids: list[int]) -> bool:
        """A name written with the signs its title ends on (ハイキュー!!, ラブライブ！), which a word
        of the sentence does not carry."""
        signs = TITLE_SIGNS.match(doc, end)
        if not signs:
            return False
        written = unicodedata.normalize("NFKC", doc[start:signs.end()])
        return any(unicodedata.normalize("NFKC", name) == written for sid in ids
                   for name in (self.series[sid].title_ja, *(e.title for e in self.series[sid].entries)))

    def _shortened_titles(self, doc: str, mentions: list[tuple[int, int, str, list[int]]]
                          ) -> list[tuple[int, int, str, list[int]]]:
        """Bracketed opening words of a long Japanese title cut with "…" (『信じていた仲間達に…』, as roundups
        write light-novel titles), where they open the names of one series alone and hold no other name."""
        found = []
        for match in [*SHORTENED_TITLE.finditer(doc), *BRACKETED_OPENING.finditer(doc)]:
            if any(start < match.end(1) and match.start(1) < end for start, end, _, _ in mentions):
                continue
            opening = normalize(match[1])[0].replace(" ", "")
            least = MIN_SHORTENED_CHARS if match.re is SHORTENED_TITLE else MIN_BRACKETED_OPENING_CHARS
            if len(opening) < least or not CJK.search(opening):
                continue
            named = [name for name in _opening_with(self.japanese_names, opening)
                     if not _cut_in_a_word(opening, name[0][len(opening):]) or
                     any((opening, sid) in self.spaced_heads for sid in name[1])]
            if named and len({sid for _, ids in named for sid in ids}) == 1:
                found.append((match.start(1), match.end(1), named[0][0], named[0][1]))
        return found

    def _opened_latin_titles(self, title: str, mentions: list[tuple[int, int, str, list[int]]]
                             ) -> list[tuple[int, int, str, list[int]]]:
        """A long Latin title a headline gives by its opening words before title news, as English headlines
        shorten romaji and light-novel titles ("When Kizetsu Yuusha Airs in July", "Saikyou Onmyouji
        Anime Previews …"): words that open the names of one series alone, one a word English hardly uses,
        or four plain words and more right before "anime" ("If It's for My Daughter Anime Airs")."""
        found: list[tuple[int, int, str, list[int]]] = []
        for run in LATIN_RUN.finditer(title):
            words = [(w.start(), w.end(), w[0].casefold() if w[0].isalpha() else normalize(w[0])[0].strip())
                     for w in LATIN_WORD.finditer(run[0])]
            if not any(word in self.rare_name_words for _, _, word in words) and \
                    (len(words) < MIN_PLAIN_OPENING_WORDS or not OPENING_ANIME_AFTER.search(title)):
                continue
            at = 0
            while at + 1 < len(words):
                best = self._opening_of_one_title(words[at:])
                if best is None:
                    at += 1
                    continue
                count, key, ids, rare = best
                start, end = run.start() + words[at][0], run.start() + words[at + count - 1][1]
                after = title[end:end + 40]
                if (rare and (TITLE_CONTEXT.match(after) or announces_a_work(after) or announces_a_season(after) or
                              _season_right_after(after)) or
                        count >= MIN_PLAIN_OPENING_WORDS and OPENING_ANIME_AFTER.match(after)) and \
                        not any(s < end and start < e and not (start <= s and e <= end) for s, e, _, _ in mentions):
                    found.append((start, end, key, ids))
                at += count
        return found

    def _opening_of_one_title(self, words: list[tuple[int, int, str]]) -> tuple[int, str, list[int], bool] | None:
        """The most of `words` (two at least) that open the names of one series and are no name of their own,
        and whether one of them is a word English hardly uses."""
        best = None
        for count in range(2, len(words) + 1):
            key = " " + " ".join(w for _, _, w in words[:count]) + " "
            named = _opening_with(self.latin_names, key)
            if not named:
                break
            if len(named) > MAX_OPENED_NAMES or len(key.replace(" ", "")) < MIN_OPENING_CHARS:
                continue
            series = {sid for _, ids in named for sid in ids}
            if len(series) == 1 and named[0][0] != key:
                rare = any(w in self.rare_name_words for w in key.split())
                best = (count, named[0][0], sorted(series), rare)
        return best

    def _latin_goes_on(self, doc: str, end: int, key: str, ids: list[int]) -> bool:
        """Latin letters glued to a Japanese name go on into a longer name: 『ガンダムSEED FREEDOM』,
        『シンカリオンZ』, not 「ごちうさBLOOM」 (the season BLOOM) or 「超電磁砲T」 (an entry's own)."""
        goes_on = LATIN_GOES_ON.match(doc, end)
        return goes_on is not None and \
            not any(titled_season(self.titled[sid], doc[end:end + 20]) for sid in ids) and \
            not self._entry_goes_on(key, goes_on[0], ids)

    def _entry_goes_on(self, key: str, letters: str, ids: list[int]) -> bool:
        """An entry of the series writes the name on with these letters: 「超電磁砲T」 of とある科学の超電磁砲T."""
        longer = key + letters.casefold()
        return any(longer in (_key(e.title) or "") for sid in ids for e in self.series[sid].entries)

    def _numbered_past_its_seasons(self, doc: str, end: int, ids: list[int]) -> bool:
        """A number or a Roman numeral right after the name beyond every season the series has and the
        next one: another work's sequel ("TEKKEN 8" and ドラゴンクエストIII are games, no season of
        TEKKEN BLOODLINE or of the Dragon Quest anime), as "Bungo Stray Dogs 5" is not."""
        if doc[end - 1:end].isdigit():
            return False
        if number := NUMBER_AFTER.match(doc, end):
            count = int(number[1])
        elif numeral := ROMAN_NUMERAL_AFTER.match(doc, end):
            count = ROMAN[numeral[1]]
        else:
            return False
        last = max((e.season or 0 for sid in ids for e in self.series[sid].entries), default=0)
        return count > last + 1

    def _dotted_only(self, key: str, ids: list[int]) -> bool:
        """Every name of the series that `key` folds from writes a "・" between katakana words."""
        names = [n for sid in ids for s in [self.series[sid]] for n in (s.title_ja, *(a.alias for a in s.aliases))
                 if _key(n) == key]
        return bool(names) and all(DOTTED.search(n) for n in names)

    def _derived_only(self, written: str, ids: list[int]) -> bool:
        """Only a derived form spells the name: "Star Wars" of Star Wars: Visions, "Cyberpunk" of
        Cyberpunk: Edgerunners, which other works of the name share."""
        folded = written.casefold()
        return not any(folded in (n.rstrip(TRAILING_PUNCTUATION).casefold()
                                  for n in (s.title, *(a.alias for a in s.aliases if a.source != "derived")))
                       for s in (self.series[sid] for sid in ids))

    def _in_a_name_pair(self, doc: str, start: int, end: int) -> bool:
        """A one-word name paired with a capitalized name no title has or opens is a character's or a
        person's: "Sorawo and Toriko" (not "Naruto and Boruto", "Spriggan and Thermae Romae Novae")."""
        pair = NAME_PAIR_BEFORE.search(doc, max(0, start - NAME_PAIR_WINDOW), start) or \
            NAME_PAIR_AFTER.match(doc, end)
        if pair is None or english.is_english_word(pair["other"]):
            return False
        return not self.automaton.match(_key(pair["other"], 1).rstrip())  # nor opens one ("Thermae Romae")

    def _surname(self, doc: str, start: int, end: int, written: str) -> bool:
        """A one-word name in a person's full name that owns something: the surname after a given
        name ("Hajime Musashino's sports manga") or the given name before a surname ("Nana Nanato's
        light novel"). The other name is no English word, and a given name opens no sentence (not
        "Watch Frieren's trailer")."""
        if " " in written:
            return False
        surname = SURNAME_AFTER.match(doc, end) or \
            (LOWER_WORD_BEFORE.search(doc, max(0, start - 20), start) and SURNAME_MID_SENTENCE.match(doc, end))
        if surname:  # "Nana Nanato's light novel", "follows Zeon pilot Iria Solari and her team"
            return not english.is_english_word(surname["surname"]) and \
                not self.automaton.match(_key(surname["surname"], 1).rstrip())
        given = GIVEN_NAME_BEFORE.search(doc, max(0, start - 20), start)
        if given is None or POSSESSIVE_AFTER.match(doc, end) is None:
            return False
        return not english.is_english_word(given["given"]) and \
            not SENTENCE_START.search(doc[max(0, given.start() - 4):given.start()])

    def _distinctive(self, key: str) -> bool:
        """A name with a word English hardly uses ("Horimiya", "Trigun Stampede", "Frieren") is no
        ordinary phrase, so it needs no title context (guard 2 is for "Kingdom", "Orange")."""
        return any(w in self.rare_words for w in key.split())

    def _names_a_franchise_work(self, doc: str, start: int, end: int, key: str) -> bool:
        """A franchise's word continued by a name the catalog does not know names another of its
        works, a game or an event ("Pokémon Sleep", 『デジモンサヴァイブ』). A headline's capitals
        may be a verb's ("Pokémon Returns"), so there the body must write the two words alike."""
        if key not in self.franchise_words:
            return False
        if not key.startswith(" "):
            return doc[start - 1:start] in ("『", "「") and KATAKANA.match(doc[end:end + 1]) is not None
        work = FRANCHISE_WORK_AFTER.match(doc, end)
        if not work or doc[start:end].islower():  # "the overlord Lufas": a noun and a name, no work of OVERLORD
            return False
        headline_end = doc.find("\n")
        return end > headline_end or f"{doc[start:end]} {work[1]}" in doc[headline_end:]

    def _another_work(self, sid: int, after: str) -> bool:
        """A headline names another work of the franchise: a subtitle follows the title that is
        none of the series' own names ("Bleach: Rebirth of Souls", not "Frieren: Beyond Journey's End")."""
        if sid in self.colon_titled and after.lstrip()[:1] in (":", "："):
            return False  # "Digimon Adventure: Reboot …": the colon is the title's own (DIGIMON ADVENTURE:)
        words = subtitle_after(after)
        if not words:
            return False
        return not any(normalize(w)[0] in self._folded_names(sid) for w in words)

    def _catalog_forms(self, ids: list[int]) -> set[str]:
        """The series' titles and aliases as written less their end signs ("Waccha PriMagi!" less its "!"), with
        and without accents ("Pokemon Concierge" as well as Pokémon); memoized: mentions of a name ask again."""
        key = tuple(ids)
        if key not in self.forms:
            forms = {n.rstrip(TRAILING_PUNCTUATION) for sid in ids for s in [self.series[sid]]
                     for n in (s.title, *(a.alias for a in s.aliases))}
            self.forms[key] = forms | {_without_accents(n) for n in forms}
        return self.forms[key]

    def _folded_names(self, sid: int) -> str:
        """All the series' names and its entries' titles, folded, one string (memoized: mentions ask again)."""
        if sid not in self.name_words:
            series = self.series[sid]
            names = (series.title, series.title_ja, *(a.alias for a in series.aliases),
                     *(e.title for e in series.entries))
            self.name_words[sid] = " ".join(normalize(n)[0] for n in names if n)
        return self.name_words[sid]

    def _season(self, sid: int, mark: SeasonMark, published: str | None) -> int | None:
        """The number named, or for "final season" the season the catalog calls final; where none
        is, its last season, or the one after it when that began `AIRING_DAYS` before the news
        (the catalog does not list the final season yet)."""
        series = self.series[sid]
        if mark.next:
            return _next_season(series, published)
        if not mark.final:
            if series.seasons and mark.number >= series.seasons + FRANCHISE_COUNT_GAP:
                return None  # "the 23rd season of the Pokémon anime": the franchise's count, not this series'
            return _cour_called_a_season(series, mark.number, published) or mark.number
        finals = [e.season for e in series.entries if e.final and e.season]
        if finals or not series.seasons:
            return finals[0] if finals else None
        last = max((e.begin for e in series.entries if e.season == series.seasons and e.begin), default=None)
        try:
            aired = date.fromisoformat(published[:10]) - date.fromisoformat(last) > timedelta(days=AIRING_DAYS)
        except (TypeError, ValueError):
            aired = False
        return series.seasons + 1 if aired and not mark.finale else series.seasons


CROSSOVER = re.compile(r"\s*vs(?![a-z])", re.IGNORECASE)  # 『ルパン三世VSキャッツ・アイ』 is both works
SMALL_WORD = re.compile(r"^(?:a|an|the|of|to|in|on|at|for|and|or|as|by|vs|with|from|via|is|into)$")


def _title_cased_around(doc: str, start: int, end: int) -> bool:
    """The mention stands in a headline whose other words are capitalized, so its lower case is
    the title's own styling, not a word of the sentence."""
    headline_end = doc.find("\n")
    if not 0 <= start < end <= headline_end:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", doc[:start] + doc[end:headline_end])
             if not SMALL_WORD.match(w)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


#: The words of a name: Latin words, katakana words and runs of other Japanese script (a headline
#: may shorten a name to a Latin or a katakana one).
NAME_PIECE = re.compile(r"[A-Za-z][\w'’-]*|[\u30a1-\u30fa\u30fc]+|[\u3041-\u309f\u3400-\u9fff]+")


def _without_accents(key: str) -> str:
    """A Latin name's letters without their accents and macrons (pokémon → pokemon, shōjo → shojo)."""
    return "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))


def _opening_with(names: list[tuple[str, list[int]]], opening: str) -> list[tuple[str, list[int]]]:
    """The names of a sorted list that open with `opening` (the name itself too)."""
    return names[bisect_left(names, (opening,)):bisect_left(names, (opening + "\U0010ffff",))]


#: A preposition right after a name: what follows is no season of the name's own.
PREPOSITION_AFTER = re.compile(r"[ \t]+(?:in|on|at|for|of|by|from)[ \t]", re.IGNORECASE)


def _season_right_after(after: str) -> bool:
    """A season of the name's own follows it ("Kingdom Season 4"), not a next one or a part, nor one after a
    preposition ("Sets His Sights on the Moon in Season 4")."""
    if PREPOSITION_AFTER.match(after):
        return False
    mark = read_season("", after.lstrip(TRAILING_PUNCTUATION)[:12])
    return bool(mark and not mark.part and not mark.next)


def _arc_after_a_title(doc: str, span: re.Match[str], within: list[tuple[int, int, str, list[int]]],
                       mentions: list[tuple[int, int, str, list[int]]]) -> bool:
    """The bracketed `span` is an arc's name (ending in 編) that names run into, after another
    series' title on its line: 【推しの子】第2期 「2.5次元舞台編」, not 『東リベ 聖夜決戦編』 (a title, a
    space, its arc)."""
    last_end = within[-1][1]
    if doc[span.end(1) - 1] not in "編篇" or last_end >= span.end(1) - 1 or doc[last_end] in " \u3000・:：":
        return False
    line_start = doc.rfind("\n", 0, span.start()) + 1
    return any(line_start <= m[0] and m[1] <= span.start() and not set(m[3]) & set(within[0][3]) for m in mentions)


def _cut_in_a_word(opening: str, rest: str) -> bool:
    """The title goes on in the same word: 「機動戦士ガンダム水」 cuts 「…水星の魔女」 inside 水星, where
    "の貴族" + "だけど" ends a clause (kanji or katakana running on into kanji or katakana)."""
    if not rest:
        return True
    kinds = [_script(opening[-1]), _script(rest[0])]
    return kinds[0] == kinds[1] != "hiragana" or kinds == ["kanji", "katakana"] or kinds == ["katakana", "kanji"]


def _script(char: str) -> str:
    if "\u3041" <= char <= "\u309f":
        return "hiragana"
    if "\u30a1" <= char <= "\u30ff":
        return "katakana"
    return "kanji" if "\u3400" <= char <= "\u9fff" else "other"


def shortened_in(headline: str, name: str, names: list[tuple[int, int]]) -> bool:
    """The headline gives `name`, a title the body writes in full, by its first or last word alone
    (a name of its own, not an ordinary word, nor a word of a longer name the headline holds, `names`):
    "Gundam" for "Mobile Suit Gundam", 「ガンダム」 for 『機動戦士ガンダム』, not "Lupin" of "Lupin Zero"
    for "Lupin the 3rd"."""
    pieces = NAME_PIECE.findall(name)
    if len(pieces) < 2:
        return False
    for piece in {pieces[0], pieces[-1]}:
        if piece.isascii() and (len(piece) < 4 or not piece[0].isupper() or
                                english.zipf(piece.casefold()) >= FRANCHISE_MAX_ZIPF) \
                or not piece.isascii() and (len(piece) < 3 or not KATAKANA_WORD.match(piece)):
            continue
        for m in re.finditer(rf"(?<![\w\u30a1-\u30fa\u30fc'’-]){re.escape(piece)}(?![\w\u30a1-\u30fa\u30fc-])",
                             headline):
            if not any(start <= m.start() and m.end() <= end and end - start > len(piece) for start, end in names):
                return True
    return False


def _listed_works(doc: str, mentions: list[tuple[int, int, str, list[int]]], reads: list[bool]) -> set[int]:
    """The mentions (their indexes) read as titles in a sentence that names two works or more: the
    works an article whose headline names none is about (a creator's, an exhibition's, a game's
    roster: "characters from Dragon Ball, One Piece and Naruto"), not one named in passing."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    ends = [m.end() for m in SENTENCE_END.finditer(doc)]
    for n, (start, _, _, ids) in enumerate(mentions):
        if reads[n]:
            by_sentence[bisect_right(ends, start)].append(n)
    return {n for found in by_sentence.values()
            if len({tuple(mentions[n][3]) for n in found}) >= 2 for n in found}


def _film_franchises(catalog: list[Series], films: set[int]) -> dict[int, int]:
    """Each film-only series whose Japanese title opens a TV series' title, with the first such
    TV series: 攻殻機動隊 (1995) → 攻殻機動隊 STAND ALONE COMPLEX."""
    tv = sorted((s.title_ja, min(e.begin or "9999" for e in s.entries), s.id) for s in catalog
                if any(e.type in ("tv", "web") for e in s.entries))
    titles = [row[0] for row in tv]
    found = {}
    for series in catalog:
        if series.id not in films:
            continue
        own = series.title_ja
        opened = [row for row in tv[bisect_left(titles, own):bisect_left(titles, own + "\U0010ffff")]
                  if row[0] != own and not row[0][len(own)].isalnum() and not SPIN_OFF.search(row[0][len(own):])]
        if opened:
            found[series.id] = min(opened, key=lambda row: row[1])[2]
    return found


#: How many seasons past a series' last a number must be to count a franchise's series, not its seasons.
FRANCHISE_COUNT_GAP = 4
#: A year naming which version of a title: "Dai's 2020 anime" after it, "the 1979 … series" around it.
YEAR_AFTER = re.compile(r"(?:'s|’s)\s+((?:19|20)\d\d)\s+(?:tv\s+)?(?:anime|series|adaptation|version|remake)\b",
                        re.IGNORECASE)
YEAR_TV_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s+(?:tv\s+)?$", re.IGNORECASE)
#: "The 2020 television anime of Dragon Quest: The Adventure of Dai".
YEAR_OF_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s+(?:tv\s+|television\s+)?(?:anime|series|adaptation|version|remake)\s+"
                            r"(?:of|based on)\s+(?:the\s+)?$", re.IGNORECASE)
WORK_AFTER = re.compile(r"\s+(?:tv\s+)?(?:anime|series|adaptation|version|remake)\b", re.IGNORECASE)


def _year_of_work(doc: str, start: int, end: int) -> str | None:
    """The year a mention dates its work by: "X's 2020 anime", "the 1979 X series"."""
    if after := YEAR_AFTER.match(doc, end):
        return after[1]
    if of := YEAR_OF_BEFORE.search(doc, max(0, start - 50), start):
        return of[1]
    before = YEAR_TV_BEFORE.search(doc, max(0, start - 12), start)
    return before[1] if before and WORK_AFTER.match(doc, end) else None


def _named_within_headlined(named: dict[int, set[str]], headlined: set[int]) -> list[int]:
    """Series the body names only by words of a longer title the headline gives another series,
    not its last: the franchise or source of the headline's work ("To Be Hero X" and Li Haoling's
    "To Be Hero franchise"; 「アズールレーン びそくぜんしんっ！」 and the game 「アズールレーン」; the
    "Gundam" of "Mobile Suit Gundam: The Witch from Mercury")."""
    def within(name: str, sid: int) -> bool:
        return any((at := k.find(name)) >= 0 and k[at + len(name):] and not CROSSOVER.match(k[at + len(name):])
                   for other in headlined if other != sid for k in named[other])
    return [sid for sid, keys in named.items() if sid not in headlined and keys and all(within(n, sid) for n in keys)]


def _headlined_as_a_tail(named: dict[int, set[str]], headlined: set[int], title: str) -> list[int]:
    """Series the headline names by the last word of another's longer title that the body gives,
    written with the word before it: "Cucuruz Doan's Island Film" of "Mobile Suit Gundam:
    Cucuruz Doan's Island", not the show ISLAND."""
    def longer(name: str, sid: int) -> list[str]:
        return [k for other, keys in named.items() if other != sid for k in keys if k.endswith(f" {name}")]

    candidates = {sid: {n: longer(n, sid) for n in named[sid]} for sid in headlined if named[sid]}
    candidates = {sid: found for sid, found in candidates.items() if all(found.values())}
    if not candidates:
        return []
    folded = normalize(title)[0]
    return [sid for sid, found in candidates.items()
            if all(any(" ".join(k.split()[-len(n.split()) - 1:]) in folded for k in keys) for n, keys in found.items())]


#: What joins the items of a list of titles: "A, B and C", "A & B", 「A」、「B」, 呪術・フリーレン, 『A』と『B』,
#: 『A』や『B』.
LIST_JOIN = re.compile(r"^[\s」』]*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|、|・|と|や)[\s「『]*$")


#: The plural verb a headline's list of titles takes: "Ouran, Soul Eater and Claymore Join …".
LIST_VERB_AFTER = re.compile(r"[ \t]+(?:Join|Lead|Top|Headline|Arrive|Return|Hit|Come|Stream|Premiere|Debut|Land|Head|"
                             r"Win|Share|Split|Dominate|Round Out|Air|Open|Are)\b")


def listed_after_title(doc: str, title_end: int, start: int, end: int) -> bool:
    """A name listed right after a title, ending the item ("Marriagetoxin, Rooster Fighter and MAO", 呪術・フリーレン):
    a list of shows is a list of titles, the short and plain-word ones too."""
    return title_end >= 0 and LIST_JOIN.match(doc[title_end:start]) is not None and \
        (re.match(r"[ \t]+[A-Z]", doc[end:end + 3]) is None or LIST_VERB_AFTER.match(doc, end) is not None)


#: Where a list's first item starts: after a colon, a line break or the start of the text.
LIST_START = re.compile(r"(?:^|[:：]\s*|\n\s*)$")


def listed_before_title(doc: str, start: int, end: int, next_start: int) -> bool:
    """A name opening a list that goes on with a title ("Netflix's Summer: Great Pretender and
    Japan Sinks: 2020"): the list's first item is a show too."""
    return LIST_START.search(doc[max(0, start - 3):start]) is not None and \
        LIST_JOIN.match(doc[end:next_start]) is not None


def _next_season(series: Series, published: str | None) -> int | None:
    """The season a sequel announced by `published` will be: the one after the last begun
    `PREMIERE_DAYS` before (a sequel premiering is the season airing)."""
    try:
        day = (date.fromisoformat(published[:10]) - timedelta(days=PREMIERE_DAYS)).isoformat()
    except (TypeError, ValueError):
        return None
    begun = [e.season for e in series.entries if e.type in ("tv", "web") and e.season and e.begin and e.begin <= day]
    airing = [e.season for e in series.entries if e.type in ("tv", "web") and e.season and e.begin
              and day < e.begin <= published[:10]]
    if airing and max(airing) > max(begun, default=0):
        return max(airing)
    return max(begun) + 1 if begun else None


def _cour_called_a_season(series: Series, number: int, published: str | None) -> int | None:
    """News may call a split season's later cour a season ("DEAD MOUNT DEATH PLAY Season 2" for
    its second cour): a season number the catalog lacks, said while the series' `number`-th TV
    entry airs or is coming and that entry continues an earlier season, means that season."""
    if number <= series.seasons or (entry := _entry_by_date(series, published)) is None:
        return None
    try:
        current = date.fromisoformat(entry.begin) >= date.fromisoformat(published[:10]) - timedelta(days=AIRING_DAYS)
    except (TypeError, ValueError):
        return None
    tv = sorted((e for e in series.entries if e.type in ("tv", "web") and e.season and e.begin), key=lambda e: e.begin)
    if current and len(tv) >= number and tv[number - 1] is entry and \
            any(e.season == entry.season for e in tv[:number - 1]):
        return entry.season
    return None


#: The rest of a bracketed title after a franchise name in capitals: 「ONE PIECE ODYSSEY」.
WORK_IN_BRACKETS = re.compile(r"^[ 　][^」』\n]{2,40}[」』]")
#: Words of an English title that say it is a film's.
FILM_WORD = re.compile(r"\b(?:movie|film)\b")


def _without_titles(headline: str, mentions: list[tuple[int, int, str, list[int]]]) -> str:
    """The headline with the titles it names blanked: 「女神のカフェテラス」 and "Darwin's Game" are
    no café's or game's news (an English film title's "Movie" says what the news is, and stays)."""
    ends_on_title = False
    for start, end, key, _ in mentions:
        if end <= len(headline) and not FILM_WORD.search(key):
            headline = headline[:start] + " " * (end - start) + headline[end:]
            ends_on_title = ends_on_title or not headline[end:].strip()
    return headline + "_" if ends_on_title else headline  # "'Hana ni Natte' Opens [the title]" is no film's "… Opens"


#: A bracketed title: 『BLEACH Rebirth of Souls』, 「ONE PIECE × 鬼滅の刃」.
BRACKETED = re.compile(r"[『「【]([^『「【』」】]{1,80})[』」】]")
#: A title in brackets cut short with "…": 『信じていた仲間達に…』, 『味方が弱すぎて...』.
SHORTENED_TITLE = re.compile(r"[『「]([^『「』」\n…]{2,40}?)(?:…|\.\.\.|‥)[』」]")
#: A run of capitalized words and the small words of English and romaji titles between them, in which a
#: long title's opening words are looked for ("When Kizetsu Yuusha Airs in July").
LATIN_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|(?:no|ni|wa|ga|wo|de|mo|to|dake|"
                       r"of|the|and|a|an|in|on|for|with|is|as)(?![\w'’-])))+")
LATIN_WORD = re.compile(r"[\w'’-]+")
#: Fewest letters of a Latin title's opening words that may name the title they open.
MIN_OPENING_CHARS = 12
#: Fewest plain English words opening a long title that name it before "anime" ("If It's for My Daughter
#: Anime Airs", "Do You Love Your Mom? TV Anime …").
MIN_PLAIN_OPENING_WORDS = 4
OPENING_ANIME_AFTER = re.compile(r"[?!:]?[ \t]+(?:TV[ \t]+)?anime\b", re.IGNORECASE)
#: Most names opening with the same words that are looked through for one series (one has a few names).
MAX_OPENED_NAMES = 12
#: A long title's opening clause in title brackets, as Japanese roundups write light-novel titles
#: (『没落予定の貴族』 for 『没落予定の貴族だけど、暇だったから魔法を極めてみた』).
BRACKETED_OPENING = re.compile(r"『([^『「』」\n…]{2,40})』")
#: A space before a Japanese title's subtitle.
SPACED_SUBTITLE = re.compile(r"[ \u3000]")
#: Fewest characters of an anime film's name that an article about actors may name it by.
MIN_ACTED_FILM_CHARS = 6
#: Fewest characters of a bracketed opening clause that may name the title it opens.
MIN_BRACKETED_OPENING_CHARS = 7
#: Fewest characters of a shortened title's opening words that may name the title they open.
MIN_SHORTENED_CHARS = 6
#: A possessive right before a name: "Gojo's School Days".
POSSESSIVE_BEFORE = re.compile(r"\w(?:'s|’s|'|’)\s$")
#: A generic noun a franchise's word qualifies: "Gundam film", ガンダム映画史上, ガンダムシリーズ.
FRANCHISE_NOUN_AFTER = re.compile(r"[ \t]*(?:(?:films?|movies?|franchise|history)\b|映画|シリーズ|史上)", re.IGNORECASE)
#: What opens an apposition right after a title, and closes it right after a name: "Monster Girl Doctor
#: (Monster Musume no Oishasan)", 「薬屋のひとりごと」（The Apothecary Diaries）.
APPOSITION_OPENS = re.compile(r"[」』\"”]?[ \t]*[(（]")
APPOSITION_CLOSES = re.compile(r"[」』\"”!！?？.]*[)）]")
#: What parts a title from its subtitle ("Kakushigoto: Himegoto wa Nandesuka").
SUBTITLE_COLON = re.compile(r"[:：][ \t]*(?:[A-Z][a-z]+[ \t]+){0,2}")  # and "Tonikawa: High School Days"
#: What joins two works inside one bracketed title: a crossover's ×, "&", "VS" (『ルパン三世VSキャッツ・アイ』).
JOINED_WORKS = re.compile(r"[×✕&＆]|(?<![a-z])(?:x|vs\.?)(?![a-z])", re.IGNORECASE)


#: What parts a headline into clauses of their own news: "Psycho-Pass 3 Ends, First Inspector Film Set".
HEADLINE_CLAUSE = re.compile(r",\s|;\s|\s[|/]\s|[　、]|\s(?i:after|ahead of|following|before|as|while)\s")


def _season_clause(bare_title: str, start: int) -> bool:
    """The headline's clause holding the name at `start` is a season's news though another clause
    is a film's or other media's ("Psycho-Pass 3 Ends, First Inspector Film Set for Spring")."""
    if not (breaks := list(HEADLINE_CLAUSE.finditer(bare_title))):
        return False
    begin = max((b.end() for b in breaks if b.end() <= start), default=0)
    clause = bare_title[begin:next((b.start() for b in breaks if b.start() >= start), len(bare_title))]
    return not (about_other_media(clause) or about_a_film(clause) or about_a_tie_in(clause))


def _part_season(series: Series, published: str | None) -> int | None:
    """The season a "Part 2" named without its number belongs to: the one airing by the article's
    date (`_entry_by_date`), or a series' only one."""
    entry = _entry_by_date(series, published)
    return entry.season if entry else 1 if series.seasons == 1 else None


def _hyphenated_title(written: str) -> bool:
    """A name written with the hyphen of its catalog form, each part capitalised ("Re-Main",
    "Hi-Score Girl"): prose does not join ordinary words that way."""
    return "-" in written and all(part[:1].isupper() for part in re.split(r"[-\s]+", written) if part)


def _in_a_longer_name(doc: str, start: int, end: int) -> bool:
    """A capitalized word continues the name into a longer one the body writes too ("Star Wars Jedi:
    Survivor", "Final Fantasy VII Remake"), not a headline's next word ("Heya Camp Short Anime Premieres")."""
    longer = re.match(r"[ \t]+[A-Z][\w'’-]*", doc[end:])
    if not longer or not CAPITALIZED_AFTER.match(doc, end):
        return False
    return start > doc.find("\n") or doc[start:end] + longer[0] in doc[doc.find("\n"):]


def _names_a_film(title: str, end: int, film_keys: list[str]) -> bool:
    """A headline's series name continued by capitalized words that a film the article names holds
    is that film's name: "Chainsaw Man Reze Arc" of "Chainsaw Man – The Movie: Reze Arc"."""
    words = re.match(r"[ \t]+((?:[A-Z][\w'’-]*[ \t]*){1,3})", title[end:])
    continued = normalize(words[1])[0].split() if words else []
    return any(f" {' '.join(continued[:n])} " in key for n in range(len(continued), 0, -1) for key in film_keys)


def _longer_name_in_body(doc: str, start: int, end: int) -> bool:
    """A headline's capitalized word before a name, or after it, makes one longer name with it
    that the body writes too, in capitals mid-sentence ("the Sky Kingdom"): the headline's
    capitals are then the name's, not the headline's style."""
    body_start = doc.find("\n")
    if body_start < end:
        return False
    body = doc[body_start:]
    before = CAPITALIZED_BEFORE.search(doc, max(0, start - 30), start) and \
        re.search(r"(?<![\w'’])[A-Z][\w-]*[ \t]+$", doc[max(0, start - 30):start])
    after = CAPITALIZED_AFTER.match(doc, end) and re.match(r"[ \t]+[A-Z][\w-]*", doc[end:])
    return any(re.search(r"[a-z,][ \t]+" + re.escape(longer) + r"(?![\w'’])", body)
               for longer in (before and before[0] + doc[start:end], after and doc[start:end] + after[0]) if longer)


def _writes_as_title(key: str, quotes: list[str]) -> bool:
    """The article writes the Japanese name `key` as a title: a bracketed name alone or before its
    subtitle or season (「呪術廻戦」, 「呪術廻戦 戦華双乱」, 「無職転生Ⅱ」), not one that kana continue into
    another word (「キングダム ハーツIV」, 「宝島の冒険」), a medium's word before it aside (『劇場版ハイキュー!! …』).
    A space ends a name in kanji before a katakana subtitle (『呪術廻戦 ファントムパレード』, a game), where
    it does not end a loanword (「キングダム ハーツ」). `quotes` are folded."""
    for quote in quotes:
        bare = MEDIUM_PREFIX.sub("", quote)
        if not bare.replace(" ", "").startswith(key):
            continue
        shown = re.match(r"\s*".join(map(re.escape, key)), bare)
        rest = bare[shown.end():] if shown else ""
        if not KANA.match(rest.lstrip()[:1]) or (rest[:1].isspace() and not KATAKANA_WORD.fullmatch(key)):
            return True
    return False


def _in_capitals(name: str) -> bool:
    """Written in capitals, or in digits and signs alone ("CUE!", "22/7"): a short title's own spelling."""
    return name.isupper() or (any(c.isdigit() for c in name) and not any(c.isalpha() for c in name))


def _is_whole_line(doc: str, start: int, end: int) -> bool:
    """The mention is its line, numbered or not: a roundup's entry heading ("8. Leviathan")."""
    opening = LINE_START.search(doc[max(0, start - LINE_START_WINDOW):start])
    return opening is not None and LINE_END.match(doc, end) is not None


def tag_rows(tags: list[Tag]) -> list[dict]:
    """The archive's `article_series` rows of an article's tags (a crawl's and a retag's)."""
    return [{"series_id": t.series.id, "season": t.season, "evidence": t.evidence} for t in tags]


def _next_title_starts(mentions: list[tuple[int, int, str, list[int]]], reads: list[bool], end: int) -> list[int]:
    """For each mention, where the next one read as a title starts (`end` after the last): a season
    is read up to there, past words that only look like a title ("for Another Season")."""
    starts, following = [], end
    for (start, _, _, _), read in zip(reversed(mentions), reversed(reads)):
        starts.append(following)
        if read:
            following = start
    return starts[::-1]


def _airing_window(title: str, published: str | None) -> tuple[date, date] | None:
    """The dates a roundup headline is about: a broadcast season, the week ending on a date, or
    for "this week's ranking" the week it was published."""
    if match := BROADCAST_SEASON.search(title):
        name = match.group("en") or match.group("ja") or match.group("ja2") or match.group("ja3")
        year = match.group("year") or match.group("year2") or match.group("year3") or match.group("year4") or \
            match.group("year5")
        month = int(match.group("month")) if match.group("month") else QUARTER_START[name.casefold()]
        start = date(int(year) + (2000 if len(year) == 2 else 0), month, 1)
        return start - timedelta(days=SEASON_SLACK_BEFORE), start + timedelta(days=SEASON_SLACK_AFTER)
    if match := HEADLINE_DATE.search(title):
        day = datetime.strptime(" ".join(match.groups()), "%B %d %Y").date()
        return date.min, day
    if published and THIS_WEEK.search(title):
        try:
            return date.min, datetime.fromisoformat(published).date()
        except ValueError:
            return None
    return None


def _award_window(title: str, published: str | None) -> tuple[date, date] | None:
    """What a yearly award's news is about: what began before the year of the ceremony (the year
    the headline names, else the article's); a year's ranking, what began by the end of its year."""
    year = YEAR.search(title) or published and YEAR.match(published)
    if not year:
        return None
    if YEARLY_RANKING.search(title):
        return date.min, date(int(year.group(1)), 12, 31)
    if AWARD.search(title):
        return date.min, date(int(year.group(1)), 1, 1) - timedelta(days=1)
    return None


def _entry_by_date(series: Series, published: str | None) -> Entry | None:
    """The series' TV or web season news of `published` (ISO 8601) is about when it names no
    season or only a part: the one airing then (begun within `AIRING_DAYS`), else the next to
    begin within `NEWS_LEAD_DAYS` (news runs ahead of a show), else the last to have begun."""
    try:
        day = date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return None
    seasons = sorted((e for e in series.entries if e.type in ("tv", "web") and e.season and e.begin),
                     key=lambda e: e.begin)
    today, airing_since = day.isoformat(), (day - timedelta(days=AIRING_DAYS)).isoformat()
    ahead = (day + timedelta(days=NEWS_LEAD_DAYS)).isoformat()
    airing = [e for e in seasons if airing_since < e.begin <= today]
    coming = [e for e in seasons if today < e.begin <= ahead]
    begun = [e for e in seasons if e.begin <= today]
    return airing[-1] if airing else coming[0] if coming else begun[-1] if begun else None


def _entry_airing(series: Series, window: tuple[date, date]) -> Entry | None:
    """The series' TV or web entry that began within `window`: for a week, the latest before it
    ends; for a broadcast season, the one that began closest to the season's first day."""
    started = [(date.fromisoformat(e.begin), e) for e in series.entries
               if e.type in ("tv", "web") and e.begin and window[0] <= date.fromisoformat(e.begin) <= window[1]]
    if not started:
        return None
    if window[0] == date.min:
        return max(started, key=lambda pair: pair[0])[1]
    season_start = window[0] + timedelta(days=SEASON_SLACK_BEFORE)
    return min(started, key=lambda pair: abs((pair[0] - season_start).days))[1]


class TagPipeline:
    """Tag each article with the series and seasons it is about (`series_tags`), matching against
    the archive's catalog (the shipped one unless `fanwire catalog import` replaced it)."""

    def __init__(self, crawler: Crawler, series: list[dict]) -> None:
        self.stats = crawler.stats
        self.matcher = SeriesMatcher(from_records(series)) if series else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TagPipeline:
        return cls(crawler, ArchiveState.from_crawler(crawler).series)

    def process_item(self, item: object) -> object:
        if not isinstance(item, ArticleItem) or self.matcher is None:
            return item
        tags = self.matcher.tag(item.title or "", item.text or "", item.published)
        ItemAdapter(item)["series_tags"] = tag_rows(tags)
        self.stats.inc_value("fanwire/tag/articles_tagged" if tags else "fanwire/tag/articles_untagged")
        return item
