"""Held-out theme: a self-hosted Ghost 5 publication with a "Source"-style theme.

Imitates a real Ghost (ghost.org) anime blog: `{{ghost_head}}` metadata (og/twitter tags with
"Written by"/"Filed under" labels, JSON-LD Article with millisecond 'Z' dates, rel=next on
paginated feeds), gh-* layout classes and Koenig kg-* content cards (image/embed cards with
<figcaption>, a members signup card in the middle of the post, an embedded tweet), a server-side
table of contents, "Share this post", the "Sign up for more like this." CTA, an author card with
bio and three "Read next" cards. Ghost routing: /slug/, /tag/x/ (primary tag), /author/x/, /rss/.
"""
import json
import re
from datetime import timedelta, timezone
from urllib.parse import quote

from fansim.catalog import debracket
from fansim.prose import franchise_facts
from fansim.themes.base import esc, para

NAME, CMS, LANG, URL_STYLE, PER_PAGE, SITEMAP, FEED = "ghostlike", "ghost", "en", "ghost", 15, "ghost", "rss"
V = "4f1c2a9e"
BIOS = ["{a} has been writing about anime since the Haruhi boom and still thinks the best OPs are the ones nobody skips.", "{a} covers seasonal simulcasts, sakuga and the business side of the industry. Usually three episodes behind.",
        "{a} is a translator by day and an anime blogger by night, with a soft spot for sports shows and mecha.", "{a} writes reviews and the occasional long essay about adaptation choices. Based in Osaka."]
SIGNUP = ["Subscribe to newsletter", "Get the week's anime news, reviews and sakuga breakdowns straight to your inbox.", "No spam. Unsubscribe anytime."]
TAGLINES = ["Thoughts, stories and ideas about the anime we watch every season.", "Independent anime writing, delivered by email and on the web."]
TWEETS = [("official", "The new key visual for {s} is here! Stay tuned for more announcements."),
          ("official", "Thank you for watching {s}! The next episode preview is now available on our website."),
          ("fan", "okay the animation in this {s} trailer is actually insane, who is on key frames??"),
          ("fan", "{s} staff really said \"we are going to make everyone cry this week\" huh")]

zdate = lambda d: d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")  # noqa: E731
anchor = lambda text: re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]  # noqa: E731
series = lambda art: debracket(art.story.entries[0].franchise.series_en)  # noqa: E731


def image(ctx, art, k, w=None):
    return ctx.abs(f"/content/images/{'size/w%d/' % w if w else ''}{art.published:%Y/%m}/{art.slug[:32]}-{k}.jpg")


def tweet(ctx, art):
    r = ctx.rng("gh-tweet", art.slot)
    if r.random() < 0.4:
        return "", []
    who, text = r.choice(TWEETS)
    s, text = series(art), text.format(s=series(art))
    handle, name = ((re.sub(r"[^a-z0-9]", "", s.lower())[:9] or "tvanime") + "_anime", f"TV Anime {s} Official") if who == "official" else \
        r.choice([("sakuga_clips", "sakuga clips"), ("seasonwatch", "Season Watch"), ("ani_mika", "Mika")])
    code = "".join(r.choice("abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789") for _ in range(10))
    when = art.published - timedelta(days=r.randint(0, 3))
    html = (f'<figure class="kg-card kg-embed-card"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">{esc(text)} '
            f'<a href="https://t.co/{code}">pic.twitter.com/{code}</a></p>&mdash; {esc(name)} (@{handle}) '
            f'<a href="https://twitter.com/{handle}/status/{17 * 10 ** 17 + art.post_id * 7919}?ref_src=twsrc%5Etfw">{when:%B %-d, %Y}</a></blockquote>\n'
            f'<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script></figure>')
    return html, [text, f"{name} (@{handle})", f"pic.twitter.com/{code}"]


SIGNUP_HTML = ('<div class="kg-card kg-signup-card kg-width-regular" data-lexical-signup-form style="background-color: #F0F0F0;"><div class="kg-signup-card-content">'
               f'<div class="kg-signup-card-text"><h2 class="kg-signup-card-heading">{SIGNUP[0]}</h2><p class="kg-signup-card-subheading">{esc(SIGNUP[1])}</p>'
               '<form class="kg-signup-card-form" data-members-form="signup"><div class="kg-signup-card-fields"><input class="kg-signup-card-input" id="email" data-members-email type="email" required placeholder="Your email">'
               '<button class="kg-signup-card-button" type="submit"><span class="kg-signup-card-button-default">Subscribe</span></button></div><div class="kg-signup-card-success">Email sent! '
               f'Check your inbox to complete your signup.</div><div class="kg-signup-card-error" data-members-error></div></form><p class="kg-signup-card-disclaimer">{SIGNUP[2]}</p></div></div></div>')


