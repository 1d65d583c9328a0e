"""Events coded in CAMEO: trigger words (verbs and nouns) with actors, targets, time and place.

``lexicon`` loads the triggers and grammar words from ``lang/<lang>/events/``; ``triggers`` finds
trigger tokens in a sentence; ``frame`` fills an event's roles and status; ``component`` is the
spaCy factory ``ng_events`` that writes ``model.Event`` records to ``doc._.events``.
"""
