"""Scrapy settings for fanwire. Every `FANWIRE_*` setting has its default here (the thresholds'
in `scraper.options.CrawlOptions`, with their reasons) and can be overridden with `-s NAME=VALUE`
(or `fanwire crawl` options)."""
from scraper.options import CrawlOptions

BOT_NAME = "fanwire"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

# fanwire's own settings
FANWIRE_DB = "archive.db"
globals().update(CrawlOptions.default_settings())  # the thresholds: FANWIRE_BATCH_SIZE, FANWIRE_MAX_SITEMAPS, ...
FANWIRE_EXTRACT_PROCESSES = -1  # extraction processes: -1 one per core, 0 extract in the crawl's own thread
FANWIRE_CONTACT_URL = "https://github.com/fanwire/fanwire"  # named in the User-Agent: set it to your own page or mailto:
FANWIRE_WARC = ""  # directory to write every HTTP exchange to as WARC files ("" = off)
# Distributed crawls (`fanwire worker`, SCHEDULER = "scraper.distributed.RedisScheduler")
REDIS_URL = ""  # the Redis server the workers share
FANWIRE_REDIS_KEY = "fanwire"  # prefix of the crawl's Redis keys

USER_AGENT = "fanwire/0.1 (anime fan-news archiver; +{contact})"
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
ROBOTSTXT_USER_AGENT = "fanwire"

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
DOWNLOAD_TIMEOUT = 15
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
DEPTH_LIMIT = 25
#: Scrapy starts this many asyncio tasks for every response's output: its default of 100 made task
#: creation a tenth of the crawl's CPU, while a page yields one item (a REST API page of articles
#: still keeps the extraction processes busy, which take two tasks each).
CONCURRENT_ITEMS = 16
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
#: The spider never asks for a URL twice in a crawl (it keeps its own set, and the archive's
#: fetch_state skips what earlier crawls stored), so Scrapy's fingerprint file is not used: under
#: JOBDIR it would outlive a kill -9 holding requests that were sent but never archived, and a
#: resumed crawl would never ask for them again.
DUPEFILTER_CLASS = "scrapy.dupefilters.BaseDupeFilter"
SCHEDULER = "scraper.budget.FamilyScheduler"  # drops the queued requests of a failing URL family
#: Takes the next request from the site with the fewest requests in the downloader: requests
#: waiting out a site's Crawl-delay in its download slot do not fill the global slots.
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

SPIDER_MIDDLEWARES = {
    "scraper.middlewares.RecordErrorsMiddleware": 50,
    "scraper.budget.FamilyBudgetMiddleware": 55,  # counts only the requests Depth and UrlLength let through
    "scraper.warc.WarcRefMiddleware": 60,
    "scraper.middlewares.RecordDroppedRequestsMiddleware": 950,  # spider side of Depth (900) and UrlLength (800)
    "scraper.middlewares.PaceOutputMiddleware": 990,
}
# Between the downloader and HttpCompressionMiddleware (590): captures bodies as sent, every hop.
DOWNLOADER_MIDDLEWARES = {
    # Before the robots.txt middleware (100): no robots.txt is fetched for an off-site URL; it
    # replaces Scrapy's host-only filter.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scraper.offsite.StayOnSiteMiddleware": 50,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "scraper.politeness.ContactUserAgentMiddleware": 500,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.politeness.BackoffRetryMiddleware": 550,
    "scraper.shared_delay.SharedCrawlDelayMiddleware": 560,
    "scraper.warc.WarcCaptureMiddleware": 860,
    "scraper.budget.FamilyGateMiddleware": 60,  # before robots.txt (100): a closed family costs nothing
    "scraper.middlewares.ParseOffThreadMiddleware": 120,  # sees the final, decompressed response
}
EXTENSIONS = {
    "scraper.politeness.CrawlDelay": 100,  # after AutoThrottle (0), so its delay floor wins
    "scraper.delayed.DelayedRequests": 105,  # retries wait for their backoff outside the downloader
    "scraper.reactor_watch.ReactorWatch": 110,  # stat fanwire/reactor/max_stall_ms
    "scraper.logfilters.OneLineDownloadErrors": 0,
}

# Stages in data-flow order.
ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 200,
    "pipelines.normalize.NormalizePipeline": 300,
    "pipelines.dedupe.DedupePipeline": 400,
    "pipelines.tagging.TagPipeline": 500,
    "pipelines.store.StorePipeline": 900,
}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
