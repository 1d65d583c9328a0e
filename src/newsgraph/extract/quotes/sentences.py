"""Sentence-level reported speech: a linear classifier over the sentences the rules left open.

German news reports much of what was said without a cue next to it: a speech act in a main clause
("Die Polizei bittet um Hinweise"), a Konjunktiv or hearsay-"sollen" sentence that continues a
quote ("Dabei sollen die Standorte … berücksichtigt werden"), a complement clause after a verb the
lexicon lacks. The scanners in ``extractor`` find what has a cue; this module reads each sentence
they left (nearly) uncovered, scores its units (the sentence, the clauses after a comma or colon,
the part before a comma) with a multinomial logistic regression (none | indirect | free_indirect |
reported) and keeps the best unit when the model believes it is a quote.

The weights (``lang/<lang>/quotes/sentences_model.json``) are trained by ``scripts/quotes/train.py``
on quotes2024 train only; scoring is a sum of the weight vectors of the features present and a
softmax (``linear``, numpy only). Features are strings: the words and verb lemmas of the unit and of
the clause before it, Konjunktiv and hearsay forms, speech cues from the lexicon, quotation marks,
and the quotes the rules found around it. No word is named here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import FINITE_TAGS, PREPOSITION_TAGS, RELATIVE_TAGS, main_clause_after
from newsgraph.extract.quotes.cues import clause_end
from newsgraph.extract.quotes.linear import LinearModel
from newsgraph.extract.quotes.speaker import NP

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

MODEL = "sentences_model"
NONE = "none"
VERB_TAGS = ("VVFIN", "VMFIN", "VAFIN", "VVPP", "VVINF", "VVIZU")
CONTINUATION = "free_indirect"  # the class of a sentence that goes on with an earlier speaker's words
TRIM_CUTS = (",", ":", ";")  # where trim_indicative may cut a unit
MAIN_CUTS = (":", ";")  # after these a new main clause may open (a capital, a finite verb first)
PRONOUN = "pronoun"  # the speaker kind of a personal pronoun (speaker.NP.kind)
QUESTION_MARK = "?"  # a sentence ending in it (outside quotation marks) asks, it reports nothing


# ---------------------------------------------------------------------------------- features
def coverage(ex: Extractor, s: int, direct: bool = True) -> float:
    """The share of sentence s that the quotes found so far cover (direct quotes too, when asked)."""
    return _covered(ex, s, ex.found, direct)


def coverages(ex: Extractor, direct: bool = True) -> list[float]:
    """``coverage`` of every sentence, from one pass over the quotes."""
    by_sent = ex.found_by_sentence()
    return [_covered(ex, s, by_sent.get(s, ()), direct) for s in range(len(ex.v.sents))]


def _covered(ex: Extractor, s: int, quotes: Iterable[Found], direct: bool) -> float:
    sa, sb = ex.v.sent_chars(s)
    if sb <= sa:
        return 1.0
    span = sum(
        max(0, min(sb, f.end) - max(sa, f.start))
        for f in quotes
        if f.end > sa and f.start < sb and (direct or f.kind != "direct")
    )
    return span / (sb - sa)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def sentence_unit(ex: Extractor, s: int) -> tuple[int, int, str]:
    """Sentence s as a unit, without a closing ": „…“" direct quote (that quote is its own)."""
    a, b = ex.v.sents[s]
    return a, ex.sentence_end(a, b), "sent"


def units(ex: Extractor, s: int) -> list[tuple[int, int, str]]:
    """The spans of sentence s a quote may take: the sentence, the clause after each comma or colon
    (to the end of the message, and to the next comma), and the sentence up to each comma."""
    toks = ex.toks
    a, b, _ = whole = sentence_unit(ex, s)
    out = [whole]
    seen = {(a, b)}
    for e in range(a + 1, b - 2):
        if e in ex.masked or toks[e].text not in (",", ":"):
            continue
        n = e + 1
        for end, name in (
            (ex.message_end(n, b), "tail"),
            (clause_end(toks, n + 1, b, ex.masked), "clause"),
        ):
            if end - n >= 2 and (n, end) not in seen:
                seen.add((n, end))
                out.append((n, end, name if toks[e].text == "," else "colon_" + name))
        if toks[e].text == "," and e - a >= 3 and (a, e) not in seen:  # "Die Lage sei ernst, sagte X"
            seen.add((a, e))
            out.append((a, e, "head"))
    return out


def features(
    ex: Extractor, s: int, last: dict[int, Found | None], unit: tuple[int, int, str], cov: float | None = None
) -> list[str]:
    """The feature strings of a unit of sentence s; ``last[s]`` is the closest quote before s (or None);
    ``cov``: ``coverage(ex, s)`` when the caller has it."""
    toks, lex = ex.toks, ex.lex
    sa, sb = ex.v.sents[s]
    a, b, name = unit
    out = ["bias", "unit=" + name]
    words = [t for t in toks[a:b] if t.text.isalpha()]
    if a < b:
        out.append("first=" + toks[a].lower)
        out.append(f"first={toks[a].lower}&unit={name}")
        if a + 1 < b:
            out.append("first2=" + toks[a].lower + "_" + toks[a + 1].lower)
    for t in words:
        out.append("w=" + t.lower)
        if t.tag.startswith("V") and t.lemma:
            out.append("vl=" + t.lemma.lower())
            out.append(f"vl={t.lemma.lower()}&unit={name}")
    if a > sa:  # the clause before the unit: the cue's side
        left = [t for t in toks[sa:a] if t.text.isalpha()]
        for t in left:
            out.append("lw=" + t.lower)
            if t.tag.startswith("V") and t.lemma:
                out.append("lvl=" + t.lemma.lower())
        first = toks[a].lower
        for t in left:
            if t.tag.startswith("V") and t.lemma:
                out.append(f"lvl={t.lemma.lower()}&unit={name}")
        if left:
            out.append("llast=" + left[-1].lower)
            out.append(f"llast={left[-1].lower}&first={first}")
        for i in range(sa, a):
            if toks[i].lower in lex.verbs and i not in ex.masked:
                sense = lex.verbs[toks[i].lower][0].name
                out += ["lcue=" + sense, f"lcue={sense}&unit={name}", f"lcue&first={first}"]
        out.append("share=" + _bucket(int(10 * (b - a) / max(1, sb - sa)), (2, 4, 6, 8)))
    if b - 2 >= a and toks[b - 2].lower in lex.infinitive and not toks[b - 1].is_cap:
        out += ["zu_infinitive", f"zu_infinitive&unit={name}"]
    out.extend("tag=" + t.tag for t in toks[a:b] if t.tag in VERB_TAGS)
    konj1 = sum(1 for i in range(a, b) if ex.is_konj(i) and toks[i].lower not in lex.konj2)
    konj2 = sum(1 for i in range(a, b) if toks[i].lower in lex.konj2 and i not in ex.masked)
    hearsay = sum(1 for i in range(a, b) if toks[i].lower in lex.reportative and not toks[i].is_cap)
    perfect = hearsay and any(toks[x].lower in lex.reportative_perfect for x in range(a, b))
    cues = [i for i in range(a, b) if toks[i].lower in lex.verbs and i not in ex.masked]
    nouns = sum(1 for i in range(a, b) if toks[i].is_cap and lex.is_speech_noun(toks[i].text))
    out += [f"konj1={min(konj1, 2)}", f"konj2={min(konj2, 2)}", f"hearsay={min(hearsay, 2)}"]
    out += [f"konj1={min(konj1, 2)}&unit={name}"]
    if perfect:
        out.append("hearsay_perfect")
    out.append(f"cues={min(len(cues), 2)}")
    out.extend("cue=" + lex.verbs[toks[i].lower][0].name for i in cues)
    if nouns:
        out.append("speech_noun")
    if any(toks[i].lower in lex.prepositions_marker for i in range(a, b)):
        out.append("marker")
    marks = sum(1 for i in range(a, b) if i in ex.masked)
    if marks:
        out.append("quoted=" + ("most" if marks > 0.5 * (b - a) else "part"))
    if any(toks[i].text == ":" for i in range(a, b)):
        out.append("colon")
    if cov is None:
        cov = coverage(ex, s)
    out.append("covered=" + ("0" if cov == 0 else "part"))
    out.append("len=" + _bucket(len(words), (3, 6, 12, 20, 30)))
    out.append("pos=" + _bucket(s, (0, 1, 3, 8)))
    prev = last.get(s)
    if prev is None:
        out.append("dist=none")
    else:
        d = s - prev.sent if prev.last_sent < 0 else s - prev.last_sent
        dist = _bucket(max(0, d), (1, 2, 4))
        out += ["dist=" + dist, "prev_kind=" + prev.kind, f"prev_kind={prev.kind}&dist={dist}"]
        if konj1:
            out.append("konj1&dist=" + dist)
        if hearsay:
            out.append("hearsay&dist=" + dist)
        if konj2:
            out.append("konj2&dist=" + dist)
    # the sentence before: did it carry a speech verb with its subject, a Konjunktiv, a quote?
    if s > 0:
        pa, pb = ex.v.sents[s - 1]
        if any(sp is not None for _c, sp in ex.sent_cues.get(s - 1, [])):
            out.append("prev_cue")
        if ex.has_konj1(pa, pb):
            out.append("prev_konj1")
        if any(toks[i].text == ":" for i in range(max(pa, pb - 2), pb)):
            out.append("prev_colon")
    for i in range(sa, sb):
        if toks[i].tag in FINITE_TAGS:
            out.append("vfin=" + toks[i].lower)
            out.append("vfin_pos=" + _bucket(i - sa, (1, 2, 4)))
            break
    return out


def last_quotes(ex: Extractor) -> dict[int, Found | None]:
    """For each sentence, the quote found closest before it (it may end inside the sentence before)."""
    by_sent: dict[int, Found] = {}
    for f in ex.found:
        end_sent = ex.v.end_sent(f.start, f.end)
        cur = by_sent.get(end_sent)
        if cur is None or f.end > cur.end:
            by_sent[end_sent] = f
    out: dict[int, Found | None] = {}
    cur_f: Found | None = None
    for s in range(len(ex.v.sents)):
        out[s] = cur_f
        if s in by_sent:
            cur_f = by_sent[s]
    return out


def open_sentences(ex: Extractor) -> list[int]:
    """Sentences the rules left (nearly) uncovered: the classifier's candidates."""
    limit = settings.QUOTES_SENTENCE_OPEN
    cov = coverages(ex, direct=False)
    return [s for s in range(len(ex.v.sents)) if ex.v.sents[s][1] > ex.v.sents[s][0] and cov[s] <= limit]


