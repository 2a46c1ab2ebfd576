"""Text the archive can store: every string bound for a row is cleaned once, at the boundary.

A hostile or broken page hands extraction strings no database row should hold: a lone UTF-16
surrogate (a broken emoji escape such as `"Ann \\ud83d"` in JSON-LD, which Python decodes
without complaint and then cannot encode as UTF-8, failing the whole transaction), NUL (SQLite
keeps it, but C-string readers of the archive, FTS tokenizers and the sqlite3 shell among them,
cut the text there), and the other C0 controls XML 1.0 forbids (an Atom feed or WARC export
of the archive must stay well-formed). Cleaning costs the bad character, never the row: a
surrogate becomes U+FFFD (a well-formed pair of surrogates is joined into its character) and
the controls and noncharacters are dropped; tab, newline and carriage return are text and stay.
"""
from __future__ import annotations

import re
from typing import Any

#: C0 controls but tab, newline and carriage return (NUL cuts C strings, all are invalid in XML
#: 1.0), DEL, and the noncharacters U+FFFE and U+FFFF (invalid in XML, byte-order-mark confusion).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
#: UTF-16 surrogates: never characters on their own, not encodable as UTF-8.
SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` as UTF-8 and XML can carry it."""
    if SURROGATES.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return CONTROLS.sub("", text)


def clean(value: Any) -> Any:
    """A copy of `value` with every string in it cleaned, through dicts (keys too), lists and
    tuples; other values (numbers, bytes, None) are kept as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean(v) for v in value)
    return value