def render_content(ctx, art, blocks):
    out, bp = [], []
    paras = [k for k, b in enumerate(blocks) if b[0] == "p" and (k + 1 == len(blocks) or blocks[k + 1][0] != "quote")]
    signup_at = paras[max(1, len(paras) // 2)] if len(paras) >= 3 else None
    tw_html, tw_bp = tweet(ctx, art)
    tweet_at = paras[-2] if tw_html and len(paras) >= 4 else None
    if tweet_at == signup_at:
        tweet_at = paras[-1] if tweet_at is not None and paras[-1] != signup_at else None
    for k, b in enumerate(blocks):
        kind = b[0]
        if kind == "p":
            out.append(f"<p>{para(b)}</p>")
        elif kind in ("h2", "h3"):
            out.append(f'<{kind} id="{anchor(b[1])}">{esc(b[1])}</{kind}>')
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + "</ul>")
        elif kind == "quote":
            out.append(f'<blockquote><span style="white-space: pre-wrap;">{esc(b[1])}</span></blockquote>')
        elif kind == "img":
            out.append(f'<figure class="kg-card kg-image-card kg-card-hascaption"><img src="{image(ctx, art, k)}" class="kg-image" alt="" loading="lazy" '
                       f'width="2000" height="1125" srcset="{image(ctx, art, k, 600)} 600w, {image(ctx, art, k, 1000)} 1000w, {image(ctx, art, k)} 2000w" '
                       f'sizes="(min-width: 720px) 720px"><figcaption><span style="white-space: pre-wrap;">{esc(b[1])}</span></figcaption></figure>')
            bp.append(b[1])
        elif kind == "video":
            cap = b[2] if len(b) > 2 else ""
            out.append(f'<figure class="kg-card kg-embed-card kg-card-hascaption"><iframe width="200" height="113" src="https://www.youtube.com/embed/{b[1]}?feature=oembed" '
                       f'frameborder="0" allowfullscreen title="YouTube video player"></iframe><figcaption><p><span style="white-space: pre-wrap;">{esc(cap)}</span></p></figcaption></figure>')
            bp.append(cap)
        if k == signup_at:
            out.append(SIGNUP_HTML)
            bp += SIGNUP + ["Email sent! Check your inbox to complete your signup."]
        if k == tweet_at:
            out.append(tw_html)
            bp += tw_bp
    return "\n".join(out), bp


def card(ctx, a):
    return (f'<article class="gh-card post tag-{a.category[0]}"><a class="gh-card-link" href="{ctx.url(a)}">'
            f'<figure class="gh-card-image"><img srcset="{image(ctx, a, "kv", 300)} 300w, {image(ctx, a, "kv", 720)} 720w" src="{image(ctx, a, "kv", 720)}" alt="{esc(a.story.title)}" loading="lazy"></figure>'
            f'<div class="gh-card-wrapper"><p class="gh-card-tag">{esc(a.category[1])}</p><h3 class="gh-card-title is-title">{esc(a.story.title)}</h3>'
            f'<p class="gh-card-excerpt is-body">{esc(ctx.world.excerpt(a, ctx.epoch, 26))}</p>'
            f'<footer class="gh-card-meta"><span class="gh-card-author">By {esc(a.author[1])}</span> '
            f'<time class="gh-card-date" datetime="{a.published:%Y-%m-%d}">{a.published:%b %-d, %Y}</time></footer></div></a></article>')


def ghost_head(ctx, title, url, desc, og="website", art=None, ld=None, extra=""):
    s, root = ctx.site, ctx.abs("/")
    h = ['<meta charset="utf-8">\n<meta http-equiv="X-UA-Compatible" content="IE=edge">', f"<title>{esc(title)}</title>",
         '<meta name="HandheldFriendly" content="True">\n<meta name="viewport" content="width=device-width, initial-scale=1.0">', f'<link rel="stylesheet" type="text/css" href="{ctx.abs("/assets/built/screen.css?v=" + V)}">',
         f'<meta name="description" content="{esc(desc)}">', f'<link rel="canonical" href="{esc(url)}">',
         '<meta name="referrer" content="no-referrer-when-downgrade">', f'<meta property="og:site_name" content="{esc(s.name)}">',
         f'<meta property="og:type" content="{og}">', f'<meta property="og:title" content="{esc(title if art is None else art.story.title)}">',
         f'<meta property="og:description" content="{esc(desc)}">', f'<meta property="og:url" content="{esc(url)}">']
    if art is not None:
        h += [f'<meta property="og:image" content="{image(ctx, art, "kv")}">',
              f'<meta property="article:published_time" content="{zdate(art.published)}">',
              f'<meta property="article:modified_time" content="{zdate(art.modified(ctx.epoch))}">',
              f'<meta property="article:tag" content="{esc(art.category[1])}">',
              f'<meta property="article:publisher" content="https://www.facebook.example/{s.host.split(".")[0]}">',
              '<meta name="twitter:card" content="summary_large_image">', f'<meta name="twitter:title" content="{esc(art.story.title)}">',
              f'<meta name="twitter:description" content="{esc(desc)}">', f'<meta name="twitter:url" content="{esc(url)}">',
              '<meta name="twitter:label1" content="Written by">', f'<meta name="twitter:data1" content="{esc(art.author[1])}">',
              '<meta name="twitter:label2" content="Filed under">', f'<meta name="twitter:data2" content="{esc(art.category[1])}">']
    if ld:
        h.append('<script type="application/ld+json">\n' + json.dumps(ld, ensure_ascii=False, indent=4).replace("</", "<\\/") + "\n</script>")
    h += ['<meta name="generator" content="Ghost 5.82">', f'<link rel="alternate" type="application/rss+xml" title="{esc(s.name)}" href="{ctx.abs("/rss/")}">',
          f'<script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js" data-i18n="true" data-ghost="{root}" data-key="{V}{s.idx:02d}" '
          f'data-api="{root}ghost/api/content/" crossorigin="anonymous"></script><style id="gh-members-styles">.gh-post-upgrade-cta{{display:flex}}</style>',
          f'<script defer src="{ctx.abs("/public/cards.min.js?v=" + V)}"></script>', f'<link rel="stylesheet" type="text/css" href="{ctx.abs("/public/cards.min.css?v=" + V)}">']
    return "\n".join(h) + extra


def shell(ctx, head_html, main, body_class):
    s = ctx.site
    cats = "".join(f'<li class="nav-{c[0]}"><a href="{ctx.listing_url("category", c[0])}">{esc(c[1])}</a></li>' for c in s.categories[:5])
    links = "".join(f'<li><a href="{esc(ctx.abs(p))}">{esc(t)}</a></li>' for p, t in ctx.site_links())
    tagline = TAGLINES[s.idx % 2]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head_html}
