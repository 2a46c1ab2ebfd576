"""Signals between pipeline stages, carried by Scrapy's signal manager, so that only the store
stage touches the archive while extraction keeps its site templates there."""

#: Sent by the store stage when it opens the archive; argument `templates`: list of template records.
templates_loaded = object()
#: Sent by the extraction stage when a site template should be saved; argument `template`: a record.
template_learned = object()
#: Sent by the store stage when it opens the archive; argument `signatures`: list of article
#: signature records (url, story_key, content_hash, minhash, shingles) for the story index.
signatures_loaded = object()
