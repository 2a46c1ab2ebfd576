"""Generic boilerplate rules, applied to the parsed page before trafilatura sees it.

trafilatura judges blocks by text and link density; what it lets through on fan sites are
inline widgets that look like prose. These rules hold on any site because they follow web-wide
conventions (WordPress/schema class vocabularies, widget embed markup, the wording of promos),
not the class names of particular themes:

1. Widgets that never hold article prose: navigation, embeds (tweets, Instagram, TikTok,
   WordPress link cards), figure captions, comment/newsletter/search forms.
2. Containers whose class or id names a boilerplate role (share bars, related posts, author
   boxes, newsletter boxes, tables of contents, comments, ads, breadcrumbs, tag lists), unless
   they hold a large part of the page's prose (a guard against `class="post share-enabled"`),
   alone or with the elements of the same class (an article body split into chunks whose layout
   class has a role word, `class="sidebar-grid__content"`, between ads).
3. A short paragraph that is all one link to another page of the same site: an inline teaser
   ("CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES", "China furious at Macron [INSIGHT]").
   Short promo lines: "Also Read:", "See Related Post-", "Read more", "関連記事" ... followed by
   a link, and the headings that open related/comment sections with the list after them, in
   English, Japanese and a dozen European languages ("Lesen Sie auch", "Czytaj więcej"); the
   small box such a label opens goes whole when it is mostly teaser links. A sources label
   ("Verwendete Quellen", "Sources:") goes with the list after it.
4. Menus set as a line of text ("Home | Video | World | Business"). Short UI strings on their own: ad labels, "Scroll to Top", "Share", "Copy URL", ...; calls
   to subscribe or follow, and appeals for money ("please consider supporting us on Patreon").
5. Teaser grids: three or more sibling cards or list items of one kind, most of them a
   headline linking to another page of the site with at most a short teaser line ("latest
   news", "more stories" rails and lists without a heading or class that says so).
6. Photo galleries embedded beside an article: a list whose items open with slide counters
   ("1/50", "2/50", ...), when the page has prose of its own besides.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from urllib.parse import urldefrag, urljoin

from lxml import etree
from lxml.html import HtmlElement

from archive.sites import same_site
from pipelines.outlinks import ABSOLUTE

#: Embed markup of social posts and CMS link cards (class tokens).
EMBED_CLASSES = {"twitter-tweet", "twitter-timeline", "instagram-media", "tiktok-embed", "wp-embedded-content",
                 "fb-post", "reddit-embed-bq", "bluesky-embed", "embedly-card", "link-card", "blogcard"}
#: Class/id tokens that name a boilerplate role; matched on whole tokens split at - and _.
ROLE_TOKENS = {
    "share", "sharing", "sharedaddy", "social", "sns", "related", "yarpp", "jp-relatedposts", "newsletter",
    "subscribe", "subscription", "mailchimp", "authorbox", "bio", "comments", "comment", "respond", "toc",
    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "tags", "tagcloud", "taglist", "advert", "advertisement", "ad", "ads",
    "adspot", "adsbygoogle", "sponsor", "sponsored", "promo", "recommended", "popular", "trending",
    "caption", "credit", "disqus", "scrolltop", "backtotop", "pagination", "pager", "signup", "sidebar",
    "footer", "foot", "copyright", "recirc", "recirculation",
}
TOKEN_SPLIT = re.compile(r"[\s\-_]+")
#: Two-token roles (after splitting at - and _).
ROLE_PAIRS = {("author", "box"), ("about", "author"), ("author", "bio"), ("author", "info"), ("post", "author"),
              ("scroll", "top"), ("back", "top"), ("go", "top"), ("to", "top"), ("table", "contents"),
              ("read", "more"), ("more", "from"), ("you", "may"), ("post", "tags"), ("entry", "tags"),
              ("post", "navigation"), ("nav", "links"), ("ez", "toc"), ("wp", "caption")}
#: A container with a role name is kept when it holds this share of the page's paragraph text.
ROLE_GUARD_SHARE = 0.4
#: A page whose <p> hold less than this share of the text it shows does not write its text in <p>.
PROSE_PAGE_SHARE = 0.2
#: An inline style that hides an element from readers.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Paragraph text an article body's chunk holds on average (a teaser card holds less).
MIN_CHUNK_CHARS = 300
#: The outermost elements of a class (a chunk of an article's body may nest one of its class).
SAME_CLASS = etree.XPath("//*[@class=$names][not(ancestor::*[@class=$names])]")
#: Promo wording that opens a short line pointing elsewhere.
PROMO_WORDS = (
    r"^[\s【\[［(（▼▽■□●◆◇★☆→⇒>»・]*(?:see (?:also|more|related(?: posts?| articles?| stor(?:y|ies))?)|"
    r"also read|read also|read more|more:|related(?: posts?| articles?| stor(?:y|ies)| news| reading)?|"
    r"recommended(?: for you| reading)?|you may (?:also )?like|don'?t miss|must read|check out|further reading|"
    r"trending now|関連記事|関連ニュース|あわせて読みたい|合わせて読みたい|こちらもおすすめ|おすすめ記事|こちらもチェック|参考記事|"
    # the same in German, French, Spanish, Italian, Portuguese, Dutch, Nordic, Polish, Czech, Turkish, Indonesian, Zulu
    r"lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|das könnte sie (?:auch )?interessieren|weiterlesen|"
    r"(?:à )?lire (?:aussi|également)|voir aussi|sur le même sujet|(?:lee|lea) también|te puede interesar|"
    r"(?:también )?(?:le|te) puede interesar|puede interesarte|lea más|lea|mire|mira|vea también|puedes ver|"
    r"no te pierdas|notas? relacionadas?|contenido relacionado|auch lesen|zum weiterlesen|schon gelesen\??|"
    r"vous aimerez aussi|à découvrir|dowiedz się więcej|polecamy|zobacz (?:również|więcej)|"
    r"leggi anche|leia também|veja também|lees ook|läs (?:också|även|mer)|les også|læs også|"
    r"czytaj (?:też|także|również|więcej)|zobacz (?:też|także)|čtěte (?:také|též)|ilgili haberler|baca juga|"
    r"funda (?:olunye|nolunye) udaba)"
)
PROMO = re.compile(PROMO_WORDS + r"\s*(?:[:：\-–—»›>|】\]］)）]|$)", re.IGNORECASE)
#: The same wording run into what follows: a promo when the rest of the line is a link.
PROMO_LABEL = re.compile(PROMO_WORDS, re.IGNORECASE)
#: Calls to subscribe, share or send tips, a widget's error state, a browser update notice: boilerplate on their
#: own line, link or not.
APPEAL = re.compile(
    r"^\s*(?:have a (?:news )?tip\b|got a (?:news )?tip\b|like this (?:story|article)\?|enjoyed this (?:story|article)\?|"
    r"get the latest .{0,60}\b(?:inbox|newsletter)|sign up (?:for|to) (?:our|the) .{0,40}newsletter|"
    r"subscribe to (?:our|the) .{0,40}(?:newsletter|channel|podcast)|get .{0,40} delivered (?:to|through) your|"
    r"tell us what you think|follow us on|join (?:us|our|the) (?:on )?(?:discord|server|community|conversation|newsletter)|"
    r"click here to (?:get|download|subscribe|sign up|read more)|explore further$|popular on \w+$|"
    r"follow (?:us|[\w.]+(?: [\w.]+)?) on (?:instagram|facebook|twitter|x|youtube|tiktok|threads|bluesky|google news|"
    r"whatsapp|telegram)|got a (?:news )?story\?|get in touch with (?:our|the) news ?(?:team|desk|room)|"
    r"for more (?:stories|news|articles) like this|this is a (?:breaking|developing) (?:news )?story|"
    r"follow .{0,30}full coverage|subscribe to .{0,40} on (?:youtube|spotify|apple podcasts)|"
    r"this copy is for your personal|this (?:feature|service|video|content) is (?:temporarily |currently )?unavailable|"
    r"(?:please )?(?:update|upgrade) your browser|your browser is (?:out of date|outdated|not supported)|"
    r"浏览器更新提醒|请(?:升级|更新)(?:您的)?浏览器|"
    r"ニュースレターに登録|公式(?:X|ツイッター|Twitter)をフォロー|subscribe now\b|"
    # the same in German: a report-an-error link, feedback and rating prompts
    r"fehler gefunden\s*\?|(?:wie )?hat ihnen (?:dieser|der) (?:artikel|beitrag) gefallen|ihre meinung ist uns wichtig|"
    r"schicken sie uns ihr feedback)",
    re.IGNORECASE,
)
#: Appeals for money or to sign up, anywhere in a short block: "…is reader-funded; please consider
#: supporting us on Patreon", "Become a patron", "Buy us a coffee", "…by signing up to our free weekly
#: newsletter" (first-person: news about donations or newsletters stays).
SUPPORT_APPEAL = re.compile(
    r"\b(?:support(?:ing)? (?:us|our (?:work|site|journalism|coverage|writers|team))\b|become a (?:patron|supporter|"
    r"member)\b|(?:donate|contribute) to (?:us|our)\b|buy (?:us|me) a coffee|reader[- ]funded\b|"
    r"(?:us|our \w+) on (?:patreon|ko-fi)\b|"
    r"sign(?:ing)? up (?:to|for) (?:our|[\w’'.-]+[’']s) (?:free )?(?:[\w-]+ ){0,2}newsletter)|"
    r"ご支援(?:を|の)お願い|支援をお願いします|"
    # the same in German: "unterstützen Sie uns", "Journalismus braucht deine Unterstützung", a newsletter's pitch
    r"\bunterstützen sie uns\b|journalismus braucht (?:deine|ihre|eure) unterstützung|\bnewsletter informiert sie\b|"
    r"\b(?:beim|zum) (?:täglichen |kostenlosen |wöchentlichen )?[\w-]*newsletter\b",
    re.IGNORECASE,
)
#: Credit and rights lines under pictures and at the end of Japanese anime news.
CREDIT = re.compile(r"^\s*(?:[（(]\s*[cC]\s*[)）]|©|Ⓒ|copyright\b|(?:photo|image|picture|credit)s?\s*:\s*©|"
                    r"(?:additional )?reporting by\b|[\w’'. -]{2,60} contributed (?:reporting|to this (?:report|story))|"
                    r"filed under\s*:|(?:estimated )?(?:reading|read) time\s*:|tempo de leitura\s*:|"
                    r"lesezeit\s*:|lesedauer\s*:|temps de lecture\s*:|tiempo de lectura\s*:|leestijd\s*:|czas czytania\s*:|"
                    r"lästid\s*:|lesetid\s*:|読了時間|"
                    r"(?:last )?updated(?: at| on)?\s*:?\s*[\w.,: ]{0,40}\d[\w.,: ]{0,20}$|first published\s*:|"
                    r"(?:image|photo|picture|foto|bild|imagen|immagine)\s*:\s*[^.!?。]{2,60}$|"
                    r"[（(]?画像[はの]?[^）)]{0,20}(?:より|提供)[）)]?$)", re.IGNORECASE)
#: A rights notice anywhere in a short line: "© 2024 Example Inc. All rights reserved.", "光明网版权所有".
RIGHTS = re.compile(r"\b(?:all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|"
                    r"tutti i diritti riservati)\b|版权所有|版權所有|無断(?:転載|複製|転用)|禁止转载|不得转载", re.IGNORECASE)
#: Headings of an author box; the box around them (or the paragraph after them) goes.
AUTHOR_HEADING = re.compile(r"^\s*(?:about the (?:author|writer)|meet the author|written by$|author bio|"
                            r"この記事を書いた人|この記事の(?:著者|執筆者|ライター)|著者プロフィール|ライタープロフィール)",
                            re.IGNORECASE)
#: What follows an author's name at the start of a closing bio paragraph.
BIO = re.compile(r"^\s*(?:is|was|has been|writes|covers|joined|loves|lives)\b|^\s*は", re.IGNORECASE)
#: Longest caption line after an embedded player (characters).
MAX_CAPTION_CHARS = 120
SENTENCE_END = (".", "!", "?", "。", "！", "？", "\"", "”", ":", "：")
#: Largest newsletter box (characters) removed whole around its signup form.
MAX_SIGNUP_BOX_CHARS = 400
#: Largest author box (characters) removed whole around its heading.
MAX_AUTHOR_BOX_CHARS = 600
MAX_AUTHOR_BOX_PARAGRAPHS = 3
#: Longest promo line (characters) removed: longer text is prose that happens to start like one.
MAX_PROMO_CHARS = 250
#: A teaser's closing marker, an element of its own: "… sie sei überfordert. <span>mehr</span>", "… Weiterlesen →".
MORE_MARKER = re.compile(r"^(?:(?:read |see |view |show )?more|mehr|weiterlesen|lire la suite|en savoir plus|leer más|"
                         r"seguir leyendo|ler mais|leia mais|leggi(?: tutto| di più)?|lees meer|les mer|læs mere|läs mer|"
                         r"czytaj (?:dalej|więcej)|devamı(?:nı oku)?|続きを読む|もっと(?:見る|読む)|더\s?보기|阅读更多|"
                         r"查看更多|閱讀更多)\W*$", re.IGNORECASE)
MARKER_TAGS = frozenset(("a", "span", "strong", "b", "em", "i", "small"))
#: Longest teaser closed by such a marker: a headline and its teaser lines.
MAX_MARKED_TEASER_CHARS = 400
#: A box asking for money: a link to give or join, and words that ask ("We don't have ads, so we depend
#: on our members … Become a Member"). Removed whole when at most this long and this share of the body.
DONATE_LINK = re.compile(r"donat|/support(?:-us)?(?:[/?#]|$)|/membership|/join(?:[/?#]|$)|join\.|patreon\.com|"
                         r"ko-fi\.com|buymeacoffee\.com|/spenden|/unterstuetzen|/soutenir|/don(?:ate)?(?:[/?#]|$)",
                         re.IGNORECASE)
FUNDING_WORDS = re.compile(r"\b(?:non-?profit|reader[- ](?:supported|funded)|independent (?:journalism|news)|"
                           r"(?:depend|rely|count)s? (?:on|upon) (?:our )?(?:readers|members|supporters|donations|donors|you)\b|"
                           r"(?:become|as little as) [\w\s$€£.]{0,20}(?:a )?(?:member|supporter|patron)|"
                           r"support (?:the|our|independent) (?:journalism|reporting|work))", re.IGNORECASE)
MAX_APPEAL_BOX_CHARS = 1500
MAX_APPEAL_BOX_SHARE = 0.5
#: Headings that open a boilerplate section (removed with the list or cards that follow them).
SECTION_HEADING = re.compile(
    r"^\s*(?:leave a (?:comment|reply)|\d+\s+(?:thoughts?|comments?|responses?|replies) on|comments?|"
    r"related(?: posts?| articles?| stories| news)?|more (?:from|by) (?:the )?author|more stories|more (?:[\w-]+ ){0,2}from (?:the )?[\w&-]+(?: [\w&-]+){0,3}$|"
    r"recommended|popular posts|most read(?: in [\w ]{1,20})?|trending|you (?:may|might) (?:also )?like|read next|don'?t miss|must read|(?:our )?latest (?:news|stories|headlines)|"
    r"tags|share this|"
    r"関連記事|関連ニュース|コメント|人気記事|おすすめ記事|この記事をシェアする|(?:アクセス)?ランキング|新着(?:ニュース|記事)|"
    r"最新記事|"
    # the same in German, French, Spanish, Italian, Portuguese, Dutch, Nordic, Polish, Czech, Turkish
    r"mehr (?:zum thema|aus|von|zu|zur)\b[^.!?]{0,60}$|weitere (?:informationen|artikel|nachrichten|themen)|"
    r"auch interessant|passend zum (?:artikel|thema)|das könnte sie (?:auch )?interessieren|lesen sie auch|"
    r"weiterführende links|neue nachrichten|meistgelesen|(?:à )?lire aussi|sur le même sujet|les plus lus|"
    r"te puede interesar|noticias relacionadas|lo más leído|leggi anche|i più letti|leia também|mais lidas|"
    r"(?:también )?le puede interesar|notas relacionadas|contenido relacionado|vea también|zum weiterlesen|"
    r"mehr themen|top-themen\b.{0,40}|weitere aktuelle themen\b.{0,60}|lust auf mehr\??|schon gelesen\??|"
    r"vous aimerez aussi|à découvrir|polecamy|"
    r"lees ook|meest gelezen|läs också|mest lästa|les også|mest lest|læs også|mest læste|czytaj (?:też|także|więcej)|"
    r"najczęściej czytane|čtěte také|související články|nejčtenější|ilgili haberler|en çok okunanlar)\b",
    re.IGNORECASE,
)
#: A label over the list of an article's sources ("Verwendete Quellen", "Sources:"): the list is credits, not prose.
SOURCES_LABEL = re.compile(r"^\s*(?:(?:verwendete |weitere )?quellen|sources?(?: used)?|fuentes|fontes|fonti|bronnen|"
                           r"źródła|zdroje|källor|kilder?|kaynaklar)\s*:?\s*$", re.IGNORECASE)
#: Longest line of such a list.
MAX_SOURCE_LINE_CHARS = 200
#: Whole-element UI strings, a widget's waiting state ("Please wait...") and ad labels.
UI_TEXT = re.compile(
    r"^[\s\-–—·|]*(?:advertisements?|advertising|sponsored(?: content)?|ad|ads|pr|広告|スポンサーリンク|"
    r"scroll to top|back to top|go to top|top|share(?: this(?: article| post)?)?|tweet|copy (?:url|link)|print|"
    r"email|whatsapp|pinterest|facebook|twitter|reddit|line|はてブ|ポスト|urlをコピー|"
    r"leave a (?:comment|reply)|post (?:a )?comment(?: \(\+\))?|ページトップへ|トップへ戻る|シェア(?:する)?|"
    r"分享到?|返回顶部|打印|收藏|(?:please wait|loading)(?:\.{3}|…)?)[\s\-–—·|:：]*$",
    re.IGNORECASE,
)
MAX_UI_CHARS = 40
#: Longest text of a section heading ("You may also like...", "Related Posts").
MAX_HEADING_CHARS = 80
#: Largest box (characters) a rail's heading or a promo label opens, removed whole with the teasers in it.
MAX_LABELLED_BOX_CHARS = 1500
#: The least share of such a box's text (the label aside) in links to other pages of the site: a headline
#: linked over each teaser line.
LABELLED_BOX_LINKED_SHARE = 0.2
#: The least text beside the label: a teaser's headline (less is the heading's own "edit" link or icon).
MIN_TEASER_CHARS = 20
#: An inline teaser: at least this many words, this share of them linked.
MIN_TEASER_WORDS = 3
TEASER_LINKED_SHARE = 0.85
#: A teaser grid: this share of its items (at least `MIN_TEASER_CARDS`) are teaser cards.
TEASER_GRID_SHARE = 2 / 3
#: A photo gallery's slide counter opening an item ("3/50", "3 of 50"), and the fewest such items.
SLIDE_COUNTER = re.compile(r"^\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b")
MIN_SLIDES = 3
DIGIT = re.compile(r"\d")
#: A gallery goes only when the page has this much paragraph text besides (a gallery page keeps it).
MIN_PROSE_BESIDE_GALLERY = 1000
#: A menu set as a line of text: this many links or more between separators, each this short.
MENU_SEPARATOR = re.compile(r"\s+[|｜•·/]\s+")
MIN_MENU_ITEMS = 4
MAX_MENU_ITEM_CHARS = 30
#: A kicker label before a card's headline link: its longest text and how it ends.
MAX_KICKER_CHARS = 30
KICKER_ENDS = (":", "：", "|", "｜", "–", "—", "-", "»", "›")
#: Cards in a row that make a teaser grid, and the most text a card may hold beside its headline.
MIN_TEASER_CARDS = 3
MAX_TEASER_CHARS = 200
#: Longest card: a headline and its teaser line.
MAX_CARD_CHARS = 2 * MAX_TEASER_CHARS + MAX_PROMO_CHARS
CARD_TAGS = ("div", "li", "article", "section")
#: An id of this many words or more is a heading's slug ("sharing-with-a-single-developer"),
#: not a role name, when its words are the element's own opening text.
MIN_SLUG_WORDS = 4
BLOCKS = ("p", "div", "li", "section", "aside", "span", "h2", "h3", "h4", "h5", "h6", "dd", "blockquote", "figure")
#: An element's links, and a card's linked headings and their link: compiled once, for they are asked of
#: thousands of elements a page.
LINKS = etree.XPath(".//a[@href]")
LINKED_HEADINGS = etree.XPath(".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][.//a[@href] or ancestor::a[@href]]")
HEADING_LINK = etree.XPath(".//a[@href] | ancestor::a[@href][1]")


def _tokens(el: HtmlElement) -> list[str]:
    classes, ident = el.get("class"), el.get("id")
    if not classes and not ident:
        return []
    names = f"{classes or ''} {'' if not ident or _is_slug_id(el) else ident}".lower()
    return [t for t in TOKEN_SPLIT.split(names) if t]


def _is_slug_id(el: HtmlElement) -> bool:
    """An id made from the section's own heading (documentation and wiki pages): its words say
    what the section is about, not what role it plays."""
    words = [w for w in re.split(r"[\W_]+", el.get("id", "").lower()) if w]
    if len(words) < MIN_SLUG_WORDS:
        return False
    opening = re.sub(r"[\W_]+", " ", " ".join(el.text_content().split()[:2 * len(words)]).lower())
    return " ".join(words) in opening


def _is_body_chunk(el: HtmlElement, chars: int, tree: HtmlElement, body_chars: int, cache: dict[str, bool]) -> bool:
    """One of the chunks an article body is split into between ads: the elements of its class
    (the outermost ones) together hold a large part of the page's prose, several paragraphs each
    on average (and half that at least in this one, which holds `chars`), whatever the class says
    ("sidebar-grid__content" names a layout; a rail's cards hold a teaser line each)."""
    names = el.get("class")
    if not names or chars < MIN_CHUNK_CHARS / 2:
        return False
    if names not in cache:
        chunks = [paragraph_chars(c) for c in SAME_CLASS(tree, names=names)]
        cache[names] = (sum(chunks) >= ROLE_GUARD_SHARE * body_chars
                        and sum(chunks) >= MIN_CHUNK_CHARS * len(chunks))
    return cache[names]


def _is_hidden(el: HtmlElement) -> bool:
    """Hidden from readers by the page itself (the `hidden` attribute, `display: none`)."""
    return el.get("hidden") is not None or bool(HIDDEN_STYLE.search(el.get("style") or ""))


def _hidden_is_not_the_article(chars: int, body_chars: int) -> bool:
    """A hidden element holding `chars` of the page's paragraph text is no article the page's
    scripts reveal: it holds a small share of the prose, or the page shows as large a share
    outside it (a block hidden from readers beside the article)."""
    return chars < ROLE_GUARD_SHARE * body_chars or body_chars - chars >= ROLE_GUARD_SHARE * body_chars


def _has_role(tokens: list[str]) -> bool:
    if any(t in ROLE_TOKENS for t in tokens):
        return True
    return any(pair in ROLE_PAIRS for pair in zip(tokens, tokens[1:]))


def _in_code(el: HtmlElement) -> bool:
    """Inside a code listing, where classes name syntax ("token comment"), not page roles."""
    return any(a.tag in ("pre", "code") for a in el.iterancestors())


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _drop(el: HtmlElement) -> None:
    """Remove an element but keep its tail text in the document (no-op once it is detached)."""
    if el.getparent() is not None:
        el.drop_tree()


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Still in the document: not inside a subtree an earlier rule removed."""
    return el.getroottree().getroot() is root


def paragraph_chars(el: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in el.iter("p"))


def text_chars(el: HtmlElement) -> int:
    """The characters of text an element shows (scripts' and styles' aside)."""
    hidden = sum(len(s.text or "") for s in el.iter("script", "style", "noscript"))
    return len(el.text_content()) - hidden


def prose_measure(tree: HtmlElement, paragraphs: int | None = None) -> Callable[[HtmlElement], int]:
    """How much prose an element holds: its paragraphs' text, on a page that writes its text in
    <p>; all its text on one that does not (a recipe's lists, a forum's <div>s and <br>s, a settings
    table), where paragraphs would count the page empty (the extractor's check that pruning did not
    take the article: `pipelines.extractor.unpruned_text`). `paragraphs`: the tree's
    `paragraph_chars`, when the caller has counted them already."""
    body = tree.find("body")
    shown = text_chars(body if body is not None else tree)
    paragraphs = paragraph_chars(tree) if paragraphs is None else paragraphs
    return paragraph_chars if paragraphs >= PROSE_PAGE_SHARE * shown else text_chars


def _is_link_line(el: HtmlElement, text: str) -> bool:
    """A short line that mostly points elsewhere (a promo's link, a card)."""
    links = LINKS(el)
    if not links:
        nxt = el.getnext()
        return nxt is not None and bool(nxt.xpath("self::a[@href] | .//a[@href]")) and len(text) < 60
    return True


def _is_link_block(el: HtmlElement, body_chars: int) -> bool:
    """A list, card or line that is all links (what follows a "Related" heading)."""
    text = _text(el)
    linked = sum(len(" ".join(a.text_content().split())) for a in LINKS(el))
    if el.tag in ("ul", "ol", "div", "section", "aside"):
        return bool(linked) and paragraph_chars(el) < ROLE_GUARD_SHARE * body_chars and linked >= 0.5 * len(text)
    return bool(text) and len(text) <= MAX_PROMO_CHARS and linked >= 0.9 * len(text)


def _drop_link_run(el: HtmlElement | None, body_chars: int) -> None:
    while el is not None and _is_link_block(el, body_chars):
        nxt = el.getnext()
        _drop(el)
        el = nxt


def _caption_after(media: HtmlElement) -> HtmlElement | None:
    """The short unpunctuated line right after an embedded video or player: its caption. Not after
    a <figure> that holds the player: a figure keeps its caption inside."""
    anchor = media
    while anchor.getnext() is None and anchor.getparent() is not None and len(_text(anchor.getparent())) < 5:
        anchor = anchor.getparent()
        if anchor.tag == "figure":
            return None
    nxt = anchor.getnext()
    if nxt is None or nxt.tag not in ("p", "div", "span", "small"):
        return None
    text = _text(nxt)
    return nxt if text and len(text) <= MAX_CAPTION_CHARS and not text.endswith(SENTENCE_END) else None


def _signup_box(form: HtmlElement) -> HtmlElement:
    """The box around a form asking for an email address (a newsletter's name and pitch with it,
    in any language): its largest container short enough to be such a box, else the form."""
    box = form
    for parent in form.iterancestors():
        if parent.tag in ("body", "article", "main") or len(_text(parent)) > MAX_SIGNUP_BOX_CHARS or parent.xpath(".//h1"):
            break
        box = parent
    return box


def _is_small_box(box: HtmlElement, body_chars: int) -> bool:
    """Small enough to be an author box, not the article around it."""
    if len(_text(box)) > MAX_AUTHOR_BOX_CHARS or box.xpath(".//h1"):
        return False
    return len(box.xpath(".//p")) <= MAX_AUTHOR_BOX_PARAGRAPHS or paragraph_chars(box) < ROLE_GUARD_SHARE * body_chars


def _is_appeal_box(box: HtmlElement, text: str, body_chars: int) -> bool:
    """A short box holding a link to give or join (the caller's test) that asks for money in words
    of a funding appeal, and is not the article around it."""
    return len(text) <= MAX_APPEAL_BOX_CHARS and bool(FUNDING_WORDS.search(text) or SUPPORT_APPEAL.search(text)) \
        and paragraph_chars(box) <= MAX_APPEAL_BOX_SHARE * body_chars


def _is_promo(el: HtmlElement, text: str) -> bool:
    """"Also Read: <link>", "【関連記事】<link>", "▼あわせて読みたい <link>": a promo label, then mostly a link."""
    if PROMO.match(text):
        return _is_link_line(el, text)
    label = PROMO_LABEL.match(text)
    if not label:
        return False
    rest = len(text) - label.end()
    linked = sum(len(" ".join(a.text_content().split())) for a in LINKS(el))
    return rest > 0 and linked >= 0.8 * rest


def _ends_with_more(el: HtmlElement) -> bool:
    """A block closed by a "more" marker of its own (a link or a span, nothing after it): a teaser of
    another page, which an article's paragraph never is (a button so named opens a caption)."""
    last = el[-1] if len(el) else None
    return (last is not None and last.tag in MARKER_TAGS and not (last.tail or "").strip()
            and bool(MORE_MARKER.match(_text(last))) and len(_text(el)) > len(_text(last)))


def _is_inline_teaser(el: HtmlElement, text: str, url: str | None) -> bool:
    """A paragraph that is one link (or a few) to other pages of this site, and nothing else."""
    links = LINKS(el)
    if not links or len(text.split()) < MIN_TEASER_WORDS:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in links)
    if linked < TEASER_LINKED_SHARE * len(text):
        return False
    return all(_is_other_page_here(a.get("href", "").strip(), url) for a in links)


def _is_other_page_here(href: str, url: str | None) -> bool:
    """A link to another page of the page's own site (a relative one, without resolving it)."""
    if not href or href.startswith("#"):
        return False
    if not ABSOLUTE.match(href):
        return True
    if url is None:
        return False
    target = urljoin(url, href)
    return urldefrag(target)[0] != urldefrag(url)[0] and same_site(url, target)


def _is_teaser_card(el: HtmlElement, url: str | None) -> bool:
    """A card of a teaser grid: a headline linking to another page of the site (a heading that is
    a link, or a link on its own that the card's text opens with, not a sentence's first words),
    and little text beside it; or an item that is all links to other pages of the site. A
    paragraph is never a card."""
    if el.tag not in CARD_TAGS:
        return False
    text = _text(el)
    if len(text) > MAX_CARD_CHARS:
        return False
    if _is_inline_teaser(el, text, url):
        return True
    heads = LINKED_HEADINGS(el)
    if heads:
        headline = _text(heads[0])
        link = next(iter(HEADING_LINK(heads[0])), None)
    else:
        link = next((a for a in el.iter("a") if a.get("href") and _text(a)), None)
        headline = _text(link) if link is not None else ""
        if (len(headline.split()) < MIN_TEASER_WORDS or not _opens_with(text, headline)
                or link.getparent() is not el and _text(link.getparent()) != headline):
            return False
    return (bool(headline) and len(text) - len(headline) <= MAX_TEASER_CHARS
            and _is_other_page_here(link.get("href", "").strip(), url))


def _opens_with(text: str, headline: str) -> bool:
    """`text` opens with `headline`, or with a short kicker label and then it ("Archäologie: <link>",
    "Interview | <link>")."""
    at = text.find(headline)
    return at == 0 or 0 < at <= MAX_KICKER_CHARS and text[:at].rstrip().endswith(KICKER_ENDS)


def _teaser_grids(el: HtmlElement, body_chars: int, url: str | None) -> list[list[HtmlElement]]:
    """The children of `el` that make teaser grids: three or more siblings of one kind (tag and
    class, numbered tokens aside), most of them teaser cards, together a small part of the page's prose."""
    kinds: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
    for child in el:
        if child.tag in CARD_TAGS:
            kinds[(child.tag, _kind(child))].append(child)
    return [group for group in kinds.values() if len(group) >= MIN_TEASER_CARDS and _mostly_cards(group, url)
            and sum(map(paragraph_chars, group)) < ROLE_GUARD_SHARE * body_chars]


def _kind(el: HtmlElement) -> str:
    """The class of an element less its numbered tokens: cards of one rail often carry their
    position or story id ("story-block sbpos-2 id1227272060915")."""
    names = el.get("class", "")
    if not DIGIT.search(names):
        return names
    return " ".join(t for t in names.split() if not DIGIT.search(t))


def _mostly_cards(group: list[HtmlElement], url: str | None) -> bool:
    """At least `TEASER_GRID_SHARE` of the group are teaser cards (stops at the first decisive one)."""
    allowed = (1 - TEASER_GRID_SHARE) * len(group)
    others = 0
    for el in group:
        if not _is_teaser_card(el, url):
            others += 1
            if others > allowed:
                return False
    return True


def _is_gallery(el: HtmlElement) -> bool:
    """A slideshow's legends: most of its items open with a slide counter out of one total."""
    if len(el) < MIN_SLIDES:
        return False
    items = [child for child in el if child.tag in CARD_TAGS]
    allowed, counters = (1 - TEASER_GRID_SHARE) * len(items), []
    for item in items:  # stops once too many items carry no counter (most lists: after a third)
        if match := SLIDE_COUNTER.match(_first_text(item)):
            counters.append(match)
        elif (allowed := allowed - 1) < 0:
            return False
    if len(counters) < MIN_SLIDES:
        return False
    slides = {int(m[1]) for m in counters}
    totals = {int(m[2]) for m in counters}
    return len(totals) == 1 and len(slides) == len(counters) and max(slides) <= totals.pop()


def _first_text(el: HtmlElement) -> str:
    """The element's first words (its first text that is not blank), without reading all of it."""
    return next((t for t in el.itertext() if t.strip()), "")


def _is_menu_line(el: HtmlElement, text: str) -> bool:
    """"Home | Video | World | Business | Sport": a line of short links between separators."""
    parts = MENU_SEPARATOR.split(text)
    if len(parts) < MIN_MENU_ITEMS or any(len(part) > MAX_MENU_ITEM_CHARS for part in parts):
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in LINKS(el))
    return linked >= TEASER_LINKED_SHARE * len(MENU_SEPARATOR.sub("", text))