</head>
<body class="{body_class} has-sans-title has-serif-body">
<div class="gh-viewport">
<header id="gh-navigation" class="gh-navigation is-left-logo has-accent-color gh-outer"><div class="gh-navigation-inner gh-inner">
<div class="gh-navigation-brand"><a class="gh-navigation-logo is-title" href="{ctx.abs('/')}">{esc(s.name)}</a>
<button class="gh-search gh-icon-button" aria-label="Search this site" data-ghost-search></button><button class="gh-burger gh-icon-button" aria-label="Menu"></button></div>
<nav class="gh-navigation-menu"><ul class="nav"><li class="nav-home"><a href="{ctx.abs('/')}">Home</a></li>{cats}<li class="nav-about"><a href="{ctx.abs('/about/')}">About</a></li></ul></nav>
<div class="gh-navigation-actions"><div class="gh-navigation-members"><a href="#/portal/signin" data-portal="signin">Sign in</a> <a class="gh-button" href="#/portal/signup" data-portal="signup">Subscribe</a></div></div></div></header>
{main}
<footer class="gh-footer gh-outer"><div class="gh-footer-inner gh-inner">
<div class="gh-footer-bar"><span class="gh-footer-logo is-title"><a href="{ctx.abs('/')}">{esc(s.name)}</a></span>
<nav class="gh-footer-menu"><ul class="nav">{links}</ul></nav>
<div class="gh-footer-copyright">&copy; {ctx.year} {esc(s.name)}. Powered by <a href="https://ghost.org/" target="_blank" rel="noopener">Ghost</a></div></div>
<section class="gh-footer-signup"><h2 class="gh-footer-signup-header is-title">{esc(s.name)}</h2><p class="gh-footer-signup-subhead is-body">{tagline}</p>
<form class="gh-form" data-members-form><input class="gh-form-input" name="email" type="email" placeholder="jamie@example.com" required data-members-email><button class="gh-button" type="submit" aria-label="Subscribe"><span>Subscribe</span></button></form></section></div></footer></div>
<script src="{ctx.abs('/assets/built/source.js?v=' + V)}"></script>
</body>
</html>"""


def render_article(ctx, art, blocks, noindex=False):
    s, u = ctx.site, ctx.url(art)
    content, bp = render_content(ctx, art, blocks)
    au = ctx.listing_url("author", art.author[0])
    mins = max(1, round(sum(len(b[1].split()) for b in blocks if b[0] == "p") / 275))
    bio = ctx.rng("gh-bio", art.author[0]).choice(BIOS).format(a=art.author[1])
    handle = art.author[0].replace("-", "_")[:15]
    heads = [b for b in blocks if b[0] in ("h2", "h3")]
    toc = ""
    if len(heads) >= 2:  # server-rendered table of contents
        toc = ('<aside class="gh-toc-card" aria-label="Table of Contents"><p class="gh-toc-title">Table of Contents</p><ol class="gh-toc-list">'
               + "".join(f'<li class="gh-toc-{b[0]}"><a href="#{anchor(b[1])}">{esc(b[1])}</a></li>' for b in heads) + "</ol></aside>\n")
        bp.append("Table of Contents")
    r = ctx.rng("gh-hero", art.slot)
    f = franchise_facts(ctx.world.seed, art.story.entries[0].franchise.key)
    hero_cap = r.choice([f"Image: {f['STUDIO']}", f"Key art for {series(art)}. Credit: {f['STUDIO']}", ""])
    share = "".join(f'<a class="gh-share-link gh-share-{n.lower()}" href="https://{n.lower()}.example/share?url={quote(ctx.share_url(art), safe="")}" target="_blank" rel="noopener">{n}</a>'
                    for n in ("X", "Facebook", "LinkedIn", "Email"))
    rel = ctx.related(art, 3)
    main = f"""<main class="gh-main">
