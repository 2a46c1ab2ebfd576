"""Held-out theme: a long-running Japanese anime news portal served in EUC-JP.

Imitates the in-house (Movable Type-era, later extended) CMSs of Japanese entertainment news
portals: XHTML 1.0 Transitional, charset declared only by <meta http-equiv="Content-Type"> (the
server adds it to the HTTP header on most pages), romaji/English id-class vocabulary (pankuzu,
kiji_honbun, midashi, kanren), JST dates, JSON-LD NewsArticle + BreadcrumbList. Boilerplate as
such portals have it: breadcrumbs, SNS buttons (ツイート/シェア/LINEで送る/はてブ) above and below
the story, editor-typed 【関連記事】 and ▼あわせて読みたい lines inside the body, an in-read 広告
slot, photo captions with （画像は公式サイトより）, the (C) rights line, the この記事を書いた人 box,
関連記事 list and the アクセスランキング sidebar.
"""
import json
from datetime import timedelta, timezone

from fansim.prose import franchise_facts
from fansim.themes.base import esc, para

NAME, CMS, LANG, URL_STYLE, PER_PAGE, SITEMAP, FEED, ENCODING = "eucjp_portal", "custom", "ja", "jp2", 20, "static", "rss", "euc_jp"
FEED_PATH = "/rss/anime.xml"
JST = timezone(timedelta(hours=9))
WEEK = "月火水木金土日"
CREDIT = "（画像は公式サイトより）"
BIOS = ["アニメ・声優ジャンルを中心に取材・執筆を行うフリーライター。好きなジャンルはロボットアニメと日常系。",
        "編集部所属。新作アニメの情報を毎日チェックしています。週末は聖地巡礼に出かけることも。",
        "マンガ・ライトノベル原作のアニメ化情報を担当。年間視聴本数は100本以上。"]


def jst(d):
    return d.astimezone(JST)


def jdate(d, long=True):
    d = jst(d)
    return f"{d.year}年{d.month}月{d.day}日({WEEK[d.weekday()]}) {d:%H:%M}" if long else f"{d:%Y/%m/%d %H:%M}"


def thumb(ctx, a, k="main"):
    return ctx.abs(f"/anime/img/news/{a.post_id // 1000}/{a.post_id}_{k}.jpg")


def series_ja(art):
    return art.story.entries[0].franchise.series_ja


def _body(ctx, art, blocks, ads):
    out, bp = [], []
    paras = [k for k, b in enumerate(blocks) if b[0] == "p"]
    promo = ctx.related(art, 6)[4:6]
    kanren = {paras[0]: promo[0]} if len(paras) >= 3 and promo else {}
    yomi = {paras[-2]: promo[-1]} if len(paras) >= 5 and len(promo) > 1 else {}
    ad_at = paras[2] if ads and len(paras) >= 4 else None
    for k, b in enumerate(blocks):
        kind = b[0]
        if kind == "p":
            out.append(f"<p>{para(b)}</p>")
        elif kind == "h2":
            out.append(f'<h2 class="midashi">{esc(b[1])}</h2>')
        elif kind == "h3":
            out.append(f'<h3 class="komidashi">{esc(b[1])}</h3>')
        elif kind == "ul":
            out.append('<ul class="kiji_list">' + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + "</ul>")
        elif kind == "quote":
            out.append(f'<blockquote class="inyou"><p>{esc(b[1])}</p></blockquote>')
        elif kind == "img":
            out.append(f'<div class="kiji_img"><img src="{thumb(ctx, art, k)}" alt="{esc(b[1])}" width="600" height="338" />'
                       f'<p class="kiji_caption">{esc(b[1])}{CREDIT}</p></div>')
            bp += [b[1], CREDIT]
        elif kind == "video":
            cap = b[2] if len(b) > 2 else ""
            out.append(f'<div class="kiji_movie"><iframe width="560" height="315" src="https://www.youtube.com/embed/{b[1]}" frameborder="0" allowfullscreen="allowfullscreen"></iframe>'
                       f'<p class="kiji_caption">{esc(cap)}</p></div>')
            bp.append(cap)
        if k in kanren:
            a = kanren[k]
            out.append(f'<p>【関連記事】<a href="{ctx.url(a)}">{esc(a.story.title)}</a></p>')
            bp += ["【関連記事】", a.story.title]
        if k in yomi:
            a = yomi[k]
            out.append(f'<p>▼あわせて読みたい<br /><a href="{ctx.url(a)}">{esc(a.story.title)}</a></p>')
            bp += ["あわせて読みたい", a.story.title]
        if k == ad_at:
            out.append(f'<div class="ad_inread"><p class="ad_ttl">広告</p><div id="gpt_inread_{art.post_id}" class="ad_300x250"></div><p class="ad_note">広告の後にも続きます</p></div>')
            bp += ["広告の後にも続きます", "広告"]
    return "\n".join(out), bp


