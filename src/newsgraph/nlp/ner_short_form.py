"""A name's head noun alone, later in the same document, names the same organization.

*die EU-Kommission … Die Kommission prüfe …*: once a document has named an organization whose last
word is an institution noun (``cues.toml [adjective_name]``: *Kommission*, *Parlament*, …), a
later definite use of that noun alone (*die Kommission*, *des Parlaments*: its lemma) is a mention
of it.
The noun must follow an article (STTS ``ART`` / ``APPRART``), stand outside any mention, and
point to one organization only: with two names ending in the same noun, nothing is added.
A sentence read alone never has the antecedent, so GermEval-style single sentences are untouched.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.ner_document import Chunk, cues, taken_tokens

ARTICLE_TAGS = frozenset({"ART", "APPRART"})


def _head(text: str) -> str:
    """The last word of a name, after its last hyphen: *EU-Kommission* -> *Kommission*."""
    return text.split()[-1].rsplit("-", 1)[-1]


def short_form(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    if not doc.has_annotation("TAG"):
        return chunks
    heads = {w for w, label in cues(lang).adjective_heads.items() if label == "ORG"}
    first: dict[str, int] = {}  # head noun -> token index after its first naming
    names: dict[str, set[str]] = {}
    for s, e, label in chunks:
        if not label.startswith("ORG") or label.endswith("deriv"):
            continue
        text = doc[s:e].text
        head = _head(text)
        if head in heads and head != text:
            names.setdefault(head, set()).add(text)
            first[head] = min(first.get(head, e), e)
    if not first:
        return chunks
    out = list(chunks)
    taken = taken_tokens(len(doc), out)
    for tok in doc[1:]:
        head = tok.text if tok.text in first else tok.lemma_  # *des Parlaments* -> *Parlament*
        if head not in first or tok.i < first[head] or taken[tok.i] or len(names[head]) != 1:
            continue
        if doc[tok.i - 1].tag_ not in ARTICLE_TAGS:
            continue
        out.append((tok.i, tok.i + 1, "ORG"))
        taken[tok.i] = True
    return out
