"""Decode a page's bytes to text without mojibake: the charset is the one the bytes read best in.

Declarations are evidence, not orders: servers and templates mislabel pages, and a single-byte
label (latin-1, windows-1252, ISO-8859-15) "decodes" any bytes at all, while one stray byte makes
a strict decode of the right charset fail. So:

1. A byte-order mark decides.
2. Declarations (HTTP `Content-Type`, then `<meta>`) that could not even read the page's markup
   (UTF-16 or EBCDIC labels on ASCII bytes) are dropped.
3. UTF-8, when it reads the bytes well: at least `MIN_GOOD_PER_BAD` characters from multibyte
   sequences per invalid sequence. UTF-8's structure is strict (legacy and mislabelled bytes
   almost never form valid sequences), so bytes that are valid or nearly valid UTF-8 are UTF-8
   whatever a label says, and a handful of bad bytes is replaced, not a reason to read the whole
   page in another charset. Only a declared multibyte charset that reads the page without error
   beats a few accidental UTF-8 sequences (`MIN_UTF8_PROOF`).
   Then a declared multibyte charset (Shift_JIS, EUC-*, GB18030, Big5) that reads it as well.
4. A charset detected by charset-normalizer when it is multibyte and reads the page as well
   (a Shift_JIS page labelled latin-1); when detection reads nothing, step 5; then a declared
   single-byte charset, unless the detected one reads the page with clearly less mess
   (`MESS_MARGIN`: windows-1251 labelled windows-1252); then the detected one. Detection confuses Western charsets on short pages: its Latin-script guesses read as
   windows-1252, or as ISO-8859-15 when the bytes have its letters (œ, €) and none of
   windows-1252's punctuation.
5. Undeclared legacy multibyte pages with stray bytes, which detection refuses (it needs a
   strict decode): of the legacy charsets that read them with few invalid sequences, the one
   whose reading of the bytes without those is the least messy (charset-normalizer's measure).
6. windows-1252, with replacement.

Invalid bytes in a page read as UTF-8 are replaced by U+FFFD, except where they are
windows-1252 pasted into UTF-8 (a "twingled" page): typographic punctuation (bytes 0x80-0x9F)
anywhere, a Latin letter next to an ASCII letter. beautifulsoup4's `UnicodeDammit` is not used:
it takes the first charset that decodes strictly (the failure above), and its `detwingle` skips
any lead byte with the bytes after it unchecked (a windows-1252 "é" before a space stays broken)
and turns stray bytes (0xFF in Japanese text) into letters; the dependency is dropped.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

#: Encodings a declaration of latin-1/ASCII really means on the web (WHATWG: both are windows-1252).
WEB_ALIASES = {"latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "shift_jis": "cp932"}
#: Detected Latin-script guesses that short pages confuse with windows-1252, by far the commonest;
#: DOS code pages (cp775, cp850, ...) are among them: no browser reads a web page in one.
WESTERN_GUESSES = {"cp1250", "cp1254", "cp1257", "iso8859-2", "iso8859-9", "iso8859-13", "iso8859-15", "mac-roman",
                   "cp437", "cp775", "cp850", "cp852", "cp857", "cp858", "cp860", "cp861", "cp863", "cp865"}
#: windows-1252's typographic punctuation (’ “ ” – … €), control characters in ISO-8859-15.
CP1252_PUNCTUATION = re.compile(rb"[\x80-\x9f]")
#: Bytes ISO-8859-15 reads as € Š š Ž ž Œ œ Ÿ where windows-1252 has rare symbols (¤ ¦ ¨ ´ ¸ ¼ ½ ¾).
LATIN9_LETTERS = re.compile(rb"[\xa4\xa6\xa8\xb4\xb8\xbc-\xbe]")
#: Characters a multibyte charset must read from multibyte sequences per invalid sequence to be
#: the page's charset: mislabelled single-byte text read as UTF-8 has almost none valid, and a
#: damaged UTF-8 page has a few invalid ones among thousands.
MIN_GOOD_PER_BAD = 2
#: Multibyte sequences UTF-8 must read to beat a declared multibyte charset that reads the page
#: without error too (a few EUC-KR or GBK characters can happen to be valid UTF-8).
MIN_UTF8_PROOF = 4
#: How much less mess (charset-normalizer's chaos, 0-1) a detected single-byte charset must read
#: a page with to override a declared one: Western charsets read each other's pages almost as well.
MESS_MARGIN = 0.1
#: Legacy multibyte charsets tried on undeclared pages with stray bytes (step 5).
LEGACY_MULTIBYTE = ("cp932", "euc_jp", "gb18030", "big5hkscs", "cp949")
#: Markup characters every charset a page may be read in encodes as ASCII does.
ASCII_PROBE = '<meta charset="utf-8" content=x-1 />'
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Fit:
    """How `encoding` reads a body: invalid sequences and characters beyond ASCII read well."""

    encoding: str
    bad: int
    wide: int

    @property
    def plausible(self) -> bool:
        return self.wide > 0 and self.wide >= MIN_GOOD_PER_BAD * self.bad


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    resolved = resolve_encoding(name)
    if not resolved:
        return None
    canonical = codecs.lookup(resolved).name
    return WEB_ALIASES.get(canonical, canonical)


@lru_cache(maxsize=None)
def _ascii_compatible(encoding: str) -> bool:
    try:
        return ASCII_PROBE.encode(encoding) == ASCII_PROBE.encode("ascii")
    except (UnicodeError, LookupError):
        return False


@lru_cache(maxsize=None)
def _single_byte(encoding: str) -> bool:
    """Every byte is one character (so any bytes "decode"): latin-1, windows-125x, KOI8-R."""
    return encoding != "utf-8" and len(bytes(range(256)).decode(encoding, errors="replace")) == 256


def _reads_markup(body: bytes, encoding: str) -> bool:
    """A declaration is possible only if it reads the page's markup: ASCII-compatible, or (UTF-16
    without a BOM) reading the first non-blank character as '<'."""
    if _ascii_compatible(encoding):
        return True
    try:
        return body[:64].decode(encoding, errors="ignore").lstrip()[:1] == "<"
    except LookupError:
        return False


def _fit(body: bytes, encoding: str) -> Fit:
    text = body.decode(encoding, errors="replace")
    genuine = body.count(REPLACEMENT.encode()) if encoding == "utf-8" else 0
    bad = text.count(REPLACEMENT) - genuine
    return Fit(encoding, bad, len(text) - len(text.encode("ascii", errors="ignore")) - bad)


def _twingled(error: UnicodeError) -> tuple[str, int]:
    """Decode-error handler for UTF-8: an invalid byte that reads as windows-1252 in its context
    (punctuation, or a letter next to an ASCII letter) is that character, any other U+FFFD."""
    assert isinstance(error, UnicodeDecodeError)
    data, at = error.object, error.start
    char = data[at:at + 1].decode("cp1252", errors="replace")
    latin_context = data[at - 1:at].isalpha() or data[at + 1:at + 2].isalpha()
    if char != REPLACEMENT and (0x80 <= data[at] <= 0x9F or (char.isalpha() and latin_context)):
        return char, at + 1
    return REPLACEMENT, at + 1


codecs.register_error("fanwire-twingled", _twingled)


def _decode(body: bytes, encoding: str) -> str:
    if encoding == "utf-8":
        return body.decode("utf-8", errors="fanwire-twingled")
    return body.decode(encoding, errors="replace")


def _declared(body: bytes, content_type: str | None) -> list[str]:
    names = (_codec(http_content_type_encoding(content_type or "")), _codec(html_body_declared_encoding(body)))
    return [e for e in dict.fromkeys(n for n in names if n) if _reads_markup(body, e)]


def _detected(body: bytes) -> str | None:
    best = from_bytes(body).best()
    if best is None or not best.encoding:
        return None
    encoding = _codec(best.encoding) or best.encoding
    return _western(body) if encoding in WESTERN_GUESSES else encoding


def _western(body: bytes) -> str:
    """windows-1252, unless the page has none of its punctuation and some of ISO-8859-15's letters."""
    return "iso8859-15" if LATIN9_LETTERS.search(body) and not CP1252_PUNCTUATION.search(body) else "cp1252"


