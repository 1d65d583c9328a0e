"""The quote vocabulary of one language, loaded from ``lang/<lang>/quotes/*.toml``.

Engine code never names a word; every word list used by the scanners comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from newsgraph.lang import load_toml

DIR = "quotes"


@dataclass(frozen=True, slots=True)
class VerbSense:
    """One speech verb: the form found in the clause plus what must come with it."""

    name: str
    particle: str | None
    reflexive: bool
    impersonal: bool
    frames: frozenset[str]
    joined: bool = False  # the form is particle + base ("mitteilte"): verb-final or participle
    object_speaker: bool = False  # "zitiert X mit den Worten": X (the object) is the speaker


@dataclass(frozen=True, slots=True)
class QuotePair:
    name: str
    open: str
    close: tuple[str, ...]
    ambiguous: bool


@dataclass(slots=True)
class Lexicon:
    lang: str
    verbs: dict[str, list[VerbSense]] = field(default_factory=dict)  # lowercased form -> senses
    stance: frozenset[str] = frozenset()  # verbs whose nominal object is an attitude, not words ([[stance]])
    # verb -> object words giving it a sense other than speech ("forderte 92 Menschenleben"; [[other_sense]])
    other_sense: dict[str, frozenset[str]] = field(default_factory=dict)
    particles: frozenset[str] = frozenset()
    prepositions_marker: dict[str, dict] = field(default_factory=dict)  # word -> entry
    so_words: frozenset[str] = frozenset()
    wie_words: frozenset[str] = frozenset()
    impersonal: tuple[tuple[str, ...], ...] = ()
    nouns_exact: frozenset[str] = frozenset()
    nouns_suffix: tuple[str, ...] = ()
    subordinators: frozenset[str] = frozenset()
    wh: frozenset[str] = frozenset()
    det_nom: frozenset[str] = frozenset()
    det_gen: frozenset[str] = frozenset()
    det_obl: frozenset[str] = frozenset()
    det_masc_nom: frozenset[str] = frozenset()
    det_indef: frozenset[str] = frozenset()
    expletive: frozenset[str] = frozenset()
    marker_then: frozenset[str] = frozenset()
    pronoun_gender: dict[str, str] = field(default_factory=dict)
    indefinite: frozenset[str] = frozenset()
    reflexive: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    linking: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    adj_endings: tuple[str, ...] = ()
    coordination: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    prefield_adverbs: frozenset[str] = frozenset()
    infinitive: frozenset[str] = frozenset()
    naming: frozenset[str] = frozenset()  # "als" before the quoted name a naming verb gives
    clause_openers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()
    message_breaks: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    konj_endings: tuple[str, ...] = ()
    konj_not_endings: tuple[str, ...] = ()
    konj_pronouns: frozenset[str] = frozenset()
    pronominal: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (position, word sequence)
    marker_firsts: frozenset[str] = frozenset()  # the first words of the pronominal and impersonal sequences
    clause_nouns: frozenset[str] = frozenset()
    anaphoric: frozenset[str] = frozenset()
    genitive_endings: tuple[str, ...] = ()
    konj1: frozenset[str] = frozenset()
    konj2: frozenset[str] = frozenset()
    reportative: frozenset[str] = frozenset()
    reportative_perfect: frozenset[str] = frozenset()
    roles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    feminine: tuple[str, ...] = ()
    pairs: tuple[QuotePair, ...] = ()
    openers: dict[str, QuotePair] = field(default_factory=dict)
    closers: frozenset[str] = frozenset()
    ambiguous: frozenset[str] = frozenset()  # marks that open and close alike (", ')
    title_nouns: frozenset[str] = frozenset()
    zu_nouns: frozenset[str] = frozenset()  # "die Forderung, … zu senken": a demand noun with an infinitive
    became_known: frozenset[str] = frozenset()  # "wurde bekannt, dass …": the adjective
    became_known_verbs: frozenset[str] = frozenset()  # … and the forms of "werden" it needs

    # --- word tests -------------------------------------------------------------------------
    def noun_kind(self, word: str) -> str | None:
        """'role' | 'source' when ``word`` is headed by a role or source noun, else None."""
        w = word.lower()
        for suffix in ("",) + self.feminine + self.genitive_endings:
            if suffix and not w.endswith(suffix):
                continue
            stem = w[: len(w) - len(suffix)] if suffix else w
            if stem.endswith(self.roles):
                return "role"
            if stem.endswith(self.sources):
                return "source"
        return None

    def is_feminine(self, word: str) -> bool:
        w = word.lower()
        return any(w.endswith(s) and w[: len(w) - len(s)].endswith(self.roles) for s in self.feminine)

    def is_speech_noun(self, word: str) -> bool:
        w = word.lower()
        return w in self.nouns_exact or (len(w) > 4 and w.endswith(self.nouns_suffix))

    def is_adjective_like(self, word: str) -> bool:
        return word[:1].islower() and word.isalpha() and word.endswith(self.adj_endings)


def _words(value: list[str] | str) -> list[str]:
    return value.split() if isinstance(value, str) else list(value)


@cache
def load(lang: str = "de") -> Lexicon:
    """The lexicon for ``lang`` (parsed once per process)."""
    lex = Lexicon(lang=lang)
    verb_data = load_toml(lang, f"{DIR}/verbs.toml")
    verbs = verb_data["verb"]
    lex.stance = frozenset(e["name"] for e in verb_data.get("stance", []))
    lex.other_sense = {
        e["name"]: frozenset(w.lower() for w in _words(e["objects"]))
        for e in verb_data.get("other_sense", [])
    }
    particles: set[str] = set()
    for entry in verbs:
        frames = frozenset(entry.get("frames", ()))
        particle = entry.get("particle")
        refl = bool(entry.get("reflexive", False))
        imp = bool(entry.get("impersonal", False))
        obj = entry.get("speaker") == "object"
        forms = _words(entry["forms"])
        for form in forms:
            lex.verbs.setdefault(form.lower(), []).append(
                VerbSense(entry["name"], particle, refl, imp, frames, object_speaker=obj)
            )
        if particle:
            particles.add(particle)
            joined = [particle + f for f in forms]
            if entry.get("participle"):
                joined.append(entry["participle"])
            for form in joined:
                lex.verbs.setdefault(form.lower(), []).append(
                    VerbSense(entry["name"], None, refl, imp, frames, joined=True, object_speaker=obj)
                )
    lex.particles = frozenset(particles)

    markers = load_toml(lang, f"{DIR}/markers.toml")
    lex.prepositions_marker = {e["word"]: e for e in markers.get("preposition", [])}
    lex.so_words = frozenset(e["word"] for e in markers.get("so", []))
    lex.marker_then = frozenset(e["then"] for e in markers.get("preposition", []) if e.get("then"))
    lex.wie_words = frozenset(e["word"] for e in markers.get("wie", []))
    lex.impersonal = tuple(
        tuple(w.lower().split()) for e in markers.get("impersonal", []) for w in e["words"]
    )
    nouns = markers.get("noun", [])
    lex.nouns_exact = frozenset(e["word"] for e in nouns)
    lex.nouns_suffix = tuple(e["word"] for e in nouns if e.get("suffix"))
    lex.clause_nouns = frozenset(w for e in markers.get("clause_noun", []) for w in e["words"])
    lex.pronominal = tuple(
        (e["position"], tuple(seq.split())) for e in markers.get("pronominal", []) for seq in e["sequences"]
    )
    sequences = [seq for _pos, seq in lex.pronominal] + list(lex.impersonal)
    lex.marker_firsts = frozenset(seq[0] for seq in sequences if seq)

    g = load_toml(lang, f"{DIR}/grammar.toml")
    lex.subordinators = frozenset(g["subordinators"]["words"])
    lex.wh = frozenset(g["wh"]["words"])
    lex.det_nom = frozenset(g["determiners"]["nominative"])
    lex.det_gen = frozenset(g["determiners"]["genitive"])
    lex.det_obl = frozenset(g["determiners"]["oblique"])
    lex.det_masc_nom = frozenset(g["determiners"]["masculine_nominative"])
    lex.det_indef = frozenset(g["determiners"]["indefinite"])
    lex.expletive = frozenset(g["impersonal_subject"]["words"])
    p = g["pronouns"]
    for key, gender in (("he", "m"), ("she", "f"), ("it", "n"), ("we", "pl"), ("i", "any"), ("one", "any")):
        for w in p.get(key, []):
            lex.pronoun_gender[w] = gender
    lex.indefinite = frozenset(p.get("indefinite", []))
    lex.reflexive = frozenset(g["reflexive"]["words"])
    lex.prepositions = frozenset(g["prepositions"]["words"])
    lex.linking = frozenset(g["prepositions"]["linking"])
    lex.time_nouns = frozenset(g["time_nouns"]["words"])
    lex.adj_endings = tuple(g["adjective_endings"]["endings"])
    lex.coordination = frozenset(g["coordination"]["words"])
    lex.negation = frozenset(g["negation_heads"]["words"])
    lex.prefield_adverbs = frozenset(g["prefield_adverbs"]["words"])
    lex.anaphoric = frozenset(g["anaphoric"]["words"])
    lex.infinitive = frozenset(g["infinitive"]["words"])
    lex.naming = frozenset(g.get("naming", {}).get("words", []))
    lex.clause_openers = frozenset(g["clause_openers"]["words"])
    lex.auxiliaries = frozenset(g["auxiliaries"]["words"])
    lex.passive = frozenset(g["passive"]["words"])
    lex.message_breaks = frozenset(g["message_breaks"]["words"])
    lex.first_person = frozenset(g["first_person"]["words"])
    lex.genitive_endings = tuple(g["genitive_endings"]["endings"])
    lex.zu_nouns = frozenset(g.get("zu_nouns", {}).get("words", []))
    lex.became_known = frozenset(g.get("became_known", {}).get("words", []))
    lex.became_known_verbs = frozenset(g.get("became_known", {}).get("verbs", []))

    k = load_toml(lang, f"{DIR}/konjunktiv.toml")
    lex.konj1 = frozenset(k["konjunktiv_1"]["forms"])
    lex.konj2 = frozenset(k["konjunktiv_2"]["forms"])
    lex.reportative = frozenset(k["reportative"]["forms"])
    lex.reportative_perfect = frozenset(k["reportative"].get("perfect", []))
    lex.konj_endings = tuple(k["konjunktiv_1_ending"]["endings"])
    lex.konj_not_endings = tuple(k["konjunktiv_1_ending"].get("not_endings", []))
    lex.konj_pronouns = frozenset(k["konjunktiv_1_ending"]["pronouns"])

    s = load_toml(lang, f"{DIR}/speakers.toml")
    lex.roles = tuple(e["word"] for e in s.get("role", []))
    lex.sources = tuple(e["word"] for e in s.get("source", []))
    lex.feminine = tuple(s.get("feminine", {}).get("suffixes", []))

    m = load_toml(lang, f"{DIR}/marks.toml")
    lex.pairs = tuple(
        QuotePair(e["name"], e["open"], tuple(e["close"]), bool(e.get("ambiguous", False))) for e in m["pair"]
    )
    for pair in lex.pairs:
        lex.openers.setdefault(pair.open, pair)
    lex.closers = frozenset(c for pair in lex.pairs for c in pair.close)
    lex.ambiguous = frozenset(pair.open for pair in lex.pairs if pair.ambiguous)
    lex.title_nouns = frozenset(m.get("titles", {}).get("nouns", []))
    return lex
