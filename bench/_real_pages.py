"""Scoring extraction on real pages with expected output (bench/data/extraction/*.jsonl.gz and
the article-extraction benchmark): both systems on the same pages, per corpus and language.

Body F1 is reported two ways over word 4-shingles (tokens and shingles as fansim's
`score.py`, which this module needs no copy of ../shared for):
- macro: precision and recall per page (counts normalised per page), averaged over pages,
  then F1 of the two means, as `score.body_f1` computes;
- micro: shingle counts pooled over all pages before P/R/F1, so long pages weigh more.
Title, author and date are exact rates over the pages whose source states them: titles equal
once whitespace is squashed and typographic quotes made straight (a page's <title> and its
og:title often differ in nothing else); authors the same names in the same order, case aside,
less a leading "By", however they are listed ("A, B and C", "A; B; C", "A & B": sources join
several authors each their own way, and CSS alone often sets a byline in capitals, so markup
and a parser's output differ there); dates the same instant (to the
minute: sources differ in seconds and milliseconds) when both carry a time zone, else the same
calendar day (a zoned truth's day in any time zone). A date-only answer is thus judged by its
day, a timestamp by its instant.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable

TOKEN = re.compile(r"\w+", re.UNICODE)
METADATA = ("title", "author", "published")
#: trafilatura_eval's annotations: segments the text must hold and boilerplate it must not.
SEGMENTS = ("with", "without")
# Offsets a calendar day can be read in: UTC-12 to UTC+14.
ZONES = (timedelta(hours=-12), timedelta(hours=14))


@dataclass
class Page:
    corpus: str
    id: str
    url: str
    html: bytes
    lang: str | None
    truth: dict
    synthetic: bool | None = None  # None: the corpus does not tell hand-made test pages apart


def load_corpora(folders: Iterable[Path]) -> list[Page]:
    """Every `<name>.jsonl.gz` in the folders; a name found in an earlier folder wins."""
    pages, seen = [], set()
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl.gz")) if folder.is_dir() else []:
            name = path.name.removesuffix(".jsonl.gz")
            if name in seen:
                continue
            seen.add(name)
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    r = json.loads(line)
                    pages.append(Page(name, r["id"], r["url"], r["html"].encode("utf-8"), r.get("lang"),
                                      {k: r.get(k) for k in ("body", *METADATA, "lede", *SEGMENTS)},
                                      r.get("synthetic")))
    return pages


def shingles(text: str | None, n: int = 4) -> Counter:
    t = TOKEN.findall(text or "")
    return Counter(tuple(t[i:i + n]) for i in range(max(1, len(t) - n + 1)) if t[i:i + n])


def counts(true: str, pred: str) -> tuple[int, int, int]:
    """Raw (tp, fp, fn) shingle counts of one page."""
    a, b = shingles(true), shingles(pred)
    tp = sum((a & b).values())
    return tp, sum(b.values()) - tp, sum(a.values()) - tp


def macro_f1(rows: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    """(F1, P, R) as fansim's `score.body_f1`: per-page P and R averaged, then their F1."""
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [prec(*r) for r in rows if r[0] + r[1] > 0]
    rs = [rec(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def micro_f1(rows: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    """(F1, P, R) of the shingle counts pooled over all pages."""
    tp, fp, fn = (sum(col) for col in zip(*rows)) if rows else (0, 0, 0)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


QUOTES = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")
#: What joins several authors: "A, B and C", "A; B", "A & B", "A und B", "A et B", "A y B", "A、B".
AUTHOR_SEPARATOR = re.compile(r"\s*[,;&、]\s*(?:and\s+)?|\s+(?:and|und|et|y|e)\s+", re.I)


def same_title(truth: str, pred: str | None) -> bool:
    return squash(truth).translate(QUOTES) == squash(pred).translate(QUOTES)


#: A byline's label before the names: "By", "Written by", "文●", "著者：", "作者：" (corpora keep or drop it).
AUTHOR_LABEL = re.compile(r"^(?:(?:written\s+)?by|文|著者|作者|執筆)\s*[:：●・]?\s*", re.I)


def same_author(truth: str, pred: str | None) -> bool:
    def names(value: str | None) -> list[str]:
        bare = AUTHOR_LABEL.sub("", squash(value)).casefold()
        return [name for name in AUTHOR_SEPARATOR.split(bare) if name]
    return names(truth) == names(pred)


def _when(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


def same_date(truth: str, pred: str | None) -> bool:
    """The same day, in some time zone: trafilatura answers with a day only, and corpora state an
    instant in UTC that their own tool read, sometimes in the wrong zone, so both systems are
    judged by the day the page gives (its own zone's date)."""
    t, p = _when(truth), _when(pred)
    if t is None or p is None:
        return False
    if t.tzinfo is None or "T" not in truth:
        return t.date() == p.date()
    utc = t.astimezone(timezone.utc).replace(tzinfo=None)
    return (utc + ZONES[0]).date() <= p.date() <= (utc + ZONES[1]).date()


MATCH: dict[str, Callable[[str, str | None], bool]] = {"title": same_title, "author": same_author, "published": same_date}


def segment_counts(kept: list[str], dropped: list[str], text: str) -> Counter:
    """trafilatura's evaluation counts (its `tests/eval_common.py`): a `with` segment found is a true
    positive, one missing a false negative; a `without` segment found a false positive, one
    missing a true negative; found means a substring once whitespace is squashed."""
    bare = squash(text)
    tp = sum(squash(w) in bare for w in kept)
    fp = sum(squash(w) in bare for w in dropped)
    return Counter(tp=tp, fn=len(kept) - tp, fp=fp, tn=len(dropped) - fp)


def lede_kept(lede: str, text: str) -> bool:
    """The expected opening words are in the text, whitespace ignored (fixtures join elements)."""
    return re.sub(r"\s+", "", lede) in re.sub(r"\s+", "", text)


@dataclass
class Tally:
    """What one system got right on a group of pages."""
    rows: list[tuple[int, int, int]] = field(default_factory=list)
    hits: Counter = field(default_factory=Counter)
    asked: Counter = field(default_factory=Counter)
    segments: Counter = field(default_factory=Counter)

    def add(self, page: Page, out: dict) -> None:
        if page.truth.get("body") is not None:
            self.rows.append(counts(page.truth["body"], out["text"]))
        if page.truth.get("with"):
            self.segments.update(segment_counts(page.truth["with"], page.truth["without"], out["text"]))
        for key in (*METADATA, "lede"):
            truth = page.truth.get(key)
            if truth:
                self.asked[key] += 1
                kept = lede_kept(truth, out["text"]) if key == "lede" else MATCH[key](truth, out.get(key))
                self.hits[key] += kept

    def summary(self) -> dict:
        out: dict = {}
        if self.rows:
            for name, f in (("macro", macro_f1), ("micro", micro_f1)):
                f1, p, r = f(self.rows)
                out[name] = {"f1": round(f1, 4), "precision": round(p, 4), "recall": round(r, 4)}
        if self.segments:
            tp, fp, fn = (self.segments[k] for k in ("tp", "fp", "fn"))
            p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
            out["segments"] = {"f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0,
                               "precision": round(p, 4), "recall": round(r, 4)}
        for key, n in self.asked.items():
            out[key] = round(self.hits[key] / n, 4)
        return out


def groups(page: Page) -> list[str]:
    """The groups a page is scored in: all, its language, and its kind where a corpus marks it."""
    kind = [] if page.synthetic is None else ["synthetic" if page.synthetic else "site pages"]
    return ["ALL", *kind, f"lang:{page.lang or '?'}"]


def score_pages(pages: list[Page], systems: dict[str, Callable[..., dict]]) -> dict:
    """{corpus: {group: {pages, body pages, each system's figures, and the second minus the first}}}."""
    tallies: dict[str, dict[str, dict[str, Tally]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(Tally)))
    sizes: dict[str, Counter] = defaultdict(Counter)
    for page in pages:
        outs = {name: system(page.html, page.url, "text/html; charset=utf-8") for name, system in systems.items()}
        for group in groups(page):
            sizes[page.corpus][group] += 1
            for name, out in outs.items():
                tallies[page.corpus][group][name].add(page, out)
    first, second = list(systems)[:2]
    report: dict = {}
    for corpus, by_group in tallies.items():
        report[corpus] = {}
        for group in sorted(by_group, key=lambda g: (g != "ALL", g.startswith("lang:"), -sizes[corpus][g], g)):
            figures = {name: t.summary() for name, t in by_group[group].items()}
            report[corpus][group] = {"pages": sizes[corpus][group], "body_pages": len(by_group[group][first].rows),
                                     **figures, "difference": difference(figures[first], figures[second])}
    return report


def difference(a: dict, b: dict) -> dict:
    """b − a for every figure both have: F1 (macro, micro, segments) and the metadata rates."""
    out = {f"{k}_f1": round(b[k]["f1"] - a[k]["f1"], 4) for k in ("macro", "micro", "segments") if k in a}
    out.update({k: round(b[k] - a[k], 4) for k in (*METADATA, "lede") if k in a})
    return out


def table(report: dict, first: str, second: str) -> str:
    """One line per corpus and group: macro and micro F1 of both systems and second − first,
    then the metadata rates (first → second)."""
    head = f"{'corpus / group':34} {'pages':>5}  {'macro F1':^24}  {'micro F1':^24}  title / author / date / lede"
    names = f"{first[:7]:>7} {second[:7]:>7} {'diff':>7}"
    lines = [head, f"{'':34} {'':>5}  {names}  {names}"]
    for corpus, by_group in report.items():
        for group, g in by_group.items():
            a, b = g[first], g[second]
            f1 = "  ".join(f"{a[k]['f1']:7.3f} {b[k]['f1']:7.3f} {b[k]['f1'] - a[k]['f1']:+7.3f}" if k in a
                           else f"{'-':>7} {'-':>7} {'':>7}" for k in ("macro", "micro"))
            meta = "  ".join(f"{k[:1]} {a[k]:.2f}→{b[k]:.2f}" for k in (*METADATA, "lede") if k in a)
            if "segments" in a:
                meta += "  segments P/R/F1 " + " → ".join(
                    "{precision:.3f}/{recall:.3f}/{f1:.3f}".format(**x["segments"]) for x in (a, b))
            lines.append(f"{corpus + ' / ' + group:34} {g['pages']:5}  {f1}  {meta}")
    return "\n".join(lines)
