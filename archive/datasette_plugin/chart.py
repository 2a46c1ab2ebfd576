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


def svg(chart: Lines, title: str) -> Markup:
    """A line per group over the months, with axes, a legend and a <title> for screen readers."""
    plot_w, plot_h = WIDTH - 2 * MARGIN - 160, HEIGHT - 2 * MARGIN
    top = max((max(v) for v in chart.groups.values()), default=0) or 1
    step = plot_w / max(len(chart.months) - 1, 1)

    def xy(i: int, n: int) -> str:
        return f"{MARGIN + i * step:.1f},{MARGIN + plot_h - n / top * plot_h:.1f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" class="fanwire-chart"><title>{escape(title)}</title>',
             f'<line x1="{MARGIN}" y1="{MARGIN + plot_h}" x2="{MARGIN + plot_w}" y2="{MARGIN + plot_h}" stroke="#333"/>',
             f'<line x1="{MARGIN}" y1="{MARGIN}" x2="{MARGIN}" y2="{MARGIN + plot_h}" stroke="#333"/>',
             f'<text x="{MARGIN - 6}" y="{MARGIN + 4}" text-anchor="end" font-size="11">{top}</text>',
             f'<text x="{MARGIN - 6}" y="{MARGIN + plot_h}" text-anchor="end" font-size="11">0</text>']
    every = max(1, len(chart.months) // 12)
    for i, month in enumerate(chart.months):
        if i % every == 0:
            parts.append(f'<text x="{MARGIN + i * step:.1f}" y="{MARGIN + plot_h + 16}" text-anchor="middle" '
                         f'font-size="10">{month}</text>')
    for k, (name, values) in enumerate(chart.groups.items()):
        color = COLORS[k % len(COLORS)]
        points = " ".join(xy(i, n) for i, n in enumerate(values))
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{points}">'
                     f'<title>{escape(name)}</title></polyline>')
        y = MARGIN + 14 * k
        parts.append(f'<rect x="{WIDTH - 200}" y="{y}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{WIDTH - 184}" y="{y + 9}" font-size="11">{escape(name[:28])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


async def chart_page(request, datasette) -> Response:
    by = request.args.get("by", "site")
    if by not in COUNTS_SQL:
        by = "site"
    db = await archive_database(datasette)
    counts = [tuple(r) for r in (await db.execute(COUNTS_SQL[by])).rows]
    chart = lines(counts)
    title = f"Articles per month per {by}"
    context = {"title": title, "by": by, "chart": chart, "svg": svg(chart, title), "database": db.name,
               "chart_path": datasette.urls.path(CHART_PATH),
               "table_url": datasette.urls.query(db.name, "articles_per_site_per_month")}
    return Response.html(await datasette.render_template("fanwire_chart.html", context, request=request))
