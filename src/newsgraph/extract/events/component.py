"""The spaCy factory ``ng_events``: one ``model.Event`` per trigger and sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.events import frame, lexicon, triggers
from newsgraph.model import Event, record_id
from newsgraph.nlp import extensions


class EventExtractor:
    def __init__(self, lang: str) -> None:
        self.lex = lexicon.load(lang)

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.document
        doc_id = document.id if document is not None else ""
        out = extensions.records(doc, "events")
        placed = frame.place_mentions(doc, extensions.records(doc, "mentions"))
        timexes = extensions.records(doc, "timexes")
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sentences:
            seen: set[str] = set()
            hits = triggers.find(sent, self.lex)
            # one event per code and sentence; a verb trigger describes it better than a noun
            hits.sort(key=lambda h: (h.trigger.pos != "verb", h.start))
            for hit in hits:
                if hit.trigger.code in seen:
                    continue
                seen.add(hit.trigger.code)
                f = frame.build(doc, sent, hit, placed, timexes, self.lex)
                span = doc[hit.start : hit.end]
                start, end = span.start_char, span.end_char
                out.append(
                    Event(
                        id=record_id("e", doc_id, start, end, hit.trigger.code),
                        doc=doc_id,
                        start=start,
                        end=end,
                        text=span.text,
                        code=hit.trigger.code,
                        actor_spans=f.actors,
                        target_spans=f.targets,
                        place_span=f.place,
                        time=f.time,
                        status=f.status,  # type: ignore[arg-type]
                    )
                )
        return doc


@Language.factory("ng_events", requires=["doc._.mentions", "doc._.timexes"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp.lang)
