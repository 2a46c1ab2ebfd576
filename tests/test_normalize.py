"""Titles without site names, ISO dates, language subtags and key URLs."""
import pytest

from pipelines.normalize import clean_title, content_hash, iso_datetime, key_url, lang_code


@pytest.mark.parametrize("title, site, expected", [
    ("Frieren Season 2 Announced | Akiba Dispatch", "Akiba Dispatch", "Frieren Season 2 Announced"),
    ("Akiba Dispatch – Frieren Season 2 Announced", "Akiba Dispatch", "Frieren Season 2 Announced"),
    ("「葬送のフリーレン」第2期決定｜さくら新聞", "さくら新聞", "「葬送のフリーレン」第2期決定"),
    ("Re:Zero - Starting Life in Another World Season 3 - Cel Shade", "Cel Shade",
     "Re:Zero - Starting Life in Another World Season 3"),
    ("Spy x Family: Code White review", None, "Spy x Family: Code White review"),
])
def test_clean_title_strips_only_the_site_name(title, site, expected):
    assert clean_title(title, site, "news.test") == expected


def test_clean_title_prefers_a_contained_headline():
    assert clean_title("Big News: Dandadan S2 dated — Weird Site Name", None, "x.test",
                       headline="Big News: Dandadan S2 dated") == "Big News: Dandadan S2 dated"


def test_clean_title_uses_host_when_site_name_unknown():
    assert clean_title("Oshi no Ko movie dated | celshade", None, "celshade.test") == "Oshi no Ko movie dated"


@pytest.mark.parametrize("raw, expected", [
    ("2025-01-02T10:00:00Z", "2025-01-02T10:00:00+00:00"),
    ("2025-01-02T19:00:00+09:00", "2025-01-02T19:00:00+09:00"),
    ("Thu, 02 Jan 2025 10:00:00 GMT", "2025-01-02T10:00:00+00:00"),
    ("2025-01-02", "2025-01-02T00:00:00"),
    ("yesterday", None),
    (None, None),
])
def test_iso_datetime(raw, expected):
    assert iso_datetime(raw) == expected


def test_lang_code():
    assert [lang_code(x) for x in ("en-US", "ja_JP", "JA", "x", None)] == ["en", "ja", "ja", None, None]


def test_content_hash_ignores_whitespace_and_width_only():
    assert content_hash("Ａ  b\nc") == content_hash("A b c")
    assert content_hash("A b c") != content_hash("A b d")


def test_key_url_follows_same_host_canonical_only():
    page = "http://news.test/2025/01/story/?utm_source=x"
    assert key_url(page, "http://news.test/2025/01/story/") == "http://news.test/2025/01/story/"
    assert key_url("http://news.test/2025/01/story/amp/", "/2025/01/story/") == "http://news.test/2025/01/story/"
    assert key_url(page, "http://other.test/story/") == "http://news.test/2025/01/story/"
    assert key_url(page, "http://news.test/") == "http://news.test/2025/01/story/"


def test_key_url_accepts_a_canonical_on_the_www_host_only_with_the_same_scheme_and_port():
    assert key_url("http://news.test/a/", "http://www.news.test/a/") == "http://www.news.test/a/"
    assert key_url("http://news.test/a/", "https://www.news.test/a/") == "http://news.test/a/"
    assert key_url("http://news.test/a/", "http://news.test:8080/a/") == "http://news.test/a/"
    assert key_url("http://news.test/a/", "http://cdn.news.test/a/") == "http://news.test/a/"


def test_clean_title_ignores_an_h1_that_is_the_site_logo():
    title = "BASTARD‼ -HEAVY METAL, DARK FANTASY- Anime Casts Rina Kimura | Cour Report"
    assert clean_title(title, "Cour Report", "cour-report.test", h1="Cour Report") == \
        "BASTARD‼ -HEAVY METAL, DARK FANTASY- Anime Casts Rina Kimura"
