"""Held-out theme: a React/Next.js (pages router) anime magazine fed by a headless CMS.

Imitates sites built with Next.js + a headless CMS (Sanity/Contentful-style rich text) and
Emotion/Tailwind styling: every element carries build-hashed `css-xxxxxxx` classes (different per
site build) mixed with Tailwind utilities, so class names say nothing about what a block is.
Editors type "READ MORE: <link>" lines as ordinary paragraphs, the front end interleaves
"Advertisement" slots, a "Join our Discord" CTA and the author's bio paragraph ("X is a staff
writer who covers ...") share the body paragraph markup; "Trending Now" sidebar, image credit
lines ("Photo: © Studio / ... Committee"), "Comments (N)" with a load-more button. Metadata as
next/head emits it: og tags, article:published_time, a <time> element and __NEXT_DATA__; no JSON-LD.
"""
import hashlib
import json
from datetime import timezone
from urllib.parse import quote

from fansim.catalog import debracket
from fansim.prose import franchise_facts
from fansim.themes.base import esc, para

NAME, CMS, LANG, URL_STYLE, PER_PAGE, SITEMAP, FEED = "nextjs_magazine", "nextjs", "en", "next", 12, "news", "rss"
FEED_PATH = "/feed.xml"
ROLES = {"p": "mb-6 text-[17px] leading-8 text-neutral-800", "h2": "mt-10 mb-4 text-2xl font-bold", "h3": "mt-8 mb-3 text-xl font-bold",
         "ul": "mb-6 list-disc space-y-2 pl-6", "quote": "my-8 border-l-4 pl-5 text-xl italic", "fig": "my-8", "cap": "mt-2 text-xs text-neutral-500",
         "ad": "my-10 flex flex-col items-center", "adl": "mb-1 text-[10px] uppercase tracking-[0.2em] text-neutral-400",
         "box": "my-10 rounded-2xl bg-indigo-600 p-6 text-white", "boxh": "text-lg font-bold", "boxp": "mt-1 text-sm opacity-90",
         "btn": "mt-4 inline-flex rounded-full bg-white px-5 py-2 text-sm font-semibold text-indigo-700", "kick": "text-xs font-bold uppercase tracking-widest text-rose-600",
         "h1": "mt-3 text-3xl font-extrabold leading-tight md:text-5xl", "meta": "mt-5 flex items-center gap-3 text-sm text-neutral-500",
         "card": "group flex flex-col gap-3", "cardh": "text-lg font-bold leading-snug group-hover:underline", "cardp": "text-sm text-neutral-600 line-clamp-3",
         "side": "mt-12 lg:mt-0 space-y-10", "sideh": "mb-4 border-b-2 border-black pb-1 text-sm font-black uppercase", "li": "flex gap-3 py-3 border-b text-sm font-semibold",
         "com": "mt-14 border-t pt-8", "comh": "text-xl font-bold", "comi": "flex gap-3 py-4", "comt": "mt-1 text-[15px]", "more": "mt-6 w-full rounded-md border py-2 text-sm font-medium"}
BIOS = ["{a} is a staff writer who covers seasonal anime, streaming deals and the occasional idol franchise.",
        "{a} is a staff writer who covers anime news and industry business, and has strong opinions about opening sequences.",
        "{a} is a staff writer who covers manga, light novels and their adaptations. They are probably rewatching Cowboy Bebop right now."]
COMMENTS = ["this is the content i signed up for", "Studio better not mess this one up", "Already counting down the days tbh",
            "The manga readers know what's coming...", "Great write-up, thanks!", "Why is nobody talking about the soundtrack",
            "Can we get a release date already?", "Honestly one of the best announcements this year", "first time hearing about this, adding it to my list"]
USERS = ["kuro_neko22", "sakuga_andy", "mizu.ame", "dango_daikazoku", "ramen_enjoyer", "lunar.otaku", "hikari_bee", "NotAMechaPilot"]
NEWSLETTER = ["The Weekly Cour", "The week's biggest anime stories, in your inbox every Friday."]


def cx(ctx, role):
    h = int(hashlib.sha1(f"{ctx.site.host}:{ctx.site.idx}:{role}".encode()).hexdigest()[:12], 16)
    b36 = ""
    while h and len(b36) < 7:
        h, d = divmod(h, 36)
        b36 += "0123456789abcdefghijklmnopqrstuvwxyz"[d]
    return f"css-{b36} {ROLES.get(role, '')}".strip()


