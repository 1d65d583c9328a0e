"""An event's frame: who acts, on whom, where, when, and whether it happened, is planned or denied.

Heuristics over the sentence (no parser): actors are the entity mentions of the trigger's clause that
no preposition governs (the subject side), falling back to the last person mentioned when a pronoun
("er", "seines Besuchs") stands there; targets follow a target preposition ("Sanktionen gegen X") or
the verb; the place is a place mention after a place preposition; the time is the nearest time
expression of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.extract import roles
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.triggers import Hit
from newsgraph.model import Mention, Timex
from newsgraph.model import Span as CharSpan
from newsgraph.resolve import rolewords

PERSONISH = frozenset({"PER", "ORG", "LOC"})
SKIPPABLE_TAGS = frozenset({"ART", "ADJA", "PPOSAT", "PIAT", "CARD", "ADV", "NE"})
ANTECEDENT_SENTENCES = 2  # a pronoun looks this many sentences back for a person in subject position
MODIFIER_GAP = 3  # a deriv mention ("russische") this close before a name belongs to the name's phrase
PASSIVE_PARTICIPLE = "VVPP"
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
# a finite verb, a preposition or an adverb between two names ends the first one's noun phrase
PHRASE_BREAK_TAGS = FINITE_TAGS | {"APPR", "APPRART", "ADV"}
COORDINATION = "KON"
# a name in brackets after another is its apposition: "Faymann (SPÖ)"
OPENING_BRACKETS = frozenset({"(", "["})
NOUN_TAGS = frozenset({"NE", "NN"})
ROLE_DETERMINERS = frozenset({"ART", "ADJA"})  # "Der Minister", "Der russische Minister"
PARTNER_DETERMINERS = frozenset({"PIAT", "PIDAT", "CARD"})  # "die beiden Minister", "die zwei Präsidenten"
POSSESSIVE = "PPOSAT"  # a possessive refers to its clause's subject; a personal pronoun is one itself


@dataclass(slots=True)
class Placed:
    """A mention with its token range in the doc."""

    mention: Mention
    start: int
    end: int


@dataclass(slots=True)
class Frame:
    actors: list[CharSpan] = field(default_factory=list)
    targets: list[CharSpan] = field(default_factory=list)
    place: CharSpan | None = None
    time: str | None = None
    status: str = "reported"


def place_mentions(doc: Doc, mentions: list[Mention]) -> list[Placed]:
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and m.type in PERSONISH:
            out.append(Placed(m, span.start, span.end))
    return out


def _clause(sent: Span, i: int, lex: Lexicon) -> tuple[int, int]:
    lo = i
    while lo > sent.start and sent.doc[lo - 1].lower_ not in lex.clause_breaks:
        lo -= 1
    hi = i + 1
    while hi < sent.end and sent.doc[hi].lower_ not in lex.clause_breaks:
        hi += 1
    return lo, hi


def _governing_preposition(doc: Doc, start: int, floor: int) -> str | None:
    """The preposition that governs a mention starting at token ``start``, if any."""
    k = start - 1
    while True:
        while k >= floor and doc[k].tag_ in SKIPPABLE_TAGS | {"NN"} and doc[k].lower_ not in ("", ","):
            k -= 1
        if k > floor and doc[k].tag_ == COORDINATION and doc[k - 1].tag_ in NOUN_TAGS:
            k -= 1  # a conjunct shares its phrase's preposition: "zwischen Russland und Usbekistan"
            continue
        break
    if k >= floor and (doc[k].tag_.startswith("APPR") or not doc[k].tag_) and doc[k].is_lower:
        return doc[k].lower_
    return None


def _surname(m: Mention) -> str:
    return m.text.split()[-1].lower() if m.text.split() else m.text.lower()


def _antecedent(doc: Doc, token: int, placed: list[Placed]) -> Placed | None:
    """The person a pronoun at ``token`` refers to: an earlier person in subject position in its own
    sentence or the ``ANTECEDENT_SENTENCES`` before it; failing that, the person mentioned most often
    so far (the story's protagonist)."""
    people = [p for p in placed if p.end <= token and p.mention.type == "PER" and p.mention.form == "name"]
    if not people:
        return None
    here = doc[token].sent
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    index = next((k for k, s in enumerate(sents) if s.start == here.start), 0)
    for back in range(0, ANTECEDENT_SENTENCES + 1):
        if index - back < 0:
            break
        sent = sents[index - back]
        in_sent = [p for p in people if sent.start <= p.start < sent.end]
        subjects = [p for p in in_sent if _governing_preposition(doc, p.start, sent.start) is None]
        if subjects:
            return subjects[-1] if back == 0 else subjects[0]
    counts: dict[str, int] = {}
    for p in people:
        counts[_surname(p.mention)] = counts.get(_surname(p.mention), 0) + 1
    top = max(counts.values())
    return next(p for p in reversed(people) if counts[_surname(p.mention)] == top)


def _dateline_end(doc: Doc) -> int:
    """Token index where a dateline ("Brüssel/Taschkent (zpd) –") ends, or 0 where there is none."""
    for t in doc[: min(len(doc), 16)]:
        if t.text in ("–", "—", "-") and any(x.text == ")" for x in doc[: t.i]):
            return t.i + 1
        if t.is_sent_end:
            break
    return 0


def build(doc: Doc, sent: Span, hit: Hit, placed: list[Placed], timexes: list[Timex], lex: Lexicon) -> Frame:
    frame = Frame()
    lo, hi = _clause(sent, hit.start, lex)
    floor = max(sent.start, _dateline_end(doc))
    in_sentence = [p for p in placed if p.start >= floor and p.end <= sent.end]
    names_at = {p.start for p in in_sentence if p.mention.form == "name" and p.mention.type in ("PER", "ORG")}
    in_sentence = [
        p
        for p in in_sentence
        if p.mention.form != "deriv" or not any(p.end <= n <= p.end + MODIFIER_GAP for n in names_at)
    ]
    roles: dict[int, str | None] = {
        id(p): _governing_preposition(doc, p.start, sent.start) for p in in_sentence
    }
    trigger_token = doc[hit.start]
    clause_words = {doc[k].lower_ for k in range(lo, hi)}
    passive = trigger_token.tag_ == PASSIVE_PARTICIPLE and bool(clause_words & lex.passive_auxiliaries)

    actors: list[Placed] = []
    targets: list[Placed] = []
    for p in in_sentence:
        prep = roles[id(p)]
        if prep in lex.agent_prepositions and passive and lo <= p.start < hi:
            actors.append(p)
        elif prep in lex.target_prepositions and (hit.trigger.pos == "noun" or lo <= p.start < hi):
            (actors if hit.trigger.symmetric else targets).append(p)
    free_in_clause = [
        p for p in in_sentence if roles[id(p)] is None and lo <= p.start < hi and p not in actors
    ]
    before = [p for p in free_in_clause if p.start < hit.start]
    if hit.trigger.pos == "noun":
        after = [p for p in in_sentence if p.start == hit.end or (p.start == hit.end + 1 and roles[id(p)])]
        subject = [p for p in in_sentence if roles[id(p)] is None and p.start < hit.start]
        subject.sort(key=lambda p: (p.mention.form != "name" or p.mention.type == "LOC", p.start))
        owner = _owner_by_reference(doc, hit.start, lo, placed, lex, free_in_clause)
        chosen = (
            owner
            or (
                after[:1]
                if after and roles[id(after[0])] not in lex.place_prepositions | lex.target_prepositions
                else []
            )
            or (_conjuncts(doc, _phrases(doc, before, lex)[0]) if hit.trigger.symmetric and before else [])
            or subject[:1]
        )
        actors = chosen + [a for a in actors if a not in chosen]
        if chosen and chosen[0] in free_in_clause and not hit.trigger.symmetric and not targets:
            targets += _objects_before(doc, before, chosen[0], lex)[:1]
    else:
        later = [p for p in free_in_clause if p.start > hit.start]
        if passive:
            antecedent = [p for p in in_sentence if p.end <= lo]
            targets += antecedent[-1:] if not before else before[-1:]
        else:
            subject = _verb_subject(doc, sent, hit, lo, before, in_sentence, roles, placed, lex)
            if subject:
                actors = subject + [a for a in actors if a not in subject]
                objects = [] if hit.trigger.symmetric else _objects_before(doc, before, subject[0], lex)
                targets += [*objects, *(p for p in later if p not in subject)][:1]
            elif later:
                actors = later[:1] + actors
                targets += later[1:2]
    if not actors and hit.trigger.symmetric:
        actors = _previous_participants(doc, sent, placed) or _role_partners(doc, sent, placed)
    frame.actors = _unique(p.mention.span for p in actors)
    frame.targets = [s for s in _unique(p.mention.span for p in targets) if s not in frame.actors]
    places = [p for p in in_sentence if p.mention.type == "LOC" and roles[id(p)] in lex.place_prepositions]
    if places:
        frame.place = min(places, key=lambda p: abs(p.start - hit.start)).mention.span
    frame.time = _time(doc, sent, hit, timexes)
    frame.status = _status(doc, sent, hit, lo, hi, lex)
    return frame


def _verb_subject(
    doc: Doc,
    sent: Span,
    hit: Hit,
    lo: int,
    before: list[Placed],
    in_sentence: list[Placed],
    roles: dict[int, str | None],
    placed: list[Placed],
    lex: Lexicon,
) -> list[Placed]:
    """Who does it, in order of evidence: a person or organization before the verb in its clause, a
    pronoun there (its antecedent), places or place adjectives before the verb in the clause (all of a
    coordination for events between partners: "die kasachischen und russischen Staatschefs"), a person
    or organization before the clause in the sentence (a subject before a relative clause)."""
    phrases = _phrases(doc, before, lex)
    if len(phrases) >= 2 and not hit.trigger.symmetric:
        return [phrases[0][-1]]  # subject before object: "Die EU hat Taschkent gewarnt"
    actors_first = [p for p in before if p.mention.form == "name" and p.mention.type in ("PER", "ORG")]
    if actors_first:
        return actors_first[-1:]
    pronoun = _owner_by_reference(doc, hit.start, lo, placed, lex)
    if pronoun:
        return pronoun[:1]
    holder = _role_holder(doc, lo, hit.start, placed)
    if holder:
        return holder
    if before:
        return before if hit.trigger.symmetric else before[-1:]
    earlier = [
        p
        for p in in_sentence
        if p.end <= lo
        and roles[id(p)] is None
        and p.mention.form == "name"
        and p.mention.type in ("PER", "ORG")
    ]
    return earlier[:1]


def _role_holder(doc: Doc, lo: int, i: int, placed: list[Placed]) -> list[Placed]:
    """A role noun as the subject before the verb ("Der Minister würdigte …", "Der russische Minister …")
    → the nearest earlier person holding that office (``Mention.role``, set by the entities component),
    one of the role's country first."""
    for k in range(lo + 1, i):
        if (
            doc[k].tag_ != "NN"
            or doc[k - 1].tag_ not in ROLE_DETERMINERS
            or _governing_preposition(doc, k, lo)
        ):
            continue
        a = k
        while a - 1 >= lo and doc[a - 1].tag_ == "ADJA":
            a -= 1
        wanted = rolewords.parse_role(doc[a : k + 1].text)
        holders = _holders(doc, wanted, k, placed) if wanted else []
        same_place = [p for p in holders if wanted and wanted.place and _place(p) == wanted.place]
        return (same_place or holders)[-1:]
    return []


def _holders(doc: Doc, wanted: rolewords.Role, before: int, placed: list[Placed]) -> list[Placed]:
    """The persons mentioned before token ``before`` whose role names the office ``wanted``, in text order
    (``extract.roles.role_holders``)."""
    by_mention = {id(p.mention): p for p in placed}
    mentions = [p.mention for p in placed]
    return [by_mention[id(m)] for m in roles.role_holders(wanted, mentions, doc[before].idx)]


def _place(p: Placed) -> str | None:
    role = rolewords.parse_role(p.mention.role) if p.mention.role else None
    return role.place if role else None


def _role_partners(doc: Doc, sent: Span, placed: list[Placed]) -> list[Placed]:
    """Talks of "die beiden Minister": the two persons last named with that office, when two are."""
    for k in range(sent.start + 1, sent.end):
        if doc[k].tag_ != "NN" or doc[k - 1].tag_ not in PARTNER_DETERMINERS:
            continue
        wanted = rolewords.parse_role(doc[k].lemma_ or doc[k].text)  # the singular: "Präsidenten"
        last: dict[str, Placed] = {}
        for p in _holders(doc, wanted, k, placed) if wanted else []:
            last.pop(_surname(p.mention), None)
            last[_surname(p.mention)] = p
        if len(last) >= 2:
            return sorted(list(last.values())[-2:], key=lambda p: p.start)
    return []


def _phrases(doc: Doc, mentions: list[Placed], lex: Lexicon) -> list[list[Placed]]:
    """The mentions (in order) grouped by noun phrase: a finite verb or an article that opens a phrase
    between two mentions separates them ("Die EU hat Taschkent", "das Parlament die Kommission"); else
    they share one ("Russlands Präsident Putin"), whose head is its last mention."""
    groups: list[list[Placed]] = []
    for p in mentions:
        gap = range(groups[-1][-1].end, p.start) if groups else range(0)
        if groups and not any(
            doc[k].tag_ in PHRASE_BREAK_TAGS or doc[k].lower_ in lex.phrase_openers for k in gap
        ):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _conjuncts(doc: Doc, phrase: list[Placed]) -> list[Placed]:
    """The heads of a phrase's coordinated parts: "Die Minister Kowaljow und Tursunow" → both names;
    "Russlands Präsident Putin" → Putin."""
    heads: list[Placed] = []
    part: list[Placed] = []
    for k, p in enumerate(phrase):
        if k and any(doc[j].tag_ == COORDINATION for j in range(phrase[k - 1].end, p.start)):
            heads += _head(doc, part)
            part = []
        part.append(p)
    return heads + _head(doc, part)


def _head(doc: Doc, part: list[Placed]) -> list[Placed]:
    """The last mention of a phrase that no bracket encloses ("Faymann (SPÖ)" → Faymann)."""
    free = [p for p in part if p.start == 0 or doc[p.start - 1].text not in OPENING_BRACKETS]
    return (free or part)[-1:]


def _objects_before(doc: Doc, before: list[Placed], subject: Placed, lex: Lexicon) -> list[Placed]:
    """Noun phrases after the subject and before the verb, in its clause: its objects ("Die EU hat
    Taschkent gewarnt", "Er hat Taschkent gewarnt"); a phrase holding the subject is none."""
    return [g[-1] for g in _phrases(doc, before, lex) if subject not in g and g[-1].start > subject.start]


def _previous_participants(doc: Doc, sent: Span, placed: list[Placed]) -> list[Placed]:
    """Talks named without partners continue the previous sentence's: its persons in subject position."""
    if not doc.has_annotation("SENT_START") or sent.start == 0:
        return []
    previous = doc[sent.start - 1].sent
    people = [
        p
        for p in placed
        if previous.start <= p.start < previous.end
        and p.mention.type == "PER"
        and p.mention.form == "name"
        and _governing_preposition(doc, p.start, previous.start) is None
    ]
    return people[:2] if len(people) >= 2 else []  # partners: two persons, as in "X und Y kamen zusammen"


def _owner_by_reference(
    doc: Doc, i: int, lo: int, placed: list[Placed], lex: Lexicon, clause_free: list[Placed] = ()
) -> list[Placed] | None:
    """A pronoun or possessive just before the trigger (or opening its clause) → its antecedent: for a
    possessive, the subject of its clause when one of ``clause_free`` (the clause's free mentions) stands
    before it ("Die EU hatte X auf ihre Sanktionsliste gesetzt"), else the person it refers back to."""
    for k in [*range(i - 1, max(lo, i - 4) - 1, -1), *range(lo, i)]:
        if doc[k].lower_ in lex.back_references:
            subjects = _phrases(doc, [p for p in clause_free if p.end <= k], lex)
            if subjects and doc[k].tag_ == POSSESSIVE:
                return [subjects[0][-1]]
            person = _antecedent(doc, k, placed)
            return [person] if person else None
    return None


def _time(doc: Doc, sent: Span, hit: Hit, timexes: list[Timex]) -> str | None:
    start, end = sent.start_char, sent.end_char
    inside = [
        t
        for t in timexes
        if start <= t.start and t.end <= end and t.type in ("DATE", "TIME") and not t.interval
    ]
    if not inside:
        return None
    at = doc[hit.start].idx
    return min(inside, key=lambda t: abs(t.start - at)).value


def _status(doc: Doc, sent: Span, hit: Hit, lo: int, hi: int, lex: Lexicon) -> str:
    window = range(max(sent.start, hit.start - lex.negation_window), hit.start)
    after = range(hit.end, hi) if hit.trigger.pos == "verb" else range(0)
    if any(doc[k].lower_ in lex.negation_cues for k in [*window, *after]):
        return "negated"
    clause = [doc[k] for k in range(lo, hi)]
    if any(t.lower_ in lex.planned_cues for t in clause):
        return "planned"
    if any(t.lower_ in lex.future_auxiliaries for t in clause):
        infinitive = doc[hit.start].tag_ in lex.infinitive_tags or any(
            t.tag_ in lex.infinitive_tags for t in clause
        )
        present_passive = doc[hit.start].tag_ == PASSIVE_PARTICIPLE  # "wird morgen unterzeichnet"
        if infinitive or present_passive or hit.trigger.pos == "noun":
            return "planned"
    return "reported"


def _unique(spans) -> list[CharSpan]:  # type: ignore[no-untyped-def]
    out: list[CharSpan] = []
    for s in spans:
        if s not in out:
            out.append(s)
    return out
