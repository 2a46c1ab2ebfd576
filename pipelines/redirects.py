"""What becomes of the redirects still waiting for their target when a crawl ends.

The store stage keeps a redirect whose target is not archived yet for a later batch (its alias
can only be written once the article is). Those left at the end either go round in a circle, a
redirect loop recorded in `crawl_errors`, or lead somewhere never archived, and are recorded
as fetched redirects so the next crawl does not ask for them again.
"""
from __future__ import annotations

from typing import Any

from archive.store import redirect_state
from scraper.items import now_iso


def settle(redirects: list[dict[str, Any]], crawl_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The `crawl_errors` rows of the looping redirects, and the fetch states of the others."""
    loops = redirect_loops(redirects, crawl_id)
    looping = {e["url"] for e in loops}
    return loops, [redirect_state(r) for r in redirects if r.get("status") is not None and r["url"] not in looping]


def redirect_loops(redirects: list[dict[str, Any]], crawl_id: int) -> list[dict[str, Any]]:
    """An error row for each redirect that leads back to itself."""
    target = {r["url"]: r["target_url"] for r in redirects}
    loops = []
    for start in target:
        url, seen = target[start], {start}
        while url in target and url not in seen:
            seen.add(url)
            url = target[url]
        if url == start:
            loops.append({"crawl_id": crawl_id, "url": start, "kind": "redirect_loop",
                          "detail": f"redirects back to itself via {target[start]}", "at": now_iso()})
    return loops
