"""Errors the archive raises; the CLI turns them into click errors."""


class ArchiveError(Exception):
    """Base class for errors a user can act on."""


class ArchiveNotFound(ArchiveError):
    """The database file to read does not exist."""


class UnknownTable(ArchiveError):
    """An export named a table the archive does not have."""