<article class="gh-article post tag-{art.category[0]}">
<header class="gh-article-header gh-canvas">
<a class="gh-article-tag" href="{ctx.listing_url('category', art.category[0])}">{esc(art.category[1])}</a>
<h1 class="gh-article-title is-title">{esc(art.story.title)}</h1>
<div class="gh-article-meta"><div class="gh-article-author-image instapaper_ignore"><a href="{au}"><img class="author-profile-image" src="{ctx.abs('/content/images/size/w160/2023/02/' + art.author[0] + '.jpg')}" alt="{esc(art.author[1])}"></a></div>
<div class="gh-article-meta-wrapper"><h4 class="gh-article-author-name"><a href="{au}">{esc(art.author[1])}</a></h4>
<div class="gh-article-meta-content"><time class="gh-article-meta-date" datetime="{art.published:%Y-%m-%d}">{art.published:%b %-d, %Y}</time>
<span class="gh-article-meta-length"><span class="bull">&mdash;</span> {mins} min read</span></div></div></div>
<figure class="gh-article-image"><img srcset="{image(ctx, art, 'kv', 720)} 720w, {image(ctx, art, 'kv', 1400)} 1400w" sizes="(min-width: 1400px) 1400px, 92vw" src="{image(ctx, art, 'kv', 1400)}" alt="{esc(art.story.title)}">
{f'<figcaption><span style="white-space: pre-wrap;">{esc(hero_cap)}</span></figcaption>' if hero_cap else ''}</figure>
</header>
<section class="gh-content gh-canvas is-body">
{toc}{content}
</section>
<div class="gh-article-share gh-canvas"><span class="gh-share-label">Share this post</span>{share}<button class="gh-share-link gh-share-copy" data-clipboard-text="{esc(u)}">Copy link</button></div>
<section class="gh-author-card gh-canvas"><a href="{au}"><img class="gh-author-card-image" src="{ctx.abs('/content/images/size/w160/2023/02/' + art.author[0] + '.jpg')}" alt="{esc(art.author[1])}"></a>
<div class="gh-author-card-content"><h4 class="gh-author-card-name"><a href="{au}">{esc(art.author[1])}</a></h4><p class="gh-author-card-bio">{esc(bio)}</p>
<div class="gh-author-card-meta"><a class="gh-author-card-social" href="https://x.example/{handle}" target="_blank" rel="noopener">@{handle}</a> <a class="gh-author-card-more" href="{au}">All posts by {esc(art.author[1])}</a></div></div></section>
<div class="gh-comments gh-canvas"><script defer src="https://cdn.jsdelivr.net/ghost/comments-ui@~0.17/umd/comments-ui.min.js" data-ghost-comments="{ctx.abs('/')}" data-post-id="{art.post_id:024x}" data-count="true" data-comments-enabled="all" crossorigin="anonymous"></script></div>
</article>
<section class="gh-cta gh-outer"><div class="gh-cta-inner"><h2 class="gh-cta-title is-title">Sign up for more like this.</h2><a class="gh-cta-input" href="#/portal/signup" data-portal="signup">Enter your email <span class="gh-button">Subscribe</span></a></div></section>
<section class="gh-container is-grid gh-outer gh-read-next"><div class="gh-container-inner gh-inner"><h2 class="gh-container-title">Read next</h2><div class="gh-feed">{''.join(card(ctx, a) for a in rel)}</div></div></section>
</main>"""
    bp += [hero_cap, f"{mins} min read", "Share this post", "Copy link", bio, f"All posts by {art.author[1]}", "Sign up for more like this.",
           "Enter your email", "Read next", TAGLINES[s.idx % 2], "Powered by Ghost", "Sign in"]
    bp += [a.story.title for a in rel] + [ctx.world.excerpt(a, ctx.epoch, 26) for a in rel]
    desc = ctx.world.excerpt(art, ctx.epoch, 30)
    ld = {"@context": "https://schema.org", "@type": "Article", "publisher": {"@type": "Organization", "name": s.name, "url": ctx.abs("/"),
                                                                         "logo": {"@type": "ImageObject", "url": ctx.abs("/content/images/2023/01/logo.png")}},
          "author": {"@type": "Person", "name": art.author[1], "url": au, "sameAs": [f"https://x.example/{handle}"]},
          "headline": art.story.title, "url": u, "datePublished": zdate(art.published),
          "dateModified": zdate(art.modified(ctx.epoch)), "image": {"@type": "ImageObject", "url": image(ctx, art, "kv"), "width": 2000, "height": 1125},
          "keywords": ", ".join([art.category[1]] + [t[1] for t in art.tags]), "description": desc, "mainEntityOfPage": u}
    extra = '\n<meta name="robots" content="noindex">' if noindex else ""
    h = ghost_head(ctx, f"{art.story.title} — {s.name}", u, desc, "article", art, ld, extra)
    return shell(ctx, h, main, f"post-template tag-{art.category[0]}"), [x for x in bp if x]


def render_listing(ctx, lst):
    s = ctx.site
    feed = f'<div class="gh-feed">{"".join(card(ctx, a) for a in lst.items)}</div>'
    more = f'<a class="gh-loadmore gh-button" href="{lst.next_url}">Load more</a>' if lst.next_url else ""
    newer = f'<a class="gh-newer" href="{lst.prev_url}">&larr; Newer posts</a>' if lst.prev_url else ""
    if lst.kind == "home":
        top = (f'<section class="gh-header is-classic has-image gh-outer"><div class="gh-header-inner"><h1 class="gh-header-title is-title">{esc(s.name)}</h1>'
               f'<p class="gh-header-description is-body">{TAGLINES[s.idx % 2]}</p></div></section>') if lst.page == 1 else ""
        title = s.name if lst.page == 1 else f"{s.name} (Page {lst.page})"
    else:
        label = "A collection of posts" if lst.kind != "author" else ctx.rng("gh-bio", lst.key).choice(BIOS).format(a=lst.name)
        top = (f'<section class="gh-archive gh-outer"><div class="gh-archive-inner gh-inner"><header class="gh-archive-wrapper">'
               f'<h1 class="gh-article-title is-title">{esc(lst.name)}</h1><p class="gh-article-excerpt is-body">{esc(label)}</p></header></div></section>')
        title = f"{lst.name} — {s.name}" + (f" (Page {lst.page})" if lst.page > 1 else "")
    main = (f'{top}<section class="gh-container is-grid gh-outer"><div class="gh-container-inner gh-inner"><main class="gh-main">{feed}'
            f'<nav class="gh-pagination">{newer}{more}</nav></main></div></section>')
    extra = (f'\n<link rel="next" href="{lst.next_url}">' if lst.next_url else "") + (f'\n<link rel="prev" href="{lst.prev_url}">' if lst.prev_url else "")
    h = ghost_head(ctx, title, lst.url, TAGLINES[s.idx % 2], "profile" if lst.kind == "author" else "website", extra=extra)
    cls = {"home": "home-template", "category": f"tag-template tag-{lst.key}", "author": f"author-template author-{lst.key}"}.get(lst.kind, "paged")
    return shell(ctx, h, main, cls + (" paged" if lst.page > 1 else ""))


def render_not_found(ctx):
    main = (f'<main class="gh-main"><section class="gh-error gh-outer"><div class="gh-error-inner gh-inner"><h1 class="gh-error-code">404</h1>'
            f'<p class="gh-error-description">Page not found</p><a class="gh-error-link" href="{ctx.abs("/")}">Go to the front page &rarr;</a></div></section></main>')
    return shell(ctx, ghost_head(ctx, f"404 — Page not found — {ctx.site.name}", ctx.abs("/"), "Page not found"), main, "error-template")
