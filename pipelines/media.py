"""What an article is about: a TV season, or the franchise's other media; and whether a short
name stands as a title or as a word of something else.

1. Other media: news of a film, stage play, game, exhibition, café, merchandise or the manga
   keeps its series but names no season (`about_other_media`). A studio's name ending in
   "Film" (Bones Film, MAPPA Film) is a studio, not a film.
2. Title context: a one-word title counts where the article treats it as one: a season
   right after it ("Overlord IV", "Medalist Season 2"), "anime" / "manga" / "season" around it,
   a studio or the cast ("the Kingdom anime by Studio Signpost") (`shows_title`).
3. Collisions: a short name that is a word of a longer name ("ORANGE RANGE", a band) or of a
   phrase ("in Four Days"), or stands beside band, drama or game words, is not the title
   (`collides`).
"""
from __future__ import annotations

import re

#: Studios whose name ends in "Film(s)" or "Pictures": not a film.
STUDIO_FILM = re.compile(r"\b(?:bones|mappa|toho|sunrise|cloverworks|kadokawa|kyoto animation|wit|ufotable|"
                         r"[A-Z][A-Za-z]+)\s+films?\b(?=\s+(?:studio|will|is|has|and|to|,)|\s*(?:'s|’s))|"
                         r"\b(?:bones|mappa|toho|sunrise)\s+films?\b", re.IGNORECASE)
#: Headline words of news about other media than a TV season.
OTHER_MEDIA = re.compile(
    r"\bmanga\b|\bvolumes?\b|copies in circulation|\bchapters?\b|light novel|\bfigures?\b|\bfigurines?\b|"
    r"pop-up|collaboration caf[eé]|\bcaf[eé]\b|merchandise|\bmerch\b|reasons? |what does .+ mean|worth watching|"
    r"^why\b|deserves more attention|underrated|opinion|explained|\bmovie\b|\bfilms?\b|box office|"
    r"stage (?:play|adaptation|musical|production)|musical|(?:mobile|smartphone|video|console|rhythm|gacha|card|"
    r"browser|pc|switch|ps5|ps4)\s+games?|\bgame\b.*\b(?:release|launch|pre-?registration|trailer|download)|"
    r"\bexhibitions?\b|\bexhibit\b|art show|museum|\bconcert\b|live event|theme park|\bplush|\bgoods\b|"
    r"魅力|なぜ|徹底解説|考察|マンガ|漫画|原作|コミックス|単行本|発行部数|フィギュア|グッズ|コラボカフェ|カフェ|ポップアップ|"
    r"劇場版|映画|興収|興行収入|コラム|舞台|ミュージカル|ゲーム(?:化|アプリ|版|配信|発売)|スマホゲーム|ソシャゲ|アプリ|"
    r"展覧会|原画展|展示|展」|展』|展開催|ライブイベント|ライブツアー|コンサート",
    re.IGNORECASE)
#: Words next to a short name that show it is used as a title (after a possessive only the work's
#: own words: "Kinema Citrus's adaptation" is a studio's).
TITLE_WORDS_AFTER = re.compile(
    r"^(?:(?:'s|’s)\s+(?:(?:tv\s+)?anime|season|sequel|manga)\b|[\s\W]{0,3}(?:(?:tv\s+)?anime\b|season\b|"
    r"sequel\b|manga\b|light novel|episode\b|film\b|movie\b|creator\b|author\b|cast\b|staff\b|premiere|"
    r"adaptation\b|アニメ|第\d|\d+期|シーズン))", re.IGNORECASE)
#: After a name opening a headline, only news wording shows a title ("Medalist Anime Gets 2nd Season").
OPENING_TITLE = re.compile(
    r"^[\s\W]{0,3}(?:(?:tv\s+)?anime(?:'s|’s)?\s+(?:gets|reveals|announces|confirms|premieres|unveils|adds|casts|"
    r"streams|debuts|returns|release|season|sequel|film|movie|episode|key|teaser|trailer|visual|promo|\d)|season\s*\d|"
    r"\d+(?:st|nd|rd|th)\s+season|アニメ|第\d)", re.IGNORECASE)
TITLE_WORDS_BEFORE = re.compile(
    r"(?:\banime\b|\bmanga\b|\bseries\b|\bseason\b|\bsequel to\b|\bstudio\s+\S+(?:'s)?|\bdirector of\b|"
    r"\bcast of\b|\bstar(?:s|ring)? of\b|\bcreator of\b|\badaptation of\b|"
    r"アニメ|TVアニメ)[\s\"“『「]*$", re.IGNORECASE)
#: Capitals after an all-capitals title that still belong to its season ("OVERLORD FINAL SEASON").
SEASON_WORD = re.compile(r"SEASON|FINAL|PART|COUR|III|MOVIE|FILM|ANIME$")
#: A number or quantity word right before a short name makes it a phrase ("in Four Days").
QUANTITY_BEFORE = re.compile(r"(?:\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many|"
                             r"some|all|those|these|\d+)\s+)$", re.IGNORECASE)
#: Band, drama, game and film words beside a short name: it names something else.
OTHER_WORK = re.compile(r"\b(?:band|rock band|singer|vocalist|idol group|live-action|k-?drama|j-?drama|"
                        r"drama(?!\s+cd)|video game|the game|album)\b|バンド|ドラマ(?!CD)|実写",
                        re.IGNORECASE)


def about_other_media(headline: str) -> bool:
    """The article is news of a film, stage play, game, exhibition, café, merchandise or manga
    (read from its headline), so it names no TV season unless it says one."""
    return bool(OTHER_MEDIA.search(STUDIO_FILM.sub(" ", headline)))


def shows_title(before: str, after: str) -> bool:
    """The words around a short name show it is a title (see 2)."""
    return bool(TITLE_WORDS_AFTER.match(after) or TITLE_WORDS_BEFORE.search(before))


def opens_title(after: str) -> bool:
    """A name opening a sentence or headline is a title only before news wording (see 2)."""
    return bool(OPENING_TITLE.match(after))


def collides(before: str, written: str, after: str) -> bool:
    """The short name `written` is a word of a longer name or phrase, or names a band, drama or
    game (see 3); `before` and `after` are its sentence around it."""
    glued = re.match(r"[ \t]([A-Z]{3,})\b", after)
    if written.isupper() and glued and not TITLE_WORDS_AFTER.match(after) and not SEASON_WORD.match(glued.group(1)):
        return True
    return bool(QUANTITY_BEFORE.search(before) or OTHER_WORK.search(before[-40:]) or OTHER_WORK.search(after[:40]))