def chain(ex: Extractor, last: dict[int, Found | None], q: Found) -> None:
    """Sequence decoding: the sentences after q read it as the quote before them (until a quote the
    rules found later takes over)."""
    for t in range(q.sent + 1, len(ex.v.sents)):
        cur = last.get(t)
        if cur is not None and cur.end > q.end:
            break
        last[t] = q


def classify(ex: Extractor, model: LinearModel) -> list[Found]:
    """Quotes for the open sentences of ``ex`` that the model accepts: per sentence, the unit it
    believes most (the speaker from the context)."""
    last = last_quotes(ex)
    out: list[Found] = []
    none = model.classes.index(NONE)
    cov = coverages(ex)
    spans = rule_spans(ex)
    for s in open_sentences(ex):
        best: tuple[float, tuple[int, int, str], int] | None = None
        taken = spans.get(s)
        for unit in units(ex, s):
            if taken and overlaps(ex, unit, taken):
                continue  # a quote the rules found in this sentence stays the only one there
            p = model.proba(features(ex, s, last, unit, cov[s]))
            score = 1.0 - float(p[none])
            if best is None or score > best[0]:
                p[none] = -1.0
                best = (score, unit, int(p.argmax()))
        if best is None or best[0] < keep_threshold(ex, model, best[1]):
            continue
        unit = best[1]
        if model.classes[best[2]] == CONTINUATION and settings.QUOTES_FREE_WHOLE:
            unit = whole_sentence(ex, s, unit)
        if settings.QUOTES_PREFIELD_WIDEN:
            unit = with_prefield(ex, s, unit)
        a, b, _name = unit
        if settings.QUOTES_TRIM_INDICATIVE:
            a, b = trim_indicative(ex, a, b)
        b = main_clause_after(ex, a, b)  # "Sie wisse, …, hatte X gesagt": the unit ends before the cue
        if best[0] < settings.QUOTES_VETO_BELOW and vetoed(ex, a, b):
            continue
        if settings.QUOTES_VETO_QUESTION and is_question(ex, s):
            continue
        ms, me = ex.chars(a, b)
        if len(ex.v.text[ms:me].split()) < settings.QUOTES_MIN_MESSAGE_WORDS:
            continue
        kind, prev = model.classes[best[2]], last.get(s)
        inner = next((f for f in ex.found if f.kind == "direct" and ms <= f.start and f.end <= me + 1), None)
        if inner is not None and (inner.speaker is not None or inner.speaker_chars is not None):
            # the frame of a partial direct quote ("Die Lage sei „…“, so X"): indirect, X's words
            kind, prev = "indirect", inner
        q = sentence_quote(ex, s, kind, ms, me, prev, None if inner is not None and prev is inner else unit)
        if (
            best[0] < settings.QUOTES_VETO_PRONOUN_BELOW
            and kind == CONTINUATION
            and talked_about(ex, q, a, b)
        ):
            continue
        if inner is not None and prev is inner:
            q.cue, q.cue_text = inner.cue, inner.cue_text
        out.append(q)
        if settings.QUOTES_SENTENCE_CHAIN:
            chain(ex, last, q)
    return out


