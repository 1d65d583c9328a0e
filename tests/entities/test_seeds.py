"""The seed articles with hand-written mentions: every spelling of each person one entity, all person
mentions linked, no wrong merge; places and organizations merged across forms and documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Document
from newsgraph.resolve.entities import EntityIndex, find

from .conftest import spans


@pytest.fixture(scope="module")
def resolved(seeds_dir: Path, seed_spec: dict) -> tuple[EntityIndex, dict[str, set[str | None]], list]:
    index = EntityIndex()
    by_text: dict[str, set[str | None]] = {}
    all_mentions = []
    for name, table in seed_spec["doc"].items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        doc = Document(
            id=name, text=text, published="2025-11-11" if not name.startswith("004") else "2023-11-01"
        )
        mentions = spans(text, table, name)
        links = index.add_document(doc, mentions)
        for m in mentions:
            by_text.setdefault(m.text, set()).add(links.get(m.span))
            all_mentions.append((m, links.get(m.span)))
    return index, by_text, all_mentions


def test_every_person_mention_linked(resolved: tuple) -> None:
    _, _, mentions = resolved
    unlinked = [m.text for m, eid in mentions if m.type == "PER" and eid is None]
    assert unlinked == []


@pytest.mark.parametrize("group", ["Tokajew", "Putin", "Peskow", "Trump", "Tleuberdi", "Blinken", "Solowjow"])
def test_person_is_one_entity(resolved: tuple, seed_spec: dict, group: str) -> None:
    _, by_text, _ = resolved
    spec = next(g for g in seed_spec["person"] if g["name"] == group)
    ids = set().union(*(by_text[f] for f in spec["forms"]))
    assert len(ids) == 1 and None not in ids, (group, ids)


def test_no_two_people_share_an_entity(resolved: tuple, seed_spec: dict) -> None:
    _, by_text, _ = resolved
    owners: dict[str, str] = {}
    for group in seed_spec["person"] + seed_spec["place"]:
        for form in group["forms"]:
            for eid in by_text[form]:
                assert owners.setdefault(eid, group["name"]) == group["name"], (
                    form,
                    owners[eid],
                    group["name"],
                )


@pytest.mark.parametrize("group", ["USA", "Kasachstan", "Russland", "Eurasische Wirtschaftsunion", "Kreml"])
def test_place_or_org_is_one_entity(resolved: tuple, seed_spec: dict, group: str) -> None:
    index, by_text, _ = resolved
    spec = next(g for g in seed_spec["place"] if g["name"] == group)
    ids = set().union(*(by_text[f] for f in spec["forms"]))
    assert len(ids) == 1 and None not in ids, (group, ids)
    entity = index.get(next(iter(ids)))
    assert entity.name == group
    if "type" in spec:
        assert entity.type == spec["type"]


def test_tokajew_entity(resolved: tuple) -> None:
    index, _, _ = resolved
    tokajew = find(index, "Kassym-Jomart Tokayev")
    assert tokajew is not None and tokajew.type == "PER"
    assert {"Kasim-Yomart Tokajew", "Qassym-Schomart Toqajew"} <= {tokajew.name, *tokajew.aliases}
    assert len(tokajew.documents) == 3
    assert "Präsident (Kasachstan)" in tokajew.roles
    dates = {(r["role"], r["date"]) for r in tokajew.role_history}
    assert ("Präsident (Kasachstan)", "2025-11-11") in dates and ("Präsident", "2023-11-01") in dates


def test_roles_and_links(resolved: tuple) -> None:
    index, _, _ = resolved
    assert "Sprecher des Präsidenten" in find(index, "Peskow").roles
    assert "Außenminister (USA)" in find(index, "Blinken").roles
    kreml = find(index, "Kreml")
    russland = find(index, "Russland")
    assert kreml.type == "ORG" and kreml.part_of == russland.id
    assert find(index, "Stalin") is not None  # from the genitive "Stalins Dekulakisierung"
    # two different Wladimirs stay apart
    assert find(index, "Wladimir Putin").id != find(index, "Wladimir Solowjow").id