def render_content(ctx, art, blocks):
    return _body(ctx, art, blocks, ads=False)


def portal_head(ctx, title, url, desc, art=None, ld=None, extra=""):
    s = ctx.site
    h = ['<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP" />', '<meta http-equiv="Content-Style-Type" content="text/css" />',
         '<meta http-equiv="Content-Script-Type" content="text/javascript" />', f"<title>{esc(title)}</title>",
         f'<meta name="description" content="{esc(desc)}" />', f'<link rel="canonical" href="{esc(url)}" />',
         f'<meta property="og:title" content="{esc(art.story.title if art else title)}" />', f'<meta property="og:type" content="{"article" if art else "website"}" />',
         f'<meta property="og:url" content="{esc(url)}" />', f'<meta property="og:site_name" content="{esc(s.name)}" />',
         f'<meta property="og:description" content="{esc(desc)}" />', '<meta property="og:locale" content="ja_JP" />',
         '<meta name="twitter:card" content="summary_large_image" />', f'<meta name="twitter:site" content="@{s.host.split(".")[0].replace("-", "_")}" />']
    if art:
        h += [f'<meta name="keywords" content="{esc(",".join(t[1] for t in art.tags))},アニメ,ニュース" />', f'<meta property="og:image" content="{thumb(ctx, art)}" />']
    h += [f'<link rel="alternate" type="application/rss+xml" title="{esc(s.name)} RSS" href="{ctx.abs(FEED_PATH)}" />',
          f'<link rel="stylesheet" type="text/css" href="{ctx.abs("/common/css/import.css?20190410")}" media="all" />',
          f'<script type="text/javascript" src="{ctx.abs("/common/js/jquery-1.8.3.min.js")}"></script>']
    if ld:
        h.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False).replace("</", "<\\/") + "</script>")
    return "\n".join(h) + extra


