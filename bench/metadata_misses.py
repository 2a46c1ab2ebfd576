"""List every real page where fanwire's title, author or date differs from the corpus's expected
value, with trafilatura's beside it, to judge each miss by eye (issue 16).

    python bench/metadata_misses.py [--corpus NAME] [--field title|author|published] [--all]

--all also lists pages where fanwire is right. Trafilatura's answers are cached in
bench/out/trafilatura-metadata.json (they do not change while fanwire's rules do).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _real_pages import MATCH, METADATA, load_corpora  # noqa: E402
from extraction import CORPORA, OUT, ours, plain  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus")
    parser.add_argument("--field", choices=METADATA)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    cache_path = OUT / "trafilatura-metadata.json"
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    pages = [p for p in load_corpora(CORPORA) if not args.corpus or p.corpus == args.corpus]
    for page in pages:
        key = f"{page.corpus}/{page.id}"
        if key not in cache:
            out = plain(page.html, page.url)
            cache[key] = {k: out.get(k) for k in METADATA}
        mine = ours(page.html, page.url, "text/html; charset=utf-8")
        for field in METADATA if not args.field else (args.field,):
            truth = page.truth.get(field)
            if not truth:
                continue
            ok = MATCH[field](truth, mine.get(field))
            if ok and not args.all:
                continue
            traf_ok = MATCH[field](truth, cache[key][field])
            print(f"{'OK ' if ok else 'XX '}{'T+' if traf_ok else 'T-'} {key} {field} {page.url}\n"
                  f"    truth: {truth!r}\n    ours:  {mine.get(field)!r}\n    traf:  {cache[key][field]!r}")
    OUT.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cache, ensure_ascii=False))


if __name__ == "__main__":
    main()
