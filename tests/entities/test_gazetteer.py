"""Countries, places, organizations, inflection and ambiguity: every data entry's example."""

from __future__ import annotations

import pytest

from newsgraph.lang import load_toml
from newsgraph.resolve import gazetteer

GAZ = gazetteer.load("de")
COUNTRIES = load_toml("de", "entities/countries.toml")["country"]
PLACES = load_toml("de", "entities/places.toml")["place"]
ORGS = load_toml("de", "entities/orgs.toml")["org"]
INFL = load_toml("de", "entities/inflection.toml")
AMBIG = load_toml("de", "entities/ambiguity.toml")["ambiguous"]


def _resolve(text: str) -> gazetteer.Entry | None:
    return GAZ.lookup(text) or GAZ.adjective(text) or GAZ.prefix(text)


@pytest.mark.parametrize("entry", COUNTRIES, ids=lambda e: e["iso"])
def test_country_example(entry: dict) -> None:
    hit = _resolve(entry["example"])
    assert hit is not None and hit.id == f"country:{entry['iso']}" and hit.name == entry["name"]
    for adj in entry.get("adjectives", []):
        assert GAZ.adjective(adj + "en").id == hit.id


@pytest.mark.parametrize("entry", PLACES, ids=lambda e: e["name"])
def test_place_example(entry: dict) -> None:
    hit = _resolve(entry["example"])
    assert hit is not None and hit.name == entry["name"]
    assert hit.country == entry.get("country")


@pytest.mark.parametrize("entry", ORGS, ids=lambda e: e["name"])
def test_org_example(entry: dict) -> None:
    hit = GAZ.lookup(entry["example"])
    assert hit is not None and hit.name == entry["name"] and hit.type == entry.get("type", "ORG")


@pytest.mark.parametrize(("a", "b"), [tuple(e) for e in INFL["nonfinal_examples"]])
def test_nonfinal_inflection(a: str, b: str) -> None:
    assert GAZ.primary_key(a) == GAZ.primary_key(b)


@pytest.mark.parametrize(("form", "base"), [tuple(e) for e in INFL["adjective_examples"]])
def test_adjective_inflection(form: str, base: str) -> None:
    assert GAZ.adjective(form) is not None and GAZ.adjective(form) == GAZ.adjective(base)


def _ambiguity_cases() -> list[tuple[str, str, str, str, str | None]]:
    return [(a["name"], *e[:3], e[3] if len(e) > 3 else None) for a in AMBIG for e in a["examples"]]


@pytest.mark.parametrize(("name", "text", "surface", "sense", "tagged"), _ambiguity_cases())
def test_ambiguity_example(name: str, text: str, surface: str, sense: str, tagged: str | None) -> None:
    amb = GAZ.ambiguity(surface)
    assert amb is not None and amb.name == name
    start = text.find(surface)
    assert GAZ.choose_sense(amb, text, start, start + len(surface), tagged).id == sense


def test_ambiguous_senses_point_at_known_places() -> None:
    for amb in GAZ.ambiguous.values():
        for sense in amb.senses:
            if sense.place:
                assert GAZ.lookup(sense.place, allow_ambiguous=True) is not None, sense.place


def test_kreml_is_an_organization_of_russia() -> None:
    hit = GAZ.lookup("Kreml")
    assert hit.type == "ORG" and hit.country == "RU"


def test_not_confused() -> None:
    assert GAZ.adjective("weißrussischen").name == "Belarus"
    assert GAZ.lookup("Kasan") is None  # a city not in the data: its name key decides, not the country
    assert GAZ.lookup("Georgia") is None  # ambiguous: decided by context
