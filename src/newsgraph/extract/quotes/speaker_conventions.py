"""Where the quotes2024 gold puts a speaker that the position next to the cue does not show.

Applied after the rules and the learned ranker (``speaker_select.refine``), each only where it was
consistent on the training data:

- a cue that closes a relative clause has the relative pronoun for its speaker ("…, der der
  US-Regierung vorwarf, [Aktivisten frei zu lassen]" → "der");
- an indirect message without a cue of its own that holds a reported-speech marker names its source
  there ("[Einige hätten Gewehre getragen, was aber dem Zeugen zufolge üblich sei]" → "dem Zeugen",
  "[… sollen nach Ansicht von ai …]", "[…, wie er sagt, …]");
- a direct quote without a cue after such a marker in its own sentence names its source there
  ("Seiner Ansicht nach „sind wir wohl Zeugen …“" → "Seiner Ansicht");
- a reported message after a two-word relative marker has the relative pronoun for its speaker
  ("…, nach denen [Homöopathie …]" → "denen"; not the one-word "wonach", which keeps its antecedent);
- a cue without a speaker after a clause-initial "wie" has the words in between for its speaker
  ("Wie „heise online“ berichtet, […]", which the noun-phrase grammar does not parse);
- a direct quote without a cue inside a reported message, after a Konjunktiv verb of its clause, has
  the message's speaker ("[Außerdem halte die Fraktion den Schritt für „…“]": not "die Fraktion").

The words come from the data: ``speakers.toml`` (``[relative_pronouns]``, ``[relative_clause]``,
``[inner_source]``) and the marker prepositions and "wie" words of ``markers.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.base import konj_form
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import RELATIVE_TAGS
from newsgraph.extract.quotes.speaker import NP

if TYPE_CHECKING:
    from newsgraph.extract.quotes.speaker_finders import Finders as Selector

CLAUSE_END = (",", ":")
WIE_WINDOW = 6  # tokens between the subject of "wie X sagte" and its verb


def follow(sel: Selector, found: list[Found]) -> None:
    """Give the quotes of ``found`` the speaker the gold conventions ask for (in place)."""
    for f in found:
        if f.kind != "direct" and f.cue is not None:
            rel = relative_clause(sel, f.cue[0], f.cue[1])
            if rel is not None:
                f.speaker, f.speaker_chars, f.source = rel, None, None
    if settings.QUOTES_RELATIVE_MARKER:
        for f in found:
            rel = relative_marker(sel, f)
            if rel is not None:
                f.speaker, f.speaker_chars, f.source = rel, None, None
    for f in found:
        if f.speaker is None and f.speaker_chars is None and f.cue is not None:
            f.speaker = wie_clause(sel, f.cue[0]) or f.speaker
    if settings.QUOTES_PASSAGE_DIRECT:
        passage_directs(sel, found)
    if not sel.words.inner_source:
        return
    for f in found:
        inner = inner_source(sel, f) or (direct_marker(sel, f) if sel.words.direct_marker else None)
        if inner is None or speaker_inside(sel, f) and f.kind != "indirect":
            continue  # a speaker inside the message already: the message's own frame found it
        f.speaker, f.speaker_chars, f.source = inner, None, None


def passage_directs(sel: Selector, found: list[Found]) -> None:
    """ "[Außerdem halte die Fraktion den Schritt für „überfällig und dringend geboten“]": a direct quote
    without a cue inside a reported message, in a clause with a Konjunktiv verb in front of it, goes on
    with that message: the message's speaker is its speaker, not a phrase of its own clause."""
    toks = sel.toks
    hosts = [g for g in found if g.kind != "direct" and (g.speaker, g.speaker_chars) != (None, None)]
    for f in found:
        if f.kind != "direct" or f.cue is not None:
            continue
        m = sel.v.tok_at(f.start)
        if m >= len(toks):
            continue
        sa = sel.v.sents[toks[m].sent][0]
        if m - sa < 2 or not _konj_clause(sel, sa, m):
            continue
        host = next((g for g in hosts if g.start < f.start and f.end <= g.end + 1), None)
        if host is None:
            continue
        if host.speaker is not None:
            f.speaker, f.speaker_chars = host.speaker, None
        else:
            f.speaker, f.speaker_chars = None, host.speaker_chars
        f.source = host  # resolution gives it the host's entity (the host comes first, by start)


