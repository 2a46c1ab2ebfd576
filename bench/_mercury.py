"""postlight/parser (Mercury) fixtures as a corpus: each fixture page with the title, author and
date its hand-written site test expects, and the first words its article must start with.

Mercury's tests are JavaScript (`src/extractors/custom/<site>/index.test.js`); the expectations
are read from their `assert.equal(field, literal)` lines. They name no full body, so these
records have no `body`: the bench scores their metadata and whether the lede was kept.
"""
from __future__ import annotations

import re
from typing import Iterator

import lxml.html

from _corpora import Source, as_text, guess_lang, lang_code

TESTS = "src/extractors/custom"
LITERAL = r"""null|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`"""
ASSERT = re.compile(r"assert\.equal\(\s*(title|author|date_published|first13|text)\s*,\s*(" + LITERAL + r")\s*\)", re.S)
URL = re.compile(r"\bur[li]\s*=\s*(" + LITERAL + ")")
FIXTURE = re.compile(r"readFileSync\(\s*'\./(fixtures/[^']+)'")
FIELDS = {"title": "title", "author": "author", "date_published": "published", "first13": "lede", "text": "lede"}


def js_string(literal: str) -> str | None:
    """The value of a JavaScript string literal (no `${}` in these tests)."""
    if literal == "null":
        return None
    body = literal[1:-1]
    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|n|t|\n|.)", _unescape, body)


def _unescape(match: re.Match) -> str:
    code = match.group(1)
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code.strip("ux{}"), 16))
    return {"n": "\n", "t": "\t", "\n": ""}.get(code, code)


def cases(test: str) -> Iterator[tuple[str, str, dict]]:
    """(url, fixture path, expected fields) for each fixture a test loads: its assertions are
    those up to the next load; its URL the assignment nearest the load, before or after it."""
    loads = list(FIXTURE.finditer(test))
    url = None
    for i, load in enumerate(loads):
        start, end = loads[i - 1].end() if i else 0, loads[i + 1].start() if i + 1 < len(loads) else len(test)
        nearest = [(load.start() - m.end(), m.group(1)) for m in URL.finditer(test, start, load.start())]
        nearest += [(m.start() - load.end(), m.group(1)) for m in URL.finditer(test, load.end(), end)]
        url = js_string(min(nearest)[1]) if nearest else url
        if url:
            yield url, load.group(1), {FIELDS[f]: js_string(v) for f, v in ASSERT.findall(test, load.end(), end)}


def mercury(source: Source) -> Iterator[dict]:
    """One record per fixture page whose test names a title, author, date or lede."""
    seen: set[str] = set()
    for site in source.names(TESTS):
        test = source.text(f"{TESTS}/{site}/index.test.js")
        for url, fixture, expected in cases(test or ""):
            html = source.read(fixture)
            if html is None or fixture in seen or not any(expected.values()):
                continue
            seen.add(fixture)
            tree = lxml.html.fromstring(html)
            declared = (tree.xpath("/html/@lang") or tree.xpath("//meta[@http-equiv='content-language']/@content")
                        or [None])[0]
            sample = " ".join(tree.xpath("//p//text()")) or " ".join(filter(None, expected.values()))
            yield {"id": fixture.removeprefix("fixtures/").removesuffix(".html"), "url": url,
                   "lang": lang_code(declared) or guess_lang(sample), "html": as_text(html), "body": None,
                   **{k: v for k, v in expected.items() if v}}