def shell(ctx, head_html, main, body_id, side=True):
    s = ctx.site
    nav = "".join(f'<li><a href="{ctx.listing_url("category", c[0])}">{esc(c[1])}</a></li>' for c in s.categories)
    rank = "".join(f'<li><span class="rank_no">{i}</span><a href="{ctx.url(a)}">{esc(a.story.title)}</a></li>' for i, a in enumerate(ctx.popular(5, "access"), 1))
    new = "".join(f'<li><a href="{ctx.url(a)}">{esc(a.story.title)}</a><span class="side_date">{jdate(a.published, False)}</span></li>' for a in ctx.recent(5))
    side_html = (f'<div id="side"><div class="side_ad"><p class="ad_ttl">広告</p><div class="ad_300x250" id="gpt_side_1"></div></div>'
                 f'<div class="side_box side_rank"><p class="side_ttl">アクセスランキング</p><ul class="rank_tab clearfix"><li class="on">デイリー</li><li>週間</li><li>月間</li></ul><ol>{rank}</ol></div>'
                 f'<div class="side_box side_new"><p class="side_ttl">新着ニュース</p><ul>{new}</ul></div>'
                 f'<div class="side_ad"><p class="ad_ttl">スポンサーリンク</p><div class="ad_300x600" id="gpt_side_2"></div></div></div>') if side else ""
    links = "".join(f'<li><a href="{esc(ctx.abs(p))}">{esc(t)}</a></li>' for p, t in ctx.site_links())
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja" prefix="og: http://ogp.me/ns# article: http://ogp.me/ns/article#">
<head>
{head_html}
</head>
<body id="{body_id}">
<div id="wrapper">
<div id="header"><div id="header_in" class="clearfix"><div id="logo"><a href="{ctx.abs('/')}"><img src="{ctx.abs('/common/img/logo.gif')}" alt="{esc(s.name)}" width="240" height="60" /></a></div>
<p id="catch">アニメ・声優・マンガの最新情報をお届けするニュースサイト</p>
<form id="search" action="{ctx.abs('/search/')}" method="get"><input type="text" name="q" value="" /><input type="submit" value="検索" /></form></div>
<ul id="gnavi" class="clearfix"><li><a href="{ctx.abs('/')}">トップ</a></li>{nav}</ul></div>
<div id="contents" class="clearfix">
<div id="main">
{main}
</div>
{side_html}
</div>
<div id="footer"><ul class="footer_navi clearfix"><li><a href="{ctx.abs('/company/')}">運営会社</a></li><li><a href="{ctx.abs('/privacy/')}">個人情報保護方針</a></li><li><a href="{ctx.abs('/contact/')}">お問い合わせ</a></li><li><a href="{ctx.abs('/ad/')}">広告掲載について</a></li></ul>
<ul class="footer_links clearfix">{links}</ul>
<p class="copyright">Copyright (C) 2006-{ctx.year} {esc(s.name)} All Rights Reserved. 掲載の記事・写真・イラストの無断転載を禁じます。</p></div>
<p id="pagetop"><a href="#wrapper">▲このページの先頭へ</a></p>
</div>
</body>
</html>"""


def sns(ctx, art, where):
    u = ctx.share_url(art)
    return (f'<ul class="sns_btn sns_{where} clearfix"><li class="sns_tw"><a href="https://twitter.example/intent/tweet?url={esc(u)}" target="_blank">ツイート</a></li>'
            f'<li class="sns_fb"><a href="https://www.facebook.example/sharer.php?u={esc(u)}" target="_blank">シェア</a></li>'
            f'<li class="sns_line"><a href="https://social-plugins.line.example/lineit/share?url={esc(u)}" target="_blank">LINEで送る</a></li>'
            f'<li class="sns_hatena"><a href="https://b.hatena.example/entry/{esc(ctx.url(art))}" target="_blank">はてブ</a></li></ul>')


def render_article(ctx, art, blocks, noindex=False):
    s, u = ctx.site, ctx.url(art)
    content, bp = _body(ctx, art, blocks, ads=True)
    f = franchise_facts(ctx.world.seed, art.story.entries[0].franchise.key)
    rights = f"（C）{f['MANGAKA_JA']}/{f['PUBLISHER']}・「{series_ja(art)}」製作委員会"
    main_cap = f"『{series_ja(art)}』メインビジュアル{CREDIT}"
    bio = ctx.rng("jp-bio", art.author[0]).choice(BIOS)
    rel = ctx.related(art, 4)
    cat_url = ctx.listing_url("category", art.category[0])
    tags = "".join(f'<a href="{ctx.listing_url("tag", t[0])}">{esc(t[1])}</a> ' for t in art.tags)
    rel_html = "".join(f'<li class="clearfix"><a href="{ctx.url(a)}"><img src="{thumb(ctx, a, "s")}" alt="" width="100" height="56" /></a>'
                       f'<p class="kanren_ttl"><a href="{ctx.url(a)}">{esc(a.story.title)}</a></p><p class="kanren_date">{jdate(a.published, False)}</p></li>' for a in rel)
    main = f"""<div id="pankuzu"><a href="{ctx.abs('/')}">トップ</a> &gt; <a href="{cat_url}">{esc(art.category[1])}</a> &gt; <strong>{esc(art.story.title)}</strong></div>
