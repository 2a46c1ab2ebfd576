"""How many real article pages (the public article-extraction benchmark in
../shared/benchmarks/article-extraction, 181 pages from news sites and blogs) the spider would
recognise as articles, with the signals behind each miss.

    python bench/pagetype_realworld.py

Every page of that benchmark is a single article, so the figure is the classifier's recall on
templates nobody here wrote. Writes bench/out/pagetype_realworld.json; skips when absent.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from parsel import Selector

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import OUT, SHARED  # noqa: E402

from pipelines.decode import decode_html  # noqa: E402
from scraper.pagetype import classify  # noqa: E402

PAGES = SHARED / "benchmarks" / "article-extraction" / "html"


def main() -> int:
    if not PAGES.is_dir():
        print(f"skipped: no benchmark pages at {PAGES}")
        return 0
    urls = {key: page["url"] for key, page in json.loads((PAGES.parent / "ground-truth.json").read_text()).items()}
    misses, signals = [], Counter()
    files = sorted(PAGES.glob("*.html.gz"))
    for path in files:
        html, _ = decode_html(gzip.decompress(path.read_bytes()))
        kind = classify(Selector(text=html), urls[path.name.split(".")[0]])
        signals.update(s.rsplit(":", 1)[0] for s in kind.signals)
        if not kind.is_article:
            misses.append({"page": path.name[:16], "score": kind.score, "signals": kind.signals})
    report = {"pages": len(files), "recognised_as_articles": len(files) - len(misses),
              "recall": round(1 - len(misses) / len(files), 4), "signal_counts": dict(signals.most_common()),
              "misses": misses}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pagetype_realworld.json").write_text(json.dumps(report, indent=2))
    print(json.dumps({k: v for k, v in report.items() if k != "misses"}, indent=2))
    for miss in misses:
        print(miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
