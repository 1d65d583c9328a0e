"""Score the main job end to end against the project's own example corpus (``examples/gold.toml``).

``run(path)`` ingests ``path/articles`` into a temporary SQLite file, analyzes and resolves it with the
real workflow, builds the export (``newsgraph.store.contract.build``) and scores it, per feature, against
the planted facts of ``path/gold.toml`` (its header and ``examples/README.md`` describe the format).
``evaluate(gold, export)`` is the scorer alone: a pure function of the two dicts.

Gold records are matched to exported records by article and by span, never by list position: a gold
string is located in the exported document's text (``text.index(context) + context.index(text)``,
whitespace-tolerant), and an exported record matches when its span overlaps it (exact extent first,
then the largest overlap; one-to-one). Entity keys of the gold (speakers, subjects, actors) are mapped
to exported entity ids through the mentions that cover the gold spellings, else by name/alias.

Comparisons: a gold comparison is *found* when one exported comparison holds two of its quantities from
different documents (a near-duplicate's copy counts as its original); a planted conflict is right when an
exported ``conflict`` holds one of its conflicting pairs; an agreement is wrong when an exported conflict
holds only its quantities or two of them whose intervals clash. A trap fires (a false alarm) when one
exported ``conflict`` holds a quantity of each side; every other exported conflict is listed.

Features: documents, entities, quantities, timexes, quotes, events, stories, comparisons; each a dict of
rates (0..1) and counts. ``errors`` lists short mismatch strings (at most ``MAX_ERRORS``). A feature the
pipeline does not produce yet scores zero; it never crashes the run.

    python -m newsgraph.evaluate.examples examples/ [--limit N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Span = tuple[int, int]
Record = dict[str, Any]

MAX_ERRORS = 200  # mismatch strings in the result, in all
MAX_LISTED = 30  # entries of a feature's own lists (mismatch_list, wrong_merge_list, ...)
FEATURES = (
    "documents",
    "entities",
    "quantities",
    "timexes",
    "quotes",
    "events",
    "stories",
    "comparisons",
)


TABLE_OF = {  # feature → the export table its gold items are matched in
    "entities": "mentions",
    "quantities": "quantities",
    "timexes": "timexes",
    "quotes": "quotes",
    "events": "events",
}


# ----------------------------------------------------------------------------------------- helpers
def rate(n: int, d: int) -> float:
    """n / d rounded for reading; 0.0 when there is nothing to count."""
    return round(n / d, 4) if d else 0.0


def fold(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def _pattern(sub: str) -> re.Pattern[str]:
    """``sub`` with any run of whitespace matching any run of whitespace."""
    return re.compile(r"\s+".join(re.escape(part) for part in sub.split()))


def word_spans(text: str, sub: str) -> list[Span]:
    """Spans of ``sub`` standing as a whole word (a hyphen joins words: 'EU-Kommission' is one word)."""
    if not sub.strip():
        return []
    pat = re.compile(rf"(?<![\w-]){_pattern(sub).pattern}(?![\w-])")
    return [m.span() for m in pat.finditer(text)]


def locate(text: str, sub: str, context: str | None = None) -> Span | None:
    """The span of ``sub`` in ``text``, pinned by ``context`` when given (the gold's convention);
    whitespace differences between the gold and the exported text are tolerated."""
    if not text or not sub:
        return None
    if context:
        m = _pattern(context).search(text)
        if m is None:
            return None
        inner = _pattern(sub).search(text, m.start(), m.end())
        return inner.span() if inner else None
    m = _pattern(sub).search(text)
    return m.span() if m else None


def all_spans(text: str, sub: str) -> list[Span]:
    return [m.span() for m in _pattern(sub).finditer(text)] if text and sub.strip() else []


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_of(rec: Record) -> Span | None:
    start, end = rec.get("start"), rec.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return (start, end)
    return None


def as_float(x: Any) -> float | None:
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def same_number(a: Any, b: Any) -> bool:
    fa, fb = as_float(a), as_float(b)
    if fa is None or fb is None:
        return False
    return math.isclose(fa, fb, rel_tol=1e-6, abs_tol=1e-9)


def contains_words(hay: str | None, needle: str | None) -> bool:
    """``needle`` occurs in ``hay`` as whole words (case- and whitespace-insensitive)."""
    h, n = fold(hay), fold(needle)
    if not h or not n:
        return False
    return re.search(rf"(?<!\w){re.escape(n)}(?!\w)", h) is not None


def text_matches(a: str | None, b: str | None) -> bool:
    """Two attributions name the same source: equal, or one contains the other as whole words."""
    return contains_words(a, b) or contains_words(b, a)


class Errors:
    """Mismatch strings per feature. The result holds at most ``MAX_ERRORS`` of them, shared fairly:
    a feature with few errors shows them all, the others split what is left."""

    def __init__(self) -> None:
        self.by_feature: dict[str, list[str]] = defaultdict(list)
        self.absent: set[str] = set()  # features with nothing exported: one message, not one per item

    def nothing_exported(self, feature: str, table: str) -> None:
        self.absent.add(feature)
        self.add(feature, f"no {table} exported for the gold documents: every gold item missed")

    def missed(self, feature: str, message: str) -> None:
        """A gold item not found; silent where the whole feature is absent."""
        if feature not in self.absent:
            self.add(feature, message)

    def add(self, feature: str, message: str) -> None:
        self.by_feature[feature].append(f"{feature}: {message}")

    def quotas(self, total: int = MAX_ERRORS) -> dict[str, int]:
        """How many messages each feature may show (water-filling up to ``total``)."""
        counts = {f: len(ms) for f, ms in self.by_feature.items() if ms}
        quota = dict.fromkeys(counts, 0)
        left, active = total, [f for f in counts]
        while left > 0 and active:
            share = max(1, left // len(active))
            for f in list(active):
                take = min(share, counts[f] - quota[f], left)
                quota[f] += take
                left -= take
                if quota[f] == counts[f]:
                    active.remove(f)
                if not left:
                    break
        return quota

    def merged(self) -> list[str]:
        quota = self.quotas()
        order = [f for f in FEATURES if f in quota] + sorted(f for f in quota if f not in FEATURES)
        out: list[str] = []
        for f in order:
            out.extend(self.by_feature[f][: quota[f]])
        for f in order:
            hidden = len(self.by_feature[f]) - quota[f]
            if hidden:
                out.append(f"{f}: … {hidden} more not shown")
        return out


def assign(
    golds: Iterable[tuple[str, Span]],
    candidates: list[Record],
    score: Callable[[str, Span, Record], tuple | None] | None = None,
) -> dict[str, Record]:
    """One-to-one matching of gold spans to exported records of the same document.

    The default score prefers the exact extent, then the larger overlap relative to the union; a
    pair scores only when the spans overlap. Pairs are taken greedily, best first.
    """

    def default(_gid: str, g: Span, rec: Record) -> tuple | None:
        sp = span_of(rec)
        if sp is None or not overlap(g, sp):
            return None
        union = max(g[1], sp[1]) - min(g[0], sp[0])
        return (sp == g, overlap(g, sp) / max(1, union))

    fn = score or default
    pairs: list[tuple[tuple, int, str, int]] = []
    for n, (gid, g) in enumerate(golds):
        for i, rec in enumerate(candidates):
            s = fn(gid, g, rec)
            if s is not None:
                pairs.append((s, -n, gid, i))
    pairs.sort(key=lambda p: (p[0], p[1], -p[3]), reverse=True)
    used_g: set[str] = set()
    used_c: set[int] = set()
    out: dict[str, Record] = {}
    for _s, _n, gid, i in pairs:
        if gid in used_g or i in used_c:
            continue
        used_g.add(gid)
        used_c.add(i)
        out[gid] = candidates[i]
    return out


# ----------------------------------------------------------------------------------------- context
class Context:
    """The gold and the export, indexed: documents matched, records per document, entity keys ↔ ids."""

    def __init__(self, gold: dict[str, Any], export: dict[str, Any], scope: set[str] | None = None) -> None:
        self.gold = gold
        self.export = export
        self.errors = Errors()
        docs = [d for d in gold.get("document", []) if scope is None or d["id"] in scope]
        self.gold_docs: dict[str, Record] = {d["id"]: d for d in docs}
        self.outlets: dict[str, Record] = {o["key"]: o for o in gold.get("outlet", [])}
        self.gold_entities: dict[str, Record] = {e["key"]: e for e in gold.get("entity", [])}
        self.exp_docs: list[Record] = [d for d in export.get("documents") or [] if isinstance(d, dict)]
        self.doc_map: dict[str, Record] = match_documents(list(self.gold_docs.values()), self.exp_docs)
        match_by_text(gold, self.doc_map, self.exp_docs)
        self.gold_of_exp_doc: dict[str, str] = {d.get("id"): g for g, d in self.doc_map.items()}
        self.by_doc: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
        for table in ("mentions", "quantities", "timexes", "quotes", "events"):
            for rec in export.get(table) or []:
                if isinstance(rec, dict) and rec.get("doc") in self.gold_of_exp_doc:
                    self.by_doc[self.gold_of_exp_doc[rec["doc"]]][table].append(rec)
        if self.doc_map:
            for feature, table in TABLE_OF.items():
                if not any(self.by_doc[g][table] for g in self.doc_map):
                    self.errors.nothing_exported(feature, table)
            if not export.get("comparisons") and len(self.doc_map) > 1 and gold.get("comparison"):
                self.errors.nothing_exported("comparisons", "comparisons")
        self.entities: dict[str, Record] = {
            e["id"]: e for e in export.get("entities") or [] if isinstance(e, dict) and "id" in e
        }
        self.spellings: dict[str, set[str]] = {
            key: {e["name"], *all_spellings(e)} for key, e in self.gold_entities.items()
        }
        for key, o in self.outlets.items():
            self.spellings.setdefault(key, set()).add(o["name"])
        # entity keys ↔ exported ids, through the mentions that cover gold spellings
        self.occurrences: dict[str, list[tuple[str, str, Span, Record | None]]] = {}
        self.key_to_ids: dict[str, Counter[str]] = defaultdict(Counter)
        id_to_keys: dict[str, Counter[str]] = defaultdict(Counter)
        for key, ent in self.gold_entities.items():
            occ = self.entity_occurrences(ent)
            self.occurrences[key] = occ
            for _doc, _form, span, mention in occ:
                if mention and mention.get("entity"):
                    self.key_to_ids[key][mention["entity"]] += 1
                    if _mostly(span, mention):
                        id_to_keys[mention["entity"]][key] += 1
        self.id_to_keys = id_to_keys
        self.key_of_id: dict[str, str] = {eid: c.most_common(1)[0][0] for eid, c in id_to_keys.items()}

    def text(self, gold_doc: str) -> str:
        d = self.doc_map.get(gold_doc)
        return (d or {}).get("text") or ""

    def records(self, gold_doc: str, table: str) -> list[Record]:
        return self.by_doc[gold_doc][table] if gold_doc in self.by_doc else []

    def entity_occurrences(self, ent: Record) -> list[tuple[str, str, Span, Record | None]]:
        """(gold doc, form, span, best exported mention or None) for every standing spelling."""
        longer = all_spellings(ent)
        out = []
        for form in ("names", "deriv", "part"):
            for doc, spellings in (ent.get(form) or {}).items():
                if doc not in self.gold_docs:
                    continue
                text = self.text(doc)
                covered = [sp for other in longer for sp in word_spans(text, other)]
                mentions = self.records(doc, "mentions")
                for spelling in spellings:
                    for span in word_spans(text, spelling):
                        inside_longer = any(
                            a <= span[0] and span[1] <= b and (b - a) > (span[1] - span[0])
                            for a, b in covered
                        )
                        if inside_longer:
                            continue
                        out.append((doc, form, span, best_overlap(span, mentions)))
        return out

    # --- entity references ---------------------------------------------------------------------
    def key_of(self, entity_id: str | None) -> str | None:
        """The gold entity key an exported entity id stands for (mentions first, then names)."""
        if not entity_id:
            return None
        if entity_id in self.key_of_id:
            return self.key_of_id[entity_id]
        ent = self.entities.get(entity_id)
        if not ent:
            return None
        names = {fold(n) for n in [ent.get("name"), *(ent.get("aliases") or [])] if n}
        for key, spellings in self.spellings.items():
            if names & {fold(s) for s in spellings}:
                return key
        return None

    def keys_of(self, ids: Iterable[str] | None) -> list[str]:
        return [self.key_of(i) or f"?{self.entity_name(i)}" for i in ids or []]

    def entity_name(self, entity_id: str | None) -> str:
        if not entity_id:
            return "-"
        return str((self.entities.get(entity_id) or {}).get("name") or entity_id)

    def names_match(self, entity_id: str | None, key: str) -> bool:
        """The exported entity's name or an alias holds one of the gold entity's spellings."""
        ent = self.entities.get(entity_id or "")
        if not ent:
            return False
        names = [ent.get("name"), *(ent.get("aliases") or [])]
        return any(contains_words(n, s) for n in names if n for s in self.spellings.get(key, ()))

    def speaker_ok(self, gold_doc: str, g: Record, exp_id: str | None, exp_text: str | None) -> bool:
        """Whether the exported speaker (entity id and/or its text) is the gold speaker."""
        key, gtext = g.get("speaker"), g.get("speaker_text")
        if key:
            if exp_id and (self.key_of(exp_id) == key or self.names_match(exp_id, key)):
                return True
            if gtext and text_matches(exp_text, gtext):
                return True
            if any(contains_words(exp_text, s) for s in self.spellings.get(key, ())):
                return True
            own = self.gold_docs.get(gold_doc, {}).get("outlet")
            return key == own and key in self.outlets and not exp_id and not fold(exp_text)
        if gtext:
            if text_matches(exp_text, gtext):
                return True
            name = (self.entities.get(exp_id or "") or {}).get("name")
            return bool(name) and contains_words(gtext, name)
        return True


def all_spellings(ent: Record) -> tuple[str, ...]:
    return tuple(
        sorted(
            {s for form in ("names", "deriv", "part") for sp in (ent.get(form) or {}).values() for s in sp}
        )
    )


def best_overlap(span: Span, records: list[Record]) -> Record | None:
    best, best_ov = None, 0
    for rec in records:
        sp = span_of(rec)
        if sp is None:
            continue
        ov = overlap(span, sp)
        if ov > best_ov or (ov == best_ov and ov and sp == span):
            best, best_ov = rec, ov
    return best


def _mostly(span: Span, mention: Record) -> bool:
    """The mention is mostly this gold name (so it counts as evidence of what the entity is)."""
    sp = span_of(mention)
    return sp is not None and 2 * overlap(span, sp) >= (sp[1] - sp[0])


# ----------------------------------------------------------------------------------------- documents
def match_documents(gold_docs: list[Record], exp_docs: list[Record]) -> dict[str, Record]:
    """Gold document id → exported document: by record id, URL, file name, title, then by text."""
    out: dict[str, Record] = {}
    used: set[int] = set()
    per_file = Counter(d.get("file") for d in gold_docs)

    def take(gid: str, pred: Callable[[Record], bool]) -> None:
        if gid in out:
            return
        for i, d in enumerate(exp_docs):
            if i not in used and pred(d):
                out[gid] = d
                used.add(i)
                return

    def file_name(p: Any) -> str:
        return Path(str(p)).name if p else ""

    for g in gold_docs:
        if g.get("record"):
            take(g["id"], lambda d, g=g: d.get("id") == g["record"])
    for g in gold_docs:
        if g.get("path"):
            take(g["id"], lambda d, g=g: d.get("path") == g["path"])
    for g in gold_docs:
        if g.get("file") and per_file[g["file"]] == 1:
            name = file_name(g["file"])
            take(g["id"], lambda d, name=name: file_name(d.get("path")) == name)
    for g in gold_docs:
        if g.get("title"):
            take(g["id"], lambda d, g=g: fold(d.get("title")) == fold(g["title"]))
    return out


def fingerprint_strings(gold: dict[str, Any], doc: str) -> list[str]:
    """Strings planted in one gold document (to find it by text when nothing else tells)."""
    out = [q["text"] for q in gold.get("quantity", []) if q["doc"] == doc]
    out += [t["text"] for t in gold.get("timex", []) if t["doc"] == doc]
    out += [q["start"] for q in gold.get("quote", []) if q["doc"] == doc]
    return [s for s in out if len(s) >= 8]


def match_by_text(gold: dict[str, Any], doc_map: dict[str, Record], exp_docs: list[Record]) -> None:
    """Last resort for gold documents still unmatched: the exported text holding most planted strings."""
    taken = {id(d) for d in doc_map.values()}
    free = [d for d in exp_docs if id(d) not in taken]
    for g in gold.get("document", []):
        gid = g["id"]
        if gid in doc_map or not free:
            continue
        strings = fingerprint_strings(gold, gid)
        if not strings:
            continue
        scored = [(sum(1 for s in strings if locate(d.get("text") or "", s)), i) for i, d in enumerate(free)]
        hits, i = max(scored)
        if hits >= max(1, len(strings) // 2):
            doc_map[gid] = free.pop(i)


def score_documents(ctx: Context) -> Record:
    feature = "documents"
    fields = ("source", "agencies", "title", "published", "published_from")
    right: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    mismatches: list[str] = []
    for gid, g in ctx.gold_docs.items():
        d = ctx.doc_map.get(gid)
        if d is None:
            ctx.errors.add(feature, f"{gid} ({g.get('file')}): not in the export")
            mismatches.append(f"{gid}: missing")
            continue
        checks: dict[str, tuple[bool, Any, Any]] = {}
        src = d.get("source")
        ok = fold(src) == fold(g.get("source")) or (src is None and bool(g.get("source_may_be_null")))
        checks["source"] = (ok, src, g.get("source"))
        got = {fold(a) for a in d.get("agencies") or []}
        need = {fold(a) for a in g.get("agencies", [])}
        allowed = need | {fold(a) for a in g.get("agencies_ok", [])}
        checks["agencies"] = (need <= got <= allowed, sorted(d.get("agencies") or []), g.get("agencies", []))
        if "title" in g:
            checks["title"] = (fold(d.get("title")) == fold(g["title"]), d.get("title"), g["title"])
        checks["published"] = (
            d.get("published") == g.get("published"),
            d.get("published"),
            g.get("published"),
        )
        checks["published_from"] = (
            d.get("published_from") == g.get("published_from"),
            d.get("published_from"),
            g.get("published_from"),
        )
        for name, (ok, got_v, want) in checks.items():
            scored[name] += 1
            right[name] += ok
            if not ok:
                msg = f"{gid} {name}: got {got_v!r}, want {want!r}"
                mismatches.append(msg)
                ctx.errors.add(feature, msg)
    out: Record = {
        "gold": len(ctx.gold_docs),
        "found": len(ctx.doc_map),
        "exported": len(ctx.exp_docs),
        "mismatches": len(mismatches),
    }
    out.update({f"{f}_accuracy": rate(right[f], scored[f]) for f in fields})
    out["all_right"] = rate(
        sum(
            1
            for gid in ctx.gold_docs
            if gid in ctx.doc_map and not any(m.startswith(f"{gid} ") for m in mismatches)
        ),
        len(ctx.gold_docs),
    )
    out["mismatch_list"] = mismatches[:MAX_LISTED]
    return out


# ----------------------------------------------------------------------------------------- entities
FORM_OF = {"names": "name", "deriv": "deriv", "part": "part"}


def score_entities(ctx: Context) -> Record:
    feature = "entities"
    n_occ = found = type_ok = form_ok = linked = 0
    merged = 0
    n_entities = 0
    split: list[str] = []
    absent_links = not any(m.get("entity") for d in ctx.gold_docs for m in ctx.records(d, "mentions"))
    if absent_links and feature not in ctx.errors.absent:
        ctx.errors.add(feature, "no mention is linked to an entity (entity resolution produced nothing)")
    for key, ent in ctx.gold_entities.items():
        occ = ctx.occurrences.get(key, [])
        if not occ:
            continue
        n_entities += 1
        ids: Counter[str] = Counter()
        missing: list[str] = []
        unlinked: list[str] = []
        bad_type: Counter[str] = Counter()
        bad_form: Counter[str] = Counter()
        for doc, form, span, m in occ:
            n_occ += 1
            surface = f"{doc}:{ctx.text(doc)[span[0] : span[1]]}"
            if m is None:
                missing.append(surface)
                continue
            found += 1
            if m.get("type") == ent["type"]:
                type_ok += 1
            else:
                bad_type[f"{m.get('type')} ({surface})"] += 1
            if (m.get("form") or "name") == FORM_OF[form]:
                form_ok += 1
            else:
                bad_form[f"{m.get('form')}≠{FORM_OF[form]} ({surface})"] += 1
            if m.get("entity"):
                linked += 1
                ids[m["entity"]] += 1
            else:
                unlinked.append(surface)
        one = len(ids) == 1 and not missing and not unlinked
        merged += one
        if not one:
            split.append(key)
        problems = []
        if len(ids) > 1:
            parts = ", ".join(f"{ctx.entity_name(i)!r}×{n}" for i, n in ids.most_common())
            problems.append(f"split into {len(ids)} entities ({parts})")
        if missing:
            problems.append(f"{len(missing)}/{len(occ)} mentions not found ({', '.join(missing[:4])})")
        if unlinked and not absent_links:
            problems.append(f"{len(unlinked)} unlinked ({', '.join(unlinked[:4])})")
        if bad_type:
            problems.append(f"type ≠ {ent['type']}: {', '.join(list(bad_type)[:3])}")
        if bad_form:
            problems.append(f"form: {', '.join(list(bad_form)[:3])}")
        if problems:
            ctx.errors.missed(feature, f"{key} ({ent['name']}): {'; '.join(problems)}")
    wrong = {eid: keys for eid, keys in ctx.id_to_keys.items() if len(keys) > 1}
    for eid, keys in sorted(wrong.items()):
        ctx.errors.add(feature, f"wrong merge: {ctx.entity_name(eid)!r} holds {', '.join(sorted(keys))}")
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, ent in ctx.gold_entities.items():
        if ctx.occurrences.get(key):
            per_type[ent["type"]][1] += 1
            per_type[ent["type"]][0] += key not in split
    return {
        "gold_entities": n_entities,
        "merged": merged,
        "merged_rate": rate(merged, n_entities),
        "wrong_merges": len(wrong),
        "wrong_merge_list": [
            f"{ctx.entity_name(e)}: {', '.join(sorted(k))}" for e, k in sorted(wrong.items())
        ][:MAX_LISTED],
        "merged_by_type": {t: rate(n, d) for t, (n, d) in sorted(per_type.items())},
        "gold_mentions": n_occ,
        "mention_recall": rate(found, n_occ),
        "type_accuracy": rate(type_ok, found),
        "form_accuracy": rate(form_ok, found),
        "linked_rate": rate(linked, found),
        "exported_entities": len(ctx.entities),
        "exported_mentions": sum(len(ctx.records(d, "mentions")) for d in ctx.gold_docs),
    }


# ------------------------------------------------------------------------------- spans of gold items
def gold_spans(
    ctx: Context, feature: str, items: dict[str, Record], key: str
) -> dict[str, list[tuple[str, Span]]]:
    """Gold doc → [(item id, span)] for the items of the documents in scope, each located in the
    exported text by ``item[key]`` (pinned by ``item["context"]``); unlocatable ones are reported."""
    out: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    for iid, item in items.items():
        doc = item.get("doc")
        if doc not in ctx.gold_docs or doc not in ctx.doc_map:
            continue
        span = locate(ctx.text(doc), item[key], item.get("context"))
        if span is None:
            ctx.errors.add(feature, f"{doc} {item[key]!r}: not in the exported text (ingest changed it?)")
            continue
        out[doc].append((iid, span))
    return out


def item_ids(items: list[Record], prefix: str) -> dict[str, Record]:
    return {str(it.get("id") or f"{it['doc']}:{prefix}{n}"): it for n, it in enumerate(items)}


# ----------------------------------------------------------------------------------------- quantities
QUANTITY_FIELDS = ("value", "unit", "qualifier", "measure", "subjects", "time", "speaker", "rank")


def quantity_checks(ctx: Context, g: Record, q: Record) -> dict[str, tuple[bool, Any, Any]]:
    """Per field: (right, got, want)."""
    checks: dict[str, tuple[bool, Any, Any]] = {}
    value_ok = same_number(q.get("value"), g["value"])
    if "value_max" in g:
        value_ok = value_ok and same_number(q.get("value_max"), g["value_max"])
    want_value = g["value"] if "value_max" not in g else f"{g['value']}–{g['value_max']}"
    got_value = q.get("value") if q.get("value_max") is None else f"{q.get('value')}–{q.get('value_max')}"
    checks["value"] = (value_ok, got_value, want_value)
    checks["unit"] = ((q.get("unit") or None) == g.get("unit"), q.get("unit"), g.get("unit"))
    checks["qualifier"] = (q.get("qualifier", "exact") == g["qualifier"], q.get("qualifier"), g["qualifier"])
    measures = [g.get("measure"), *g.get("measure_alt", []), g.get("measure_key")]
    ok = fold(q.get("measure")) in {fold(m) for m in measures if m}
    if not g.get("measure"):
        ok = ok or not q.get("measure")
    checks["measure"] = (ok, q.get("measure"), g.get("measure") or None)
    got_subjects = ctx.keys_of(q.get("subjects"))
    checks["subjects"] = (
        set(got_subjects) == set(g.get("subjects", [])),
        sorted(got_subjects),
        sorted(g.get("subjects", [])),
    )
    times = {g.get("time"), *g.get("time_alt", [])}
    checks["time"] = ((q.get("time") or None) in times, q.get("time"), g.get("time"))
    speaker_ok = ctx.speaker_ok(g["doc"], g, q.get("speaker"), q.get("speaker_text"))
    got_speaker = f"{ctx.entity_name(q.get('speaker'))} / {q.get('speaker_text')!r}"
    want_speaker = f"{g.get('speaker') or '-'} / {g.get('speaker_text')!r}"
    checks["speaker"] = (speaker_ok, got_speaker, want_speaker)
    checks["rank"] = (
        bool(q.get("is_rank")) == bool(g.get("rank")),
        bool(q.get("is_rank")),
        bool(g.get("rank")),
    )
    return checks


def score_quantities(ctx: Context) -> tuple[Record, dict[str, Record]]:
    feature = "quantities"
    gold = item_ids(ctx.gold.get("quantity", []), "q")
    spans = gold_spans(ctx, feature, gold, "text")
    matched: dict[str, Record] = {}
    for doc, items in spans.items():
        matched.update(assign(items, ctx.records(doc, "quantities")))
    required = [qid for qid, g in gold.items() if g["doc"] in ctx.gold_docs and not g.get("optional")]
    right: Counter[str] = Counter()
    all_right = extent_exact = 0
    for qid in required:
        g = gold[qid]
        q = matched.get(qid)
        if q is None:
            ctx.errors.missed(feature, f"{qid} {g['doc']} {g['text']!r}: not found")
            continue
        extent_exact += q.get("text") == g["text"]
        checks = quantity_checks(ctx, g, q)
        wrong = []
        for name, (ok, got, want) in checks.items():
            right[name] += ok
            if not ok:
                wrong.append(f"{name} {got!r}≠{want!r}")
        all_right += not wrong
        if wrong:
            ctx.errors.add(feature, f"{qid} {g['doc']} {g['text']!r}: {'; '.join(wrong)}")
    n_found = sum(1 for qid in required if qid in matched)
    # exported quantities that are years or dates (the gold's not_quantity list)
    matched_ids = {id(q) for q in matched.values()}
    false_pos: list[str] = []
    for item in ctx.gold.get("not_quantity", []):
        doc = item["doc"]
        if doc not in ctx.gold_docs or doc not in ctx.doc_map:
            continue
        bad = [sp for s in item["texts"] for sp in all_spans(ctx.text(doc), s)]
        for q in ctx.records(doc, "quantities"):
            sp = span_of(q)
            if sp and id(q) not in matched_ids and any(overlap(sp, b) for b in bad):
                false_pos.append(f"{doc} {q.get('text')!r}")
    for fp in false_pos:
        ctx.errors.add(feature, f"not a quantity (year/date): {fp}")
    exported = sum(len(ctx.records(d, "quantities")) for d in ctx.gold_docs)
    optional = [qid for qid, g in gold.items() if g["doc"] in ctx.gold_docs and g.get("optional")]
    out: Record = {
        "gold": len(required),
        "found": n_found,
        "recall": rate(n_found, len(required)),
        "all_fields_right": all_right,
        "all_fields_right_rate": rate(all_right, len(required)),
        "extent_exact": rate(extent_exact, n_found),
    }
    out.update({f"{f}_accuracy": rate(right[f], n_found) for f in QUANTITY_FIELDS})
    out.update(
        {
            "not_quantity_false_positives": len(false_pos),
            "exported": exported,
            "unmatched_exported": exported - len(matched),
            "optional_found": sum(1 for qid in optional if qid in matched),
            "optional": len(optional),
        }
    )
    return out, matched


# ----------------------------------------------------------------------------------------- timexes
def score_timexes(ctx: Context) -> Record:
    feature = "timexes"
    gold = item_ids(ctx.gold.get("timex", []), "t")
    spans = gold_spans(ctx, feature, gold, "text")
    matched: dict[str, Record] = {}
    for doc, items in spans.items():
        matched.update(assign(items, ctx.records(doc, "timexes")))
    required = [tid for tid, g in gold.items() if g["doc"] in ctx.gold_docs and not g.get("optional")]
    value_ok = type_ok = extent_ok = mod_ok = mod_n = 0
    has_mod = any("mod" in t for d in ctx.gold_docs for t in ctx.records(d, "timexes"))
    for tid in required:
        g = gold[tid]
        t = matched.get(tid)
        if t is None:
            ctx.errors.missed(feature, f"{g['doc']} {g['text']!r} ({g['value']}): not found")
            continue
        extent_ok += t.get("text") == g["text"]
        good_value = t.get("value") in {g["value"], *g.get("alt", [])}
        value_ok += good_value
        type_ok += t.get("type") == g["type"]
        wrong = []
        if not good_value:
            wrong.append(f"value {t.get('value')!r}≠{g['value']!r}")
        if t.get("type") != g["type"]:
            wrong.append(f"type {t.get('type')}≠{g['type']}")
        if has_mod and "mod" in g:
            mod_n += 1
            mod_ok += t.get("mod") == g["mod"]
            if t.get("mod") != g["mod"]:
                wrong.append(f"mod {t.get('mod')}≠{g['mod']}")
        if wrong:
            ctx.errors.add(feature, f"{g['doc']} {g['text']!r} (as {t.get('text')!r}): {'; '.join(wrong)}")
    n_found = sum(1 for tid in required if tid in matched)
    exported = sum(len(ctx.records(d, "timexes")) for d in ctx.gold_docs)
    optional = [tid for tid, g in gold.items() if g["doc"] in ctx.gold_docs and g.get("optional")]
    return {
        "gold": len(required),
        "found": n_found,
        "recall": rate(n_found, len(required)),
        "value_accuracy": rate(value_ok, n_found),
        "value_right_rate": rate(value_ok, len(required)),
        "type_accuracy": rate(type_ok, n_found),
        "extent_exact": rate(extent_ok, n_found),
        "mod_accuracy": rate(mod_ok, mod_n) if has_mod else None,
        "exported": exported,
        "unmatched_exported": exported - len(matched),
        "optional_found": sum(1 for tid in optional if tid in matched),
        "optional": len(optional),
    }


# ----------------------------------------------------------------------------------------- quotes
def score_quotes(ctx: Context) -> Record:
    feature = "quotes"
    gold = item_ids(ctx.gold.get("quote", []), "quote")
    spans = gold_spans(ctx, feature, gold, "start")

    def score(qid: str, g: Span, rec: Record) -> tuple | None:
        sp = span_of(rec)
        if sp is None or not overlap(g, sp):
            return None
        want = gold[qid]
        kind_ok = rec.get("kind") in {want["kind"], *want.get("alt_kinds", [])}
        return (kind_ok, -abs(sp[0] - g[0]), -abs((sp[1] - sp[0]) - (g[1] - g[0])))

    matched: dict[str, Record] = {}
    for doc, items in spans.items():
        matched.update(assign(items, ctx.records(doc, "quotes"), score))
    required = [qid for qid, g in gold.items() if g["doc"] in ctx.gold_docs and not g.get("optional")]
    kind_ok = speaker_ok = entity_ok = entity_n = cue_ok = cue_n = 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for qid in required:
        g = gold[qid]
        per_kind[g["kind"]][1] += 1
        q = matched.get(qid)
        label = f"{g['doc']} {g['start'][:40]!r}"
        if q is None:
            ctx.errors.missed(feature, f"{label} ({g['kind']}): not found")
            continue
        per_kind[g["kind"]][0] += 1
        wrong = []
        if q.get("kind") in {g["kind"], *g.get("alt_kinds", [])}:
            kind_ok += 1
        else:
            wrong.append(f"kind {q.get('kind')}≠{g['kind']}")
        if ctx.speaker_ok(g["doc"], g, q.get("speaker"), q.get("speaker_text")):
            speaker_ok += 1
        else:
            want = g.get("speaker") or "-"
            wrong.append(
                f"speaker {ctx.entity_name(q.get('speaker'))}/{q.get('speaker_text')!r}"
                f"≠{want}/{g.get('speaker_text')!r}"
            )
        if g.get("speaker"):
            entity_n += 1
            sid = q.get("speaker")
            entity_ok += bool(sid) and (ctx.key_of(sid) == g["speaker"] or ctx.names_match(sid, g["speaker"]))
        if g.get("cue"):
            cue_n += 1
            cue_ok += text_matches(q.get("cue"), g["cue"])
        if wrong:
            ctx.errors.add(feature, f"{label}: {'; '.join(wrong)}")
    n_found = sum(1 for qid in required if qid in matched)
    exported = sum(len(ctx.records(d, "quotes")) for d in ctx.gold_docs)
    return {
        "gold": len(required),
        "found": n_found,
        "recall": rate(n_found, len(required)),
        "recall_by_kind": {k: rate(n, d) for k, (n, d) in sorted(per_kind.items())},
        "kind_accuracy": rate(kind_ok, n_found),
        "speaker_accuracy": rate(speaker_ok, n_found),
        "speaker_entity_accuracy": rate(entity_ok, entity_n),
        "cue_accuracy": rate(cue_ok, cue_n),
        "exported": exported,
        "unmatched_exported": exported - len(matched),
    }


# ----------------------------------------------------------------------------------------- events
def score_events(ctx: Context) -> Record:
    feature = "events"
    gold = item_ids(ctx.gold.get("event", []), "e")
    spans = gold_spans(ctx, feature, gold, "trigger")

    def score(eid: str, g: Span, rec: Record) -> tuple | None:
        sp = span_of(rec)
        if sp is None or not overlap(g, sp):
            return None
        return (str(rec.get("code")) == gold[eid]["code"], sp == g, -abs(sp[0] - g[0]))

    matched: dict[str, Record] = {}
    for doc, items in spans.items():
        matched.update(assign(items, ctx.records(doc, "events"), score))
    required = [eid for eid, g in gold.items() if g["doc"] in ctx.gold_docs]
    right: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    actor_hits = actor_total = 0
    for eid in required:
        g = gold[eid]
        e = matched.get(eid)
        label = f"{g['doc']} {g['trigger']!r} ({g['code']})"
        if e is None:
            ctx.errors.missed(feature, f"{label}: not found")
            continue
        checks: dict[str, tuple[bool, Any, Any]] = {}
        code = str(e.get("code") or "")
        checks["code"] = (code == g["code"], code, g["code"])
        checks["root_code"] = (code[:2] == g["code"][:2], code, g["code"])
        status = e.get("status") or "reported"
        checks["status"] = (status == g["status"], status, g["status"])
        actors = ctx.keys_of(e.get("actors"))
        if g.get("actors"):
            checks["actors"] = (set(actors) == set(g["actors"]), sorted(actors), sorted(g["actors"]))
            actor_total += len(g["actors"])
            actor_hits += len(set(actors) & set(g["actors"]))
        if g.get("targets"):
            targets = ctx.keys_of(e.get("targets"))
            checks["targets"] = (set(targets) == set(g["targets"]), sorted(targets), sorted(g["targets"]))
        if g.get("place"):
            place = ctx.key_of(e.get("place"))
            checks["place"] = (place == g["place"], place, g["place"])
        if g.get("time"):
            checks["time"] = (e.get("time") == g["time"], e.get("time"), g["time"])
        wrong = []
        for name, (ok, got, want) in checks.items():
            scored[name] += 1
            right[name] += ok
            if not ok and name != "root_code":
                wrong.append(f"{name} {got!r}≠{want!r}")
        if wrong:
            ctx.errors.add(feature, f"{label}: {'; '.join(wrong)}")
    n_found = sum(1 for eid in required if eid in matched)
    planned = [eid for eid in required if gold[eid]["status"] == "planned" and eid in matched]
    exported = sum(len(ctx.records(d, "events")) for d in ctx.gold_docs)
    return {
        "gold": len(required),
        "found": n_found,
        "recall": rate(n_found, len(required)),
        "code_accuracy": rate(right["code"], n_found),
        "root_code_accuracy": rate(right["root_code"], n_found),
        "status_accuracy": rate(right["status"], n_found),
        "planned_right": rate(
            sum(1 for eid in planned if (matched[eid].get("status") or "reported") == "planned"), len(planned)
        ),
        "actor_accuracy": rate(right["actors"], scored["actors"]),
        "actor_recall": rate(actor_hits, actor_total),
        "target_accuracy": rate(right["targets"], scored["targets"]),
        "place_accuracy": rate(right["place"], scored["place"]),
        "time_accuracy": rate(right["time"], scored["time"]),
        "exported": exported,
        "unmatched_exported": exported - len(matched),
    }


# ----------------------------------------------------------------------------------------- stories
def score_stories(ctx: Context) -> Record:
    feature = "stories"
    stories = [s for s in ctx.export.get("stories") or [] if isinstance(s, dict)]
    in_scope = set(ctx.gold_of_exp_doc)
    sizes = sorted((len(set(s.get("documents") or []) & in_scope) for s in stories), reverse=True)
    largest = sizes[0] if sizes else 0
    pairs = set()
    for s in stories:
        for pair in s.get("duplicates") or []:
            if isinstance(pair, list | tuple) and len(pair) == 2:
                a, b = (ctx.gold_of_exp_doc.get(x, str(x)) for x in pair)
                pairs.add((a, b))
    want = {(g["id"], g["near_duplicate_of"]) for g in ctx.gold_docs.values() if g.get("near_duplicate_of")}
    want = {(a, b) for a, b in want if b in ctx.gold_docs}
    found = {p for p in want if p in pairs or p[::-1] in pairs}
    wrong = {p for p in pairs if p not in want and p[::-1] not in want}
    for p in sorted(want - found):
        ctx.errors.add(feature, f"near-duplicate {p[0]} of {p[1]} not marked")
    for p in sorted(wrong):
        ctx.errors.add(feature, f"{p[0]} marked as a copy of {p[1]}: not a near-duplicate")
    if len([n for n in sizes if n]) > 1:
        ctx.errors.add(feature, f"one story told in {len([n for n in sizes if n])} stories (sizes {sizes})")
    return {
        "stories": len([n for n in sizes if n]),
        "one_story": len([n for n in sizes if n]) == 1,
        "largest_story_share": rate(largest, len(in_scope)),
        "near_duplicates": len(want),
        "near_duplicates_marked": len(found),
        "false_duplicates": len(wrong),
    }


# ----------------------------------------------------------------------------------------- comparisons
INF = math.inf


def interval(q: Record) -> tuple[float, float, bool, bool] | None:
    """(low, high, low_open, high_open) of an exported quantity by its qualifier (the gold's convention)."""
    x = as_float(q.get("value"))
    if x is None:
        return None
    hi = as_float(q.get("value_max"))
    if hi is not None and hi > x:
        return x, hi, False, False
    table = {
        "exact": (x, x, False, False),
        "approx": (0.9 * x, 1.1 * x, False, False),
        "almost": (0.9 * x, x, False, True),
        "more_than": (x, INF, True, True),
        "at_least": (x, INF, False, True),
        "at_most": (0.0, x, False, False),
        "less_than": (0.0, x, False, True),
    }
    return table.get(str(q.get("qualifier") or "exact"), table["exact"])


def compatible(a: Record, b: Record) -> bool:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    low, high = max(ia[0], ib[0]), min(ia[1], ib[1])
    low_open = (ia[0] == low and ia[2]) or (ib[0] == low and ib[2])
    high_open = (ia[1] == high and ia[3]) or (ib[1] == high and ib[3])
    return low < high or (low == high and not low_open and not high_open)


def across_documents(qids: Iterable[str], gold_q: dict[str, Record]) -> bool:
    """The gold quantities come from at least two documents, a near-duplicate's copy counting as
    its original (zpd's wire and the paper that prints it are one claim, not a comparison)."""
    originals = {gold_q.get(q, {}).get("copy_of") or q for q in qids}
    return len({gold_q[q]["doc"] for q in originals if q in gold_q}) >= 2


def score_comparisons(ctx: Context, qmatch: dict[str, Record]) -> Record:
    feature = "comparisons"
    gold_of_q = {id(q): qid for qid, q in qmatch.items()}
    exp_q: dict[str, Record] = {}
    for doc in ctx.gold_docs:
        for q in ctx.records(doc, "quantities"):
            if q.get("id"):
                exp_q[str(q["id"])] = q
    every = [c for c in ctx.export.get("comparisons") or [] if isinstance(c, dict)]
    # those about the documents in scope: at least two of their quantities belong to them
    comps = [c for c in every if sum(str(r) in exp_q for r in c.get("quantities") or []) >= 2]
    members: list[dict[str, Record]] = []  # per exported comparison: gold qid → exported quantity
    for c in comps:
        m: dict[str, Record] = {}
        for ref in c.get("quantities") or []:
            q = exp_q.get(str(ref))
            if q is not None and id(q) in gold_of_q:
                m[gold_of_q[id(q)]] = q
        members.append(m)
    gold_q = {q["id"]: q for q in ctx.gold.get("quantity", [])}

    def describe(c: Record) -> str:
        texts = []
        for ref in (c.get("quantities") or [])[:8]:
            q = exp_q.get(str(ref)) or {}
            texts.append(f"{ctx.gold_of_exp_doc.get(q.get('doc'), '?')}:{q.get('text')!r}")
        return f"{c.get('measure')!r} [{c.get('verdict')}] {', '.join(texts)}"

    in_scope = [
        c
        for c in ctx.gold.get("comparison", [])
        if len(
            {gold_q[q]["doc"] for q in c["quantities"] if q in gold_q and gold_q[q]["doc"] in ctx.gold_docs}
        )
        >= 2
    ]
    found = right = conflicts = conflicts_right = agrees = agrees_right = 0
    stretch_right: list[str] = []
    explained: set[int] = set()
    for gc in in_scope:
        ids = set(gc["quantities"])
        hits = [i for i, m in enumerate(members) if across_documents(ids & set(m), gold_q)]
        ok_found = bool(hits)
        if gc["verdict"] == "conflict":
            pairs = [tuple(p) for p in gc.get("conflicting_pairs", [])]
            good = [
                i
                for i in hits
                if comps[i].get("verdict") == "conflict"
                and any(a in members[i] and b in members[i] for a, b in pairs)
            ]
            ok = bool(good)
            explained.update(good)
        else:
            bad = []
            for i in hits:
                if comps[i].get("verdict") != "conflict":
                    continue
                mine = {k: v for k, v in members[i].items() if k in ids}
                only_mine = len(mine) == len(comps[i].get("quantities") or [])
                clash = any(
                    not compatible(a, b) for ka, a in mine.items() for kb, b in mine.items() if ka < kb
                )
                if only_mine or clash:
                    bad.append(i)
            ok = ok_found and not bad
            if bad:
                ctx.errors.add(
                    feature, f"{gc['id']} ({gc['measure']}) should agree: {describe(comps[bad[0]])}"
                )
        if gc.get("stretch"):
            if ok:
                stretch_right.append(gc["id"])
            continue
        found += ok_found
        right += ok
        if gc["verdict"] == "conflict":
            conflicts += 1
            conflicts_right += ok
        else:
            agrees += 1
            agrees_right += ok
        if not ok_found:
            ctx.errors.missed(feature, f"{gc['id']} ({gc['measure']}, {gc['verdict']}): not compared")
        elif not ok and gc["verdict"] == "conflict":
            seen = "; ".join(describe(comps[i]) for i in hits[:2])
            ctx.errors.add(
                feature, f"{gc['id']} ({gc['measure']}) conflict not reported; compared as: {seen}"
            )

    def in_scope_q(qids: list[str]) -> bool:
        return any(gold_q.get(q, {}).get("doc") in ctx.gold_docs for q in qids)

    traps = [t for t in ctx.gold.get("trap", []) if in_scope_q(t["left"]) and in_scope_q(t["right"])]
    fired = grouped = 0
    for t in traps:
        together = [
            i
            for i, m in enumerate(members)
            if any(a in m for a in t["left"]) and any(b in m for b in t["right"])
        ]
        if together:
            grouped += 1
        alarms = [i for i in together if comps[i].get("verdict") == "conflict"]
        if alarms:
            fired += 1
            ctx.errors.add(
                feature, f"false alarm {t['id']} ({t['reason'][:60]}): {describe(comps[alarms[0]])}"
            )
    others = [i for i, c in enumerate(comps) if c.get("verdict") == "conflict" and i not in explained]
    for i in others:
        ctx.errors.add(feature, f"other conflict reported: {describe(comps[i])}")
    n_gold = len([c for c in in_scope if not c.get("stretch")])
    return {
        "gold": n_gold,
        "found": found,
        "verdict_right": right,
        "verdict_accuracy": rate(right, n_gold),
        "conflicts": conflicts,
        "conflicts_found": conflicts_right,
        "agreements": agrees,
        "agreements_right": agrees_right,
        "stretch_right": stretch_right,
        "traps": len(traps),
        "false_alarms": fired,
        "traps_grouped": grouped,
        "other_conflicts": len(others),
        "other_conflict_list": [describe(comps[i]) for i in others][:MAX_LISTED],
        "exported": len(every),
        "exported_in_scope": len(comps),
        "exported_conflicts": sum(1 for c in comps if c.get("verdict") == "conflict"),
    }


# ----------------------------------------------------------------------------------------- entry points
def evaluate(gold: dict[str, Any], export: dict[str, Any], scope: set[str] | None = None) -> dict[str, Any]:
    """Score an export against the gold (both as loaded dicts); ``scope`` limits the gold documents."""
    ctx = Context(gold, export, scope)
    result: dict[str, Any] = {}
    qmatch: dict[str, Record] = {}

    def guarded(name: str, fn: Callable[[], Record]) -> None:
        try:
            result[name] = fn()
        except Exception as exc:  # a malformed export must not hide the other features
            result[name] = {"error": f"{type(exc).__name__}: {exc}"}
            ctx.errors.add(name, f"scorer failed: {type(exc).__name__}: {exc}")

    def quantities() -> Record:
        nonlocal qmatch
        out, qmatch = score_quantities(ctx)
        return out

    guarded("documents", lambda: score_documents(ctx))
    guarded("entities", lambda: score_entities(ctx))
    guarded("quantities", quantities)
    guarded("timexes", lambda: score_timexes(ctx))
    guarded("quotes", lambda: score_quotes(ctx))
    guarded("events", lambda: score_events(ctx))
    guarded("stories", lambda: score_stories(ctx))
    guarded("comparisons", lambda: score_comparisons(ctx, qmatch))
    result["errors"] = ctx.errors.merged()
    return result


def load_gold(path: Path) -> dict[str, Any]:
    gold_path = path / "gold.toml" if path.is_dir() else path
    try:
        return tomllib.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{gold_path}: cannot read the gold file ({exc})") from exc


def export_examples(articles: list[str], workers: int = 1) -> tuple[dict[str, Any], Record]:
    """Run the main job on ``articles`` into a temporary database; the export and a run summary."""
    from newsgraph import workflow
    from newsgraph.store import contract, open_db

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsgraph-examples-") as tmp:
        conn = open_db(Path(tmp) / "examples.db")
        try:
            ingested = workflow.ingest(conn, articles)
            analyzed = workflow.analyze(conn, workflow.pending_documents(conn), workers=workers)
            try:
                resolved: Any = workflow.resolve(conn)
            except Exception as exc:  # score what analysis produced; say why resolve did not finish
                resolved = {"failed": f"{type(exc).__name__}: {exc}"}
            export = contract.build(conn)
        finally:
            conn.close()
    summary = {
        "ingested": ingested.new,
        "ingest_failed": [f"{p}: {r}" for p, r in ingested.failed],
        "analyzed": analyzed.analyzed,
        "analyze_failed": [f"{p}: {r}" for p, r in analyzed.failed],
        "resolved": resolved,
        "seconds": round(time.perf_counter() - started, 2),
    }
    return export, summary


def run(path: Path, limit: int | None = None) -> dict[str, Any]:
    """Run the main job on ``path/articles`` and score the export against ``path/gold.toml``.

    ``limit`` keeps the first N gold documents (and ingests only their files).
    """
    path = Path(path)
    gold = load_gold(path)
    articles = path / "articles"
    if not articles.is_dir():
        raise FileNotFoundError(f"{path}: no articles/ folder")
    docs = gold.get("document", [])
    scope = None
    inputs = [str(articles)]
    if limit is not None:
        docs = docs[: max(0, limit)]
        files = sorted({d["file"] for d in docs})
        inputs = [str(path / f) for f in files]
        scope = {d["id"] for d in gold.get("document", []) if d["file"] in files}
    export, summary = export_examples(inputs)
    result = evaluate(gold, export, scope)
    result["pipeline"] = summary
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the examples folder (articles/ and gold.toml)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N gold documents")
    args = parser.parse_args(argv)
    try:
        result = run(args.path, args.limit)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
