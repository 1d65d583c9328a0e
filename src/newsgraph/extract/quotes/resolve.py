"""Who a speaker phrase refers to: the mention span behind a name, a pronoun or a role noun.

Pronouns (er, sie) go to the first person named in the nearest earlier sentence (the subject
position of that sentence, outside quotes); role nouns (der Präsident) to the nearest earlier
person with that role (``Mention.role`` when the entities component set it, else the role noun
in front of the name); a relative pronoun ("eines Hackers, der behauptet") to the mention right
before its comma; a source head with a dependent name ("der Pressedienst des Kreml") to the whole
phrase, not to the dependent. Without NER mentions, names found next to role nouns and in speaker
phrases stand in for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import settings
from newsgraph.extract.quotes import speaker_lexicon
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import PREPOSITION_TAGS
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.tokens import View

RESOLVE_PRONOUNS_BACK = settings.QUOTES_PRONOUN_SENTENCES


@dataclass(slots=True)
class Person:
    start: int
    end: int
    sent: int
    role: str  # lowercased role text ("" when unknown)
    after_prep: bool
    in_quote: bool
    kind: str = "PER"


class Resolver:
    def __init__(self, v: View, lex: Lexicon, mentions: list | None, quoted: list[tuple[int, int]]) -> None:
        self.v, self.lex = v, lex
        self.anaphors = speaker_lexicon.load(lex.lang).anaphors  # "letztere": the person named last
        self.quoted = quoted
        self.persons: list[Person] = []
        self.orgs: list[tuple[int, int]] = []
        self.has_mentions = bool(mentions)
        if mentions:
            for m in mentions:
                if m.type == "PER":
                    self.persons.append(self._person(m.start, m.end, (m.role or "").lower()))
                elif m.type == "ORG":
                    self.orgs.append((m.start, m.end))
        else:
            self._fallback_names()
        self.persons.sort(key=lambda p: p.start)

    def _in_quote(self, start: int) -> bool:
        return any(a < start < b for a, b in self.quoted)

    def _person(self, start: int, end: int, role: str) -> Person:
        i = self.v.tok_at(start)
        toks = self.v.toks
        lex = self.lex
        # inside a prepositional phrase? walk back over its determiner, attributes and role nouns
        j = i - 1
        sent_start = self.v.sents[toks[i].sent][0] if i < len(toks) else 0
        while (
            j >= sent_start
            and (
                toks[j].lower in lex.det_nom
                or toks[j].lower in lex.det_obl
                or toks[j].lower in lex.det_gen
                or lex.is_adjective_like(toks[j].text)
                or (
                    toks[j].is_cap
                    and toks[j].text.replace("-", "").isalpha()
                    and toks[j].lower not in lex.prepositions
                )
            )
            and i - j <= 5
        ):
            j -= 1
        prep = j >= sent_start and toks[j].lower in lex.prepositions
        if not role:
            k = i - 1
            if k >= 0 and self.lex.noun_kind(toks[k].text) == "role":
                role = toks[k].lower
        return Person(start, end, toks[i].sent if i < len(toks) else 0, role, prep, self._in_quote(start))

    def _fallback_names(self) -> None:
        """Names without NER: a capitalized run right after a role noun ("Präsident Tokajew")."""
        toks, lex = self.v.toks, self.lex
        last_words: set[str] = set()
        n = len(toks)
        for i, t in enumerate(toks):
            if not t.is_cap or lex.noun_kind(t.text) != "role":
                continue
            j = i + 1
            while (
                j < n
                and j - i <= 3
                and toks[j].is_cap
                and toks[j].text.isalpha() is not False
                and (
                    toks[j].lower not in lex.det_nom
                    and toks[j].text not in lex.time_nouns
                    and lex.noun_kind(toks[j].text) is None
                    and not toks[j].is_punct
                )
            ):
                j += 1
            if j > i + 1 and toks[j - 1].sent == t.sent:
                self.persons.append(self._person(toks[i + 1].start, toks[j - 1].end, t.lower))
                last_words.add(toks[j - 1].text)
        self._last_words = last_words

    def add_speaker_names(self, found: list[Found]) -> None:
        """Names in speaker phrases also count as persons (fallback mode only)."""
        if self.has_mentions:
            return
        toks = self.v.toks
        seen = {(p.start, p.end) for p in self.persons}
        words = set(getattr(self, "_last_words", set()))
        for f in found:
            sp = f.speaker
            if sp is None or sp.name is None or sp.kind not in ("name", "role"):
                continue
            a, b = sp.name
            span = (toks[a].start, toks[b - 1].end)
            if span not in seen:
                role = toks[sp.head].lower if sp.kind == "role" else ""
                self.persons.append(self._person(span[0], span[1], role))
                seen.add(span)
            words.add(toks[b - 1].text)
        # later bare surnames ("Tokajew") of known names
        for t in toks:
            if (
                t.text in words
                and (t.start, t.end) not in seen
                and not any(p.start <= t.start < p.end for p in self.persons)
            ):
                self.persons.append(self._person(t.start, t.end, ""))
                seen.add((t.start, t.end))
        self.persons.sort(key=lambda p: p.start)

    # ------------------------------------------------------------------ resolution
    def ref(self, np_: NP | None, recent: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """The mention span ``np_`` refers to; ``recent`` is the speaker of a quote just before it
        (a pronoun right after a quote most often continues its speaker)."""
        if np_ is None:
            return None
        toks = self.v.toks
        a, b = toks[np_.a].start, toks[np_.b - 1].end
        if self.has_mentions:
            dep = self._dependent(np_)
            inside = [
                p for p in self.persons if a <= p.start and p.end <= b and not dep[0] <= p.start < dep[1]
            ]
            if inside:
                return (inside[-1].start, inside[-1].end)
            orgs = [o for o in self.orgs if a <= o[0] and o[1] <= b and not dep[0] <= o[0] < dep[1]]
            if orgs:
                return orgs[-1]
            if dep[1] > dep[0]:
                return (a, b)  # "der Pressedienst des Kreml": the service speaks, not the Kremlin
        comma = np_.a - 1
        if np_.kind == "pronoun" and comma > 0 and toks[comma].tag in PREPOSITION_TAGS:
            comma -= 1  # "einer Studie der Universität, nach der …": the pronoun after a preposition
        if np_.kind == "pronoun" and comma >= 0 and toks[comma].text == ",":
            rel = self.relative_antecedent(comma)
            if rel is not None:
                return rel  # "eines Hackers, der behauptet": the relative pronoun's noun
        if np_.kind == "pronoun" and toks[np_.a].lower in self.anaphors:
            return self.last_named(a)  # "so letztere": the person named last
        if np_.kind == "pronoun":
            gender = self.lex.pronoun_gender.get(toks[np_.a].lower)
            if gender in ("m", "f"):
                if recent is not None and recent[1] <= a:
                    return recent
                return self.antecedent(a)
            return None
        if np_.kind == "role" and np_.name is None and np_.definite:
            return self.by_role(a, toks[np_.head].lower) or self.antecedent(a)
        if np_.name is not None:
            x, y = np_.name
            return (toks[x].start, toks[y - 1].end)
        if np_.kind == "source":
            return (a, b)
        return None

    def _dependent(self, np_: NP) -> tuple[int, int]:
        """Characters of the dependent phrase after a source head ("des Kreml" in "der Pressedienst
        des Kreml"), up to an apposition comma; (0, 0) when there is none."""
        toks, lex = self.v.toks, self.lex
        if np_.kind != "source":
            return (0, 0)
        head = next((x for x in range(np_.a, np_.b) if toks[x].is_cap and lex.noun_kind(toks[x].text)), None)
        if head is None or lex.noun_kind(toks[head].text) != "source":
            return (0, 0)
        x = head + 1
        if x >= np_.b or not (toks[x].lower in lex.linking or toks[x].lower in lex.det_gen):
            return (0, 0)
        y = x
        while y < np_.b and toks[y].text != ",":
            y += 1
        return (toks[x].start, toks[y - 1].end)

    def relative_antecedent(self, comma: int) -> tuple[int, int] | None:
        """The person or organisation mention that ends right before a relative clause's comma."""
        toks = self.v.toks
        pos = toks[comma].start
        sent = toks[comma].sent
        near = [(p.start, p.end) for p in self.persons if p.end <= pos and p.sent == sent]
        near += [o for o in self.orgs if o[1] <= pos and toks[self.v.tok_at(o[0])].sent == sent]
        near = [m for m in near if not self.v.text[m[1] : pos].strip(" )")]  # nothing in between
        return max(near, key=lambda m: m[1]) if near else None

    def last_named(self, pos: int) -> tuple[int, int] | None:
        """The person named last before ``pos``, outside quotes, within the pronoun window."""
        sent = self.v.toks[self.v.tok_at(pos)].sent
        near = [
            p
            for p in self.persons
            if p.end <= pos and not p.in_quote and sent - p.sent < RESOLVE_PRONOUNS_BACK
        ]
        return (near[-1].start, near[-1].end) if near else None

    def antecedent(self, pos: int) -> tuple[int, int] | None:
        sent = self.v.toks[self.v.tok_at(pos)].sent
        budget = RESOLVE_PRONOUNS_BACK
        for s in range(sent, -1, -1):
            if budget <= 0:
                break
            sa, sb = self.v.sent_chars(s)
            if not any(a <= sa and sb <= b + 1 for a, b in self.quoted):
                budget -= 1
            cands = [p for p in self.persons if p.sent == s and p.end <= pos and not p.in_quote]
            if s == sent:
                cands = [p for p in cands if not p.after_prep]
            if not cands:
                continue
            good = [p for p in cands if not p.after_prep] or cands
            return (good[0].start, good[0].end)
        return None

    def by_role(self, pos: int, head: str) -> tuple[int, int] | None:
        stem = head
        for suffix in self.lex.feminine:
            if stem.endswith(suffix) and stem[: -len(suffix)].endswith(self.lex.roles):
                stem = stem[: -len(suffix)]
                break
        for p in reversed(self.persons):
            if p.end <= pos and p.role and (stem in p.role or p.role.endswith(stem)) and not p.in_quote:
                return (p.start, p.end)
        return None
