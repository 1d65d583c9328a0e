"""The spaCy component ``ng_timex``: tags ``doc.text`` and appends ``Timex`` records to ``doc._.timexes``.

Reads ``doc._.document`` (its ``published`` date is the anchor). Where the document has no date
and the text states its own date strongly, sets ``doc.user_data["published"]`` (and
``doc.user_data["published_from"] = "text"``) and anchors on it.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.timex.tagger import run
from newsgraph.nlp import extensions

log = logging.getLogger(__name__)


class TimexTagger:
    def __init__(self, infer_date: bool = True) -> None:
        self.infer_date = infer_date

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.document
        doc_id = document.id if document is not None else ""
        anchor = (document.published if document is not None else None) or doc.user_data.get("published")
        try:
            result = run(doc.text, anchor, doc_id=doc_id, infer_date=self.infer_date)
        except Exception as exc:  # one bad document must not stop the run
            log.warning("ng_timex: document %r skipped: %s: %s", doc_id, type(exc).__name__, exc)
            return doc
        if result.inferred and not anchor:
            doc.user_data["published"] = result.inferred
            doc.user_data["published_from"] = "text"
        extensions.records(doc, "timexes").extend(result.timexes)
        return doc


@Language.factory("ng_timex", default_config={"infer_date": True}, assigns=["doc._.timexes"])
def make_timex(nlp: Language, name: str, infer_date: bool) -> TimexTagger:
    return TimexTagger(infer_date=infer_date)
