"""The real-page extraction bench counts what it says (bench/_real_pages.py) and reads its
sources' expectations right (bench/_corpora.py, bench/_mercury.py): hand-worked pages, no corpus."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from _corpora import block_text, guess_lang  # noqa: E402
from _mercury import cases  # noqa: E402
from _real_pages import counts, macro_f1, micro_f1, same_author, same_date, same_title  # noqa: E402

TRUE = "one two three four five six"  # 3 shingles


def test_macro_averages_pages_and_micro_pools_shingles():
    short = counts(TRUE, TRUE)  # 3 right
    long_truth = " ".join(f"w{i}" for i in range(103))  # 100 shingles
    half = counts(long_truth, " ".join(f"w{i}" for i in range(53)))  # 50 right, 50 missed
    assert short == (3, 0, 0) and half == (50, 0, 50)
    f1, p, r = macro_f1([short, half])
    assert (p, r) == (1.0, 0.75) and f1 == pytest.approx(2 * 0.75 / 1.75)
    f1, p, r = micro_f1([short, half])
    assert (p, r) == (1.0, 53 / 103) and f1 == pytest.approx(2 * r / (1 + r))


def test_empty_pages_count_as_fansim_counts_them():
    assert macro_f1([counts("", ""), counts(TRUE, TRUE)])[0] == 1.0
    assert macro_f1([counts(TRUE, "")]) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("truth, pred, same", [
    ("2019-04-11T13:22:00.000Z", "2019-04-11T22:22:00+09:00", True),   # one instant
    ("2016-10-13T16:34:00.918Z", "2016-10-13T12:34:00-04:00", True),   # to the minute
    ("2016-12-13T23:06:00.000Z", "2016-12-13T18:06:00+00:00", True),   # the day, its zone read wrongly
    ("2019-04-11T13:22:00.000Z", "2019-04-13T13:22:00+00:00", False),
    ("2019-03-04T15:00:00.000Z", "2019-03-05", True),                  # midnight in Tokyo
    ("2019-03-04T15:00:00.000Z", "2019-03-06", False),
    ("2016-11-28", "2016-11-28T09:00:00-05:00", True),
    ("2016-11-28", None, False),
])
def test_dates(truth, pred, same):
    assert same_date(truth, pred) is same


def test_authors_ignore_a_leading_by():
    assert same_author("By Erin Cunningham", "Erin Cunningham")
    assert not same_author("Erin Cunningham", "Erin Cunningham, Staff")
    assert same_author("文● オカモト／ASCII編集部", "オカモト／ASCII編集部")
    assert same_author("著者 お米ゴハン", "お米ゴハン") and not same_author("著者 お米ゴハン", "著者")


def test_authors_are_the_same_names_however_listed_and_cased():
    assert same_author("JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL", "Josh Haskell; David Caplan; Patrick Reevell")
    assert same_author("Julia Carrie Wong and Sam Levin", "Julia Carrie Wong; Sam Levin")
    assert same_author("Gina Kolata y Benjamin Mueller", "Gina Kolata & Benjamin Mueller")
    assert not same_author("Julia Carrie Wong and Sam Levin", "Julia Carrie Wong")
    assert not same_author("Sam Levin; Julia Carrie Wong", "Julia Carrie Wong; Sam Levin")


def test_titles_ignore_typographic_quotes():
    assert same_title("Heartsteel’s song: “Worlds”", "Heartsteel's song: \"Worlds\"")
    assert not same_title("Heartsteel’s song", "Heartsteel's songs")


def test_expected_html_becomes_a_line_per_block():
    html = ('<div><h2>Title</h2><p>One <b>bold</b>\n  word.<br>Next line</p><script>x()</script>'
            '<ul><li>a</li><li>b</li></ul><table><tr><td>c1</td><td>c2</td></tr></table>tail</div>')
    assert block_text(html).splitlines() == ["Title", "One bold word.", "Next line", "a", "b", "c1 c2", "tail"]


def test_languages_by_script_then_stop_words():
    assert guess_lang("肉をくわえたイヌが、橋を渡っていました。") == "ja"
    assert guess_lang("El fiscal está perfilando con el jefe de la fiscalía la decisión") == "es"
    assert guess_lang("Lorem ipsum dolor sit amet") is None


def test_mercury_expectations_follow_each_fixture():
    test = """
    beforeAll(() => {
      url = 'https://a.example/one';
      const html = fs.readFileSync('./fixtures/a.example.html');
    });
    it('returns the title', async () => { assert.equal(title, `First \\`quoted\\``); });
    it('returns the author', async () => { assert.equal(author, null); });
    it('second page', async () => {
      const html = fs.readFileSync('./fixtures/a.example--two.html');
      const uri =
        'https://a.example/two';
      assert.equal(
        title,
        'Second \\u2019s'
      );
      assert.equal(date_published, "2019-02-22T05:37:03.000Z");
    });"""
    assert list(cases(test)) == [
        ("https://a.example/one", "fixtures/a.example.html", {"title": "First `quoted`", "author": None}),
        ("https://a.example/two", "fixtures/a.example--two.html",
         {"title": "Second \u2019s", "published": "2019-02-22T05:37:03.000Z"}),
    ]
