"""Where the quotes2024 gold puts a speaker that the position next to the cue does not show.

Applied after the rules and the learned ranker (``speaker_select.refine``), each only where it was
consistent on the training data:

- a cue that closes a relative clause has the relative pronoun for its speaker ("…, der der
  US-Regierung vorwarf, [Aktivisten frei zu lassen]" → "der"), also for a direct quote inside the clause
  ("…, der den Wahlsieg als [„Fest“] bezeichnete, …"; ``settings.QUOTES_DIRECT_RELATIVE``);
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
  the message's speaker ("[Außerdem halte die Fraktion den Schritt für „…“]": not "die Fraktion");
- a free indirect sentence that opens with a person, organisation or role subject and an indicative
  finite verb is that subject's ("[Die Staatsanwaltschaft hegt den Verdacht, Ertel könnte …]"), not a
  continuation of the quote before (``settings.QUOTES_FREE_OWN_SUBJECT``);
- a direct quote without a cue after a document in a prepositional phrase of its own sentence is the
  document's ("In einem internen Schreiben war von einem [„…“] die Rede"), unless its speaker names a
  person or body (``settings.QUOTES_DIRECT_DOCUMENT``);
- a passive naming act without its agent ("[Als Termin wurde der 22. Oktober genannt]") takes the best
  speaker phrase, not a pronoun, of the sentences before it ("Der Softwarehersteller Microsoft hat …";
  ``settings.QUOTES_AGENTLESS_CONTEXT``).

The words come from the data: ``speakers.toml`` (``[relative_pronouns]``, ``[relative_clause]``,
``[inner_source]``) and the marker prepositions and "wie" words of ``markers.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.base import konj_form
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import FINITE_TAGS, RELATIVE_TAGS
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_scoring import SURE

if TYPE_CHECKING:
    from newsgraph.extract.quotes.speaker_finders import Finders as Selector

CLAUSE_END = (",", ":")
WIE_WINDOW = 6  # tokens between the subject of "wie X sagte" and its verb
MODAL_FINITE = "VMFIN"  # "Soleimani sollte …": a modal (hearsay "sollte") does not make the subject speak
OWN_SUBJECT_TYPES = ("PER", "ORG")  # mention types whose subject phrase speaks its own sentence
OWN_SUBJECT_KINDS = ("role", "source")  # phrase kinds that do so without a mention
NAMED_KINDS = ("role", "name")  # phrase kinds that name a person or body (a document does not replace them)
AGENTLESS_FRAME = "act_passive"  # speech_acts.PASSIVE_FRAME: the frame of a passive naming act


def follow(sel: Selector, found: list[Found]) -> None:
    """Give the quotes of ``found`` the speaker the gold conventions ask for (in place)."""
    for f in found:
        if f.cue is None:
            continue
        if f.kind != "direct":
            rel = relative_clause(sel, f.cue[0], f.cue[1])
        else:
            rel = direct_relative(sel, f) if settings.QUOTES_DIRECT_RELATIVE else None
        if rel is not None:
            replace(sel, found, f, rel)
    if settings.QUOTES_RELATIVE_MARKER:
        for f in found:
            rel = relative_marker(sel, f)
            if rel is not None:
                replace(sel, found, f, rel)
    for f in found:
        if f.speaker is None and f.speaker_chars is None and f.cue is not None:
            f.speaker = wie_clause(sel, f.cue[0]) or f.speaker
    if settings.QUOTES_PASSAGE_DIRECT:
        passage_directs(sel, found)
    if settings.QUOTES_DIRECT_DOCUMENT and sel.words.document_prepositions:
        document_sources(sel, found)
    if settings.QUOTES_FREE_OWN_SUBJECT:
        own_subjects(sel, found)
    if settings.QUOTES_AGENTLESS_CONTEXT:
        agentless_context(sel, found)
    if not sel.words.inner_source:
        return
    for f in found:
        inner = inner_source(sel, f) or (direct_marker(sel, f) if sel.words.direct_marker else None)
        if inner is None or speaker_inside(sel, f) and f.kind != "indirect":
            continue  # a speaker inside the message already: the message's own frame found it
        replace(sel, found, f, inner)


def replace(sel: Selector, found: list[Found], f: Found, np_: NP) -> None:
    """Make ``np_`` the speaker of ``f``; the sentences that still copy the speaker ``f`` had (its
    continuations, ``g.source is f``) copy the new one (``settings.QUOTES_FOLLOW_NEW_SOURCE``):
    "Bomben zerstörten ein Büro, [das nach israelischen Angaben … diene]. [Außerdem sollen …]" → the
    second sentence is the "Angaben"'s too, not the subject "Bomben" the first had before."""
    old = phrase_of(sel, f)
    f.speaker, f.speaker_chars, f.source = np_, None, None
    if not settings.QUOTES_FOLLOW_NEW_SOURCE or old is None:
        return
    toks = sel.toks
    was = (toks[old.a].start, toks[old.b - 1].end)
    now = (toks[np_.a].start, toks[np_.b - 1].end)
    heads = [f]
    while heads:
        h = heads.pop()
        for g in found:
            if g.source is h and g.speaker is None and g.speaker_chars == was:
                g.speaker_chars = now
                heads.append(g)


