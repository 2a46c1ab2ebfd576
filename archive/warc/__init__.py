"""WARC without Scrapy: everything fanwire does with WARC files except recording a crawl's
exchanges, which is the crawl's own job (`scraper.warc`, Scrapy middlewares).

- `records`: what every part agrees on (revisit profiles, where a capture lies, warc-fields).
- `decoding`: HTTP bodies de-compressed within a size limit.
- `reader`: captures read back out of any crawler's WARC files, as the downloader gave them.
- `imports`: which files an archive has imported.
- `export`: the captures behind a slice of the archive, as one WARC file.
- `replay`: that export made fit for replay tools (pywb, ReplayWeb.page).
"""
