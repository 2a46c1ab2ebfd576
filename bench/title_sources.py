"""Issue 16: how often each of a page's headline candidates is the corpus's expected title, and
the best any fixed order of them can score, beside fanwire's own title.

    python bench/title_sources.py [--corpus fundus]

A page offers its headline in several places: the first <h1>, the JSON-LD `headline`, `og:title`,
`twitter:title` and the document's <title>, as it is and cleaned of the site's name. A corpus whose expected
titles follow each publisher's parser (Fundus) takes one source on some sites and another on
others; the figure `best_fixed_order` is the highest share of pages any order of "take the
first source present" gets exactly right, `oracle` the share where any source is right. Titles
compare as `_real_pages.same_title` compares them (spaces and quotes folded).
"""
from __future__ import annotations

import argparse
import json
import sys
from itertools import permutations
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _real_pages import load_corpora, same_title  # noqa: E402
from extraction import CORPORA, ours  # noqa: E402

from pipelines.normalize import clean_title  # noqa: E402
from pipelines.page_metadata import page_metadata  # noqa: E402

SOURCES = ("h1", "json_ld", "og", "twitter", "title", "title_cleaned")


def candidates(page_html: bytes, url: str) -> dict[str, str | None]:
    """Each source's headline on the page, or None where the page has none."""
    tree = lxml_html.fromstring(page_html)
    meta = page_metadata(tree)
    og = tree.xpath("//meta[@property='og:title']/@content")
    twitter = tree.xpath("//meta[@name='twitter:title']/@content")
    return {"h1": meta.h1s[0] if meta.h1s else None, "json_ld": meta.headline,
            "og": og[0].strip() if og else None, "twitter": twitter[0].strip() if twitter else None,
            "title": meta.page_title, "title_cleaned": clean_title(meta.page_title, meta.site_name, url.split("/")[2])}


def first_present(found: dict[str, str | None], order: tuple[str, ...]) -> str | None:
    return next((found[source] for source in order if found[source]), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="fundus",
                        help="the corpus name (a <name>.jsonl.gz of bench/data/extraction)")
    args = parser.parse_args()
    pages = [p for p in load_corpora(CORPORA) if p.corpus == args.corpus and p.truth.get("title")]
    if not pages:
        print(f"no pages with titles in corpus {args.corpus!r}")
        return 1
    found = [candidates(p.html, p.url) for p in pages]
    right = [{s for s, value in f.items() if value and same_title(p.truth["title"], value)}
             for p, f in zip(pages, found)]
    orders = {order: sum(same_title(p.truth["title"], first_present(f, order)) for p, f in zip(pages, found))
              for order in permutations(SOURCES)}
    best = max(orders, key=orders.get)
    fanwire = sum(same_title(p.truth["title"], ours(p.html, p.url)["title"]) for p in pages)
    report = {
        "corpus": args.corpus, "pages": len(pages),
        "source_present": {s: sum(bool(f[s]) for f in found) for s in SOURCES},
        "source_right": {s: sum(s in r for r in right) for s in SOURCES},
        "best_fixed_order": {"order": best, "share": round(orders[best] / len(pages), 3)},
        "oracle": round(sum(bool(r) for r in right) / len(pages), 3),
        "fanwire": round(fanwire / len(pages), 3),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
