"""Which WARC files an archive has imported, known by their SHA-256 in `warc_imports`, so that
importing a file again changes nothing."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from archive.dates import now_iso
from archive.store import Archive

#: Bytes hashed per read when fingerprinting a WARC file.
HASH_CHUNK = 1 << 20


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def imported_digests(archive: Archive) -> set[str]:
    """SHA-256 of every WARC file already imported into the archive."""
    return {r[0] for r in archive.db.execute("SELECT sha256 FROM warc_imports")}


def record_imports(archive: Archive, files: Iterable[dict[str, Any]]) -> None:
    """Remember imported files (`sha256`, `path`, `size`, `crawl_id`)."""
    at = now_iso()
    with archive.db.atomic():
        archive.db["warc_imports"].upsert_all([{**f, "imported_at": at} for f in files], pk="sha256")
