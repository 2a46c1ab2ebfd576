"""fanwire's Scrapy project: settings, the `fansite` spider, and what it needs to discover pages."""