def _is_author_bio(text: str, authors: list[str]) -> bool:
    return any(text.startswith(name) and BIO.match(text[len(name):]) for name in authors)


def prune(tree: HtmlElement, author: str | None = None, url: str | None = None,
          paragraphs: int | None = None) -> HtmlElement:
    """Remove generic boilerplate from `tree` in place and return it. `author` (names separated
    by ";") lets a closing "<author> is a staff writer who ..." paragraph be recognised; `url`
    (the page's) tells links to the same site, of inline teasers, from credits of sources;
    `paragraphs`: the tree's `paragraph_chars`, when the caller has counted them already."""
    body_chars = max(1, paragraph_chars(tree) if paragraphs is None else paragraphs)
    authors = [a.strip() for a in (author or "").split(";") if len(a.strip()) > 2]
    chunk_classes: dict[str, bool] = {}
    for el in tree.xpath("//nav | //figcaption | //form[.//textarea or .//input[@type='email' or @type='search']]"):
        _drop(_signup_box(el) if el.xpath(".//input[@type='email']") else el)
    for el in list(tree.iter("blockquote", "div", "aside", "section", "nav", "ul", "ol", "span", "p", "figure",
                             "footer", "header", "iframe", "video", "embed", "object")):
        if not _attached(el, tree):
            continue
        tokens = _tokens(el)
        if _is_hidden(el) and _hidden_is_not_the_article(paragraph_chars(el), body_chars):
            _drop(el)
        elif el.tag in ("iframe", "video", "embed", "object"):
            caption = _caption_after(el)
            if caption is not None:
                _drop(caption)
            _drop(el)
        elif EMBED_CLASSES.intersection(tokens) or EMBED_CLASSES.intersection({el.get("class", "").strip()}):
            _drop(el)
        elif (tokens and _has_role(tokens) and (chars := paragraph_chars(el)) < ROLE_GUARD_SHARE * body_chars
              and not _in_code(el) and not _is_body_chunk(el, chars, tree, body_chars, chunk_classes)):
            _drop(el)
        elif (el.tag in ("ul", "ol", "div") and _is_gallery(el)
              and body_chars - paragraph_chars(el) >= MIN_PROSE_BESIDE_GALLERY):
            _drop(el)
        elif (el.tag in ("ul", "ol", "div", "section") and len(el) >= MIN_TEASER_CARDS
              and (grids := _teaser_grids(el, body_chars, url))):
            for card in (card for grid in grids for card in grid):
                _drop(card)
    appeal_holders = {box for a in tree.iter("a") if DONATE_LINK.search(a.get("href", ""))
                      for box in a.iterancestors("div", "section", "aside")}  # few pages link to give
    for el in list(tree.iter(*BLOCKS)):
        if not _attached(el, tree):
            continue
        text = _text(el)
        if not text:
            continue
        if (len(text) <= MAX_UI_CHARS and UI_TEXT.match(text) or len(text) <= MAX_PROMO_CHARS and CREDIT.match(text)
                or len(text) <= MAX_CAPTION_CHARS and RIGHTS.search(text)
                or len(text) <= MAX_PROMO_CHARS and _is_menu_line(el, text)):
            _drop(el)
        elif el.tag == "p" and len(text) <= MAX_PROMO_CHARS and _is_inline_teaser(el, text, url):
            _drop(el)
        elif len(text) <= MAX_MARKED_TEASER_CHARS and _ends_with_more(el):
            _drop(el)
        elif len(text) <= MAX_PROMO_CHARS and _is_promo(el, text):
            if not LINKS(el) and not _drop_labelled_box(el, text, body_chars, url):
                _drop_link_run(el.getnext(), body_chars)
            _drop(el)
        elif len(text) <= MAX_HEADING_CHARS and PROMO.match(text) and _drop_labelled_box(el, text, body_chars, url):
            continue
        elif len(text) <= MAX_PROMO_CHARS and (APPEAL.match(text) or SUPPORT_APPEAL.search(text) or
                                               _is_author_bio(text, authors)):
            _drop(el)
        elif el in appeal_holders and _is_appeal_box(el, text, body_chars):
            _drop(el)
        elif len(text) <= MAX_HEADING_CHARS and AUTHOR_HEADING.match(text):
            box, nxt = el.getparent(), el.getnext()
            if box is not None and box.tag not in ("body", "article", "main") and _is_small_box(box, body_chars):
                _drop(box)
            else:
                if nxt is not None and len(_text(nxt)) <= MAX_AUTHOR_BOX_CHARS:
                    _drop(nxt)
                _drop(el)
        elif len(text) <= MAX_HEADING_CHARS and SOURCES_LABEL.match(text):
            _drop_source_list(el)
        elif len(text) <= MAX_HEADING_CHARS and SECTION_HEADING.match(text):
            if not _drop_labelled_box(el, text, body_chars, url):
                _drop_link_run(el.getnext(), body_chars)
                _drop(el)
    for el in list(tree.iter("h1")):
        if _attached(el, tree):
            _drop_section_h1(el, body_chars)
    return tree


