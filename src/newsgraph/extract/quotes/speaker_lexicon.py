"""The speaker-selection vocabulary of one language (``lang/<lang>/quotes/speakers.toml``).

The role and source nouns of that file are read by ``lexicon``; this module reads the rest:
the case cues and word lists that ``speaker_select`` and ``resolve`` need.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.lang import load_toml


@dataclass(frozen=True, slots=True)
class SpeakerWords:
    weak_articles: frozenset[str] = frozenset()  # "der" + weak adjective in -en: dative/genitive
    oblique_adjective_endings: tuple[str, ...] = ()
    genitive_name_endings: tuple[str, ...] = ()  # "Stoibers Äußerungen": the name is a genitive
    relative_pronouns: frozenset[str] = frozenset()  # "eines Hackers, der behauptet"
    relative_clause_span: int = 0  # tokens back from a clause-final cue to its relative pronoun (0: off)
    inner_source: bool = False  # a marker inside a cue-less indirect message names its source
    passive_source_prepositions: frozenset[str] = frozenset()  # "In einem Bericht wurde vermutet"
    placeless_prepositions: frozenset[str] = frozenset()  # ... of those, the ones a place never follows
    leading_source_prepositions: frozenset[str] = frozenset()  # "Nach dem Urteil sind …"
    non_speakers: frozenset[str] = frozenset()  # pronouns that never name a speaker ("man", "es")
    document_nouns: tuple[str, ...] = ()  # heads that can speak although they are things ("Schreiben")
    person_nouns: tuple[str, ...] = ()  # heads of common nouns for people and bodies ("Polizisten")
    abstract_endings: tuple[str, ...] = ()  # heads that name a thing, not a speaker ("Prognose")
    trusted_frames: frozenset[str] = frozenset()  # frames whose speaker phrase is never second-guessed
    passive_subject_speaks: bool = True  # False: "X wird beschuldigt, …" has no speaker
    drop_non_speakers: bool = False  # "man" / "es" with no better phrase found: no speaker
    drop_implausible: bool = True  # no candidate found: a non-speaker phrase is dropped, not kept
    min_score: float = 1.0  # a candidate replacing no speaker or a sure non-speaker needs this score
    strong_score: float = 2.8  # ... and one replacing a common noun the lists do not know
    lookback_sentences: int = 1  # sentences searched back for the speaker of a bare continuation
    interloper_score: float = 2.5  # ... and one in the sentence between a continuation and its quote
    prefix_score: float = 1.5  # ... and one replacing the copied speaker of a continuation
    anaphors: frozenset[str] = frozenset()  # "„…“, so letztere": words for the person named last
    quoted_names: bool = False  # "„…“, schrieb „Die Zeit“": a quoted name after the verb speaks
    passive_object: bool = False  # "„…“ wird der Franzose … zitiert": the subject of a passive "zitieren"
    impersonal_source: bool = False  # "„…“, heißt es in einer Erklärung": the source PP after "es"
    direct_marker: bool = False  # "Seiner Ansicht nach „…“": a marker before a cue-less direct quote
    prefield_subject: bool = False  # "X hatte Y aufgefordert, …": X (the prefield) speaks, not Y
    main_clause: bool = False  # "…, war sich X sicher, [dass …]": the subject of the clause before speaks
    parenthesis: bool = False  # "Mohammed ElBaradei („…“)": the name before a quote in parentheses
    document_prepositions: frozenset[str] = frozenset()  # "In einem Schreiben war von „…“ die Rede"


@cache
def load(lang: str = "de") -> SpeakerWords:
    data = load_toml(lang, "quotes/speakers.toml")
    case = data.get("case", {})
    sel = data.get("selection", {})
    return SpeakerWords(
        weak_articles=frozenset(case.get("weak_articles", [])),
        oblique_adjective_endings=tuple(case.get("oblique_adjective_endings", [])),
        genitive_name_endings=tuple(case.get("genitive_name_endings", [])),
        relative_pronouns=frozenset(data.get("relative_pronouns", {}).get("words", [])),
        relative_clause_span=int(data.get("relative_clause", {}).get("span", 0)),
        inner_source=bool(data.get("inner_source", {}).get("enabled", False)),
        passive_source_prepositions=frozenset(data.get("passive_source", {}).get("prepositions", [])),
        placeless_prepositions=frozenset(data.get("passive_source", {}).get("not_before_places", [])),
        leading_source_prepositions=frozenset(data.get("leading_source", {}).get("prepositions", [])),
        non_speakers=frozenset(data.get("non_speakers", {}).get("words", [])),
        document_nouns=tuple(data.get("document_nouns", {}).get("words", [])),
        person_nouns=tuple(data.get("person_nouns", {}).get("words", [])),
        abstract_endings=tuple(data.get("abstract_nouns", {}).get("endings", [])),
        trusted_frames=frozenset(sel.get("trusted_frames", [])),
        passive_subject_speaks=bool(sel.get("passive_subject_speaks", True)),
        drop_non_speakers=bool(sel.get("drop_non_speakers", False)),
        drop_implausible=bool(sel.get("drop_implausible", True)),
        min_score=float(sel.get("min_score", 1.0)),
        strong_score=float(sel.get("strong_score", 2.8)),
        prefix_score=float(sel.get("prefix_score", 1.5)),
        interloper_score=float(sel.get("interloper_score", 2.5)),
        lookback_sentences=int(sel.get("lookback_sentences", 1)),
        anaphors=frozenset(data.get("anaphors", {}).get("words", [])),
        quoted_names=bool(data.get("after_quote", {}).get("quoted_names", False)),
        passive_object=bool(data.get("after_quote", {}).get("passive_object", False)),
        impersonal_source=bool(data.get("after_quote", {}).get("impersonal_source", False)),
        direct_marker=bool(data.get("inner_source", {}).get("direct", False)),
        prefield_subject=bool(data.get("prefield_subject", {}).get("enabled", False)),
        main_clause=bool(data.get("main_clause", {}).get("enabled", False)),
        parenthesis=bool(data.get("parenthesis", {}).get("enabled", False)),
        document_prepositions=frozenset(data.get("document_source", {}).get("prepositions", [])),
    )
