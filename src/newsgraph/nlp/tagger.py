"""HanTa POS tags and lemmas as a spaCy component (factory ``ng_hanta``).

Sets ``token.tag_`` (STTS), ``token.pos_`` (Universal POS) and ``token.lemma_``. The tag tables
(``lang/de/tagger/tags.toml``) and the lemma policy (``lang/de/tagger/lemmas.toml``) are data.

HanTa is pure Python; to be fast enough it is
- loaded once per process (``hanta()``) from the model shipped inside the HanTa package (offline);
- run once per sentence (its Viterbi over the sentence), never per token;
- memoized: the per-word tag distributions HanTa computes inside its Viterbi, and the lemma of each
  (word, tag), are cached in bounded LRU caches shared by all documents of the process.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph import settings
from newsgraph.lang import load_toml

LANG = "de"
log = logging.getLogger(__name__)


class TaggerError(RuntimeError):
    """HanTa could not be loaded."""


def hanta(model: str | None = None, cache_size: int | None = None) -> Any:
    """The HanTa tagger for ``model`` (a file name inside the HanTa package, or a path), one per process.

    Its per-word analysis is memoized (an LRU of ``cache_size`` entries). Defaults: ``settings``.
    """
    return _load(model or settings.HANTA_MODEL, cache_size or settings.HANTA_CACHE_SIZE)


@cache
def _load(model: str, cache_size: int) -> Any:
    try:
        from HanTa import HanoverTagger as ht

        tagger = ht.HanoverTagger(model)
    except Exception as exc:  # a missing package or model file: say which
        raise TaggerError(f"cannot load the HanTa model {model!r}: {exc}") from exc
    tag_word = tagger._tag_word

    @lru_cache(maxsize=cache_size)
    def cached(word: str, cutoff: int, casesensitive: bool, conditional: bool) -> tuple:
        return tuple(tag_word(word, cutoff, casesensitive, conditional))

    def memo_tag_word(
        word: str, cutoff: int = 5, casesensitive: bool = True, conditional: bool = False
    ) -> tuple:
        return cached(word, cutoff, casesensitive, conditional)

    # the morphological analysis of a (word, tag): shared by the lemma and the known-stem check
    tagger.analyze_viterbi = lru_cache(maxsize=cache_size)(tagger.analyze_viterbi)
    # the tag distribution of an unknown (lower-cased) word: shared by all its spellings and positions
    tagger.analyze_forward = lru_cache(maxsize=cache_size)(tagger.analyze_forward)
    tagger._tag_word = memo_tag_word
    tagger.newsgraph_cache = cached
    return tagger


@dataclass(frozen=True)
class TagTables:
    hanta_to_stts: dict[str, str]
    stts_to_upos: dict[str, str]
    final_chars: frozenset[str]
    comma: str
    hanta_quote: str
    quotes: frozenset[str]
    upos_sym: frozenset[str]
    surface_tags: frozenset[str]
    genitive_endings: tuple[str, ...]
    alphabet: frozenset[str]
    pronoun_tags: frozenset[str]
    pronoun_lemmas: dict[str, str]
    stem_tags: frozenset[str]
    stem_lemmas: dict[str, str]
    upos_rules: tuple[UposRule, ...]
    respell: dict[str, str]


@dataclass(frozen=True)
class UposRule:
    """A UPOS decided by context (``tags.toml``: ``[[upos_rule]]``)."""

    name: str
    tags: frozenset[str]
    lemmas: frozenset[str]
    unless_sentence_has: frozenset[str]
    upos: str


@cache
def tables(lang: str = LANG) -> TagTables:
    tags = load_toml(lang, "tagger/tags.toml")
    lemmas = load_toml(lang, "tagger/lemmas.toml")
    punct = load_toml(lang, "tokenizer/punctuation.toml")["quotes"]
    return TagTables(
        hanta_to_stts=dict(tags["hanta_to_stts"]),
        stts_to_upos=dict(tags["stts_to_upos"]),
        final_chars=frozenset(tags["punctuation"]["final_chars"]),
        comma=tags["punctuation"]["comma"],
        hanta_quote=tags["punctuation"]["hanta_quote"],
        quotes=frozenset(punct["opening"]) | frozenset(punct["ambiguous"]),
        upos_sym=frozenset(tags["symbols"]["upos_sym"]),
        surface_tags=frozenset(lemmas["surface_tags"]),
        genitive_endings=tuple(lemmas["genitive_endings"]),
        alphabet=frozenset(lemmas["alphabet"]),
        pronoun_tags=frozenset(lemmas["pronouns"]["tags"]),
        pronoun_lemmas=dict(lemmas["pronouns"]["lemmas"]),
        stem_tags=frozenset(lemmas["stems"]["tags"]),
        stem_lemmas=dict(lemmas["stems"]["lemmas"]),
        respell=dict(lemmas.get("respell", {})),
        upos_rules=tuple(
            UposRule(
                name=r["name"],
                tags=frozenset(r["tags"]),
                lemmas=frozenset(r["lemmas"]),
                unless_sentence_has=frozenset(r.get("unless_sentence_has", ())),
                upos=r["upos"],
            )
            for r in tags.get("upos_rule", ())
        ),
    )


class HanTaTagger:
    """The component: ``doc -> doc`` with ``tag_``, ``pos_`` and ``lemma_`` set."""

    def __init__(
        self,
        nlp: Language,
        name: str = "ng_hanta",
        model: str = settings.HANTA_MODEL,
        cache_size: int = settings.HANTA_CACHE_SIZE,
        lang: str = LANG,
        max_word_len: int = settings.HANTA_MAX_WORD_LEN,
    ) -> None:
        self.name = name
        self.tagger = hanta(model, cache_size)
        self.tables = tables(lang)
        self.max_word_len = max_word_len
        self._lemma = lru_cache(maxsize=cache_size)(self._lemma_uncached)
        self._hanta_tags = {name: n for n, name in self.tagger.int2tag.items()}

    # -- tags ----------------------------------------------------------------------------------
    def _punct_tag(self, text: str) -> str:
        if text == self.tables.comma:
            return "$,"
        if all(c in self.tables.final_chars for c in text) and ".." not in text:
            return "$."
        return "$("

    def _stts(self, hanta_tag: str) -> str:
        return self.tables.hanta_to_stts.get(hanta_tag, hanta_tag)

    def _upos(self, text: str, stts: str) -> str:
        if text in self.tables.upos_sym:
            return "SYM"
        return self.tables.stts_to_upos.get(stts, "X")

    def _viterbi(self, words: list[str]) -> list[str]:
        """HanTa's tags for one sentence; per-word best tags if its Viterbi fails on odd input."""
        try:
            tags = [self.tagger.int2tag[t] for t in self.tagger.tag_sent_viterbi(words)]
            if len(tags) != len(words):
                raise ValueError(f"{len(tags)} tags for {len(words)} words")
            return tags
        except Exception as exc:  # HanTa has edge cases (e.g. no path through its model)
            log.warning("HanTa failed on a sentence (%s); tagging its %d words one by one", exc, len(words))
            out = []
            for w in words:
                try:
                    out.append(self.tagger.int2tag[self.tagger._tag_word(w, 0)[0][0]])
                except Exception:
                    out.append("XY")
            return out

    def _is_punct(self, text: str) -> bool:
        return text not in self.tables.upos_sym and not any(c.isalnum() for c in text)

    def _hanta_view(self, text: str) -> str:
        """What HanTa is shown for a token: quotes as its typewriter quote, an overlong word by its end."""
        if text in self.tables.quotes:
            return self.tables.hanta_quote
        if len(text) > self.max_word_len:
            return text[0] + text[len(text) - self.max_word_len + 1 :]
        return text

    def tag_tokens(self, texts: list[str]) -> list[tuple[str, str]]:
        """(STTS tag, HanTa's own tag) for the words of one sentence (no whitespace tokens)."""
        lead = 0  # HanTa treats its first word as case-free: start it at the first real word
        while lead < len(texts) and self._is_punct(texts[lead]):
            lead += 1
        words = [self._hanta_view(t) for t in texts[lead:]]
        hanta_tags = self._viterbi(words) if words else []
        out = [(self._punct_tag(t), "") for t in texts[:lead]]
        for text, tag in zip(texts[lead:], hanta_tags, strict=True):
            out.append((self._punct_tag(text), tag) if self._is_punct(text) else (self._stts(tag), tag))
        return out

    # -- lemmas --------------------------------------------------------------------------------
    def _hanta_lemma(self, word: str, hanta_tag: str) -> str:
        tag = self._hanta_tags.get(hanta_tag)
        if tag is None:
            return word
        try:
            return self.tagger._analyze(word, tag, taglevel=1)[0]
        except Exception:
            return word

    def _lemma_uncached(self, text: str, stts: str, hanta_tag: str) -> str:
        t = self.tables
        if stts in t.surface_tags and stts != "NE":
            return text
        if (
            len(text) > self.max_word_len
            or self._is_punct(text)
            or text in t.upos_sym
            or any(c.isdigit() for c in text)
            or not set(text) <= t.alphabet
        ):
            return text
        if sum(c.isupper() for c in text) >= 2 and "-" not in text:  # acronym: EU, GmbH
            return text
        if stts in t.pronoun_tags and text.lower() in t.pronoun_lemmas:
            return t.pronoun_lemmas[text.lower()]
        if stts == "NE":
            return self._proper_noun_lemma(text, hanta_tag)
        if stts in ("NN", "TRUNC") and "-" in text.strip("-"):
            head, _, last = text.rstrip("-").rpartition("-")
            if not last:
                return text
            return f"{head}-{self._lemma(last, stts, hanta_tag)}" + ("-" if text.endswith("-") else "")
        lemma = self._hanta_lemma(text, hanta_tag)
        if not lemma or lemma[:1].lower() != text[:1].lower():
            return text if stts in ("NN", "NE") else lemma or text
        if stts in ("NN", "TRUNC"):
            if lemma.lower() != text.lower() and not self._known_stem(text, hanta_tag):
                return text  # HanTa guessed an inflection of a word it does not know
            return self._respell(text, _keep_case(text, lemma))
        if stts in t.stem_tags:
            return t.stem_lemmas.get(lemma, lemma)
        return lemma

    def _respell(self, surface: str, lemma: str) -> str:
        """HanTa's old spellings in ``lemma`` as the surface writes them ("ß" -> "ss")."""
        for old, new in self.tables.respell.items():
            if old in lemma and old not in surface and new in surface.lower():
                lemma = lemma.replace(old, new)
        return lemma

    def _known_stem(self, word: str, hanta_tag: str) -> bool:
        """Whether HanTa knows the stem it lemmatized ``word`` to (itself or its last 4+ letters)."""
        tag = self._hanta_tags.get(hanta_tag)
        if tag is None:
            return False
        try:
            _stem, morphemes, _pos = self.tagger._analyze(word, tag, taglevel=3)
        except Exception:
            return False
        stems = [(m, mt) for m, mt in morphemes if not mt.startswith(("SUF", "FUGE", "PREF", "HYPHEN"))]
        if not stems:
            return False
        morpheme, mtag = stems[-1]
        known = self.tagger.LP_m_t.get(self._hanta_tags.get(mtag, 0), {})
        return morpheme in known or any(morpheme[-n:] in known for n in range(4, len(morpheme)))

    def _proper_noun_lemma(self, text: str, hanta_tag: str) -> str:
        """Surface, or the stem of a genitive that HanTa both knows and strips (``Kasachstans``)."""
        low = text.lower()
        for ending in self.tables.genitive_endings:
            if low.endswith(ending) and len(low) > len(ending) + 1:
                stem = low[: -len(ending)]
                if not self._knows(stem, hanta_tag):
                    continue
                if self._hanta_lemma(text, hanta_tag).lower() == stem:
                    return text[: -len(ending)]
        return text

    def _knows(self, word: str, hanta_tag: str) -> bool:
        """Whether HanTa has ``word`` (lower-cased) in its lexicon of words or of ``hanta_tag`` stems."""
        tag = self._hanta_tags.get(hanta_tag, 0)
        return word in self.tagger.cache or word in self.tagger.LP_m_t.get(tag, {})

    def _genitives_in_context(self, doc: Doc) -> None:
        """Strip a genitive ending off a name whose bare form the same document has ("Putin ... Putins")."""
        names = {tok.text for tok in doc if tok.tag_ == "NE"}
        for tok in doc:
            if tok.tag_ != "NE" or tok.lemma_ != tok.text:
                continue
            for ending in self.tables.genitive_endings:
                stem = tok.text[: -len(ending)]
                if tok.text.endswith(ending) and len(stem) > 1 and stem in names:
                    tok.lemma_ = stem
                    break

    def _to_hanta(self, stts: str) -> str:
        """HanTa's tag for an STTS tag (for lemmas asked for without HanTa's own tag)."""
        if stts in self._hanta_tags:
            return stts
        for hanta_tag, plain in self.tables.hanta_to_stts.items():
            if plain == stts and hanta_tag in self._hanta_tags:
                return hanta_tag
        return stts

    def lemma(self, text: str, stts: str, hanta_tag: str | None = None) -> str:
        """The lemma of ``text`` tagged ``stts`` (``hanta_tag``: HanTa's own tag, when known)."""
        return self._lemma(text, stts, hanta_tag or self._to_hanta(stts))

    def _apply_upos_rules(self, tokens: list, sentence_tags: set[str]) -> None:
        for rule in self.tables.upos_rules:
            if rule.unless_sentence_has & sentence_tags:
                continue
            for tok in tokens:
                if tok.tag_ in rule.tags and tok.lemma_ in rule.lemmas:
                    tok.pos_ = rule.upos

    # -- the component -------------------------------------------------------------------------
    def _sentences(self, doc: Doc) -> list[Span]:
        if doc.has_annotation("SENT_START"):
            return list(doc.sents)
        return [doc[:]]

    def __call__(self, doc: Doc) -> Doc:
        for sent in self._sentences(doc):
            tokens = [tok for tok in sent if not tok.is_space]
            tags = self.tag_tokens([tok.text for tok in tokens]) if tokens else []
            for tok, (stts, hanta_tag) in zip(tokens, tags, strict=True):
                tok.tag_ = stts
                tok.pos_ = self._upos(tok.text, stts)
                tok.lemma_ = self._lemma(tok.text, stts, hanta_tag or self._to_hanta(stts))
            self._apply_upos_rules(tokens, {stts for stts, _ in tags})
            for tok in sent:
                if tok.is_space:
                    tok.tag_ = "_SP"
                    tok.pos_ = "SPACE"
                    tok.lemma_ = tok.text
        self._genitives_in_context(doc)
        return doc


def _keep_case(surface: str, lemma: str) -> str:
    """``lemma`` with the surface's spelling over the prefix they share ("Us-dollar" -> "US-Dollar")."""
    n = 0
    while n < len(surface) and n < len(lemma) and surface[n].lower() == lemma[n].lower():
        n += 1
    return surface[:n] + lemma[n:]


@Language.factory(
    "ng_hanta",
    assigns=["token.tag", "token.pos", "token.lemma"],
    requires=[],
    default_config={
        "model": settings.HANTA_MODEL,
        "cache_size": settings.HANTA_CACHE_SIZE,
        "lang": LANG,
        "max_word_len": settings.HANTA_MAX_WORD_LEN,
    },
)
def make_tagger(
    nlp: Language, name: str, model: str, cache_size: int, lang: str, max_word_len: int
) -> HanTaTagger:
    return HanTaTagger(nlp, name, model, cache_size, lang, max_word_len)
