"""What the rule stages of ``ng_quotes`` find in a text, before the learned stages (shared by the tests)."""

from __future__ import annotations

from typing import Any

from newsgraph.extract.quotes import lexicon, tokens
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.extractor import Extractor
from newsgraph.extract.quotes.tokens import View
from newsgraph.model import Document
from newsgraph.nlp import extensions


def view(nlp: Any, text: str) -> View:
    """The token view of ``text``, run through ``nlp`` up to (not including) ``ng_quotes``."""
    extensions.register()
    doc = nlp.make_doc(text)
    doc._.document = Document(id="t", text=text)
    for name, proc in nlp.pipeline:
        if name != "ng_quotes":
            doc = proc(doc)
    return tokens.view(doc)


def run(nlp: Any, text: str) -> tuple[View, list[Found]]:
    """The token view of ``text`` (run through ``nlp`` up to ``ng_quotes``) and the rules' candidates."""
    v = view(nlp, text)
    return v, Extractor(v, lexicon.load("de"), models=()).run()


def found(nlp: Any, text: str) -> list[Found]:
    """Every candidate the rules find in ``text``."""
    return run(nlp, text)[1]


def acts(nlp: Any, text: str) -> list[Found]:
    """The candidates of the speech-act stage."""
    return speech_acts_of(found(nlp, text))


def speech_acts_of(candidates: list[Found]) -> list[Found]:
    return [f for f in candidates if f.frame.startswith("act")]
