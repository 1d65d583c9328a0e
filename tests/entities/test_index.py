"""EntityIndex behaviour: within-document chains, incremental linking, stable ids, serialization,
places and organizations, bad input."""

from __future__ import annotations

import json

import pytest

from newsgraph.model import Document, Mention
from newsgraph.resolve.entities import EntityIndex, find, search

from .conftest import mention


def _doc(doc_id: str, text: str, published: str | None = "2025-11-11") -> Document:
    return Document(id=doc_id, text=text, published=published)


TEXT_A = (
    "Der Präsident von Kasachstan, Kasim-Yomart Tokajew, reiste nach Moskau. Tokajew traf Wladimir Putin. "
    "Präsident Putin lobte die kasachische Delegation. Putins Sprecher Dmitri Peskow bestätigte das."
)


def _mentions_a(doc: Document) -> list[Mention]:
    return [
        mention(doc, "Kasachstan", "LOC"),
        mention(doc, "Kasim-Yomart Tokajew"),
        mention(doc, "Moskau", "LOC"),
        mention(doc, "Tokajew", nth=1),
        mention(doc, "Wladimir Putin"),
        mention(doc, "Putin", nth=1),
        mention(doc, "kasachische", "LOC", "deriv"),
        mention(doc, "Putins"),
        mention(doc, "Dmitri Peskow"),
    ]


def test_within_document_chains() -> None:
    doc = _doc("a", TEXT_A)
    ms = _mentions_a(doc)
    links = EntityIndex().add_document(doc, ms)
    by = {(m.text, m.start): links.get(m.span) for m in ms}
    tok = {v for (t, _), v in by.items() if "Tokajew" in t}
    put = {v for (t, _), v in by.items() if t.startswith(("Wladimir", "Putin"))}
    assert len(tok) == 1 and len(put) == 1 and tok != put and None not in tok | put
    # the deriv links to the country entity
    assert (
        by[("kasachische", doc.text.find("kasachische"))] == by[("Kasachstan", doc.text.find("Kasachstan"))]
    )


def test_canonical_name_and_aliases() -> None:
    index = EntityIndex()
    doc = _doc("a", TEXT_A)
    index.add_document(doc, _mentions_a(doc))
    putin = find(index, "Putin")
    assert putin.name == "Wladimir Putin" and putin.aliases == ["Putin"]  # "Putins" read as genitive
    assert "russische Präsident" not in putin.roles and "Präsident" in putin.roles


def test_ids_are_stable_and_re_adding_changes_nothing() -> None:
    doc = _doc("a", TEXT_A)
    first = EntityIndex()
    links1 = first.add_document(doc, _mentions_a(doc))
    second = EntityIndex()
    links2 = second.add_document(doc, _mentions_a(doc))
    assert links1 == links2
    before = json.dumps(first.to_json(), sort_keys=True)
    assert first.add_document(doc, _mentions_a(doc)) == links1
    assert json.dumps(first.to_json(), sort_keys=True) == before


def test_serialization_round_trip_continues_identically() -> None:
    doc_a = _doc("a", TEXT_A)
    doc_b = _doc("b", "Qassym-Schomart Toqajew sprach mit Putin in der Russischen Föderation.", "2025-11-12")
    mentions_b = [
        mention(doc_b, "Qassym-Schomart Toqajew"),
        mention(doc_b, "Putin"),
        mention(doc_b, "Russischen Föderation", "LOC"),
    ]
    live = EntityIndex()
    live.add_document(doc_a, _mentions_a(doc_a))
    restored = EntityIndex.from_json(live.dumps())
    assert restored.to_json() == live.to_json()
    assert restored.add_document(doc_b, mentions_b) == live.add_document(doc_b, mentions_b)
    assert restored.to_json() == live.to_json()
    assert len(find(restored, "Tokajew").documents) == 2


def test_cross_document_transliteration_and_near_miss() -> None:
    index = EntityIndex()
    texts = {
        "1": "Kassym-Jomart Tokayev met Putin.",
        "2": "Касым-Жомарт Токаев встретился.",
        "3": "Der Schauspieler Nikolai Tokarew trat auf.",
        "4": "Tokajew sagte das.",
    }
    ids = {}
    for k, text in texts.items():
        doc = _doc(k, text)
        name = {
            "1": "Kassym-Jomart Tokayev",
            "2": "Касым-Жомарт Токаев",
            "3": "Nikolai Tokarew",
            "4": "Tokajew",
        }[k]
        ids[k] = index.add_document(doc, [mention(doc, name)])[mention(doc, name).span]
    assert ids["1"] == ids["2"] == ids["4"] != ids["3"]


def test_ambiguous_bare_surname_stays_unlinked() -> None:
    index = EntityIndex()
    for k, name in (("1", "Wladimir Klitschko"), ("2", "Vitali Klitschko")):
        doc = _doc(k, f"{name} sprach in Kiew.")
        index.add_document(doc, [mention(doc, name)])
    doc = _doc("3", "Klitschko sprach.")
    assert index.add_document(doc, [mention(doc, "Klitschko")]) == {}
    # but a role that only one of them holds decides
    doc = _doc("4", "Der Bürgermeister Klitschko sprach.")
    index2 = EntityIndex()
    for k, text, name in (
        ("1", "Boxer Wladimir Klitschko siegte.", "Wladimir Klitschko"),
        ("2", "Der Bürgermeister Vitali Klitschko sprach in Kiew.", "Vitali Klitschko"),
    ):
        d = _doc(k, text)
        index2.add_document(d, [mention(d, name)])
    got = index2.add_document(doc, [mention(doc, "Klitschko")])
    assert list(got.values()) == [find(index2, "Vitali Klitschko").id]


