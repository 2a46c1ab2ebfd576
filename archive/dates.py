"""Dates as the whole project reads them: one parser for the timestamps pages, feeds, sitemaps
and HTTP headers state, one clock for "now", and one rule for which dates an article of the web
can have (extraction, the feeds, the chart and the migration that cleaned older archives).

A page dated before `EARLIEST_DATE` shows a template's placeholder (0001-01-01), and one dated
more than `MAX_DATE_LEAD_DAYS` after its fetch a typo or a trick (9999-12-31 would top every
"newest" list forever); posts scheduled ahead and time zones stay within the lead.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

EARLIEST_DATE = "1990-01-01"
MAX_DATE_LEAD_DAYS = 2
EARLIEST = datetime.fromisoformat(EARLIEST_DATE).replace(tzinfo=timezone.utc)


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)


def now_iso() -> str:
    """The current UTC time as stored everywhere in the archive (ISO 8601, seconds)."""
    return utc_now().isoformat(timespec="seconds")


def as_utc(moment: datetime) -> datetime:
    """`moment`, taken as UTC when it names no zone (a stated time without zone is most often UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def read_datetime(value: str | None) -> datetime | None:
    """A timestamp as stated: ISO 8601 (`Z` included, date-only too) or RFC 2822 (HTTP, RSS and
    e-mail dates), naive when it names no zone; None when it cannot be read."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def parse_date(value: str | None) -> datetime | None:
    """`read_datetime` made comparable: aware, UTC when no zone is given; None when unreadable."""
    moment = read_datetime(value)
    return as_utc(moment) if moment is not None else None


def is_plausible(moment: datetime, reference: datetime) -> bool:
    """`moment` (naive is UTC) lies between `EARLIEST_DATE` and the lead after `reference`."""
    moment = as_utc(moment)
    try:
        return EARLIEST <= moment <= reference + timedelta(days=MAX_DATE_LEAD_DAYS)
    except OverflowError:  # year 1 or 9999 shifted by its offset
        return False
