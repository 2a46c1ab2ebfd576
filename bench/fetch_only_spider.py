"""The floor under any Scrapy crawl of a world: fetch a given list of URLs and do nothing with
them. The throughput benchmark runs it with `scrapy runspider` over the URLs a fanwire crawl
fetched, with fanwire's concurrency, to show how much of fanwire's CPU per article Scrapy's own
download machinery takes."""
from pathlib import Path

import scrapy


class FetchOnlySpider(scrapy.Spider):
    name = "fetch_only"
    custom_settings = {"ROBOTSTXT_OBEY": False, "DUPEFILTER_CLASS": "scrapy.dupefilters.BaseDupeFilter",
                       "HTTPERROR_ALLOW_ALL": True, "REDIRECT_ENABLED": False, "RETRY_ENABLED": False}

    def __init__(self, urls: str = "", **kwargs):
        super().__init__(**kwargs)
        self.urls = Path(urls).read_text().split()

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        return None
