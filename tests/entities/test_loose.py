"""Loose transliteration keys (Toshkent = Taschkent), markers, compound heads and institutions, coordinated
adjectives: the data files' examples, then the EntityIndex across documents."""

from __future__ import annotations

import pytest

from newsgraph.lang import load_toml
from newsgraph.model import Document, Mention
from newsgraph.resolve import compounds, gazetteer, names
from newsgraph.resolve.entities import EntityIndex, search

from .conftest import mention

TRANSLIT = load_toml("de", "entities/transliteration.toml")
COMPOUNDS = load_toml("de", "entities/compounds.toml")
NAMES = load_toml("de", "entities/names.toml")


def _loose(text: str) -> set[str]:
    gaz = gazetteer.load("de")
    return set(names.loose_keys([*gaz.keys(text), *compounds.class_keys(text, gaz.keys)]))


# --- data examples ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [(r["name"], a, b) for r in TRANSLIT["loose"] for a, b in r["examples"]],
)
def test_loose_rule_example(name: str, given: str, expected: str) -> None:
    rule = next(r for r in names.loose_rules("de") if r.name == name)
    assert rule.pattern.sub(rule.to[0], given) == expected


@pytest.mark.parametrize(("a", "b"), [tuple(p) for t in TRANSLIT["loose_key"] for p in t["meet"]])
def test_loose_keys_meet(a: str, b: str) -> None:
    assert _loose(a) & _loose(b), (a, b, _loose(a), _loose(b))


@pytest.mark.parametrize(("a", "b"), [tuple(p) for t in TRANSLIT["loose_key"] for p in t["apart"]])
def test_loose_keys_apart(a: str, b: str) -> None:
    assert not _loose(a) & _loose(b), (a, b)


@pytest.mark.parametrize(
    ("name", "surface", "hit"),
    [(m["name"], s, True) for m in TRANSLIT["marker"] for s in m["matches"]]
    + [(m["name"], s, False) for m in TRANSLIT["marker"] for s in m["misses"]],
)
def test_marker_example(name: str, surface: str, hit: bool) -> None:
    pattern = dict(names.markers("de"))[name]
    assert bool(pattern.search(surface)) is hit


def test_short_names_get_no_loose_key() -> None:
    assert names.loose_keys(names.keys("Oman")) == []  # 4 letters: below settings.LOOSE_KEY_MIN_LETTERS
    assert not any(names.CLASS_SEP in k for k in _loose("EU-Pipeline"))  # a class key: letters of its stem


@pytest.mark.parametrize("token", NAMES["genitive_non_examples"])
def test_no_genitive_after_sibilant(token: str) -> None:
    assert names.genitive_bases(token) == ()


@pytest.mark.parametrize(("a", "b"), [tuple(p) for c in COMPOUNDS["head_class"] for p in c["examples"]])
def test_head_class_example(a: str, b: str) -> None:
    assert _loose(a) & _loose(b), (a, b)


@pytest.mark.parametrize(("a", "b"), [tuple(p) for c in COMPOUNDS["head_class"] for p in c.get("apart", [])])
def test_head_class_apart(a: str, b: str) -> None:
    assert not _loose(a) & _loose(b), (a, b)


@pytest.mark.parametrize(
    ("form", "expected"),
    [(f, True) for i in COMPOUNDS["institution"] for f in i["examples"]]
    + [(f, False) for i in COMPOUNDS["institution"] for f in i.get("not", [])],
)
def test_institution_example(form: str, expected: bool) -> None:
    assert compounds.institution(form) is expected


def test_coordinated_adjective_parts() -> None:
    gaz = gazetteer.load("de")
    assert [e.name for e in gaz.adjective_parts("usbekisch-russischen")] == ["Usbekistan", "Russland"]
    assert [e.name for e in gaz.adjective_parts("US-amerikanische")] == ["USA"]
    assert gaz.adjective("usbekisch-russischen").name == "Usbekistan"
    assert gaz.lookup_loose("Oʻzbekiston", "LOC").name == "Usbekistan"
    assert gaz.lookup_loose("Oʻzbekiston", "ORG") is None


# --- across documents -------------------------------------------------------------------------------

MARKED = " Der Ökonom Rustam Qodirov bestätigte das."  # "Qodirov" marks a document as Uzbek Latin


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text, published=f"2026-03-1{doc_id[-1]}")


def _place_doc(doc_id: str, name: str, type_: str, marked: bool) -> tuple[Document, list[Mention]]:
    doc = _doc(
        doc_id,
        f"Die Delegation reiste am Montag nach {name} und blieb zwei Tage." + (MARKED if marked else ""),
    )
    ms = [mention(doc, name, type_)]
    if marked:
        ms.append(mention(doc, "Rustam Qodirov"))
    return doc, ms


def _same(pairs: list[tuple[Document, list[Mention]]]) -> bool:
    index = EntityIndex()
    ids = [index.add_document(doc, ms)[ms[0].span] for doc, ms in pairs]
    return len(set(ids)) == 1


LOC_PAIRS = [
    ("Taschkent", "Toshkent"),
    ("Buchara", "Buxoro"),
    ("Karakul", "Qorakoʻl"),
    ("Karakul", "Qorako'l"),
]


