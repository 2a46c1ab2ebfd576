"""Which season a mention of a series names, read from the words around it.

Fan news names a season in many ways; each form below is one alternative of `AFTER` or `BEFORE`:

1. Digits: "Season 2", "2nd Season", "S2", "第2期", "2期", "シーズン2", "第2シーズン", "第2部".
2. Words: "seventh season", "season two", "セカンドシーズン", "第二期", "参ノ章"; "its fifth and final
   season" is the fifth, whatever the catalog calls final.
3. Roman numerals right after the title: "Overlord IV", "Mob Psycho 100 III", "無職転生Ⅱ"; a
   digit, where the catalog has that season: "からかい上手の高木さん3", "Psycho-Pass 3".
4. Before the title: "a third season of X", "Season 2 of X".
5. "Final Season" / "ファイナルシーズン" / 完結編 / a series "finale" / "FINAL" in capitals right after
   the title ("Strike the Blood FINAL", not a "FINAL LIVE"): the season the catalog calls final (最終章 only when said to air or to be animated: it is as often a manga's final chapter); a sequel announced (続編,
   新シリーズ, "sequel", "renewed"): the season after the last one begun.
6. A season's own title after the series ("Demon Slayer: Swordsmith Village Arc", 「鬼滅の刃」
   刀鍛冶の里編, "Dr. STONE NEW WORLD"): that season (`season_titles`, `titled_season`).
7. A cour or part named alone ("Part 2", "the second cour", "第2クール"): a part of a season whose
   number the text does not give; a cour inside a named season (「第4期」第2クール) is that season.
No word boundary is needed before kana ("Season 2が"): numbers end where digits end.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipelines.catalog import Series, split_title

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
KANJI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "弐": 2,
         "参": 3, "セカンド": 2, "サード": 3}
ROMAN = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6}
WORDS = {**ORDINALS, **CARDINALS, **KANJI, **{k.casefold(): v for k, v in ROMAN.items()}}

DIGITS = r"(?<![0-9])\d{1,2}(?![0-9])"
ORD = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINALS)})"
CARD = rf"(?:{DIGITS}|{'|'.join(CARDINALS)})(?![a-z])"
JA_NUM = rf"(?:\d{{1,2}}|[{''.join(k for k in KANJI if len(k) == 1)}])"

#: A season named after the mention (within its clause), first match wins.
AFTER = re.compile(
    rf"(?<![a-z])season\s*(?P<a>{CARD})|(?<![a-z])(?P<b>{ORD})\s+(?:and\s+(?:final|last)\s+)?season(?![a-z])|(?<![A-Za-z])S(?P<c>\d{{1,2}})(?![0-9a-z])|"
    rf"第\s*(?P<d>{JA_NUM})\s*(?:期|シーズン|シリーズ)|第\s*(?P<book>{JA_NUM})\s*部|(?<![0-9])(?P<e>\d{{1,2}})\s*期|シーズン\s*(?P<f>{JA_NUM})|"
    rf"(?P<g>{JA_NUM}|セカンド|サード)(?:st|nd|rd|th)?\s*シーズン|"
    rf"(?P<h>{JA_NUM})\s*[ノの]章|"
    rf"(?P<final>(?:the\s+)?final\s+season|(?<![a-z])finale\b(?!\s+(?:films?|movies?)\b)|"  # not "Finale Films"
    rf"ファイナルシーズン|最終シーズン|完結編|最終章(?=[^。]{{0,24}}(?:放送|アニメ化))|"
    rf"\bfinal\s+chapters?\b(?=[^.\n]{{0,40}}\b(?:to\s+tv|tv\s+anime|airs?|premieres?)\b))|"  # "… Heads to TV"
    rf"(?P<next>続編(?!劇場版|映画|小説|漫画|ゲーム|舞台)|新シリーズ|(?<![a-z])sequel\b(?!\s+(?:film|movie|novel|manga|game))|\brenewed\b|"
    rf"\banother\s+season\b|"
    # "Jujutsu Kaisen's Culling Game Arc Gets a TV Anime", 「死滅回游」編のアニメ化決定: the next season
    rf"\barc\s+(?:gets|getting|will\s+get)\s+(?:an?\s+)?(?:tv\s+)?anime\b|[編篇][」』]?の?(?:TV)?アニメ化(?:が)?決定)",
    re.IGNORECASE)
#: An ordinal right before the title whose "season" follows it: "a Third Dandadan Season", "a second Frieren season".
ORDINAL_BEFORE = re.compile(rf"\b(?:an?|the)\s+({ORD})\s+$", re.IGNORECASE)
SEASON_AFTER_NAME = re.compile(r"^\s*seasons?\b", re.IGNORECASE)
#: A Roman numeral directly after the title (capitals only, so "vs" or "I" never count).
ROMAN_AFTER = re.compile(r"^\s?(?P<r>III|II|IV|VI|V|Ⅱ|Ⅲ|Ⅳ|Ⅴ|Ⅵ)(?![A-Za-z0-9.'’])")
#: "FINAL" in capitals right after the title: the final season, as a title writes it, not a final event.
FINAL_AFTER = re.compile(r"^\s?(?:THE\s+)?FINAL(?![A-Za-z0-9])(?!\s*(?:LIVE|TOUR|STAGE|EVENT|CONCERT|PARTY|FANTASY))")
#: A season named before the mention: "a third season of", "Season 2 of", "the final season of".
BEFORE = re.compile(
    rf"(?:(?<![a-z])(?P<b>{ORD})\s+(?:and\s+(?:final|last)\s+)?season|(?<![a-z])season\s*(?P<a>{CARD})|(?P<final>final\s+season))"
    rf"\s+(?:of|for)\s+(?:the\s+)?(?:(?:tv\s+)?anime\s+)?[\"“『「【\['‘]?$",  # "… a Third Season of [Oshi no Ko]"
    re.IGNORECASE)
#: A digit right after a title and not a count of something (see `numbered_season`).
BARE_NUMBER = re.compile(r"^ ?([2-9])(?![0-9.,:/%])(?!\s*(?:episodes?|eps?|days?|weeks?|months?|years?|million|billion|"
                         r"seasons?|parts?|cours?|chapters?|volumes?|話|日|月|年|人|位|万|億|期|部|クール|シーズン|巻))",
                         re.IGNORECASE)
#: The number of a sequel the catalog does not list yet, right after the title and then news
#: wording or the headline's end: "Cyberpunk: Edgerunners 2 Announced", 「…2」制作決定.
SEQUEL_NUMBER = re.compile(r"^ ?([2-9])(?:[ \t]*(?:$|[\n,!?」』\])–—]|-\s)|\s+(?:anime\s+)?(?:announced|confirmed|announces|"
                           r"is\s+(?:coming|official|in\s+(?:the\s+)?works)|gets|set|slated|coming|greenlit|green-lit|"
                           r"reveals|unveils|teaser|trailer|key\s+visual|premieres|debuts|airs|in\s+production)\b|"
                           r"\s*(?:制作決定|製作決定|決定|発表))", re.IGNORECASE)
#: A season named as the time of something else: "announced after the second season's finale".
AS_A_TIME = re.compile(r"\b(?:after|following|since|before|ahead\s+of|during|at\s+the\s+end\s+of)\s+(?:the\s+)?"
                       r"(?:(?:\w+\s+season|season\s+\w+)(?:'s|’s)\s+)?$", re.IGNORECASE)
#: A season named by its last episode, beside another season: the time of the news, not its subject.
FINALE_AFTER = re.compile(r"\s*(?:の)?(?:最終回|最終話)|\s*(?:'s|’s)\s+finale\b", re.IGNORECASE)  # 第1期最終話 too
#: A season said to end (第1期完結と同時に第2期を発表): beside another season's number, the time of the news.
ENDED_AFTER = re.compile(r"[がは]?(?:完結|終了)")
#: "season 2's finale": that season's last episode, not a final season.
SEASONS_OWN = re.compile(r"(?:\bseason\s*\w+|\b\w+\s+season)(?:'s|’s)\s+$", re.IGNORECASE)
#: How far before a season's words `AS_A_TIME` looks (characters).
TIME_WINDOW = 30
#: "…, the second season of Spy x Family": a season named after a mention but of the next title.
OF_NEXT = re.compile(r"\s+(?:of|for)\b(?!\s+(?:(?:early|late|mid-?)\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                     r"nov|dec|spring|summer|fall|autumn|winter|20\d|next year|this year))",  # a date's, maybe cut
                     re.IGNORECASE)  # not a date: "Second Season for April 2025"
#: A cour or part without its season.
PART = re.compile(rf"(?<![a-z])(?:part|cour)\s*\.?\s*(?:{CARD})|(?<![a-z]){ORD}\s+(?:cour|part)(?![a-z])|"
                  rf"第\s*{JA_NUM}\s*クール|[前後]編|(?:1st|2nd)\s+half", re.IGNORECASE)


#: Shortest season subtitle matched (folded characters): "NEW WORLD" yes, "II" no.
MIN_SUBTITLE_CHARS = 3
#: An English article a subtitle may be written without: "the Culling Game" of "The Culling Game Part 1".
THE = re.compile(r"\bthe\s+", re.IGNORECASE)
#: "Arc" / 編 end many subtitles and are often left out ("the Swordsmith Village arc", 刀鍛冶の里).
ARC_WORD = re.compile(r"(?:arc|saga|編|篇)$")


@dataclass(frozen=True)
class SeasonMark:
    """What the text says of a mention's season: a number, "final", or only a part of one."""

    number: int | None = None
    final: bool = False
    part: bool = False
    next: bool = False
    book: bool = False  # 第2部: a season of a show counted in parts (JoJo), or a part of its manga
    finale: bool = False  # a "finale": the last episode of a season already on air, not a season to come


