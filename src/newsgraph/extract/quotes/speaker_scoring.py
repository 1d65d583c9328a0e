"""How well a noun phrase can be a quote's speaker: plausibility tests and scored candidates.

``level`` says whether a phrase can speak at all (an oblique case, an abstract head, a pronoun that
names nobody cannot); ``candidates`` lists the speaker phrases of a token range, scored by kind
(person mention 3, role noun 2.5, organisation / source / pronoun 2), case, position (clause start)
and distance. The words live in ``lang/<lang>/quotes/speakers.toml`` (``speaker_lexicon``).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import settings
from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.clauses import NAME_TAG
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_lexicon import SpeakerWords
from newsgraph.extract.quotes.tokens import View

NOT, UNKNOWN, SURE = 0, 1, 2  # how sure a phrase can be a speaker
PERSON_LIKE = frozenset({"pronoun", "name", "role", "source"})
SPEAKING_TYPES = ("PER", "ORG")  # mention types that can speak
CLAUSE_PUNCT = frozenset({",", ":", ";", "(", ")", "–", "-"})


@dataclass(slots=True)
class Cand:
    np: NP
    score: float


class Scorer:
    """The speaker phrases of one document view, with the NER mentions that can speak."""

    def __init__(self, v: View, lex: Lexicon, words: SpeakerWords, mentions: list | None) -> None:
        self.v, self.lex, self.words = v, lex, words
        self.toks = v.toks
        # token index -> mention type (PER / ORG / LOC), for mentions that can speak
        self.has_ner = bool(mentions)
        self.mention_at: dict[int, str] = {}
        for m in mentions or []:
            if m.type not in ("PER", "ORG", "LOC"):
                continue
            a = v.tok_at(m.start)
            b = v.last_tok(m.start, m.end) + 1
            if a >= len(self.toks):
                continue
            for x in range(a, min(b, len(self.toks))):
                self.mention_at[x] = m.type

    # ------------------------------------------------------------------ tests
    def has_mention(self, np_: NP) -> bool:
        return any(x in self.mention_at for x in range(np_.a, np_.b))

    def plausible(self, np_: NP) -> bool:
        return self.level(np_) == SURE

    def level(self, np_: NP, dependent: bool = False) -> int:
        """How sure is it that this phrase can be a speaker? NOT in an oblique case, for a pronoun
        that names nobody ("man", "es"), a fragment without determiner ("verdächtige Passagiere"),
        or a head that is an abstract noun ("die Prognose", "die Zustimmung seiner Regierung");
        SURE for a pronoun, a name, a mention, a role, source, document or person noun; else
        UNKNOWN (a common noun the word lists do not know)."""
        toks = self.toks
        if self.oblique(np_):
            return NOT
        if np_.kind == "pronoun":
            return NOT if toks[np_.a].lower in self.words.non_speakers else SURE
        if np_.kind == "indefinite":
            return SURE
        if np_.a > 0 and not dependent and self.attached(np_):
            return NOT
        run = self.head_run(np_)
        if not run:
            return SURE if np_.kind in PERSON_LIKE else NOT
        # a genitive name in front is not the head: "Stoibers Äußerungen"
        k = 0
        while (
            k + 1 < len(run)
            and run[k] in self.mention_at
            and run[k + 1] not in self.mention_at
            and toks[run[k]].lower.endswith(self.words.genitive_name_endings)
            and not self.lex.noun_kind(toks[run[k + 1]].text)
        ):
            k += 1
        if k:
            run = run[k:]
        if run[0] in self.mention_at or any(self.lex.noun_kind(toks[x].text) for x in run):
            return SURE
        head = toks[run[0]].lower
        if head.endswith(self.words.person_nouns) or head.endswith(self.words.document_nouns):
            return SURE
        if self.lex.is_speech_noun(toks[run[0]].text):
            return SURE
        if head.endswith(self.words.abstract_endings):
            return NOT
        if run[0] > np_.a and toks[np_.a].text[:1].islower() and toks[np_.a].lower not in self.lex.det_nom:
            return NOT  # no determiner, a lowercase attribute first: a fragment of a phrase
        named = np_.kind == "name" and not (k and settings.QUOTES_GENITIVE_NOT_NAME)  # "Obamas Einsatz"
        if named or toks[run[0]].tag == "NE" or any(x in self.mention_at for x in run):
            return SURE
        return UNKNOWN

    def thing(self, np_: NP) -> bool:
        """Is the phrase a plain thing that cannot speak ("Bomben", "Kilometer", "zahlreiche
        Knochenbrüche")? A name or common noun phrase without a person or organisation mention, a
        proper-noun tag, a role, source, person, document or speech noun. Stricter than ``level``,
        which also lets unknown common nouns pass."""
        if np_.kind not in ("name", "noun"):
            return False
        toks, lex, words = self.toks, self.lex, self.words
        for x in range(np_.a, np_.b):
            if self.mention_at.get(x) in SPEAKING_TYPES or toks[x].tag == NAME_TAG:
                return False
            if not toks[x].is_cap:
                continue
            w = toks[x].lower
            if lex.noun_kind(toks[x].text) or lex.is_speech_noun(toks[x].text):
                return False
            if w.endswith(words.person_nouns) or w.endswith(words.document_nouns):
                return False
        return True

    def attached(self, np_: NP) -> bool:
        """Is the phrase a dependent of something before it, so not a subject? After a preposition
        ("Gegenüber NDR Info"), inside a phrase ("der Fraktions- und Parteivorsitzenden"), or a
        genitive right after a noun ("den Bericht der New York Times")."""
        toks, lex = self.toks, self.lex
        prev = toks[np_.a - 1]
        if prev.lower in lex.prepositions or prev.lower in lex.det_gen | lex.det_obl | lex.det_nom:
            return True
        if prev.text.endswith("-") or (prev.lower in lex.coordination and toks[np_.a - 2].text.endswith("-")):
            return True
        first = toks[np_.a].lower
        return (
            first in lex.det_gen
            and prev.is_cap
            and prev.text.isalpha()
            and (prev.tag in ("NN", "NE") or (not prev.tag and prev.sent == toks[np_.a].sent))
            and np_.a - 1 > self.v.sents[prev.sent][0]
        )

    def head_run(self, np_: NP) -> list[int]:
        """The tokens of the first noun run of a phrase: its head and a name next to it, not the
        dependents ("die Zustimmung" of "die Zustimmung seiner Regierung")."""
        toks, lex = self.toks, self.lex
        j = np_.a
        while j < np_.b and not toks[j].is_cap:
            j += 1
        if j == np_.a and toks[j].lower in lex.det_nom | lex.det_obl | lex.det_gen:
            j += 1  # a capitalized determiner at the sentence start
            while j < np_.b and not toks[j].is_cap:
                j += 1
        k = j
        while k < np_.b and toks[k].is_cap and not toks[k].is_punct and toks[k].lower not in lex.det_gen:
            k += 1
        return list(range(j, k))

    def oblique(self, np_: NP) -> bool:
        """ "Der englisch-sprachigen Zeitung": a weak adjective after a nominative-looking article
        shows a dative or genitive."""
        toks = self.toks
        if np_.b - np_.a < 3 or toks[np_.a].lower not in self.words.weak_articles:
            return False
        if np_.a > 0 and toks[np_.a - 1].lower in self.lex.prepositions:
            return False  # "laut der gleichen Agentur": the case comes from the preposition
        nxt = toks[np_.a + 1]
        word = nxt.text.replace("-", "")
        return (
            word.isalpha()
            and nxt.lower.endswith(self.words.oblique_adjective_endings)
            and (nxt.text[:1].islower() or toks[np_.a + 2].is_cap)  # "der Süddeutschen Zeitung"
            and self.mention_at.get(np_.a + 1) != "PER"
        )

    def after_prep(self, a: int, lo: int) -> bool:
        """Is the phrase starting at token ``a`` the object of a preposition (or a genitive)?"""
        toks, lex = self.toks, self.lex
        j = a - 1
        while (
            j >= lo
            and (lex.is_adjective_like(toks[j].text) or (toks[j].lower in lex.det_obl and j == a - 1))
            and not (settings.QUOTES_PREP_NOT_ADJ and toks[j].lower in lex.prepositions)
        ):
            j -= 1  # attributes and an oblique article before the phrase ("über", "unter" end like one)
        if j < lo:
            return False
        w = toks[j].lower
        return w in lex.prepositions or (w in lex.det_gen and w not in lex.det_nom and j == a - 1)

    # ------------------------------------------------------------------ candidates
    def candidates(
        self, lo: int, hi: int, blocked: set[int], anchor: int, keep_all: bool = False
    ) -> list[Cand]:
        """Speaker phrases in tokens [lo, hi) outside ``blocked``, scored (``keep_all``: also those
        scored 0 or below, for the learned ranker)."""
        toks, lex = self.toks, self.lex
        out: list[Cand] = []
        i = lo
        while i < hi:
            t = toks[i]
            if i in blocked or t.is_punct:
                i += 1
                continue
            np_ = None
            if t.lower in self.words.anaphors:
                np_ = NP(i, i + 1, "pronoun", i)  # "so letztere"
            elif (
                t.lower in lex.pronoun_gender
                and lex.pronoun_gender[t.lower] in ("m", "f", "pl")
                and not (t.lower in lex.det_nom and i + 1 < hi and toks[i + 1].is_cap)
            ):
                np_ = NP(i, i + 1, "pronoun", i)
            if np_ is None and (
                t.lower in lex.det_nom or t.is_cap or t.lower in lex.det_obl or t.lower in lex.det_gen
            ):
                np_ = speaker.parse_np(toks, i, hi, lex, oblique=True)
                if np_ is not None and any(x in blocked for x in range(np_.a, np_.b)):
                    np_ = None
            if np_ is None:
                i += 1
                continue
            sc = self.score(np_, lo, anchor)
            if sc > 0 or keep_all:
                out.append(Cand(np_, sc))
            i = max(np_.b, i + 1)
        return out

    def score(self, np_: NP, lo: int, anchor: int) -> float:
        toks, lex = self.toks, self.lex
        first = toks[np_.a].lower
        if np_.kind == "pronoun":
            if first in self.words.non_speakers:
                return 0.0
            base = 2.0
        else:
            kinds = {self.mention_at.get(x) for x in range(np_.a, np_.b)}
            if "PER" in kinds:
                base = 3.0
            elif np_.kind == "role":
                base = 2.5
            elif "ORG" in kinds or np_.kind == "source":
                base = 2.0
            elif "LOC" in kinds and np_.a == lo:
                base = 2.0  # a country as the subject of its sentence: "Der Iran streitet dies ab."
            elif np_.kind == "name" and (not self.has_ner or toks[np_.head].tag == "NE"):
                base = 1.5 if self.has_ner else 2.0
            elif first in lex.det_nom and np_.a == lo and self.level(np_) != NOT:
                base = 1.0  # a common noun subject at the sentence start: "Die Universität hatte …"
            else:
                return 0.0
        if first in lex.det_obl or first in (lex.det_gen - lex.det_nom) or self.oblique(np_):
            base -= 2.5
        if self.after_prep(np_.a, lo):
            base -= 2.5
        # subject positions: the clause start, or right after the finite verb
        prev = toks[np_.a - 1] if np_.a > lo else None
        if prev is None or prev.text in CLAUSE_PUNCT or prev.is_quote:
            base += 0.5
        dist = abs(np_.a - anchor) if np_.a > anchor else abs(anchor - np_.b)
        return base - 0.02 * dist