def keep_threshold(ex: Extractor, model: LinearModel, unit: tuple[int, int, str]) -> float:
    """The score from which the best unit of a sentence is kept: the model's threshold (or
    settings.QUOTES_SENTENCE_THRESHOLD), lower (settings.QUOTES_SENTENCE_KONJ_THRESHOLD) for a unit with a
    Konjunktiv I verb. Out of fold on train (the classifier refitted per fifth), the units with a
    Konjunktiv I that scored from 0.2 to the model's 0.3 were quotes 4 times in 5 (+20 quotes, +25
    predictions); a lower threshold for every unit, or for free indirect units, cost speaker F1."""
    base = model.cut(settings.QUOTES_SENTENCE_THRESHOLD)
    konj = settings.QUOTES_SENTENCE_KONJ_THRESHOLD
    if konj is None or konj >= base:
        return base
    a, b, _name = unit
    return konj if ex.has_konj1(a, b) else base


def vetoed(ex: Extractor, a: int, b: int) -> bool:
    """Is the unit [a, b) a kind the classifier often takes for reported speech without being it: a
    relative clause with no Konjunktiv I verb ("…, die jetzt durch X ergänzt werden könnte"), a
    conditional in the Konjunktiv II only, opened by its finite verb ("Sollte X …, könnte Y …"), or a
    unit with a first-person pronoun outside quotation marks (an interview answer: "habe ich" is no
    Konjunktiv)?"""
    toks, lex = ex.toks, ex.lex
    if b - a < 2:
        return False
    if settings.QUOTES_VETO_FIRST_PERSON and any(
        toks[i].lower in lex.first_person and i not in ex.masked for i in range(a, b)
    ):
        return True
    if ex.has_konj1(a, b):
        return False
    if settings.QUOTES_VETO_RELATIVE:
        first = a + 1 if toks[a].tag in PREPOSITION_TAGS else a
        if toks[first].tag in RELATIVE_TAGS:
            return True
    if settings.QUOTES_VETO_CONDITIONAL and toks[a].tag in FINITE_TAGS:
        hearsay = any(ex.is_konj(i, reportative=True) and not ex.is_konj(i) for i in range(a, b))
        konj2 = any(ex.is_konj(i) for i in range(a, b))
        comma = any(toks[i].text == "," and i not in ex.masked for i in range(a + 1, b))
        if konj2 and not hearsay and comma:
            return True
    return False