def _number(text: str) -> int | None:
    word = re.sub(r"(?:st|nd|rd|th)$", "", text.strip(), flags=re.IGNORECASE) if text[:1].isdigit() else text.strip()
    return int(word) if word.isdigit() else WORDS.get(word.casefold())


def _mark(match: re.Match[str]) -> SeasonMark | None:
    if final := match.groupdict().get("final"):
        return SeasonMark(final=True, finale=final.casefold().startswith("finale"))
    if match.groupdict().get("next"):
        return SeasonMark(next=True)
    value = next((v for k, v in match.groupdict().items() if k not in ("final", "next") and v), None)
    number = _number(value) if value else None
    return SeasonMark(number, book=bool(match.groupdict().get("book"))) if number else None


def numbered_season(after: str, seasons: set[int]) -> SeasonMark | None:
    """A bare number right after a title ("からかい上手の高木さん3", "Psycho-Pass 3 Premieres") is
    its season where the catalog has that season (so "Kaiju No. 8" or "2 Days Left" are not), or
    the season after the catalog's last when news wording follows ("Edgerunners 2 Announced"):
    the sequel is announced before the catalog lists it."""
    match = BARE_NUMBER.match(after)
    if match and int(match.group(1)) in seasons:
        return SeasonMark(int(match.group(1)))
    sequel = SEQUEL_NUMBER.match(after) if seasons else None
    return SeasonMark(int(sequel.group(1))) if sequel and int(sequel.group(1)) == max(seasons) + 1 else None


