"""Deduplication of stories: one story, however many sites and URLs carry it.

1. The same document under other URLs (share links, AMP, print) already has one key URL
   (`pipelines.normalize`) and so one article row; nothing to do here.
2. An exact copy (same normalized text hash) joins the story of the text it copies.
3. A near copy (syndicated with light edits) is found by MinHash LSH over word 5-gram
   shingles (CJK characters count as words) and confirmed by the exact Jaccard similarity of
   the two shingle sets, so LSH's false candidates never merge stories.
4. Anything else starts a new story, keyed by its own URL.

Signatures are kept in the archive (through the store stage's signals), so a copy found next
week joins last week's story without re-reading any text.
"""
from __future__ import annotations

import logging
import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from pipelines.state import ArchiveState
from scraper.items import ArticleItem

logger = logging.getLogger(__name__)

#: Words per shingle: 5 keeps stories that share a series and stock phrases apart (measured on
#: fansim: different stories reach Jaccard 0.52 at most, syndicated copies 0.80 at least).
SHINGLE_WORDS = 5
NUM_PERM = 128
#: datasketch's hashing scheme for 32-bit shingle hashes; stored signatures are read back with it.
SCHEME = "affine32"
#: LSH candidate threshold: low, so that every plausible copy is looked at.
LSH_THRESHOLD = 0.5
#: Exact Jaccard similarity that confirms a candidate as a copy of the same story.
CONFIRM_JACCARD = 0.65
TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]|[^\W_]+")


def _identity(value: int) -> int:
    return value


def shingle_hashes(text: str) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's word 5-grams."""
    words = TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return np.unique(np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams if g), dtype=np.uint32))


@dataclass
class Signature:
    """What the index keeps of one article: its MinHash and its shingle hashes."""

    minhash: MinHash
    shingles: np.ndarray

    @classmethod
    def of(cls, text: str) -> Signature:
        shingles = shingle_hashes(text)
        minhash = MinHash(num_perm=NUM_PERM, hashfunc=_identity, scheme=SCHEME)
        minhash.update_batch(shingles.tolist())
        return cls(minhash, shingles)

    def jaccard(self, other: Signature) -> float:
        union = len(np.union1d(self.shingles, other.shingles))
        return len(np.intersect1d(self.shingles, other.shingles, assume_unique=True)) / union if union else 0.0

    def to_record(self) -> dict[str, bytes]:
        return {"minhash": self.minhash.hashvalues.astype(np.uint64).tobytes(),
                "shingles": self.shingles.astype(np.uint32).tobytes()}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Signature:
        hashvalues = np.frombuffer(record["minhash"], dtype=np.uint64)
        return cls(MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, hashfunc=_identity, scheme=SCHEME),
                   np.frombuffer(record["shingles"], dtype=np.uint32))


@dataclass
class Match:
    story_key: str
    via: str  # "same-url", "exact", "near" or "new"
    similarity: float


class StoryIndex:
    """Every known article's signature and story, searchable by LSH."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, Signature] = {}
        self.story_of: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, url: str, story_key: str, content_hash: str | None, signature: Signature) -> None:
        self.signatures[url] = signature
        self.story_of[url] = story_key
        if content_hash:
            self.by_hash.setdefault(content_hash, url)
        self.lsh.insert(url, signature.minhash)

    def assign(self, url: str, content_hash: str | None, signature: Signature) -> Match:
        """The story `url` belongs to; a new article is added to the index."""
        if url in self.story_of:
            return Match(self.story_of[url], "same-url", 1.0)
        match = self._find(content_hash, signature) or Match(url, "new", 0.0)
        self.add(url, match.story_key, content_hash, signature)
        return match

    def _find(self, content_hash: str | None, signature: Signature) -> Match | None:
        if content_hash and content_hash in self.by_hash:
            return Match(self.story_of[self.by_hash[content_hash]], "exact", 1.0)
        best, best_sim = None, 0.0
        for candidate in self.lsh.query(signature.minhash):
            sim = signature.jaccard(self.signatures[candidate])
            if sim > best_sim:
                best, best_sim = candidate, sim
        if best is not None and best_sim >= CONFIRM_JACCARD:
            return Match(self.story_of[best], "near", best_sim)
        return None


class DedupePipeline:
    """Give each article its `story_key` (the URL of the story's first known article)."""

    def __init__(self, crawler: Crawler, signatures: list[dict[str, Any]]) -> None:
        self.stats = crawler.stats
        self.index = StoryIndex()
        for record in signatures:
            self.index.add(record["url"], record["story_key"], record["content_hash"], Signature.from_record(record))
        logger.info("Story index: %d known articles", len(self.index))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        """The story index starts from the signatures of every archived article."""
        return cls(crawler, ArchiveState.from_crawler(crawler).signatures)

    def process_item(self, item: object) -> object:
        if not isinstance(item, ArticleItem):
            return item
        signature = Signature.of(item.text or "")
        match = self.index.assign(item.key_url, item.content_hash, signature)
        adapter = ItemAdapter(item)
        adapter["story_key"] = match.story_key
        adapter["signature"] = signature.to_record()
        self.stats.inc_value(f"fanwire/dedupe/{match.via}")
        return item
