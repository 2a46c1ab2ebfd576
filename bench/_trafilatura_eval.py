"""adbar/trafilatura's evaluation corpus as a corpus: about 990 pages (news, blogs, forums, shops and
institutional pages; mostly German, a fifth to a third in other languages), each annotated by the
project's maintainers with text segments the main text must hold (`with`) and boilerplate it must
not (`without`): menus, bylines, dates, imprints, related links, comments.

The data lives in `tests/evaldata.json` (page URL → `file`, `with`, `without`), the pages in
`tests/eval/` or `tests/cache/`. It is scored as trafilatura's own `tests/evaluate.py` scores it:
a segment counts as found when it occurs in the output once whitespace is squashed.
"""
from __future__ import annotations

import json
from typing import Iterator

import lxml.html

from _corpora import Source, as_text, guess_lang, lang_code

ANNOTATIONS = "tests/evaldata.json"
FOLDERS = ("tests/cache", "tests/eval")


def trafilatura_eval(source: Source) -> Iterator[dict]:
    for url, item in json.loads(source.text(ANNOTATIONS) or "{}").items():
        data = next((d for folder in FOLDERS if (d := source.read(f"{folder}/{item['file']}")) is not None), None)
        if data is None or not item.get("with") or not item.get("without"):
            continue
        html = as_text(data)
        try:
            declared = (lxml.html.fromstring(html).xpath("/html/@lang") or [None])[0]
        except (ValueError, lxml.etree.ParserError):
            continue
        yield {"id": item["file"], "url": url, "lang": lang_code(declared) or guess_lang(" ".join(item["with"])),
               "html": html, "with": item["with"], "without": item["without"]}
