"""Finding trigger tokens in a sentence: verbs by lemma (with separable particles), nouns by lemma
or compound head, multi-word nouns by their words."""

from __future__ import annotations

from dataclasses import dataclass

import simplemma
from spacy.tokens import Span, Token

from newsgraph.extract.events.lexicon import MIN_COMPOUND_PREFIX, Lexicon, Trigger

PARTICLE_TAG = "PTKVZ"
NOUN_TAGS = frozenset({"NN", "NE"})


@dataclass(slots=True)
class Hit:
    start: int  # token index in the doc
    end: int
    trigger: Trigger


def lemma(token: Token, lang: str = "de") -> str:
    return (token.lemma_ or simplemma.lemmatize(token.text, lang=lang)).lower()


def _is_verb(token: Token) -> bool:
    return token.tag_.startswith("V") if token.tag_ else token.text[:1].islower()


def _is_noun(token: Token) -> bool:
    return token.tag_ in NOUN_TAGS if token.tag_ else token.text[:1].isupper()


def _noun_trigger(token: Token, lex: Lexicon) -> Trigger | None:
    for form in (lemma(token), token.lower_):
        if form in lex.nouns:
            return lex.nouns[form]
    low = token.lower_
    for head, trigger in lex.noun_heads:
        if low.endswith(head) and len(low) - len(head) >= MIN_COMPOUND_PREFIX:
            return trigger
        # inflected compound: the head's lemma form sits before an ending ("Staatsbesuchs")
        stem = lemma(token)
        if stem.endswith(head) and len(stem) - len(head) >= MIN_COMPOUND_PREFIX:
            return trigger
    return None


def _verb_trigger(token: Token, sent: Span, lex: Lexicon) -> Trigger | None:
    base = lemma(token)
    for later in sent[token.i - sent.start + 1 :]:
        if later.tag_ == PARTICLE_TAG:
            joined = later.lower_ + base
            if joined in lex.verbs:
                return lex.verbs[joined]
            break
    return lex.verbs.get(base)


def sentence_lemmas(sent: Span) -> set[str]:
    """Every lemma of the sentence, plus separable verbs joined with their particle (sagte … zu → zusagen)."""
    lemmas = {lemma(t) for t in sent}
    particles = [t.lower_ for t in sent if t.tag_ == PARTICLE_TAG]
    verbs = [lemma(t) for t in sent if t.tag_.startswith("VV")]
    lemmas.update(p + v for p in particles for v in verbs)
    return lemmas


def find(sent: Span, lex: Lexicon) -> list[Hit]:
    lemmas = sentence_lemmas(sent)
    hits: list[Hit] = []
    tokens = list(sent)
    for k, token in enumerate(tokens):
        trigger: Trigger | None = None
        end = token.i + 1
        for words, candidate in lex.phrases.items():
            if tuple(t.lower_ for t in tokens[k : k + len(words)]) == words or (
                len(words) > 1
                and tuple(t.lower_ for t in tokens[k : k + len(words) - 1]) == words[:-1]
                and k + len(words) - 1 < len(tokens)
                and tokens[k + len(words) - 1].lower_.startswith(words[-1])
            ):
                trigger, end = candidate, token.i + len(words)
                break
        if trigger is None and token.is_alpha:
            if _is_verb(token):
                trigger = _verb_trigger(token, sent, lex)
            elif _is_noun(token):
                trigger = _noun_trigger(token, lex)
        if trigger is None:
            continue
        if trigger.requires and not (trigger.requires & lemmas):
            continue
        hits.append(Hit(token.i, end, trigger))
    return hits