def test_places_orgs_abbreviations() -> None:
    index = EntityIndex()
    doc = _doc(
        "a",
        "Die Vereinigten Staaten und die USA: US-Außenminister Blinken im Kreml. "
        "Die Organisation für Islamische Zusammenarbeit (OIZ) tagte; die OIZ beschloss nichts.",
    )
    ms = [
        mention(doc, "Vereinigten Staaten", "LOC"),
        mention(doc, "USA", "LOC"),
        mention(doc, "US-Außenminister", "LOC", "part"),
        mention(doc, "Blinken"),
        mention(doc, "Kreml", "LOC"),  # a tagger's LOC: the Kreml stays an organization
        mention(doc, "Organisation für Islamische Zusammenarbeit", "ORG"),
        mention(doc, "OIZ", "ORG", nth=1),
    ]
    links = index.add_document(doc, ms)
    assert links[ms[0].span] == links[ms[1].span] == links[ms[2].span]
    kreml = index.get(links[ms[4].span])
    russland = find(index, "Russland")
    assert kreml.type == "ORG" and russland is not None and kreml.part_of == russland.id
    assert links[ms[5].span] == links[ms[6].span]
    # later, the abbreviation alone joins the long form
    doc2 = _doc("b", "Die OIZ tagte erneut.")
    m2 = mention(doc2, "OIZ", "ORG")
    assert index.add_document(doc2, [m2])[m2.span] == links[ms[5].span]


def test_washington_city_vs_person_and_georgia() -> None:
    index = EntityIndex()
    d1 = _doc("1", "Der Gipfel fand in Washington statt.")
    d2 = _doc("2", "George Washington war der erste Präsident. Washington sagte damals nichts.")
    d3 = _doc("3", "Georgia grenzt an Russland; in Tiflis protestierten Tausende.")
    d4 = _doc("4", "Im US-Bundesstaat Georgia wurde gewählt, in Atlanta zählte man nach.")
    a = index.add_document(d1, [mention(d1, "Washington", "PER")])  # a tagger error
    b = index.add_document(d2, [mention(d2, "George Washington"), mention(d2, "Washington", nth=1)])
    c = index.add_document(d3, [mention(d3, "Georgia", "LOC")])
    d = index.add_document(d4, [mention(d4, "Georgia", "LOC")])
    city = index.get(next(iter(a.values())))
    assert city.type == "LOC" and city.name == "Washington"
    assert len(set(b.values())) == 1 and next(iter(b.values())) != city.id
    assert index.get(next(iter(c.values()))).name == "Georgien"
    assert next(iter(d.values())) != next(iter(c.values()))


def test_bad_mentions_are_skipped() -> None:
    doc = _doc("a", "Putin kam.")
    bad = [
        Mention("a", 5, 100, "x", "PER"),
        Mention("a", 3, 3, "", "PER"),
        Mention("a", 6, 9, "kam", "XYZ"),  # type: ignore[arg-type]
        Mention("a", 0, 5, "Putin", "PER", "weird"),  # type: ignore[arg-type]
    ]
    links = EntityIndex().add_document(doc, bad)
    assert list(links) == [(0, 5)]
    with pytest.raises(ValueError, match="'broken'"):
        EntityIndex().add_document(Document(id="broken", text=None), [])  # type: ignore[arg-type]


def test_from_json_rejects_other_formats() -> None:
    with pytest.raises(ValueError, match="not an entity index"):
        EntityIndex.from_json({"format": "something-else"})


def test_search_and_rows() -> None:
    index = EntityIndex()
    doc = _doc("a", TEXT_A)
    index.add_document(doc, _mentions_a(doc))
    assert search(index, "Tokayev")[0].name == "Kasim-Yomart Tokajew"
    assert find(index, "kasachischen").name == "Kasachstan"
    assert find(index, "Nobody Atall") is None
    rows = index.to_rows()
    assert rows[0]["mention_count"] >= rows[-1]["mention_count"]
    json.dumps(rows)


def test_tagger_type_errors_are_repaired() -> None:
    doc = _doc(
        "a", "Treffen mit US-Außenminister Anthony Blinken. Rosatom baut. Blinken sagte, Rosatom liefere."
    )
    ms = [
        mention(doc, "Anthony Blinken"),
        mention(doc, "Rosatom", "PER"),  # a known organization tagged PER
        mention(doc, "Blinken", "ORG", nth=1),  # the person's surname tagged ORG
        mention(doc, "Rosatom", "ORG", nth=1),
    ]
    links = EntityIndex().add_document(doc, ms)
    assert links[ms[0].span] == links[ms[2].span]
    assert links[ms[1].span] == links[ms[3].span] != links[ms[0].span]


def test_bare_first_names() -> None:
    index = EntityIndex()
    d1 = _doc("1", "Hillary Clinton sprach. Hillary lachte. Später kam Mohammed bin Salman.")
    l1 = index.add_document(
        d1,
        [mention(d1, "Hillary Clinton"), mention(d1, "Hillary", nth=1), mention(d1, "Mohammed bin Salman")],
    )
    assert len(set(l1.values())) == 2  # the bare first name joined the full name of its document
    d2 = _doc("2", "Mohammed verkaufte Obst.")
    d3 = _doc("3", "Mohammed kam aus Kairo.")
    assert index.add_document(d2, [mention(d2, "Mohammed")]) == {}  # nobody in particular
    assert index.add_document(d3, [mention(d3, "Mohammed")]) == {}