def zdate(d):
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def nimg(ctx, art, k, w=1200):
    src = quote(f"https://cdn.sanity.example/images/q7w2e9/production/{hashlib.md5(f'{art.slug}{k}'.encode()).hexdigest()[:20]}-1600x900.jpg", safe="")
    return f'/_next/image?url={src}&amp;w={w}&amp;q=75'


def credit(ctx, art):
    f = franchise_facts(ctx.world.seed, art.story.entries[0].franchise.key)
    return f"Photo: © {f['STUDIO']} / {debracket(art.story.entries[0].franchise.series_en)} Committee"


def _body(ctx, art, blocks, ads):
    out, bp = [], []
    P = cx(ctx, "p")
    paras = [k for k, b in enumerate(blocks) if b[0] == "p"]
    more = ctx.related(art, 5)[3:5]
    at = {paras[1]: more[0]} if len(paras) > 2 and more else {}
    if len(paras) >= 7 and len(more) > 1:
        at[paras[len(paras) * 2 // 3]] = more[1]
    for k, b in enumerate(blocks):
        kind = b[0]
        if kind == "p":
            out.append(f'<p class="{P}">{para(b)}</p>')
        elif kind in ("h2", "h3"):
            out.append(f'<{kind} class="{cx(ctx, kind)}">{esc(b[1])}</{kind}>')
        elif kind == "ul":
            out.append(f'<ul class="{cx(ctx, "ul")}">' + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + "</ul>")
        elif kind == "quote":
            out.append(f'<blockquote class="{cx(ctx, "quote")}"><p>{esc(b[1])}</p></blockquote>')
        elif kind == "img":
            out.append(f'<figure class="{cx(ctx, "fig")}"><img alt="" loading="lazy" width="1600" height="900" decoding="async" src="{nimg(ctx, art, k)}"/>'
                       f'<figcaption class="{cx(ctx, "cap")}">{esc(b[1])} <span class="{cx(ctx, "credit")}">{esc(credit(ctx, art))}</span></figcaption></figure>')
            bp += [b[1], credit(ctx, art)]
        elif kind == "video":
            cap = b[2] if len(b) > 2 else ""
            out.append(f'<div class="{cx(ctx, "fig")} aspect-video"><iframe class="h-full w-full" src="https://www.youtube-nocookie.com/embed/{b[1]}" title="YouTube video player" '
                       f'allow="accelerometer; autoplay; encrypted-media; picture-in-picture" allowfullscreen=""></iframe></div><p class="{cx(ctx, "cap")}">{esc(cap)}</p>')
            bp.append(cap)
        if k in at:
            a = at[k]
            out.append(f'<p class="{P}"><strong>READ MORE:</strong> <a href="{ctx.url(a)}">{esc(a.story.title)}</a></p>')
            bp += [f"READ MORE: {a.story.title}", a.story.title]
        if ads and k in paras[3::4] and k != len(blocks) - 1:
            out.append(f'<div class="{cx(ctx, "ad")}"><span class="{cx(ctx, "adl")}">Advertisement</span><div id="div-gpt-ad-incontent-{k}" class="min-h-[250px] w-[300px]"></div></div>')
            bp.append("Advertisement")
    return out, bp


def render_content(ctx, art, blocks):
    out, bp = _body(ctx, art, blocks, ads=False)
    return "\n".join(out), bp


def next_head(ctx, title, url, desc, art=None, extra=""):
    s = ctx.site
    build = hashlib.md5(s.host.encode()).hexdigest()
    h = ['<meta charSet="utf-8"/>', '<meta name="viewport" content="width=device-width"/>', f"<title>{esc(title)}</title>",
         f'<meta name="description" content="{esc(desc)}"/>', f'<link rel="canonical" href="{esc(url)}"/>',
         f'<meta property="og:type" content="{"article" if art else "website"}"/>', f'<meta property="og:title" content="{esc(art.story.title if art else title)}"/>',
         f'<meta property="og:description" content="{esc(desc)}"/>', f'<meta property="og:url" content="{esc(url)}"/>', f'<meta property="og:site_name" content="{esc(s.name)}"/>']
    if art:
        h += [f'<meta property="og:image" content="{ctx.abs(nimg(ctx, art, "og", 1200))}"/>', f'<meta property="article:published_time" content="{zdate(art.published)}"/>',
              f'<meta property="article:modified_time" content="{zdate(art.modified(ctx.epoch))}"/>', f'<meta property="article:section" content="{esc(art.category[1])}"/>']
    h += ['<meta name="twitter:card" content="summary_large_image"/>', f'<meta name="twitter:site" content="@{s.host.split(".")[0].replace("-", "")}"/>',
          f'<link rel="alternate" type="application/rss+xml" title="{esc(s.name)}" href="{ctx.abs(FEED_PATH)}"/>', f'<meta name="next-head-count" content="{len(h) + 3}"/>',
          f'<link rel="preload" href="/_next/static/media/{build[:16]}-s.p.woff2" as="font" type="font/woff2" crossorigin="anonymous" data-next-font="size-adjust"/>',
          f'<link rel="stylesheet" href="/_next/static/css/{build[16:32]}.css" data-n-g=""/>',
          f'<script src="/_next/static/chunks/framework-{build[:16]}.js" defer=""></script><script src="/_next/static/chunks/main-{build[8:24]}.js" defer=""></script>',
          f'<script src="/_next/static/{build[:21]}/_buildManifest.js" defer=""></script>']
    return "".join(h) + extra


def shell(ctx, head_html, main, page, props):
    s = ctx.site
    nav = "".join(f'<a class="{cx(ctx, "nav")} hover:text-rose-600" href="{ctx.listing_url("category", c[0])}">{esc(c[1])}</a>' for c in s.categories[:5])
    links = "".join(f'<li><a class="hover:underline" href="{esc(ctx.abs(p))}">{esc(t)}</a></li>' for p, t in ctx.site_links())
    data = json.dumps({"props": {"pageProps": props, "__N_SSG": True}, "page": page, "query": {}, "buildId": hashlib.md5(s.host.encode()).hexdigest()[:21],
                       "isFallback": False, "gsp": True, "scriptLoader": []}, ensure_ascii=False).replace("</", "<\\/")
    return (f'<!DOCTYPE html><html lang="en"><head>{head_html}</head><body><div id="__next"><div class="{cx(ctx, "root")} flex min-h-screen flex-col bg-white">'
            f'<a href="#main" class="sr-only focus:not-sr-only">Skip to content</a>'
            f'<header class="{cx(ctx, "hdr")} sticky top-0 z-40 border-b bg-white/90 backdrop-blur"><div class="mx-auto flex h-14 max-w-6xl items-center justify-between px-4">'
            f'<a class="text-xl font-black tracking-tight" href="{ctx.abs("/")}">{esc(s.name)}</a><nav class="hidden gap-6 text-sm font-medium md:flex">{nav}</nav>'
            f'<button type="button" aria-label="Open menu" class="{cx(ctx, "burger")} md:hidden"><svg width="24" height="24" viewBox="0 0 24 24"><path d="M3 6h18M3 12h18M3 18h18"></path></svg></button></div></header>'
            f'<div class="{cx(ctx, "ad")} hidden md:flex"><span class="{cx(ctx, "adl")}">Advertisement</span><div id="div-gpt-ad-leaderboard" class="h-[90px] w-[728px]"></div></div>'
            f'<main id="main" class="mx-auto w-full max-w-6xl flex-1 px-4 py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_300px] lg:gap-12">{main}</main>'
            f'<footer class="{cx(ctx, "foot")} border-t bg-neutral-950 text-neutral-300"><div class="mx-auto max-w-6xl px-4 py-12 md:flex md:justify-between">'
            f'<div><p class="text-lg font-bold text-white">{NEWSLETTER[0]}</p><p class="mt-1 text-sm">{NEWSLETTER[1]}</p><form class="mt-4 flex gap-2"><input type="email" placeholder="you@example.com" class="rounded px-3 py-2 text-black"/>'
            f'<button class="rounded bg-rose-600 px-4 py-2 font-semibold text-white">Sign up</button></form></div><ul class="mt-8 space-y-2 text-sm md:mt-0">{links}</ul></div>'
            f'<p class="pb-8 text-center text-xs">© {ctx.year} {esc(s.name)} Media, Inc. All rights reserved.</p></footer></div></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>')


def render_article(ctx, art, blocks, noindex=False):
    s, u = ctx.site, ctx.url(art)
    out, bp = _body(ctx, art, blocks, ads=True)
    r = ctx.rng("nx", art.slot)
    P = cx(ctx, "p")
    bio = ctx.rng("nx-bio", art.author[0]).choice(BIOS).format(a=art.author[1])
    fans = r.randint(12, 60)
    cta = (f'<div class="{cx(ctx, "box")}"><p class="{cx(ctx, "boxh")}">Join our Discord</p><p class="{cx(ctx, "boxp")}">Talk about this season\'s premieres with {fans},000 other fans '
           f'and vote in our weekly polls.</p><a class="{cx(ctx, "btn")}" href="https://discord.example/invite/{s.host.split(".")[0]}">Join the server</a></div>')
    out += [cta, f'<p class="{P}"><em>{esc(bio)}</em></p>']
    bp += ["Join our Discord", f"Talk about this season's premieres with {fans},000 other fans and vote in our weekly polls.", "Join the server", bio]
    n = r.choice([0, 2, 3, 5, 8, 14, 27])
    shown = [(r.choice(USERS), r.choice(COMMENTS), r.randint(1, 23)) for _ in range(min(n, 4))]
    items = "".join(f'<li class="{cx(ctx, "comi")}"><div class="h-8 w-8 shrink-0 rounded-full bg-neutral-200"></div><div><p class="text-sm"><span class="font-semibold">{esc(who)}</span> '
                    f'<span class="text-neutral-400">{h}<!-- -->h ago</span></p><p class="{cx(ctx, "comt")}">{esc(text)}</p><div class="mt-2 flex gap-4 text-xs text-neutral-500">'
                    f'<button type="button">Reply</button><button type="button">Like</button></div></div></li>' for who, text, h in shown)
    comments = (f'<section id="comments" class="{cx(ctx, "com")}"><h2 class="{cx(ctx, "comh")}">Comments (<!-- -->{n}<!-- -->)</h2><ul>{items}</ul>'
                + (f'<button type="button" class="{cx(ctx, "more")}">Load more comments</button>' if n > len(shown) else "")
                + '<form class="mt-6"><textarea placeholder="Join the discussion..." class="w-full rounded border p-3"></textarea></form></section>')
    bp += [f"Comments ({n})"] + ["Load more comments"] * (n > len(shown)) + [t for _, t, _ in shown]
    trend = ctx.popular(5, "trending")
    tl = "".join(f'<li class="{cx(ctx, "li")}"><span class="text-2xl font-black text-rose-600">{i}</span><a href="{ctx.url(a)}">{esc(a.story.title)}</a></li>' for i, a in enumerate(trend, 1))
    tags = "".join(f'<a class="{cx(ctx, "tag")} rounded-full bg-neutral-100 px-3 py-1 text-xs" href="{ctx.listing_url("tag", t[0])}">{esc(t[1])}</a>' for t in art.tags)
    main = (f'<article class="{cx(ctx, "article")} min-w-0"><a class="{cx(ctx, "kick")}" href="{ctx.listing_url("category", art.category[0])}">{esc(art.category[1])}</a>'
            f'<h1 class="{cx(ctx, "h1")}">{esc(art.story.title)}</h1><div class="{cx(ctx, "meta")}"><img alt="" src="/_next/image?url=%2Fauthors%2F{art.author[0]}.jpg&amp;w=64&amp;q=75" '
            f'width="32" height="32" class="rounded-full"/><span>By <!-- -->{esc(art.author[1])}</span><span aria-hidden="true">·</span><time datetime="{zdate(art.published)}">'
            f'{art.published:%B} {art.published.day}, {art.published.year}</time></div>'
            f'<figure class="{cx(ctx, "hero")} mt-6"><img alt="{esc(art.story.title)}" fetchpriority="high" width="1600" height="900" src="{nimg(ctx, art, "hero", 1920)}"/>'
            f'<figcaption class="{cx(ctx, "cap")}">{esc(credit(ctx, art))}</figcaption></figure>'
            f'<div class="{cx(ctx, "body")} mt-8">{"".join(out)}</div><div class="{cx(ctx, "tags")} mt-8 flex flex-wrap gap-2">{tags}</div>'
            f'<div class="{cx(ctx, "share")} mt-6 flex gap-3">' + "".join(f'<a aria-label="Share on {n_}" href="https://{n_.lower()}.example/share?u={quote(ctx.share_url(art), safe="")}" '
                                                                        f'class="h-9 w-9 rounded-full border"></a>' for n_ in ("X", "Facebook", "Reddit")) + f'</div>{comments}</article>'
            f'<aside class="{cx(ctx, "side")}"><div class="{cx(ctx, "ad")}"><span class="{cx(ctx, "adl")}">Advertisement</span><div id="div-gpt-ad-sidebar" class="h-[600px] w-[300px]"></div></div>'
            f'<section><h2 class="{cx(ctx, "sideh")}">Trending Now</h2><ol>{tl}</ol></section></aside>')
    bp += [credit(ctx, art), "Trending Now", "Advertisement", NEWSLETTER[1], "Skip to content"] + [a.story.title for a in trend if a is not art]
    desc = ctx.world.excerpt(art, ctx.epoch, 28)
    props = {"article": {"_id": f"{art.post_id:x}", "slug": art.slug, "title": art.story.title, "publishedAt": zdate(art.published),
                         "_updatedAt": zdate(art.modified(ctx.epoch)), "author": {"name": art.author[1], "slug": art.author[0]},
                         "category": {"slug": art.category[0], "title": art.category[1]}, "excerpt": desc}}
    h = next_head(ctx, f"{art.story.title} | {s.name}", u, desc, art, '<meta name="robots" content="noindex"/>' if noindex else "")
    return shell(ctx, h, main, "/articles/[slug]", props), bp


def render_listing(ctx, lst):
    s = ctx.site
    cards = "".join(f'<article class="{cx(ctx, "card")}"><a href="{ctx.url(a)}"><img alt="" loading="lazy" width="800" height="450" class="aspect-video w-full rounded-lg object-cover" src="{nimg(ctx, a, "hero", 828)}"/></a>'
                    f'<span class="{cx(ctx, "kick")}">{esc(a.category[1])}</span><a href="{ctx.url(a)}"><h2 class="{cx(ctx, "cardh")}">{esc(a.story.title)}</h2></a>'
                    f'<p class="{cx(ctx, "cardp")}">{esc(ctx.world.excerpt(a, ctx.epoch, 30))}</p><p class="text-xs text-neutral-500">{esc(a.author[1])} · '
                    f'<time datetime="{zdate(a.published)}">{a.published:%b} {a.published.day}, {a.published.year}</time></p></article>' for a in lst.items)
    pager = (f'<nav aria-label="Pagination" class="{cx(ctx, "pager")} mt-10 flex items-center justify-between text-sm">'
             + (f'<a class="rounded border px-4 py-2" href="{lst.prev_url}">← Previous</a>' if lst.prev_url else "<span></span>")
             + f'<span>Page <!-- -->{lst.page}<!-- --> of <!-- -->{lst.pages}</span>'
             + (f'<a class="rounded border px-4 py-2" href="{lst.next_url}">Next →</a>' if lst.next_url else "<span></span>") + "</nav>")
    title = "Latest Anime News" if lst.kind == "home" else lst.name
    main = (f'<section class="min-w-0"><h1 class="{cx(ctx, "h1")}">{esc(title)}</h1><div class="mt-8 grid gap-8 sm:grid-cols-2">{cards}</div>{pager}</section>'
            f'<aside class="{cx(ctx, "side")}"><div class="{cx(ctx, "ad")}"><span class="{cx(ctx, "adl")}">Advertisement</span></div></aside>')
    full = f"{title} | {s.name}" if lst.page == 1 else f"{title} - Page {lst.page} | {s.name}"
    page = {"home": "/news", "category": "/category/[slug]", "tag": "/tags/[slug]"}.get(lst.kind, "/")
    return shell(ctx, next_head(ctx, full, lst.url, f"{s.name}: anime news, reviews and features"), main, page,
                 {"posts": [a.slug for a in lst.items], "page": lst.page, "totalPages": lst.pages})


def render_not_found(ctx):
    main = ('<section class="col-span-2 py-24 text-center"><h1 class="text-6xl font-black">404</h1><h2 class="mt-4 text-lg">This page could not be found.</h2>'
            f'<a class="mt-8 inline-block underline" href="{ctx.abs("/")}">Back to homepage</a></section>')
    return shell(ctx, next_head(ctx, f"404: This page could not be found | {ctx.site.name}", ctx.abs("/"), "Not found"), main, "/404", {})
