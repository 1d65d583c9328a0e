"""The event vocabulary of one language, loaded once per process from ``lang/<lang>/events/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.lang import load_toml


@dataclass(frozen=True, slots=True)
class Trigger:
    name: str
    code: str
    pos: str  # "verb" | "noun"
    lemmas: frozenset[str]
    requires: frozenset[str]
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, Trigger]  # lemma → trigger
    nouns: dict[str, Trigger]  # lemma → trigger (also compound heads)
    phrases: dict[tuple[str, ...], Trigger]  # multi-word noun lemmas
    noun_heads: tuple[tuple[str, Trigger], ...]  # longest first, for compound matching
    future_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    infinitive_tags: frozenset[str]
    planned_cues: frozenset[str]
    negation_cues: frozenset[str]
    negation_window: int
    target_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    back_references: frozenset[str]
    clause_breaks: frozenset[str]
    phrase_openers: frozenset[str]


MIN_COMPOUND_PREFIX = 3  # "Staats|besuch": the part before a compound head is at least this long


@cache
def load(lang: str = "de") -> Lexicon:
    data = load_toml(lang, "events/triggers.toml")
    grammar = load_toml(lang, "events/grammar.toml")
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    phrases: dict[tuple[str, ...], Trigger] = {}
    for entry in data["trigger"]:
        trigger = Trigger(
            name=entry["name"],
            code=entry["code"],
            pos=entry["pos"],
            lemmas=frozenset(x.lower() for x in entry["lemmas"]),
            requires=frozenset(x.lower() for x in entry.get("requires", [])),
            symmetric=bool(entry.get("symmetric", False)),
        )
        for lemma in trigger.lemmas:
            if " " in lemma:
                phrases[tuple(lemma.split())] = trigger
            elif trigger.pos == "verb":
                verbs[lemma] = trigger
            else:
                nouns[lemma] = trigger
    heads = tuple(sorted(nouns.items(), key=lambda kv: -len(kv[0])))
    planned, negated, roles = grammar["planned"], grammar["negated"], grammar["roles"]
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        phrases=phrases,
        noun_heads=heads,
        future_auxiliaries=frozenset(planned["future_auxiliaries"]),
        passive_auxiliaries=frozenset(planned["passive_auxiliaries"]),
        infinitive_tags=frozenset(planned["infinitive_tags"]),
        planned_cues=frozenset(planned["cues"]),
        negation_cues=frozenset(negated["cues"]),
        negation_window=int(negated["window"]),
        target_prepositions=frozenset(roles["target_prepositions"]),
        place_prepositions=frozenset(roles["place_prepositions"]),
        agent_prepositions=frozenset(roles["agent_prepositions"]),
        back_references=frozenset(roles["back_references"]),
        clause_breaks=frozenset(roles["clause_breaks"]),
        phrase_openers=frozenset(roles["phrase_openers"]),
    )