@pytest.mark.parametrize(("a", "b"), LOC_PAIRS)
@pytest.mark.parametrize("order", ["german-first", "uzbek-first"])
def test_places_meet_across_documents(a: str, b: str, order: str) -> None:
    pairs = [_place_doc("d1", a, "LOC", False), _place_doc("d2", b, "LOC", True)]
    assert _same(pairs if order == "german-first" else pairs[::-1])


@pytest.mark.parametrize(
    ("a", "b"), [("Turan-Pipeline", "Turon-Gasleitung"), ("Turan-Pipeline", "Turon-Pipeline")]
)
def test_compound_misc_meets(a: str, b: str) -> None:
    assert _same([_place_doc("d1", a, "MISC", False), _place_doc("d2", b, "MISC", True)])


def test_no_loose_link_without_a_marker() -> None:
    assert not _same([_place_doc("d1", "Toronto", "LOC", False), _place_doc("d2", "Taranto", "LOC", False)])
    assert not _same([_place_doc("d1", "Turan", "LOC", False), _place_doc("d2", "Turon", "LOC", False)])


def test_no_loose_link_across_types() -> None:
    assert not _same([_place_doc("d1", "Taschkent", "LOC", False), _place_doc("d2", "Toshkent", "ORG", True)])


def _person_doc(doc_id: str, name: str) -> tuple[Document, list[Mention]]:
    doc = _doc(doc_id, f"{name} sagte am Montag, man sei zufrieden.")
    return doc, [mention(doc, name)]


def test_person_loose_needs_compatible_given_names() -> None:
    assert _same([_person_doc("d1", "Nodira Sadykowa"), _person_doc("d2", "Nodira Sodiqova")])
    assert _same([_person_doc("d1", "Nodira Sodiqova"), _person_doc("d2", "Nodira Sadykowa")])
    assert not _same([_person_doc("d1", "Anna Sadykowa"), _person_doc("d2", "Nodira Sodiqova")])
    assert not _same([_person_doc("d1", "Sodiqova"), _person_doc("d2", "Sadykowa")])  # bare surnames


def test_coordinated_adjective_mentions_both_countries() -> None:
    doc = _doc("d1", "Russland und Usbekistan feierten das usbekisch-russische Abkommen.")
    ms = [
        mention(doc, "Russland", "LOC"),
        mention(doc, "Usbekistan", "LOC"),
        mention(doc, "usbekisch-russische", "LOC", "deriv"),
    ]
    index = EntityIndex()
    links = index.add_document(doc, ms)
    assert links[ms[2].span] == links[ms[1].span] != links[ms[0].span]
    russia = index.get(links[ms[0].span])
    assert russia is not None and russia.mention_count == 2 and russia.documents == ["d1"]


def test_institution_compounds_are_their_own_entities() -> None:
    doc = _doc("d1", "Die EU und die EU-Kommission warnten; das US-Finanzministerium und die USA schwiegen.")
    ms = [
        mention(doc, "EU", "ORG"),
        mention(doc, "EU-Kommission", "ORG", "part"),
        mention(doc, "US-Finanzministerium", "LOC", "part"),
        mention(doc, "USA", "LOC"),
    ]
    index = EntityIndex()
    links = index.add_document(doc, ms)
    assert len({links[m.span] for m in ms}) == 4
    ministry = index.get(links[ms[2].span])
    assert ministry is not None and ministry.type == "ORG" and ministry.part_of == links[ms[3].span]
    assert index.get(links[ms[1].span]).name == "Europäische Kommission"


def test_genitive_joins_its_nominative_in_the_document() -> None:
    doc = _doc(
        "d1", "Nach Recherchen des Steppenkuriers, eines Exilmediums, berichtete der Steppenkurier weiter."
    )
    ms = [mention(doc, "Steppenkuriers", "ORG"), mention(doc, "Steppenkurier", "ORG", nth=1)]
    links = EntityIndex().add_document(doc, ms)
    assert links[ms[0].span] == links[ms[1].span]


def test_loose_keys_survive_serialization() -> None:
    index = EntityIndex()
    doc, ms = _place_doc("d1", "Taschkent", "LOC", False)
    first = index.add_document(doc, ms)[ms[0].span]
    restored = EntityIndex.from_json(index.dumps())
    doc2, ms2 = _place_doc("d2", "Toshkent", "LOC", True)
    assert restored.add_document(doc2, ms2)[ms2[0].span] == first


def test_search_finds_an_unseen_transliteration() -> None:
    index = EntityIndex()
    doc, ms = _place_doc("d1", "Taschkent", "LOC", False)
    index.add_document(doc, ms)
    assert [e.name for e in search(index, "Toshkent")] == ["Taschkent"]


def test_an_index_saved_without_loose_keys_gets_them_on_load() -> None:
    index = EntityIndex()
    doc, ms = _place_doc("d1", "Taschkent", "LOC", False)
    first = index.add_document(doc, ms)[ms[0].span]
    data = index.to_json()
    for item in data["entities"]:
        item.pop("loose", None)
        item.pop("marked", None)
    restored = EntityIndex.from_json(data)
    doc2, ms2 = _place_doc("d2", "Toshkent", "LOC", True)
    assert restored.add_document(doc2, ms2)[ms2[0].span] == first
