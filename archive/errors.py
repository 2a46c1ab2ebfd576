"""Errors the archive raises; the CLI turns them into click errors."""
from __future__ import annotations

import sqlite3
from pathlib import Path


class ArchiveError(Exception):
    """Base class for errors a user can act on."""


class ArchiveNotFound(ArchiveError):
    """The database file to read does not exist."""


class NotAnArchive(ArchiveError):
    """The file is not a fanwire archive: not SQLite at all (or damaged), empty, or without its tables."""


class ArchiveUnwritable(ArchiveError):
    """The archive cannot be created or written: its directory is missing or read-only, or the file is."""


class UnknownTable(ArchiveError):
    """An export named a table the archive does not have."""


class StaleSearchIndex(ArchiveError):
    """The archive's search index is older than this fanwire, and a read-only export cannot rebuild it."""


class UnknownSeries(ArchiveError):
    """No series of the catalog has the title, alias or id given."""


class AmbiguousSeries(ArchiveError):
    """More than one series has the name given: an id tells them apart."""


def opening_error(path: str | Path, exc: sqlite3.DatabaseError) -> ArchiveError | None:
    """The named error for SQLite's failure to open or write the archive at `path`, if it is one
    a user can act on (None for others, such as a lock held too long)."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")):
        return ArchiveUnwritable(f"cannot create or write the archive {path} ({exc}): "
                                 "does its directory exist, and may you write there?")
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return NotAnArchive(f"{path} is not a fanwire archive ({exc})")
    return None
