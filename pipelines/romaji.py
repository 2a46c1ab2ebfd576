"""Romaji of a Japanese title as fans type it ("進撃の巨人" → "Shingeki no Kyojin").

pykakasi gives each word's Hepburn reading; fans write them a little differently:

1. Particles are words of their own, written as said: の no, は wa, が ga, と to, に ni, を o, へ e, で de.
2. Okurigana belong to their word (動い + た → ugoita); a compound pykakasi splits into single
   kanji is one word (呪術 廻 戦 → jujutsu kaisen, 夏目 友人 帳 → natsume yuujinchou).
3. Katakana words are loanwords, written as the series' English title writes them (ヒーローアカデミア →
   "Hero Academia" of "My Hero Academia", フリーレン → "Frieren"), matched by their consonants; a
   short one without a long vowel mark is kept as read (アオ → ao). A title with any other
   katakana word has no romaji: "hiirooakademia" is no name anyone types.
4. An honorific after a name is a word of its own, as fans hyphenate it: 高木さん → Takagi-san,
   ハットリくん → Hattori-kun (a katakana name without a loanword's marks is kept as read).
5. A name fans would type: at least one Japanese word that is not a particle, `MIN_WORDS`
   words and `MIN_LETTERS` letters, and not every word an English word (`pipelines.english`):
   "Pan de Peace" would tag an ordinary sentence.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipelines.english import is_english_word

MIN_WORDS = 2
MIN_LETTERS = 8
#: Longest katakana word kept as read when the English title does not spell it (アオ, ハコ).
MAX_NATIVE_KATAKANA = 2
#: Fewest consonants a loanword is matched by: two match too much ("Broly" and "Ball" are both "br").
MIN_LOANWORD_SOUND = 3
#: English words a loanword may be matched to (ヒーローアカデミア = "Hero Academia").
MAX_LOANWORD_SPAN = 4
PARTICLES = {"の": "no", "は": "wa", "が": "ga", "と": "to", "に": "ni", "を": "o", "へ": "e", "も": "mo", "で": "de"}
#: Particles split off the hiragana pykakasi joins them to: after a word ("のひとりごと" →
#: no hitorigoto) and before one ("すずめの" 戸締まり → suzume no tojimari).
LEADING_PARTICLES = "のにをが"
#: Honorifics after a name, and the particle that may follow them in one token (山田くんと, 古見さんは).
HONORIFICS = {"くん": "kun", "ちゃん": "chan", "さん": "san", "さま": "sama"}
#: Longest katakana name kept as read beside an honorific (ハットリくん).
MAX_NAME_KATAKANA = 5
TRAILING_PARTICLES = "のはがをに"
KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]")
HIRAGANA = re.compile(r"^[\u3041-\u309f]+$")
KATAKANA = re.compile(r"^[\u30a1-\u30ffー・]+$")
#: Katakana that only loanwords use: the long vowel mark, small vowels, ヴ.
LOANWORD_KANA = re.compile(r"[ーァィゥェォヮヴ]")
LATIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 '’.\-]*$")


@cache
def _kakasi():
    import pykakasi  # a few MB of dictionaries: loaded only when a catalog is built

    return pykakasi.kakasi()


def sound(text: str) -> str:
    """The consonants of a word as katakana keeps them: "Hero Academia" and "hiirooakademia"
    are both "rkdm"; "Frieren" and "furiiren" both "frn"."""
    s = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text).casefold())
    for old, new in (("ph", "f"), ("ck", "k"), ("qu", "k"), ("tch", "ch"), ("th", "s"), ("x", "ks")):
        s = s.replace(old, new)
    s = re.sub(r"c(?=[eiy])", "s", s).translate(str.maketrans("clvz", "krbs"))
    s = re.sub(r"[aeiouwyh]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def _loanword(kana: str, reading: str, english: list[str]) -> str | None:
    """The words of the English titles that `kana` is a loanword of, or its reading if it is
    a short native word written in katakana, else None (see 3)."""
    target = sound(reading)
    for size in range(1, MAX_LOANWORD_SPAN + 1):  # the fewest words: "Slime", not "as a Slime"
        for title in english:
            words = re.findall(r"[^\W\d_][^\W\d_'’]*", title)
            for start in range(len(words) - size + 1):
                if len(target) >= MIN_LOANWORD_SOUND and sound("".join(words[start:start + size])) == target:
                    return " ".join(w.capitalize() if w.isupper() else w for w in words[start:start + size])
    if len(kana) <= MAX_NATIVE_KATAKANA and not LOANWORD_KANA.search(kana):
        return reading
    return None


def romaji(title: str, english: list[str]) -> str | None:
    """The romaji fans would type for the Japanese `title` (see the module docstring), or None;
    `english` are the series' English titles, which spell its loanwords."""
    if not (KANJI.search(title) or re.search(r"[\u3041-\u30ff]", title)):
        return None
    words: list[list[str]] = []  # [text, kind]: "kanji", "single" (one kanji), "kana", "particle", "loan", "latin", "break"
    native = 0
    tokens = _kakasi().convert(title)
    for n, token in enumerate(tokens):
        orig, reading = token["orig"].replace("・", "").strip(), token["hepburn"].replace("・", "").strip()
        if not re.search(r"\w", orig):  # a space or a sign: no word goes on across it
            words.append(["", "break"])
        elif KATAKANA.match(orig):
            spelled = _loanword(orig, reading, english) or _name_before_honorific(orig, reading, tokens[n + 1:])
            if spelled is None:
                return None
            native += spelled == reading
            words.append([spelled, "loan" if spelled != reading else "kana"])
        elif KANJI.search(orig):
            native += 1
            if len(orig) == 1 and words and words[-1][1] == "single":  # 廻 戦: one word
                words[-1] = [words[-1][0] + reading, "kanji"]
            else:
                words.append([reading, "single" if len(orig) == 1 else "kanji"])
        elif HIRAGANA.match(orig) and words and words[-1][1] in ("kanji", "single", "kana") and _honorific(orig):
            honorific, particle = _honorific(orig)
            words.append([honorific, "suffix"])
            if particle:
                words.append([particle, "particle"])
        elif HIRAGANA.match(orig):
            native += _hiragana(orig, reading, words, n + 1 == len(tokens))
        elif LATIN.match(orig):
            words.append([orig, "latin"])
        else:  # a mixed token pykakasi could not read
            return None
    _join_single_kanji(words)
    words = [w for w in words if w[1] != "break"]
    text = [w for w, _ in words]
    shown: list[str] = []
    for n, (w, kind) in enumerate(words):
        if kind == "suffix" and shown:
            shown[-1] += f"-{w}"  # Takagi-san
        else:
            shown.append(w if kind == "particle" and n else w[:1].upper() + w[1:] if kind != "latin" else w)
    name = " ".join(shown)
    if native == 0 or len(text) < MIN_WORDS or len(re.sub(r"[^A-Za-z]", "", name)) < MIN_LETTERS:
        return None
    if all(is_english_word(w) for word in text for w in word.split()):
        return None
    return name