def _konj_clause(sel: Selector, a: int, b: int) -> bool:
    """Is there a finite verb in the Konjunktiv among tokens [a, b), outside quotation marks?"""
    toks = sel.toks
    inside = False
    for i in range(a, b):
        if toks[i].is_quote:
            inside = not inside
        elif not inside and konj_form(toks, i, sel.lex):
            return True
    return False


def relative_clause(sel: Selector, v: int, e: int) -> NP | None:
    """ "…, der der US-Regierung vorwarf, …": a cue (tokens ``v`` .. ``e``) at the end of a relative
    clause; its relative pronoun, right after the comma that opens the clause, is the speaker."""
    toks, words = sel.toks, sel.words
    if v < 0 or e >= len(toks) or toks[e].text not in CLAUSE_END or not words.relative_clause_span:
        return None  # the cue must close its (verb-final) clause
    lo = max(1, v - words.relative_clause_span)
    for j in range(v - 1, lo - 1, -1):
        t = toks[j]
        if t.is_punct or t.is_quote or t.sent != toks[v].sent:
            return None
        if t.lower in words.relative_pronouns and toks[j - 1].text == ",":
            if j + 1 < v and toks[j + 1].is_cap and not toks[j + 1].is_punct:
                return None  # an article: "…, die Evaluierung des Gesetzes habe ergeben"
            return NP(j, j + 1, "pronoun", j)
    return None


def relative_marker(sel: Selector, f: Found) -> NP | None:
    """ "…, nach denen [Homöopathie … ebenbürtig sei]", "…, laut dem […]": a reported quote opened by a
    relative marker of two words has its relative pronoun for its speaker, as the gold marks it (the
    one-word "wonach" keeps the phrase it hangs on)."""
    if f.kind != "reported" or f.frame != "pronominal" or f.cue is None or f.cue[1] - f.cue[0] < 2:
        return None
    toks = sel.toks
    for j in range(f.cue[0], min(f.cue[1], len(toks))):
        if toks[j].tag in RELATIVE_TAGS:
            return NP(j, j + 1, "pronoun", j)
    return None


def inner_source(sel: Selector, f: Found) -> NP | None:
    """ "[Dem Vernehmen nach soll Gerhardt …]", "[… sollen nach Ansicht von ai …]", "[… seien dem
    Zeugen zufolge …]", "[…, wie er sagt, …]": a reported-speech marker inside an indirect message
    without a cue names its source there (the first such marker wins)."""
    toks = sel.toks
    if f.kind == "direct" or f.cue is not None:
        return None  # a cue of its own names the speaker
    m = sel.v.tok_at(f.start)
    me = min(len(toks), sel.v.tok_at(max(f.start, f.end - 1)) + 1)
    return marker_source(sel, m, me)


def direct_marker(sel: Selector, f: Found) -> NP | None:
    """ "Seiner Ansicht nach „sind wir wohl Zeugen …“": a direct quote without a cue that continues a
    sentence holding a reported-speech marker before it names its source there."""
    toks = sel.toks
    if f.kind != "direct" or f.cue is not None:
        return None
    m = sel.v.tok_at(f.start)
    if m >= len(toks):
        return None
    sa = sel.v.sents[toks[m].sent][0]
    if m - sa < 2:
        return None  # the quote opens its sentence: no frame in front of it
    return marker_source(sel, sa, m)