<div class="kiji">
<div class="kiji_head"><p class="kiji_cat"><a href="{cat_url}">{esc(art.category[1])}</a></p>
<h1 class="kiji_ttl">{esc(art.story.title)}</h1>
<p class="kiji_info"><span class="kiji_date">{jdate(art.published)}</span>　<span class="kiji_writer">文：{esc(art.author[1])}</span></p>
{sns(ctx, art, 'top')}</div>
<div class="kiji_mainimg"><img src="{thumb(ctx, art)}" alt="{esc(art.story.title)}" width="640" height="360" /><p class="kiji_caption">{esc(main_cap)}</p></div>
<div class="kiji_honbun">
{content}
</div>
<p class="kiji_copyright">{esc(rights)}</p>
{sns(ctx, art, 'bottom')}
<div class="kiji_tag"><span class="kiji_tag_label">タグ：</span>{tags}</div>
<div class="writer_box"><p class="writer_box_ttl">この記事を書いた人</p><div class="writer_box_in clearfix"><img class="writer_img" src="{ctx.abs('/common/img/writer/' + art.author[0] + '.jpg')}" alt="" width="80" height="80" />
<div class="writer_txt"><p class="writer_name">{esc(art.author[1])}</p><p class="writer_prof">{esc(bio)}</p></div></div></div>
<div class="kanren"><p class="box_ttl">関連記事</p><ul>{rel_html}</ul></div>
</div>"""
    bp += [main_cap, rights, "ツイート", "LINEで送る", "はてブ", "タグ：", "この記事を書いた人", bio, "関連記事", f"文：{art.author[1]}",
           "アクセスランキング", "デイリー", "新着ニュース", "スポンサーリンク", "このページの先頭へ", "掲載の記事・写真・イラストの無断転載を禁じます。"]
    bp += [a.story.title for a in rel] + [a.story.title for a in ctx.popular(5, "access") if a is not art] + [a.story.title for a in ctx.recent(5) if a is not art]
    desc = ctx.world.excerpt(art, ctx.epoch)
    ld = [{"@context": "https://schema.org", "@type": "NewsArticle", "headline": art.story.title, "image": [thumb(ctx, art)],
           "datePublished": jst(art.published).isoformat(), "dateModified": jst(art.modified(ctx.epoch)).isoformat(),
           "author": [{"@type": "Person", "name": art.author[1]}], "mainEntityOfPage": {"@type": "WebPage", "@id": u},
           "publisher": {"@type": "Organization", "name": s.name, "logo": {"@type": "ImageObject", "url": ctx.abs("/common/img/logo.gif")}}},
          {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
              {"@type": "ListItem", "position": 1, "name": "トップ", "item": ctx.abs("/")},
              {"@type": "ListItem", "position": 2, "name": art.category[1], "item": cat_url},
              {"@type": "ListItem", "position": 3, "name": art.story.title, "item": u}]}]
    extra = '\n<meta name="robots" content="noindex,follow" />' if noindex else ""
    h = portal_head(ctx, f"{art.story.title}｜{s.name}", u, desc, art, ld, extra)
    return shell(ctx, h, main, "news_detail"), [x for x in bp if x]


def render_listing(ctx, lst):
    s = ctx.site
    items = "".join(f'<li class="clearfix"><a href="{ctx.url(a)}"><img class="thumb" src="{thumb(ctx, a, "s")}" alt="" width="160" height="90" /></a>'
                    f'<div class="list_txt"><p class="list_date">{jdate(a.published, False)}</p><p class="list_kiji_ttl"><a href="{ctx.url(a)}">{esc(a.story.title)}</a></p>'
                    f'<p class="list_lead">{esc(ctx.world.excerpt(a, ctx.epoch))}</p></div></li>' for a in lst.items)
    lo = max(1, lst.page - 4)
    nums = "".join(f'<span class="current">{p}</span>' if p == lst.page else f'<a href="{ctx.listing_url(lst.kind, lst.key, p)}">{p}</a>'
                   for p in range(lo, min(lst.pages, lo + 9) + 1))
    pager = ('<div class="page_navi">' + (f'<a class="prev" href="{lst.prev_url}">&laquo; 前へ</a>' if lst.prev_url else "") + nums
             + (f'<a class="next" href="{lst.next_url}">次へ &raquo;</a>' if lst.next_url else "") + "</div>")
    name = "アニメニュース 新着一覧" if lst.kind == "home" else (f"「{lst.name}」の記事一覧" if lst.kind == "tag" else f"{lst.name}の記事一覧")
    crumb = f'<div id="pankuzu"><a href="{ctx.abs("/")}">トップ</a> &gt; <strong>{esc(name)}</strong></div>' if lst.kind != "home" else ""
    main = f'{crumb}<div class="news_list"><h1 class="list_ttl">{esc(name)}</h1><ul>{items}</ul>{pager}</div>'
    title = (f"{s.name}｜アニメ・声優・マンガの最新ニュース" if lst.kind == "home" and lst.page == 1 else f"{name}｜{s.name}") + \
        (f"（{lst.page}ページ目）" if lst.page > 1 else "")
    return shell(ctx, portal_head(ctx, title, lst.url, f"{s.name}の{name}。アニメ・声優・マンガの最新ニュースをお届けします。"), main, "news_list")


def render_not_found(ctx):
    main = ('<div class="error_box"><h1>お探しのページは見つかりませんでした</h1><p>URLが間違っているか、ページが移動・削除された可能性があります。</p>'
            f'<p><a href="{ctx.abs("/")}">トップページへ戻る</a></p></div>')
    return shell(ctx, portal_head(ctx, f"ページが見つかりません｜{ctx.site.name}", ctx.abs("/"), "404 Not Found"), main, "error", side=False)
