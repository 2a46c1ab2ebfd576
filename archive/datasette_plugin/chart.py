"""Articles per month per site or per series, drawn as an SVG line chart on the server.

No JavaScript and nothing fetched from elsewhere: the chart works offline, in a published copy
and in a screenshot. The numbers under it are the `articles_per_site_per_month` canned query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from archive.datasette_plugin.reading import archive_database
from archive.dates import EARLIEST_DATE, MAX_DATE_LEAD_DAYS

CHART_PATH = "/-/fanwire/chart"
#: Lines drawn; the smaller groups are summed into one "other" line so the chart stays readable.
MAX_LINES = 8
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
WIDTH, HEIGHT, MARGIN = 900, 360, 48
#: Gaps between the y-axis gridlines at most.
MAX_TICKS = 6
#: Pixels from one x-axis label to the next at least ("2025-03" at 11 px is about 45 wide).
LABEL_GAP = 56

#: Months drawn at most (the latest ones): the page stays the same size however old the archive.
MAX_MONTHS = 240
#: Dates a chart counts: ISO dates from `EARLIEST_DATE` to two days from now. Extraction keeps
#: other dates out of `published`; this holds for archives written before it did, too.
PLAUSIBLE = (f"{{column}} GLOB '[12][0-9][0-9][0-9]-[01][0-9]*' AND julianday({{column}}) "
             f"BETWEEN julianday('{EARLIEST_DATE}') AND julianday('now', '+{MAX_DATE_LEAD_DAYS} days')")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

COUNTS_SQL = {
    "site": "SELECT substr(published, 1, 7) AS month, site AS name, count(*) AS n FROM articles "
            f"WHERE {PLAUSIBLE.format(column='published')} GROUP BY 1, 2",
    "series": "SELECT substr(a.published, 1, 7) AS month, "
              "s.title || coalesce(' (' || nullif(s.title_ja, s.title) || ')', '') AS name, count(*) AS n "
              "FROM article_series t "
              "JOIN series s ON s.id = t.series_id JOIN articles a ON a.id = t.article_id "
              f"WHERE {PLAUSIBLE.format(column='a.published')} GROUP BY 1, 2",
}


@dataclass
class Lines:
    """Counts per month for each drawn group, months contiguous from the first to the last."""

    months: list[str]
    groups: dict[str, list[int]]


def month_range(first: str, last: str) -> list[str]:
    """The months from `first` to `last` ("YYYY-MM"), at most the latest `MAX_MONTHS`."""
    year, month = int(last[:4]), int(last[5:7])
    months: list[str] = []
    while f"{year:04d}-{month:02d}" >= first and len(months) < MAX_MONTHS:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def lines(counts: list[tuple[str, str, int]]) -> Lines:
    """Group (month, name, n) rows into at most MAX_LINES lines over at most MAX_MONTHS months,
    the biggest groups first."""
    counts = [c for c in counts if MONTH.match(c[0])]
    if not counts:
        return Lines([], {})
    months = month_range(min(c[0] for c in counts), max(c[0] for c in counts))
    counts = [c for c in counts if c[0] >= months[0]]
    totals: dict[str, int] = {}
    for _, name, n in counts:
        totals[name] = totals.get(name, 0) + n
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    shown = ranked if len(ranked) <= MAX_LINES else ranked[:MAX_LINES - 1]
    groups = {name: [0] * len(months) for name in shown}
    if len(shown) < len(ranked):
        groups["other"] = [0] * len(months)
    index = {m: i for i, m in enumerate(months)}
    for month, name, n in counts:
        groups[name if name in shown else "other"][index[month]] += n
    return Lines(months, groups)


def nice_ticks(top: int) -> list[int]:
    """Y-axis values from 0 to at least `top`, at a step of 1, 2 or 5 times a power of ten with at
    most `MAX_TICKS` gaps: several gridlines a reader can read values against."""
    top, magnitude = max(top, 1), 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            gaps = -(-top // step)
            if gaps <= MAX_TICKS:
                return list(range(0, gaps * step + 1, step))
        magnitude *= 10


def month_labels(months: list[str], step: float) -> list[tuple[int, str]]:
    """(index, label) of the months to label, never closer than `LABEL_GAP` px at `step` px a month:
    months ("2025-03") over two years or less, else years ("2025") at their January."""
    if len(months) <= 24:
        every = max(1, -(-LABEL_GAP // max(int(step), 1)))
        return [(i, m) for i, m in enumerate(months) if i % every == 0]
    every = max(1, -(-LABEL_GAP // max(int(step * 12), 1)))
    return [(i, m[:4]) for i, m in enumerate(months) if m.endswith("-01") and int(m[:4]) % every == 0]


def svg(chart: Lines, title: str) -> Markup:
    """A line per group over the months, with gridlines, axes, a legend and a <title> for screen readers."""
    plot_w, plot_h = WIDTH - 2 * MARGIN - 160, HEIGHT - 2 * MARGIN
    ticks = nice_ticks(max((max(v) for v in chart.groups.values()), default=0))
    top = ticks[-1]
    step = plot_w / max(len(chart.months) - 1, 1)

    def y(n: int) -> float:
        return MARGIN + plot_h - n / top * plot_h

    def xy(i: int, n: int) -> str:
        return f"{MARGIN + i * step:.1f},{y(n):.1f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" class="fanwire-chart"><title>{escape(title)}</title>']
    for n in ticks:
        parts.append(f'<line x1="{MARGIN}" y1="{y(n):.1f}" x2="{MARGIN + plot_w}" y2="{y(n):.1f}" stroke="#ddd"/>'
                     f'<text class="y-label" x="{MARGIN - 6}" y="{y(n) + 4:.1f}" text-anchor="end" '
                     f'font-size="11">{n}</text>')
    parts += [f'<line x1="{MARGIN}" y1="{MARGIN + plot_h}" x2="{MARGIN + plot_w}" y2="{MARGIN + plot_h}" stroke="#333"/>',
              f'<line x1="{MARGIN}" y1="{MARGIN}" x2="{MARGIN}" y2="{MARGIN + plot_h}" stroke="#333"/>']
    for i, label in month_labels(chart.months, step):
        parts.append(f'<line x1="{MARGIN + i * step:.1f}" y1="{MARGIN + plot_h}" x2="{MARGIN + i * step:.1f}" '
                     f'y2="{MARGIN + plot_h + 4}" stroke="#333"/>'
                     f'<text class="x-label" x="{MARGIN + i * step:.1f}" y="{MARGIN + plot_h + 16}" '
                     f'text-anchor="middle" font-size="11">{label}</text>')
    for k, (name, values) in enumerate(chart.groups.items()):
        color = COLORS[k % len(COLORS)]
        points = " ".join(xy(i, n) for i, n in enumerate(values))
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{points}">'
                     f'<title>{escape(name)}</title></polyline>')
        legend_y = MARGIN + 14 * k
        parts.append(f'<rect x="{WIDTH - 200}" y="{legend_y}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{WIDTH - 184}" y="{legend_y + 9}" font-size="11">{escape(name[:28])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


#: The table of the numbers behind each chart: (canned query, link text).
TABLES = {"site": ("articles_per_site_per_month", "the numbers per site and month as a table (CSV, JSON)"),
          "series": ("latest_per_series", "each series with its number of articles as a table (CSV, JSON)")}


async def chart_page(request, datasette) -> Response:
    """The chart `?by=` names; an unknown `by` is a 400 page that lists the charts there are."""
    by = request.args.get("by", "site")
    chart_path = datasette.urls.path(CHART_PATH)
    db = await archive_database(datasette)
    context = {"by": by, "choices": list(COUNTS_SQL), "database": db.name, "chart_path": chart_path}
    if by not in COUNTS_SQL:
        context["title"] = "Unknown chart"
        html = await datasette.render_template("fanwire_chart.html", context, request=request)
        return Response.html(html, status=400)
    counts = [tuple(r) for r in (await db.execute(COUNTS_SQL[by])).rows]
    chart = lines(counts)
    title = f"Articles per month per {by}"
    query, link_text = TABLES[by]
    context |= {"title": title, "chart": chart, "svg": svg(chart, title),
                "table_url": datasette.urls.query(db.name, query), "table_text": link_text}
    return Response.html(await datasette.render_template("fanwire_chart.html", context, request=request))