def cueless_directs(sel: Selector, found: list[Found]) -> Iterator[tuple[Found, int]]:
    """The direct quotes of ``found`` that have no cue, each with its first token."""
    for f in found:
        if f.kind != "direct" or f.cue is not None:
            continue
        m = sel.v.tok_at(f.start)
        if m < len(sel.toks):
            yield f, m


def passage_directs(sel: Selector, found: list[Found]) -> None:
    """ "[Außerdem halte die Fraktion den Schritt für „überfällig und dringend geboten“]": a direct quote
    without a cue inside a reported message, in a clause with a Konjunktiv verb in front of it, goes on
    with that message: the message's speaker is its speaker, not a phrase of its own clause."""
    toks = sel.toks
    hosts = [g for g in found if g.kind != "direct" and (g.speaker, g.speaker_chars) != (None, None)]
    for f, m in cueless_directs(sel, found):
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


def direct_relative(sel: Selector, f: Found) -> NP | None:
    """ "Der Führer Irans, der den Wahlsieg als [„Fest“] bezeichnete, ordnete …": a direct quote inside a
    relative clause that its cue closes has the relative pronoun for its speaker, as an indirect one."""
    if f.cue is None:
        return None
    m = sel.v.tok_at(f.start)
    me = sel.v.last_tok(f.start, f.end) + 1
    if me > f.cue[0]:
        return None  # the cue must follow the quote inside the clause
    toks = sel.toks
    while m > 0 and toks[m - 1].is_quote:
        m -= 1  # the quotation marks go with the quote
    while me < f.cue[0] and toks[me].is_quote:
        me += 1
    return relative_clause(sel, f.cue[0], f.cue[1], skip=(m, me))


def relative_clause(sel: Selector, v: int, e: int, skip: tuple[int, int] = (-1, -1)) -> NP | None:
    """ "…, der der US-Regierung vorwarf, …": a cue (tokens ``v`` .. ``e``) at the end of a relative
    clause; its relative pronoun, right after the comma that opens the clause, is the speaker. Tokens in
    ``skip`` (a quoted phrase with its marks) are passed over and do not count towards the span."""
    toks, words = sel.toks, sel.words
    if v < 0 or e >= len(toks) or toks[e].text not in CLAUSE_END or not words.relative_clause_span:
        return None  # the cue must close its (verb-final) clause
    lo = max(1, v - words.relative_clause_span - max(0, skip[1] - skip[0]))
    for j in range(v - 1, lo - 1, -1):
        if skip[0] <= j < skip[1]:
            continue
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
    me = min(len(toks), sel.v.last_tok(f.start, f.end) + 1)
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


