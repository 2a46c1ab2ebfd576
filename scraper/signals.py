"""fanwire's signals, carried by Scrapy's signal manager: what the store stage, the only one
that touches the archive, hands to the spider and the other stages when it opens it, and what
they hand back. They live beside the item contract because every part uses them."""

#: Sent by the store stage when it opens the archive; argument `templates`: list of template records.
templates_loaded = object()
#: Sent by the extraction stage when a site template should be saved; argument `template`: a record.
template_learned = object()
#: Sent by the store stage when it opens the archive; argument `signatures`: list of article
#: signature records (url, story_key, content_hash, minhash, shingles) for the story index.
signatures_loaded = object()
#: Sent by the store stage when it opens the archive; argument `urls`: every URL archived as an
#: alias of an article, which a crawl need not request again.
aliases_loaded = object()
#: Sent by the store stage when it opens the archive; argument `series`: the archive's series
#: catalog as records (each with its `entries`), which the tagging stage matches against.
series_loaded = object()
#: Sent by the store stage when it opens the archive; argument `states`: what earlier crawls know
#: of each URL (`Archive.url_states` records), from which a recrawl asks only for what changed.
state_loaded = object()