def read_season(before: str, after: str) -> SeasonMark | None:
    """The season named around a mention: `before` is its sentence up to the mention, `after` the
    clause after it (up to the sentence's end or the next mention)."""
    if match := ROMAN_AFTER.match(after):
        return SeasonMark(ROMAN[match.group("r")])
    if FINAL_AFTER.match(after):
        return SeasonMark(final=True)
    if (ordinal := ORDINAL_BEFORE.search(before[-30:])) and SEASON_AFTER_NAME.match(after):
        return SeasonMark(WORDS[ordinal[1].casefold()] if ordinal[1].isalpha() else int(ordinal[1][:-2]))
    if (match := BEFORE.search(before[-60:])) and (mark := _mark(match)):
        return mark  # "the final season of My Hero Academia, … where Season 7 left off": the season it is of
    found = [(mark, match) for match in AFTER.finditer(after) if not OF_NEXT.match(after, match.end())
             and not AS_A_TIME.search(after[max(0, match.start() - TIME_WINDOW):match.start()])
             and (mark := _mark(match))]
    if len(found) > 1:  # 『推しの子』第2期の最終回が放送、第3期制作決定: the season announced, not the one ended
        numbered = [mark for mark, _ in found if mark.number and not mark.book]
        found = [(mark, match) for mark, match in found if not FINALE_AFTER.match(after, match.end())
                 and not (len(numbered) > 1 and ENDED_AFTER.match(after, match.end()))
                 and not (mark.final and SEASONS_OWN.search(after[:match.start()]))] or found
    marks = [mark for mark, _ in found]
    if marks:  # "renewed for season 2": the number, over a sequel's word
        return next((mark for mark in marks if not mark.next), marks[0])
    return SeasonMark(part=True) if PART.search(after) else None