def own_subjects(sel: Selector, found: list[Found]) -> None:
    """ "[Die Staatsanwaltschaft hegt den Verdacht, Ertel könnte …]": a free indirect sentence (no cue)
    that opens with a person, organisation or role subject right before an indicative, non-modal finite
    verb reports what that subject holds; it does not continue the speaker of the quote before."""
    toks = sel.toks
    for f in found:
        if f.kind != "free_indirect" or f.cue is not None:
            continue
        m = sel.v.tok_at(f.start)
        me = min(len(toks), sel.v.last_tok(f.start, f.end) + 1)
        if m >= len(toks) or sel.v.sents[toks[m].sent][0] != m:
            continue  # the message must open its sentence
        np_ = speaker.parse_np(toks, m, me, sel.lex)
        if np_ is None or np_.b >= me:
            continue
        v = np_.b
        if toks[v].tag not in FINITE_TAGS or toks[v].tag == MODAL_FINITE or konj_form(toks, v, sel.lex, True):
            continue  # "Deutschland wolle …", "X sollte …": reported, the subject is what is reported on
        if np_.kind not in OWN_SUBJECT_KINDS and sel.mention_at.get(np_.head) not in OWN_SUBJECT_TYPES:
            continue
        if sel.level(np_) != SURE and not sel.has_mention(np_):
            continue
        span = (toks[np_.a].start, toks[np_.b - 1].end)
        f.speaker, f.speaker_chars, f.source = np_, None, None
        for g in found:  # the sentences that continue it follow it
            if g.source is f and g.speaker is None:
                g.speaker_chars = span


def agentless_context(sel: Selector, found: list[Found]) -> None:
    """ "Der Softwarehersteller Microsoft hat … [Als Termin wurde der 22. Oktober genannt]": a passive
    naming act without its agent (no speaker after the rules and the ranker) takes the best speaker
    phrase of the sentences before it (``lookback_sentences``), a pronoun excepted."""
    toks = sel.toks
    quoted = sel.message_tokens(found)  # no speaker inside another quote's message
    for f in found:
        if f.frame != AGENTLESS_FRAME or f.speaker is not None or f.speaker_chars is not None:
            continue
        m = sel.v.tok_at(f.start)
        if m >= len(toks):
            continue
        s0 = toks[m].sent
        for s in range(s0 - 1, max(-1, s0 - 1 - sel.words.lookback_sentences), -1):
            sa, sb = sel.v.sents[s]
            cands = [c for c in sel.candidates(sa, sb, quoted, sa) if c.np.kind != "pronoun"]
            best = max(cands, key=lambda c: c.score, default=None)
            if best is not None and best.score >= sel.words.min_score:
                f.speaker = best.np
                break


def document_sources(sel: Selector, found: list[Found]) -> None:
    """ "In einem internen Schreiben an die Mitarbeiter war von einem [„…“] die Rede": a direct quote
    without a cue whose sentence names a document in a prepositional phrase before it is that document's,
    unless the speaker it has names a person or a body (a mention, a role or a name)."""
    toks, words = sel.toks, sel.words
    for f, m in cueless_directs(sel, found):
        for i in range(sel.v.sents[toks[m].sent][0], m - 1):
            if toks[i].lower not in words.document_prepositions:
                continue
            np_ = speaker.parse_np(toks, i + 1, m, sel.lex, oblique=True)
            if np_ is None:
                continue
            caps = [x for x in range(np_.a, np_.b) if toks[x].is_cap][:2]
            if not any(toks[x].lower.endswith(words.document_nouns) for x in caps):
                continue
            cur = phrase_of(sel, f)
            if cur is None or not (sel.has_mention(cur) or cur.kind in NAMED_KINDS):
                f.speaker, f.speaker_chars, f.source = np_, None, None
            break


def phrase_of(sel: Selector, f: Found) -> NP | None:
    """The speaker phrase of ``f``: its own, else the phrase under the characters it copied."""
    if f.speaker is not None:
        return f.speaker
    if f.speaker_chars is None:
        return None
    a = sel.v.tok_at(f.speaker_chars[0])
    b = min(len(sel.toks), sel.v.last_tok(f.speaker_chars[0], f.speaker_chars[1]) + 1)
    if a >= b:
        return None
    np_ = speaker.parse_np(sel.toks, a, b, sel.lex, oblique=True)
    return np_ if np_ is not None and np_.b == b else NP(a, b, "noun", b - 1)
