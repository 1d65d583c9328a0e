"""The ``ng_quotes`` pipeline component: quotes with speakers, appended to ``doc._.quotes``."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from newsgraph import settings
from newsgraph.extract.quotes import lexicon, tokens
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.extractor import extract
from newsgraph.extract.quotes.resolve import Resolver
from newsgraph.extract.quotes.speaker_select import refine
from newsgraph.model import Quote, record_id
from newsgraph.nlp import extensions

log = logging.getLogger(__name__)


class QuoteComponent:
    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        self.lex = lexicon.load(lang)

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.document
        doc_id = document.id if document is not None else ""
        try:
            quotes = self.quotes(doc, doc_id)
        except Exception:  # one bad document must never stop a run
            log.exception("ng_quotes failed on document %r", doc_id)
            return doc
        extensions.records(doc, "quotes").extend(quotes)
        return doc

    def quotes(self, doc: Doc, doc_id: str) -> list[Quote]:
        mentions = doc._.mentions
        names = [(m.start, m.end) for m in mentions or []] if settings.QUOTES_MENTION_NAMES else None
        v = tokens.view(doc, names)
        if not v.toks:
            return []
        found = extract(v, self.lex)
        refine(v, self.lex, found, mentions)  # missing or implausible speakers: a second look
        quoted = [(f.start, f.end) for f in found if f.kind == "direct"]
        res = Resolver(v, self.lex, mentions, quoted)
        res.add_speaker_names(found)
        found.sort(key=lambda f: (f.start, -f.end))
        recent: Found | None = None  # the last quote with a resolved speaker
        for f in found:
            if f.source is None:
                near = None
                if recent is not None and f.speaker is not None:
                    gap = v.toks[f.speaker.a].sent - v.end_sent(recent.start, recent.end)
                    near = recent.speaker_ref if 0 <= gap <= 1 else None
                f.speaker_ref = res.ref(f.speaker, recent=near)
            if f.speaker_ref is not None and f.source is None:
                recent = f
        for f in found:
            if f.source is not None:
                f.speaker_ref = f.source.speaker_ref or res.ref(f.source.speaker)
        out: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        for f in found:
            if (f.start, f.end) in seen:
                continue
            seen.add((f.start, f.end))
            out.append(self.record(v, doc_id, f))
        return out

    def record(self, v: tokens.View, doc_id: str, f: Found) -> Quote:
        toks = v.toks
        text = v.text
        sp_start = sp_end = None
        if f.speaker is not None:
            sp_start, sp_end = toks[f.speaker.a].start, toks[f.speaker.b - 1].end
        elif f.speaker_chars is not None:
            sp_start, sp_end = f.speaker_chars
        cue_start = cue_end = None
        if f.cue is not None:
            cue_start, cue_end = toks[f.cue[0]].start, toks[f.cue[1] - 1].end
        return Quote(
            id=record_id("q", doc_id, f.start, f.end),
            doc=doc_id,
            start=f.start,
            end=f.end,
            text=text[f.start : f.end],
            kind=f.kind,  # type: ignore[arg-type]
            speaker_text=text[sp_start:sp_end] if sp_start is not None else None,
            speaker_start=sp_start,
            speaker_end=sp_end,
            cue=f.cue_text,
            cue_start=cue_start,
            cue_end=cue_end,
            speaker_ref=f.speaker_ref,
        )
