"""A test-only fan-news site whose article carries script payloads, served as an HTTP proxy on 127.0.0.1.

Each payload would set `window.__fanwire_xss` if it ever ran in the archive: a `<script>`, an
`onerror=` handler, a `javascript:` link, and script-looking text that extraction keeps as text.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from tests.proxy_site import Answer, ProxySite, serve

HOST = "xss-bait.test"
ARTICLE_PATH = "/news/2024/10/frieren-season-2-announced/"
TITLE = "Frieren Season 2 announced <script>window.__fanwire_xss='title'</script>"
FLAG = "__fanwire_xss"

ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Frieren Season 2 announced &lt;script&gt;window.__fanwire_xss='title'&lt;/script&gt; | Bait News</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{TITLE.replace('<', '&lt;').replace('>', '&gt;')}">
<meta property="article:published_time" content="2024-10-02T09:00:00+00:00">
<meta name="author" content="Mallory">
<script>window.{FLAG} = 'head-script';</script>
</head>
<body onload="window.{FLAG}='onload'">
<article class="post">
<h1>Frieren Season 2 announced</h1>
<p>The studio confirmed on Tuesday that Frieren: Beyond Journey's End will return for a second season in
January, with the original staff and cast returning for the new episodes of the fantasy series.</p>
<script>window.{FLAG} = 'body-script';</script>
<p>A new key visual shows Frieren, Fern and Stark on the road north <img src="x" onerror="window.{FLAG}='onerror'">
and the trailer teases the next arc of the story, which fans of the manga have long waited to see animated.</p>
<p>Read the <a href="javascript:window.{FLAG}='link'">full staff list</a> or the <a href="JaVaScRiPt:window.{FLAG}='link2'">cast
interview</a> on the official site, where the broadcast schedule for streaming platforms will also appear.</p>
<p onmouseover="window.{FLAG}='mouseover'">Writers quoted the tag &lt;script&gt;window.{FLAG}='text'&lt;/script&gt;
in a joke about the series' slow pacing, which the director answered with a laugh at the press event.</p>
<p>The first season was one of the most watched anime of its year, and its soundtrack by Evan Call topped
several streaming charts in Japan and abroad during its broadcast run across two cours.</p>
</article>
</body></html>
"""

HOME = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bait News</title></head>
<body><h1>Bait News</h1><ul><li><a href="{ARTICLE_PATH}">Frieren Season 2 announced</a></li></ul></body></html>
"""


@contextmanager
def serve_xss_site() -> Iterator[str]:
    """Run the site on a free loopback port (`tests.proxy_site`); yields its proxy URL."""
    site = ProxySite({f"http://{HOST}/": Answer(HOME), f"http://{HOST}{ARTICLE_PATH}": Answer(ARTICLE)})
    with serve(site) as proxy:
        yield proxy
