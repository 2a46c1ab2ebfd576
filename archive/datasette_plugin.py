"""Datasette plugin (entry point `fanwire`): render article text as readable paragraphs."""
from __future__ import annotations

from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

TEXT_STYLE = "max-height:24em;overflow:auto;max-width:48em;white-space:normal;line-height:1.5"


def paragraphs_html(text: str) -> Markup:
    """Escape `text` and wrap each of its lines (trafilatura's blocks) in <p>."""
    blocks = [b.strip() for b in text.splitlines() if b.strip()]
    body = "".join(f"<p>{escape(b)}</p>" for b in blocks)
    return Markup(f'<div class="fanwire-text" style="{TEXT_STYLE}">{body}</div>')


@hookimpl
def render_cell(value: Any, column: str, table: str | None) -> Markup | None:
    if table == "articles" and column == "text" and isinstance(value, str):
        return paragraphs_html(value)
    return None
