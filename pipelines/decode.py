"""Decode a page's bytes to text without mojibake.

Order: byte-order mark, HTTP `Content-Type` charset, `<meta>` charset, then detection. A declared
charset is trusted only if the bytes decode under it strictly; a page that claims UTF-8 but is
windows-1252 (a common CMS fault) is detected instead of being stored with U+FFFD.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

#: Encodings a declaration of latin-1/ASCII really means on the web (WHATWG: both are windows-1252).
WEB_ALIASES = {"latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "shift_jis": "cp932"}
#: Detected Latin-script guesses that short pages confuse with windows-1252, by far the commonest.
WESTERN_GUESSES = {"cp1250", "cp1254", "cp1257", "iso8859-2", "iso8859-9", "iso8859-15", "mac-roman"}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    resolved = resolve_encoding(name)
    if not resolved:
        return None
    canonical = codecs.lookup(resolved).name
    return WEB_ALIASES.get(canonical, canonical)


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used) for an HTML body."""
    bom, _ = read_bom(body)
    if bom:
        encoding = _codec(bom) or "utf-8"
        return body.decode(encoding, errors="replace").lstrip("\ufeff"), encoding
    declared = [_codec(http_content_type_encoding(content_type or "")), _codec(html_body_declared_encoding(body))]
    for encoding in dict.fromkeys(e for e in declared if e):
        if encoding == "cp1252" and (text := _strict(body, "utf-8")) is not None:
            return text, "utf-8"
        if (text := _strict(body, encoding)) is not None:
            return text, encoding
    if (text := _strict(body, "utf-8")) is not None:
        return text, "utf-8"
    best = from_bytes(body).best()
    if best is not None and best.encoding:
        encoding = _codec(best.encoding) or best.encoding
        if encoding in WESTERN_GUESSES and (text := _strict(body, "cp1252")) is not None:
            return text, "cp1252"
        if (text := _strict(body, encoding)) is not None:
            return text, encoding
    return body.decode("cp1252", errors="replace"), "cp1252"