def talked_about(ex: Extractor, q: Found, a: int, b: int) -> bool:
    """Is the speaker of the continuation ``q`` only the pronoun subject of its own sentence, with no
    Konjunktiv I verb in [a, b) ("Er soll ein Video der Tat hochgeladen haben")? With hearsay "soll" the
    subject is the one talked about, not the one who speaks: no quote of anyone's before it speaks here."""
    if q.source is not None or q.speaker is None or q.speaker.kind != PRONOUN:
        return False
    return not ex.has_konj1(a, b)


def is_question(ex: Extractor, s: int) -> bool:
    """Does sentence s end with a question mark outside quotation marks (an interviewer's or the author's
    question: "Für wie wahrscheinlich halten Sie es, dass …?")?"""
    a, b = ex.v.sents[s]
    last = b - 1
    return last >= a and ex.toks[last].text == QUESTION_MARK and last not in ex.masked


def rule_spans(ex: Extractor) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the character spans of the non-direct quotes the rules found in it (when asked)."""
    if not settings.QUOTES_SENTENCE_DISJOINT:
        return {}
    return {
        s: [(f.start, f.end) for f in fs if f.kind != "direct"] for s, fs in ex.found_by_sentence().items()
    }


def overlaps(ex: Extractor, unit: tuple[int, int, str], spans: list[tuple[int, int]]) -> bool:
    ua, ub = ex.toks[unit[0]].start, ex.toks[unit[1] - 1].end
    return any(a < ub and ua < b for a, b in spans)


def whole_sentence(ex: Extractor, s: int, unit: tuple[int, int, str]) -> tuple[int, int, str]:
    """A free indirect continuation is a whole sentence: a clause unit whose sentence has a Konjunktiv I
    (or hearsay) verb before it widens to the sentence ("Vielmehr handele es sich um X, wenngleich …
    bekannt seien")."""
    a = ex.v.sents[s][0]
    if unit[2] == "sent" or unit[0] <= a:
        return unit
    toks, lex = ex.toks, ex.lex
    if any(ex.is_konj(i, reportative=True) and toks[i].lower not in lex.konj2 for i in range(a, unit[0])):
        return sentence_unit(ex, s)
    return unit


def with_prefield(ex: Extractor, s: int, unit: tuple[int, int, str]) -> tuple[int, int, str]:
    """A clause unit that opens with its finite Konjunktiv verb has the clause before it as its prefield
    ("Nachdem er sie verfolgt hat, habe er versucht, …"): the unit widens to the sentence."""
    if unit[2] == "sent" or ex.toks[unit[0]].tag not in FINITE_TAGS or not ex.is_konj(unit[0]):
        return unit
    return sentence_unit(ex, s)


def trim_indicative(ex: Extractor, a: int, b: int) -> tuple[int, int]:
    """Tokens [a, b) without the comma clauses before the reported part that are in the indicative
    ("Die Befehlshaber halten X für unwahrscheinlich, da die Armee nicht gewachsen sei": the message is
    the Konjunktiv clause). Trailing indicative clauses stay (relative clauses mostly: trimming them
    cost F1 on train, out of fold)."""
    toks = ex.toks
    cuts = [e for e in range(a + 1, b - 1) if toks[e].text in TRIM_CUTS and e not in ex.masked]
    if not cuts:
        return a, b
    bounds = [a, *cuts, b]
    segs = [(bounds[0], bounds[1])] + [(bounds[k] + 1, bounds[k + 1]) for k in range(1, len(bounds) - 1)]

    def mood(x: int, y: int) -> str:
        if any(ex.is_konj(i, reportative=True) for i in range(x, y)):
            return "konj"
        if any(toks[i].tag in FINITE_TAGS and i not in ex.masked for i in range(x, y)):
            return "ind"
        return "other"

    moods = [mood(x, y) for x, y in segs]
    if "konj" not in moods:
        return a, b
    i = 0
    while i < len(segs) and moods[i] == "ind":
        i += 1
    if i == 0 or i >= len(segs):
        return a, b
    first = toks[segs[i][0]]
    new_main = toks[segs[i][0] - 1].text in MAIN_CUTS  # "X bezweifelte die Eignung: Er habe …"
    if not new_main and (first.is_cap or first.tag in FINITE_TAGS or ex.is_konj(first.i, reportative=True)):
        return a, b  # "Was sie wollten, sei …": the clause before is the prefield, not a frame
    return segs[i][0], b


def sentence_quote(
    ex: Extractor,
    s: int,
    kind: str,
    ms: int,
    me: int,
    prev: Found | None,
    unit: tuple[int, int, str] | None = None,
) -> Found:
    """A classified unit as a candidate. Its speaker: the subject of the clause before it (a clause
    after a comma: "X spekuliert, …"), the subject of the sentence (a speech act), else the speaker
    of the quote before it (a Konjunktiv or hearsay continuation)."""
    a, b = ex.v.sents[s]
    toks = ex.toks
    own: NP | None = None
    if unit is not None and unit[2] != "sent" and unit[0] - 1 > a:
        own = ex.clause_subject(s, unit[0] - 1)
    elif unit is not None and kind == "reported" and b - 1 > a:
        own = ex.clause_subject(s, b - 1)  # a speech act: its subject
    if own is not None:
        return Found(kind, ms, me, s, own, None, None, frame="sentence")
    if prev is not None and (prev.speaker is not None or prev.speaker_chars is not None):
        d = s - (prev.last_sent if prev.last_sent >= 0 else ex.v.end_sent(prev.start, prev.end))
        if d <= settings.QUOTES_SENTENCE_CONTEXT:
            return Found.continuing(kind, ms, me, s, prev, prev.inherited_speaker(toks), "sentence")
    sp = ex.clause_subject(s, b - 1) if b - 1 > a else None
    return Found(kind, ms, me, s, sp, None, None, frame="sentence")
