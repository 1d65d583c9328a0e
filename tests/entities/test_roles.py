"""Role nouns next to person mentions: roles.toml examples, the ng_roles component, role_holder."""

from __future__ import annotations

import pytest

from newsgraph.extract import roles
from newsgraph.lang import load_toml
from newsgraph.model import Document, Mention
from newsgraph.resolve import rolewords

ROLES = load_toml("de", "entities/roles.toml")["role"]


@pytest.mark.parametrize("entry", ROLES, ids=lambda e: e["name"])
def test_role_example(entry: dict) -> None:
    text, person = entry["example"], entry["person"]
    start = text.find(person)
    role = rolewords.find_role(text, start, start + len(person))
    assert role is not None and role.text == entry["expected"]
    # the normalized text parses back to the same noun and place
    again = rolewords.parse_role(role.text)
    assert again is not None and again.noun == role.noun and again.place == role.place


@pytest.mark.parametrize(
    ("role_text", "noun", "place"),
    [
        ("Präsident von Kasachstan", "Präsident", "Kasachstan"),
        ("kasachische Außenminister", "Außenminister", "Kasachstan"),
        ("US-Außenminister", "Außenminister", "USA"),
        ("Sprecher des Präsidenten", "Sprecher", None),
        ("russische Präsident", "Präsident", "Russland"),
    ],
)
def test_parse_role(role_text: str, noun: str, place: str | None) -> None:
    role = rolewords.parse_role(role_text)
    assert role is not None and (role.noun, role.place) == (noun, place)


@pytest.mark.parametrize(
    ("text", "person", "expected", "place"),
    [
        (
            "Der Energieminister Russlands, Aleksandr Kovalyov, kam.",
            "Aleksandr Kovalyov",
            "Energieminister Russlands",
            "Russland",
        ),
        (
            "Der Energieminister der Russischen Föderation, Aleksandr Kovalyov, kam.",
            "Aleksandr Kovalyov",
            "Energieminister der Russischen Föderation",
            "Russland",
        ),
        (
            "Der Präsident der Vereinigten Staaten, Joe Biden, kam.",
            "Joe Biden",
            "Präsident der Vereinigten Staaten",
            "USA",
        ),
        (
            "Der Chef der Deutschen Bank, Christian Sewing, sagte das.",
            "Christian Sewing",
            "Chef der Deutschen Bank",
            None,
        ),
    ],
)
def test_role_with_genitive_complement_left(text: str, person: str, expected: str, place: str | None) -> None:
    start = text.find(person)
    role = rolewords.find_role(text, start, start + len(person))
    assert role is not None and (role.text, role.place) == (expected, place)


@pytest.mark.parametrize(
    "text",
    [
        "Der Gipfel fand in Washington statt, sagte Wladimir Putin am Abend.",
        "Die Regierung der Republik sagte, Wladimir Putin sei gekommen.",
        "Mit seinem russischen Amtskollegen Wladimir Putin sprach er lange.",
    ],
)
def test_no_role(text: str) -> None:
    start = text.find("Wladimir Putin")
    assert rolewords.find_role(text, start, start + len("Wladimir Putin")) is None


def test_component_sets_roles_and_role_holder() -> None:
    from newsgraph.nlp import extensions, pipeline

    text = (
        "sagte Dmitri Peskow, Sprecher des Präsidenten, in Moskau. Der russische Präsident Wladimir Putin "
        "kam später. Bemerkte der Präsident."
    )
    nlp = pipeline.build(("ng_roles",))
    doc = nlp.make_doc(text)
    doc._.document = Document(id="d", text=text)
    mentions = extensions.records(doc, "mentions")
    for name in ("Dmitri Peskow", "Wladimir Putin"):
        s = text.find(name)
        mentions.append(Mention("d", s, s + len(name), name, "PER"))
    mentions.append(Mention("d", text.find("Moskau"), text.find("Moskau") + 6, "Moskau", "LOC"))
    doc = nlp.get_pipe("ng_roles")(doc)
    got = {m.text: m.role for m in doc._.mentions}
    assert got == {
        "Dmitri Peskow": "Sprecher des Präsidenten",
        "Wladimir Putin": "russische Präsident",
        "Moskau": None,
    }
    holder = roles.role_holder("der Präsident", doc._.mentions, before=text.find("Bemerkte"))
    assert holder is not None and holder.text == "Wladimir Putin"
    assert roles.role_holder("der Staatschef", doc._.mentions).text == "Wladimir Putin"
    assert roles.role_holder("der Außenminister", doc._.mentions) is None


def test_ng_roles_is_in_the_pipeline_after_ner() -> None:
    from newsgraph import settings

    assert "ng_roles" in settings.PIPELINE
    if "ng_ner" in settings.PIPELINE:
        assert settings.PIPELINE.index("ng_ner") < settings.PIPELINE.index("ng_roles")


def test_preposition_is_not_part_of_the_role() -> None:
    text = "bei einer Pressekonferenz mit US-Außenminister Anthony Blinken, dass"
    start = text.find("Anthony Blinken")
    role = rolewords.find_role(text, start, start + len("Anthony Blinken"))
    assert role is not None and role.text == "US-Außenminister" and role.place == "USA"