def _honorific(orig: str) -> tuple[str, str | None] | None:
    """An honorific token, alone or with the particle after it ("さんは" → san, wa); else None (see 4)."""
    for kana, written in HONORIFICS.items():
        if orig.startswith(kana) and (rest := orig[len(kana):]) in ("", *PARTICLES):
            return written, PARTICLES.get(rest)
    return None


def _name_before_honorific(kana: str, reading: str, after: list[dict]) -> str | None:
    """A katakana word read as it is when an honorific follows it and it has none of a loanword's
    marks: a character's name (ハットリくん), not a borrowed word (see 4)."""
    if after and _honorific(after[0]["orig"]) and len(kana) <= MAX_NAME_KATAKANA and not LOANWORD_KANA.search(kana):
        return reading
    return None


def _hiragana(orig: str, reading: str, words: list[list[str]], last: bool) -> int:
    """Add a hiragana token to `words` (particles apart, okurigana to their word, see 1 and 2);
    returns how many Japanese words it added. Each particle's Hepburn reading has two letters."""
    if orig in PARTICLES:
        words.append([PARTICLES[orig], "particle"])
        return 0
    trailing = None
    if len(orig) > 2 and orig[-1] in TRAILING_PARTICLES and not last:
        orig, reading, trailing = orig[:-1], reading[:-2], PARTICLES[orig[-1]]
    added = 0
    if len(orig) > 2 and orig[0] in LEADING_PARTICLES and words and words[-1][1] != "particle":
        words.append([PARTICLES[orig[0]], "particle"])
        words.append([reading[2:], "kana"])
        added = 1
    elif words and words[-1][1] in ("kanji", "single"):
        words[-1][0] += reading
        words[-1][1] = "kanji"
    else:
        words.append([reading, "kana"])
        added = 1
    if trailing:
        words.append([trailing, "particle"])
    return added


def _join_single_kanji(words: list[list[str]]) -> None:
    """A single kanji pykakasi read alone belongs to the kanji word before it (友人 帳 → yuujinchou);
    a run of them is a word of its own (廻 戦 → kaisen)."""
    for n in range(len(words) - 1, 0, -1):
        if words[n][1] == "single" and words[n - 1][1] == "kanji":
            words[n - 1][0] += words.pop(n)[0]
    for word in words:
        if word[1] == "single":
            word[1] = "kanji"
