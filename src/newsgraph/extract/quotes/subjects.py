"""Who speaks: the subject of a cue verb's clause, of a clause without a cue, the quoted one of "zitieren"."""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.base import ExtractorBase
from newsgraph.extract.quotes.cues import CLAUSE_STOP
from newsgraph.extract.quotes.speaker import NP


class Subjects(ExtractorBase):
    """The speaker noun phrase next to a cue verb or before a quote."""

    def subject(self, s: int, a: int, b: int, cs: int, v: int) -> NP | None:
        toks, lex = self.toks, self.lex
        clause = range(cs, v)
        if (
            any(toks[x].lower in lex.passive for x in clause)
            and toks[v].lower not in lex.verbs.get(toks[v].lower, [])
            and self._is_participle(v)
        ):
            return None  # "Es wurde angekündigt, dass …", "Ihm wird vorgeworfen, …"
        if v > cs and toks[v - 1].lower in lex.pronoun_gender:
            return NP(v - 1, v, "pronoun", v - 1)  # verb-final clause: "in dem er verlangte"
        coord = [x for x in clause if toks[x].lower in lex.coordination and x > cs]
        if coord:
            sp = speaker.subject_before(toks, coord[-1] + 1, v, lex)
            if sp is not None:
                return sp
        sp = speaker.subject_before(toks, cs, v, lex) or (
            speaker.subject_before(toks, a, v, lex) if cs > a else None
        )
        if sp is None and cs < v and toks[cs].text in lex.prefield_adverbs:
            sp = speaker.subject_before(toks, cs + 1, v, lex)  # "Auch der Schiedsrichter kritisierte, …"
        if sp is not None and sp.b - sp.a == 1 and sp.kind != "pronoun" and sp.a == a:
            after = speaker.subject_after(toks, v, b, lex)
            if toks[a].lower in lex.anaphoric:
                sp = after  # "Dies bestätigte Stoiber"
            elif (
                not toks[a].tag
                and after is not None
                and (after.kind == "pronoun" or toks[after.a].lower in lex.det_masc_nom)
            ):
                sp = after  # "Zuletzt betonte der Staatschef": the prefield was an adverb, not a name
        if sp is not None and settings.QUOTES_OBJECT_FIRST and sp.b == v:
            sp = self._object_first(sp, v, b) or sp
        if sp is None and cs < v and toks[cs].lower in lex.det_nom and cs > a and toks[cs - 1].text == ",":
            # relative clause "Tokajew, der … als „…“ bezeichnet"
            sp = speaker.parse_np(toks, self.clause_start(a, cs - 1), cs - 1, lex)
        if sp is None and v > a and toks[v - 1].lower in lex.coordination:
            # "X sprach sich dagegen aus und sagte, …": the subject of the first clause
            j = a
            while j < v and toks[j].text in lex.prefield_adverbs:
                j += 1
            sp = speaker.parse_np(toks, j, v, lex)
        if sp is None:
            sp = speaker.subject_after(toks, v, b, lex)
        if sp is None:
            aux = next((x for x in clause if toks[x].lower in lex.auxiliaries), None)
            if aux is not None:  # "Im Vorfeld hatte das Komitee betont, dass …"
                sp = (
                    self.prefield_subject(cs, aux)
                    or (self.prefield_subject(a, aux) if settings.QUOTES_PREFIELD_PP and cs == aux else None)
                    or speaker.subject_after(toks, aux, v, lex)
                )
        if sp is None and v - 1 > cs and toks[v - 1].text == ",":
            # "Der Doktorvater zu Guttenbergs, Peter Häberle, erklärte": the name in the apposition
            k = v - 2
            while k > cs and toks[k - 1].text != ",":
                k -= 1
            np_ = speaker.parse_np(toks, k, v - 1, lex)
            if np_ is not None and np_.b == v - 1 and np_.kind in ("name", "role"):
                sp = np_
        if sp is None and cs < v:
            j = cs
            while j < v and (toks[j].text in lex.prefield_adverbs or toks[j].tag in ("ADV", "PTKNEG")):
                j += 1
            np_ = speaker.parse_np(toks, j, v, lex)  # "(Selbst) X hatte schon … kritisiert, dass"
            if np_ is not None and (np_.kind != "noun" or toks[j].lower in lex.det_nom):
                sp = np_
        return sp

    def _object_first(self, sp: NP, v: int, b: int) -> NP | None:
        """ "Die Äußerungen … bezeichnete der Abgeordnete als „…“": a fronted phrase that names no person,
        source or name is the object when a masculine nominative person phrase follows the finite verb."""
        toks, lex = self.toks, self.lex
        if sp.kind in ("pronoun", "name", "indefinite") or toks[sp.a].lower in lex.det_masc_nom:
            return None
        first = next((x for x in range(sp.a, sp.b) if speaker.is_noun(toks[x], lex)), None)
        if first is None or toks[first].tag == "NE" or lex.noun_kind(toks[first].text) is not None:
            return None  # the fronted phrase's own head names a person or a source
        after = speaker.subject_after(toks, v, b, lex)
        if (
            after is None
            or after.kind not in ("role", "name")
            or toks[after.a].lower not in lex.det_masc_nom
            or not all(speaker.skippable(toks[x], lex) for x in range(v + 1, after.a))
        ):
            return None
        return after

    def prefield_subject(self, cs: int, aux: int) -> NP | None:
        """ "Staatspräsident Mattarella hatte Conte gebeten, …": the noun phrase that fills the prefield
        before the finite auxiliary is the subject (not the object after it), unless it is oblique."""
        if not settings.QUOTES_PREFIELD_SUBJECT:
            return None
        toks, lex = self.toks, self.lex
        j = cs
        while j < aux and toks[j].text in lex.prefield_adverbs:
            j += 1
        if j >= aux or toks[j].lower in lex.det_obl or toks[j].lower in lex.prepositions:
            return None
        np_ = speaker.parse_np(toks, j, aux, lex)
        if np_ is None:
            return None
        k = np_.b
        while settings.QUOTES_PREFIELD_PP and k < aux and toks[k].lower in lex.prepositions:
            k = speaker.skip_pp(toks, k, aux, lex)  # "Ein Bezirksgericht in Virginia hat X aufgefordert"
        if settings.QUOTES_PREFIELD_PP and k < aux - 2 and toks[k].text == "," and toks[aux - 1].text == ",":
            # an apposition or relative clause: "Der Vorsitzende im Landtag, X, hatte Y gebeten"
            app = speaker.parse_np(toks, k + 1, aux - 1, lex)
            if app is not None and app.b == aux - 1 and app.kind == "name":
                return NP(np_.a, app.b, "name", app.head, app.name, np_.definite)
            return np_
        return np_ if k == aux else None

    def _is_participle(self, v: int) -> bool:
        """A speech verb form at the end of its clause (after an auxiliary) reads as a participle."""
        nxt = self.toks[v + 1].text if v + 1 < len(self.toks) else "."
        return nxt in CLAUSE_STOP

    def quoted_one(self, s: int, a: int, b: int, cs: int, v: int, subj: NP | None) -> NP | None:
        """For "zitieren": the object ("zitiert den Prediger"), or the passive subject ("X wird zitiert")."""
        toks, lex = self.toks, self.lex
        if subj is None:
            j = cs
            while j < v and toks[j].text in lex.prefield_adverbs:
                j += 1
            return speaker.parse_np(toks, j, v, lex)
        j = max(v + 1, subj.b if subj.a > v else v + 1)
        steps = 0
        while j < b and steps < 8 and toks[j].text not in CLAUSE_STOP:
            np_ = speaker.parse_np(toks, j, b, lex, oblique=True)
            if np_ is not None:
                return np_
            j += 1
            steps += 1
        return subj

    def clause_subject(self, s: int, end: int) -> NP | None:
        """The subject of the sentence part before token ``end`` (no cue verb needed).

        "X äußerte sich zufrieden:", "Ursprünglich wollte er „…“", "Nach Schäubles Idee soll „…“".
        """
        toks, lex = self.toks, self.lex
        a = self.v.sents[s][0]
        j = a
        while j < end and (toks[j].text in lex.prefield_adverbs or toks[j].is_punct):
            j += 1
        np_ = speaker.parse_np(toks, j, end, lex)
        if np_ is not None and np_.b == end and toks[end].text == ":" and np_.kind != "noun":
            return np_  # "Bundesinnenminister Schäuble: „…“"
        if (
            np_ is not None
            and np_.b < end
            and toks[np_.b].text.isalpha()
            and not toks[np_.b].is_cap
            and (j == a or np_.kind == "pronoun")
        ):
            return np_
        # inverted: a prefield, the finite verb (first lowercase word), the subject
        v = next(
            (
                x
                for x in range(a + 1, end)
                if not toks[x].is_cap
                and toks[x].text.isalpha()
                and toks[x].lower not in lex.prepositions
                and toks[x].lower not in lex.det_nom
                and toks[x].lower not in lex.det_obl
                and toks[x].lower not in lex.det_gen
                and not lex.is_adjective_like(toks[x].text)
            ),
            None,
        )
        if v is None:
            return None
        return speaker.subject_after(toks, v, end, lex)
