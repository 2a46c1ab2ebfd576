"""Learning a site's URL forms from the URLs it names as canonical."""
from scraper.urlforms import UrlForms


def learned(urls):
    forms = UrlForms()
    for url in urls:
        forms.learn(url)
    return forms


def test_trailing_slash_is_added_once_the_site_shows_it():
    forms = learned([f"http://blog.test/posts/story-{i}/" for i in range(5)])
    assert forms.preferred("http://blog.test/posts/another-story") == "http://blog.test/posts/another-story/"
    assert forms.preferred("http://blog.test/feed.xml") == "http://blog.test/feed.xml"
    assert learned(["http://blog.test/posts/a/"]).preferred("http://blog.test/posts/b") == "http://blog.test/posts/b"
    mixed = learned([f"http://news.test/a-{i}" for i in range(5)] + [f"http://news.test/b-{i}/" for i in range(5)])
    assert mixed.preferred("http://news.test/c") == "http://news.test/c"


def test_article_numbers_find_short_slugs_only_in_the_same_frame():
    forms = learned([f"http://news.test/news/2024-05-0{i}/a-long-slug-number-{i}/.3000{i}" for i in range(1, 7)])
    assert forms.same_as("http://news.test/news/2024-05-01/a-long/.30001") == \
        "http://news.test/news/2024-05-01/a-long-slug-number-1/.30001"
    assert forms.same_as("http://news.test/news/2024-05-02/other/.39999") is None
    assert forms.same_as("http://news.test/forum/thread/30001") is None
    assert forms.number_key("http://news.test/news/2024-05-01/short-one/.30001") == \
        forms.number_key("http://news.test/news/2024-05-01/the-full-slug/.30001")


def test_variant_suffixes_are_learned_from_fetched_copies():
    forms = UrlForms()
    forms.learn_variant("http://mag.test/2024/05/story-one/?output=amp", "http://mag.test/2024/05/story-one/")
    assert forms.same_as("http://mag.test/2024/06/story-two/?output=amp") is None
    forms.learn_variant("http://mag.test/2024/05/story-three/?output=amp", "http://mag.test/2024/05/story-three/")
    assert forms.same_as("http://mag.test/2024/06/story-two/?output=amp") == "http://mag.test/2024/06/story-two/"
    assert forms.same_as("http://mag.test/2024/06/story-two/") is None
