"""Item pipelines: extract → normalize → (dedupe, tag: later stages) → store."""
