"""Quotes and their speakers (issue 7): the ``ng_quotes`` spaCy component.

Modules: ``direct`` (quotation marks), ``cues`` (speech verbs and markers), ``speaker`` (the
subject noun phrase), ``extractor`` (the rules in order; one mixin per rule family over the shared
state of ``base``: ``frames`` speech-verb frames and Konjunktiv clauses, ``subjects`` the speaker of a
cue's clause, ``bounds`` message starts and ends, ``markers`` "laut X", "X zufolge", "so X",
pronominal and impersonal cues, ``directs`` direct quotes with their speakers, ``free_indirect``),
``resolve`` (pronouns and role nouns to mentions), ``component`` (records). After the rules two
learned stages run (``linear``: a logistic regression served with numpy): ``screen`` drops rule
candidates it does not believe, ``sentences`` classifies the sentences the rules left open. Vocabulary
and the trained weights live in ``lang/<lang>/quotes/``; ``scripts/quotes/`` trains and tunes them.
"""

from __future__ import annotations

from spacy.language import Language

from newsgraph.extract.quotes.component import QuoteComponent

__all__ = ["QuoteComponent", "make_quotes"]


@Language.factory("ng_quotes", default_config={"lang": "de"})
def make_quotes(nlp: Language, name: str, lang: str) -> QuoteComponent:
    return QuoteComponent(lang)
