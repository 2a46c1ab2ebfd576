"""Issue 16: real-page corpora with expected output, for bench/extraction.py, written from
fetched copies of public repositories (what each holds and why: bench/data/extraction/README.md).

    python bench/build_extraction_corpora.py --readability MIRROR --newspaper MIRROR \
        --mercury MIRROR --fundus MIRROR --trafilatura MIRROR [--out bench/data/extraction]

Each MIRROR is a git directory (bare or not) or a checked-out tree of that repository. Every
corpus becomes OUT/<name>.jsonl.gz, one page a line: id, url, lang, html, body, title, author,
published (absent or null where the source states nothing), plus a source's own fields
(trafilatura_eval: `with` and `without`, the segments the text must and must not hold).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import Source, as_text, block_text, guess_lang, lang_code, page_url  # noqa: E402
from _fundus import fundus  # noqa: E402
from _mercury import mercury  # noqa: E402
from _trafilatura_eval import trafilatura_eval  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "data" / "extraction"
# readability's own unit tests: a few KB of hand-made markup (often lorem ipsum), not a site's page.
SYNTHETIC_BYTES = 5000


def readability(source: Source) -> Iterator[dict]:
    """mozilla/readability test/test-pages: the text of expected.html, metadata from expected-metadata.json."""
    folder = "test/test-pages"
    for name in source.names(folder):
        html = source.read(f"{folder}/{name}/source.html")
        expected = source.text(f"{folder}/{name}/expected.html")
        if html is None or expected is None:
            continue
        meta = json.loads(source.text(f"{folder}/{name}/expected-metadata.json") or "{}")
        text = as_text(html)
        tree = lxml.html.fromstring(html)
        body = block_text(expected)
        declared = meta.get("lang") or (tree.xpath("/html/@lang") or [None])[0]
        yield {"id": name, "url": page_url(tree, f"{name}.example"),
               "lang": lang_code(declared) or guess_lang(body), "html": text, "body": body,
               "title": meta.get("title"), "author": meta.get("byline"), "published": meta.get("publishedTime"),
               "synthetic": len(html) < SYNTHETIC_BYTES}


def newspaper(source: Source) -> Iterator[dict]:
    """AndyTheFactory/newspaper4k tests/data: html/NAME.html with txt/NAME.txt, metadata/NAME.json.
    Authors are left out: the stored ones are the library's guesses, many of them wrong."""
    fixtures = source.text("tests/conftest.py") or ""
    for txt in source.names("tests/data/txt"):
        name = txt.removesuffix(".txt")
        html = source.read(f"tests/data/html/{name}.html")
        if html is None:
            continue
        meta = json.loads(source.text(f"tests/data/metadata/{name}.json") or "{}")
        body = "\n".join(" ".join(line.split()) for line in (source.text(f"tests/data/txt/{txt}") or "").splitlines()
                         if line.strip())
        tree = lxml.html.fromstring(html)
        url = meta.get("url") or fixture_url(fixtures, name) or page_url(tree, f"{name}.example")
        yield {"id": name, "url": url, "lang": lang_code(meta.get("language")) or fixture_lang(fixtures, name)
               or guess_lang(body), "html": as_text(html), "body": body, "title": meta.get("title") or None,
               "published": date_only_midnight(meta.get("publish_date"))}


def fixture_url(fixtures: str, name: str) -> str | None:
    """newspaper4k's language fixtures list (url, name, lang) tuples in tests/conftest.py."""
    match = re.search(r'\(\s*"(https?://[^"]+)"[^()]*?"' + re.escape(name) + r'"', fixtures)
    return match.group(1) if match else None


def fixture_lang(fixtures: str, name: str) -> str | None:
    match = re.search(r'"' + re.escape(name) + r'",\s*"([a-z]{2})"', fixtures)
    return match.group(1) if match else None


def date_only_midnight(value: str | None) -> str | None:
    """A date the library padded to midnight without a zone is a date only."""
    if value and re.fullmatch(r"\d{4}-\d\d-\d\d[T ]00:00:00", value):
        return value[:10]
    return value or None


def distinct(records: Iterator[dict]) -> list[dict]:
    """The first record of each page: a source may test one saved page twice."""
    seen: set[str] = set()
    return [r for r in records if not (r["html"] in seen or seen.add(r["html"]))]


def write(name: str, records: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / f"{name}.jsonl.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    langs = Counter(r["lang"] or "?" for r in records)
    print(f"{name}: {len(records)} pages, {dict(langs.most_common())}, {(out / f'{name}.jsonl.gz').stat().st_size:,} bytes")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readability", type=Path, help="a copy of mozilla/readability")
    parser.add_argument("--newspaper", type=Path, help="a copy of AndyTheFactory/newspaper4k")
    parser.add_argument("--mercury", type=Path, help="a copy of postlight/parser")
    parser.add_argument("--fundus", type=Path, help="a copy of flairNLP/fundus")
    parser.add_argument("--trafilatura", type=Path, help="a copy of adbar/trafilatura (its evaluation corpus)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for name, build, path in (("readability", readability, args.readability), ("newspaper", newspaper, args.newspaper),
                              ("mercury", mercury, args.mercury), ("fundus", fundus, args.fundus),
                              ("trafilatura_eval", trafilatura_eval, args.trafilatura)):
        if path is not None:
            write(name, distinct(build(Source(path))), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
