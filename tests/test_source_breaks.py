"""A paragraph hard-wrapped in the page's source is one line of the archived text, as a browser
shows it; `<br>` and `<pre>` keep their breaks, and a break that is all that parts a paragraph
from a block an unclosed `<b>` swallowed still parts them."""
from __future__ import annotations

import lxml.html

from pipelines.extractor import extract_article
from pipelines.source_breaks import fold_source_breaks, trim_lines

URL = "https://fannews.example/2025/02/wrapped"
WRAPPED = """The studio confirmed on Friday that the second season will premiere
        in April, with the original staff returning for every episode of
        the new cour."""
SECOND = """Director Aya Mori said the team spent a year adapting the final two
        volumes, and that the new opening was recorded in Osaka last month."""


def page(body: str) -> bytes:
    return (f"<html><head><title>Season 2 dated | Fan News</title></head><body><article><h1>Season 2 dated</h1>"
            f"{body}</article></body></html>").encode()


def test_a_hard_wrapped_paragraph_is_one_line():
    text = extract_article(page(f"<p>\n    {WRAPPED}\n</p>\n<div>\n      {SECOND}\n    </div>"), URL).text
    assert text.splitlines() == [" ".join(WRAPPED.split()), " ".join(SECOND.split())]


def test_br_and_pre_keep_their_breaks():
    tree = lxml.html.fromstring("<div><p>Staff:<br>Director Aya Mori\n   (Mob Psycho)</p>"
                                "<pre>def season():\n    return 2</pre> after\n  the code</div>")
    fold_source_breaks(tree)
    assert tree.xpath("//p")[0].text == "Staff:"
    assert tree.xpath("//br")[0].tail == "Director Aya Mori (Mob Psycho)"
    assert tree.xpath("//pre")[0].text == "def season():\n    return 2"
    assert tree.xpath("//pre")[0].tail == " after the code"


def test_a_break_at_a_texts_end_is_kept():
    tree = lxml.html.fromstring("<div><b>with new bonus postcards.\n<div>Overseas screenings continue.</div></b></div>")
    fold_source_breaks(tree)
    assert tree.xpath("//b")[0].text == "with new bonus postcards.\n"


def test_trimmed_lines_keep_code_indentation():
    assert trim_lines(" Tempor incididunt  \n    return 2\nplain") == "Tempor incididunt\n    return 2\nplain"