def _legacy_with_strays(body: bytes) -> str | None:
    """Step 5: the legacy multibyte charset that reads an undeclared page detection refused
    with few invalid sequences, and whose reading of the bytes without them is the least messy."""
    ranked = []
    for fit in (_fit(body, e) for e in LEGACY_MULTIBYTE):
        if fit.plausible:
            cleaned = body.decode(fit.encoding, errors="ignore").encode(fit.encoding, errors="ignore")
            best = from_bytes(cleaned, cp_isolation=[fit.encoding]).best()
            if best is not None:
                ranked.append((best.chaos, -best.coherence, fit.bad, fit.encoding))
    return min(ranked)[-1] if ranked else None


def _declared_or_detected(body: bytes, declared: str, detected: str | None) -> str:
    """A declared single-byte charset, unless detection reads the page in another single-byte
    charset with clearly less mess (Cyrillic windows-1251 labelled windows-1252)."""
    if detected is None or detected == declared or not _single_byte(detected):
        return declared
    chaos = {_codec(m.encoding): m.chaos for m in from_bytes(body, cp_isolation=[declared, detected])}
    if detected in chaos and chaos.get(declared, 1.0) > chaos[detected] + MESS_MARGIN:
        return detected
    return declared


def choose_encoding(body: bytes, content_type: str | None = None) -> str:
    """The charset `body` reads best in (see the module docstring)."""
    bom, _ = read_bom(body)
    if bom:
        return _codec(bom) or "utf-8"
    declared = _declared(body, content_type)
    if declared and not _ascii_compatible(declared[0]):
        return declared[0]
    utf8 = _fit(body, "utf-8")
    if utf8.bad == utf8.wide == 0:
        return declared[0] if declared else "utf-8"
    multibyte = [_fit(body, e) for e in declared if e != "utf-8" and not _single_byte(e)]
    if utf8.plausible and not (utf8.wide < MIN_UTF8_PROOF and any(f.bad == 0 for f in multibyte)):
        return "utf-8"
    for fit in multibyte:
        if fit.plausible:
            return fit.encoding
    detected = _detected(body)
    if detected and not _single_byte(detected) and _fit(body, detected).plausible:
        return detected
    legacy = None if detected else _legacy_with_strays(body)
    if legacy:
        return legacy
    single = [e for e in declared if _single_byte(e)]
    if single:
        return _declared_or_detected(body, single[0], detected)
    return detected or "cp1252"


def decode_html(body: bytes, content_type: str | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used) for an HTML body. `encoding`: the charset `choose_encoding`
    already chose for these bytes (the crawl chooses it to classify the page), not chosen again."""
    encoding = codecs.lookup(encoding).name if encoding else choose_encoding(body, content_type)
    text = _decode(body, encoding)
    return (text.lstrip("\ufeff") if read_bom(body)[0] else text), encoding
