"""The obvious alternative to fanwire, as issue 9 defines it: a ten-line Scrapy spider that
follows every same-host link and calls trafilatura.extract in `parse`. The throughput benchmark
runs it with `scrapy runspider` beside a fanwire crawl of the same world."""
from urllib.parse import urlsplit

import scrapy
import trafilatura


class NaiveSpider(scrapy.Spider):
    name = "naive"

    def __init__(self, start_urls: str = "", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = start_urls.split(",")
        self.allowed_domains = [urlsplit(u).hostname for u in self.start_urls]

    def parse(self, response):
        text = trafilatura.extract(response.text) if isinstance(response, scrapy.http.TextResponse) else None
        if text:
            yield {"url": response.url, "text": text}
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse)
