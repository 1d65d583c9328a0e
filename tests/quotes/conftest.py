from __future__ import annotations

import pytest

from newsgraph.model import Document


@pytest.fixture(scope="session")
def quotes_nlp():
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_quotes",))


@pytest.fixture(scope="session")
def analyze_text(quotes_nlp):
    from newsgraph.analyze import analyze

    def run(text: str, doc_id: str = "t"):
        return analyze(Document(id=doc_id, text=text), quotes_nlp)

    return run


@pytest.fixture(scope="session")
def tagged_nlp():
    """Sentences, the tagger and quotes: what the frame rules read (no NER)."""
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_sentences", "ng_hanta", "ng_quotes"))


@pytest.fixture(scope="session")
def tagged_quotes(tagged_nlp):
    """The quotes ``tagged_nlp`` finds in a text."""
    from newsgraph.nlp import extensions

    def run(text: str):
        extensions.register()
        doc = tagged_nlp.make_doc(text)
        doc._.document = Document(id="t", text=text)
        for _name, proc in tagged_nlp.pipeline:
            doc = proc(doc)
        return doc._.quotes or []

    return run


@pytest.fixture(scope="session")
def extractor_of(tagged_nlp):
    """The rules' extractor (run) over a tagged text."""
    from newsgraph.extract.quotes import lexicon
    from newsgraph.extract.quotes.extractor import Extractor

    from . import rules

    def run(text: str) -> Extractor:
        ex = Extractor(rules.view(tagged_nlp, text), lexicon.load("de"), models=())
        ex.run()
        return ex

    return run