def _folded(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def season_titles(series: Series) -> list[tuple[str, int]]:
    """(folded subtitle, season) of the series' seasons that carry their own title: what text
    names a season by ("Swordsmith Village Arc", 刀鍛冶の里編, "NEW WORLD", "TO THE TOP").
    A subtitle two seasons share names neither."""
    found: dict[str, set[int]] = {}
    if series.seasons < 2:
        return []
    for entry in series.entries:
        if entry.type not in ("tv", "web") or not entry.season:
            continue
        english = (entry.title_en or "", series.title or "")
        for title, base in ((entry.title, series.title_ja), english, tuple(THE.sub("", t) for t in english)):
            head, rest = _folded(base or ""), _folded(split_title(title or "")[0])
            subtitle = rest[len(head):]
            if not head or not rest.startswith(head) or not subtitle:
                continue
            if subtitle.isdigit() or len(subtitle) < MIN_SUBTITLE_CHARS:  # "高木さん3", "超電磁砲T": the whole title
                found.setdefault(rest, set()).add(entry.season)
                continue
            for form in {subtitle, ARC_WORD.sub("", subtitle)}:
                if len(form) >= MIN_SUBTITLE_CHARS:
                    found.setdefault(form, set()).add(entry.season)
    return [(form, seasons.pop()) for form, seasons in found.items() if len(seasons) == 1]


def titled_season(arcs: list[tuple[str, int]], text: str) -> int | None:
    """The season whose own title `text` (a mention and the words after it) contains, the first it names
    where it names two (「鬼滅の刃」柱稽古編のアニメ化が決定、刀鍛冶の里編最終話で発表)."""
    if not arcs:
        return None
    folded = _folded(text)
    named = [(at, -len(form), season) for form, season in arcs if (at := folded.find(form)) >= 0]
    return min(named)[2] if named else None


#: A headline that reports a season's end: its last episode aired.
SEASON_ENDS = re.compile(r"\b(?:ends|ended|wraps(?: up)?|concludes|finale)\b|最終回|放送終了", re.IGNORECASE)
#: A first sentence that reports a last episode: "The final episode of the … anime announced …".
LAST_EPISODE = re.compile(r"\b(?:final|last) episode\b|最終話|最終回", re.IGNORECASE)
#: The next season announced in a finale's report: "announced a second season", "A second season,
#: Stone Wars, is set for January", "a third and final season", 第2期制作決定.
NEXT_ANNOUNCED = re.compile(
    rf"\b(?:announced|confirmed|green-?lit|revealed)\s+(?:a|the)\s+(?P<a>{ORD})\s+(?:and final\s+)?season\b|"
    rf"\b(?:a|the)\s+(?P<b>{ORD})\s+(?:and final\s+)?season(?:,[^,.]{{1,40}},)?\s+(?:is|was|has been|will be)\s+"
    rf"(?:set|announced|confirmed|planned|scheduled|green-?lit)\b|"
    rf"\b(?:is|are)\s+getting\s+(?:a|the)\s+(?P<d>{ORD})\s+season\b|"  # "the series is getting a 2nd season"
    rf"\b(?:the\s+show's|the\s+series'|its)\s+(?P<e>{ORD})\s+season\s+(?:will|is\s+set\s+to)\s+"
    rf"(?:premiere|air|debut|begin|start)\b|"  # "the show's 2nd season will premiere in April"
    rf"第(?P<c>\d{{1,2}})期(?:の)?(?:制作|放送)(?:が)?決定", re.IGNORECASE)
#: Words that deny the announcement: "has not yet announced a third season".
NOT_ANNOUNCED = re.compile(r"\b(?:not|no|yet to)\b[^.]{0,20}$", re.IGNORECASE)


def next_season_announced(headline: str, text: str, season: int | None) -> int | None:
    """The season after `season` when the headline or the lead reports `season`'s end and the text announces
    the next one: the news is the season to come, its finale the occasion ("Dr. Stone's First
    Season Ends …" with "A second season, Stone Wars, is set for January 2021" is season 2's)."""
    if not season or not (SEASON_ENDS.search(headline) or LAST_EPISODE.search(text.split("\n", 1)[0])):
        return None
    for match in NEXT_ANNOUNCED.finditer(text):
        if NOT_ANNOUNCED.search(text[max(0, match.start() - 30):match.start()]):
            continue
        number = _number(next(v for v in match.groupdict().values() if v))
        if number == season + 1:
            return number
    return None
