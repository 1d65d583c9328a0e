"""Message boundaries: where a clause or a reported message starts and ends, within one sentence."""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import clauses
from newsgraph.extract.quotes.base import ExtractorBase
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import FINITE_TAGS, RELATIVE_TAGS, SUBORDINATOR_TAGS
from newsgraph.extract.quotes.cues import clause_end


class Bounds(ExtractorBase):
    """Clause and message starts and ends (commas, colons, a following direct quote, dependent clauses)."""

    def clause_start(self, a: int, v: int) -> int:
        j = v - 1
        while j >= a:
            if j not in self.masked and self.toks[j].text in (",", ":", ";"):
                return j + 1
            j -= 1
        return a

    def message_start(self, a: int, end: int) -> int:
        """Where a preposed message begins: the sentence start, or after a colon."""
        j = end - 1
        while j > a:
            if j not in self.masked and self.toks[j].text == ":":
                return j + 1
            j -= 1
        return a

    def message_end(self, n: int, b: int) -> int:
        """Where a reported message that starts at token n ends: the sentence end, a semicolon,
        ", doch …" (a new main clause), or ", <finite verb>" (the main clause after a preposed one)."""
        toks, lex = self.toks, self.lex
        for x in range(n + 1, b - 1):
            if x in self.masked:
                continue
            if toks[x].text == ";" or self.colon_quote(x, b):
                return x
            if (
                settings.QUOTES_COORDINATED_BREAK
                and toks[x].lower in lex.coordination
                and toks[x + 1].tag in FINITE_TAGS
                and x + 1 not in self.masked
                and not self.is_konj(x + 1)
            ):
                return x  # "…, Europa brauche die Engländer und fügte hinzu": the speaker acts on
            if toks[x].text == "," and x + 1 < b:
                nxt = toks[x + 1]
                if nxt.lower in lex.message_breaks and not clauses.reported_on(self, x + 1, b):
                    return x
                if nxt.tag in FINITE_TAGS and not self.is_konj(x + 1):
                    return x
        return b

    def colon_quote(self, x: int, b: int) -> bool:
        """Is token x a colon that opens a direct quote running to the end of the sentence [.., b)?
        ("…, die Lage sei ernst: „…“": the indirect message ends at the colon, the quote is its own.)"""
        if not settings.QUOTES_COLON_QUOTE or self.toks[x].text != ":" or x in self.masked:
            return False
        k = self.dq_starting_at(x + 1)
        if k is None:
            return False
        qb = self.dq[k][1]
        return qb >= b - 1 or all(self.toks[y].is_punct for y in range(qb, b))

    def sentence_end(self, a: int, b: int) -> int:
        """The end of sentence [a, b) without a closing ": „…“" direct quote."""
        for x in range(a + 1, b - 1):
            if self.colon_quote(x, b):
                return x
        return b

    def dependents_end(self, e: int, b: int) -> int:
        """The clause ending at token e (a comma) with the relative and subordinate clauses that hang
        on it ("…, die Maut zu erheben, der die Grenze passiert", "…, zu öffnen, damit …")."""
        if not settings.QUOTES_ZU_DEPENDENTS:
            return e
        toks = self.toks
        while (
            e < b - 1
            and toks[e].text == ","
            and toks[e + 1].lower not in self.lex.subordinators  # "dass", "ob": the verb's own complement
            and self.subordinate_at(e + 1, e)
        ):
            e = clause_end(toks, e + 2, b, self.masked)
        return e

    def subordinate_at(self, ca: int, a: int) -> bool:
        """Does a verb-final clause open at token ca, after a comma: a relative pronoun (after its
        preposition: "in dem", "unter denen") or a subordinator?"""
        toks, lex = self.toks, self.lex
        if ca <= a or toks[ca - 1].text != ",":
            return False
        j = ca + 1 if toks[ca].lower in lex.prepositions and ca + 1 < len(toks) else ca
        return (
            toks[j].tag in RELATIVE_TAGS
            or toks[ca].lower in lex.subordinators
            or toks[ca].tag in SUBORDINATOR_TAGS
        )

    def nested_report(self, f: Found, g: Found) -> bool:
        """May candidate f stay beside the candidate g it overlaps? Yes when f is the message of a marker and
        lies inside g, after its start ("…, sich an der Mission zu beteiligen, weil die Truppe nach Angaben
        der UN überfordert ist"; "Laut X wurde … unter Berufung auf Y …": ``settings.QUOTES_NESTED_MARKER``),
        or holds g after its own start ("Laut X hat Y angekündigt, keine Hilfe mehr leisten zu wollen": X
        relays Y's words, ``settings.QUOTES_OUTER_MARKER``). The gold keeps both, one quote per source.
        Train in-sample (tp, pred) (2407, 2781) -> nested (2415, 2793) -> outer (2420, 2802); out of fold
        (2267, 2621) -> (2275, 2633) -> (2280, 2638); dev (501, 603) -> (501, 603) -> (503, 605). Nested
        only after a comma inside g: train (2411, 2786), out of fold (2271, 2626)."""
        if f.frame != "marker":
            return False
        if settings.QUOTES_NESTED_MARKER and g.start < f.start and f.end <= g.end:
            return True
        return (
            settings.QUOTES_OUTER_MARKER
            and f.start < g.start
            and g.end <= f.end
            and not (settings.QUOTES_OUTER_NOT_CITING and self.citing(f))
        )

    def citing(self, f: Found) -> bool:
        """Is f a marker whose source is cited by the speaker of the message around it ("Unter Berufung auf
        X teilte die WHO mit, …": the WHO's words, ``settings.QUOTES_OUTER_NOT_CITING``)?"""
        sp = f.speaker
        return sp is not None and any(self.toks[x].lower in self.lex.marker_then for x in range(sp.a, sp.b))
