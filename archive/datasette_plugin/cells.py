"""Readable HTML for stored values: ISO dates as dates, JSON lists and counts as short text.

Only Datasette's HTML pages change (its `render_cell` hook): .json and .csv keep the stored value,
and the ISO value stays in each <time>'s datetime attribute and tooltip.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

from markupsafe import Markup, escape

from archive.dates import read_datetime

#: Columns holding a publication date: shown as the day ("2 Jan 2025").
DATE_COLUMNS = frozenset({"published", "first_published", "modified"})
#: Columns holding when the archive did something: the day and the time with its offset.
TIME_COLUMNS = frozenset({"fetched_at", "started_at", "finished_at", "heartbeat_at", "at"})


def _offset(moment: datetime) -> str:
    delta = moment.utcoffset()
    if delta is None:
        return ""
    if delta == timedelta(0):
        return " UTC"
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f" {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def readable_date(value: str, with_time: bool) -> Markup | None:
    """`value` (ISO 8601) as a <time> a reader scans; None when it is no ISO date."""
    moment = read_datetime(value)
    if moment is None:
        return None
    text = f"{moment.day} {moment:%b %Y}"
    if with_time and "T" in value:
        text += f", {moment:%H:%M}{_offset(moment)}"
    return Markup(f'<time datetime="{escape(value)}" title="{escape(value)}">{escape(text)}</time>')


def date_cell(column: str, value: object) -> Markup | None:
    """A date column's value as readable text, or None for another column or value."""
    if not isinstance(value, str) or column not in DATE_COLUMNS | TIME_COLUMNS:
        return None
    return readable_date(value, column in TIME_COLUMNS)


def json_value(value: object) -> object:
    """A JSON list or object stored as text, else None."""
    if not isinstance(value, str) or not value.startswith(("[", "{")):
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def counts_html(value: object, href: Callable[[str], str]) -> Markup | None:
    """A JSON object of counts ({"http_error": 4}) as "http_error 4 · …", each key a link."""
    counts = json_value(value)
    if not isinstance(counts, dict):
        return None
    return Markup(" · ".join(f'<a href="{escape(href(str(k)))}">{escape(k)}</a> {escape(n)}'
                             for k, n in counts.items()))


def list_html(value: object, href: Callable[[str], str]) -> Markup | None:
    """A JSON list of names (["a.test", "b.test"]) as comma-separated links."""
    names = json_value(value)
    if not isinstance(names, list):
        return None
    return Markup(", ".join(f'<a href="{escape(href(str(n)))}">{escape(n)}</a>' for n in names))