def _drop_source_list(label: HtmlElement) -> None:
    """Drop a sources label and the list after it: lists and short lines, up to the first longer
    paragraph (the label's own box when the label is alone in it)."""
    while label.getnext() is None and label.getparent() is not None and _text(label.getparent()) == _text(label):
        label = label.getparent()
    el = label.getnext()
    while el is not None and (el.tag in ("ul", "ol") or len(_text(el)) <= MAX_SOURCE_LINE_CHARS):
        nxt = el.getnext()
        _drop(el)
        el = nxt
    _drop(label)


def _drop_labelled_box(label: HtmlElement, text: str, body_chars: int, url: str | None) -> bool:
    """Drop the box a rail's heading or a promo label opens ("Weitere Informationen", "Czytaj więcej"
    over teaser cards), when the box is small, opens with the label and is teasers, its text much
    linked to other pages of the site (not a part of the article opened by such a heading); say
    whether it was dropped (the label is then gone with it)."""
    box, rest = label, 0
    for parent in label.iterancestors():
        if parent.tag in ("body", "article", "main"):
            break
        shown = _text(parent)
        if (len(shown) > MAX_LABELLED_BOX_CHARS or not shown.startswith(text)
                or paragraph_chars(parent) >= ROLE_GUARD_SHARE * body_chars):
            break
        box, rest = parent, len(shown) - len(text)
    if box is label or rest < MIN_TEASER_CHARS:
        return False
    links = [a for a in box.iter("a") if _is_other_page_here(a.get("href", "").strip(), url)]
    if sum(len(_text(a)) for a in links) < LABELLED_BOX_LINKED_SHARE * rest:
        return False
    _drop(box)
    return True


def _drop_section_h1(el: HtmlElement, body_chars: int) -> None:
    """A rail's heading set as an <h1> ("You might also like" over a list of cards): dropped with
    the links after it, but only when links follow (an <h1> is most often the headline)."""
    text, nxt = _text(el), el.getnext()
    if (len(text) <= MAX_HEADING_CHARS and SECTION_HEADING.match(text) and nxt is not None
            and _is_link_block(nxt, body_chars)):
        _drop_link_run(nxt, body_chars)
        _drop(el)
