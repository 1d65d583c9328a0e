"""Corpus-wide steps after analysis: publication dates, entities, stories, comparisons."""