def marker_source(sel: Selector, m: int, me: int) -> NP | None:
    """The source named by the first reported-speech marker in tokens [m, me)."""
    toks, lex = sel.toks, sel.lex
    for i in range(m, me):
        w = toks[i].lower
        entry = lex.prepositions_marker.get(w)
        if entry is None:
            if w in lex.wie_words and (i == m or toks[i - 1].text == ","):
                np_ = wie_subject(sel, i, me)
                if np_ is not None:
                    return np_
            continue
        if entry.get("position") == "after" or (
            entry.get("needs_noun") and i > m and lex.is_speech_noun(toks[i - 1].text)
        ):
            np_ = ending_at(sel, i, m)  # "dem Zeugen zufolge", "seiner Meinung nach"
        elif entry.get("position") == "before" and not entry.get("then"):
            np_ = speaker.parse_np(toks, i + 1, me, lex, oblique=True)
            if np_ is not None and entry.get("needs_noun") and not _has_speech_noun(sel, np_):
                np_ = None  # "nach Moskau"
        else:
            continue
        if np_ is not None and toks[np_.a].text not in lex.time_nouns:
            return np_
    return None


def _has_speech_noun(sel: Selector, np_: NP) -> bool:
    return any(sel.lex.is_speech_noun(sel.toks[x].text) for x in range(np_.a, min(np_.b, np_.a + 3)))


def wie_subject(sel: Selector, i: int, end: int) -> NP | None:
    """The subject of "wie X sagte" that starts at token ``i``: a speech verb must close the clause."""
    toks, lex = sel.toks, sel.lex
    np_ = speaker.parse_np(toks, i + 1, end, lex)
    if np_ is None or toks[np_.a].lower in sel.words.non_speakers:
        return None
    k = np_.b
    while k < end and k - np_.b < WIE_WINDOW and toks[k].text not in (",", ".", ";", ":"):
        k += 1
    if k - 1 > np_.b and toks[k - 1].lower in lex.verbs and (k >= end or toks[k].text == ","):
        return np_
    return None


def wie_clause(sel: Selector, v: int) -> NP | None:
    """ "Wie „heise online“ berichtet, [sperrten …]": everything between a clause-initial "wie" word and
    the cue verb ``v`` names the source, even when it is no noun phrase the grammar knows."""
    toks = sel.toks
    for w in range(v - 1, max(-1, v - 1 - WIE_WINDOW), -1):
        t = toks[w]
        if t.text in CLAUSE_END or t.sent != toks[v].sent:
            return None
        if t.lower in sel.lex.wie_words:
            start = w == sel.v.sents[t.sent][0] or toks[w - 1].text in CLAUSE_END
            if not start or v - w < 2 or not _name_like(sel, w + 1, v):
                return None
            return NP(w + 1, v, "source", v - 1)
    return None


def _name_like(sel: Selector, a: int, b: int) -> bool:
    """Tokens [a, b) look like a name: capitalised words, an article, a web address ("t-online.de"),
    anything inside quotation marks ("„heise online“")."""
    toks, lex = sel.toks, sel.lex
    quoted = False
    for t in toks[a:b]:
        if t.is_quote:
            quoted = not quoted
        elif not (quoted or t.is_cap or "." in t.text.strip(".") or t.lower in lex.det_nom | lex.det_gen):
            return False
    return True


def ending_at(sel: Selector, i: int, lo: int) -> NP | None:
    """The longest noun phrase that ends right before token ``i`` (not before ``lo``)."""
    for a in range(max(lo, i - 6), i):
        np_ = speaker.parse_np(sel.toks, a, i, sel.lex, oblique=True)
        if np_ is not None and np_.b == i:
            return np_
    return None


def speaker_inside(sel: Selector, f: Found) -> bool:
    """Does the speaker ``f`` has now stand inside its own message?"""
    if f.speaker is not None:
        return sel.inside(f.speaker, f)
    if f.speaker_chars is not None:
        return f.start <= f.speaker_chars[0] and f.speaker_chars[1] <= f.end
    return False
