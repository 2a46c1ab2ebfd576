"""Spiders of the fanwire project."""
