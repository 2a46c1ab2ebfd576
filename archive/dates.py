"""Which dates an article of the web can have: one rule for extraction, the feeds, the chart and
the migration that cleaned older archives.

A page dated before `EARLIEST_DATE` shows a template's placeholder (0001-01-01), and one dated
more than `MAX_DATE_LEAD_DAYS` after its fetch a typo or a trick (9999-12-31 would top every
"newest" list forever); posts scheduled ahead and time zones stay within the lead.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

EARLIEST_DATE = "1990-01-01"
MAX_DATE_LEAD_DAYS = 2
EARLIEST = datetime.fromisoformat(EARLIEST_DATE).replace(tzinfo=timezone.utc)


def is_plausible(moment: datetime, reference: datetime) -> bool:
    """`moment` (naive is UTC) lies between `EARLIEST_DATE` and the lead after `reference`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        return EARLIEST <= moment <= reference + timedelta(days=MAX_DATE_LEAD_DAYS)
    except OverflowError:  # year 1 or 9999 shifted by its offset
        return False
