"""Story clustering: the same story joins, a background piece from another time stays apart, agency copies
are marked, and a story keeps its id as documents join it."""

from __future__ import annotations

from newsgraph.resolve.stories import StoryDoc, cluster, containment, shingles, within_window

VISIT = (
    "Der kasachische Präsident Tokajew ist zu einem Staatsbesuch in Moskau eingetroffen. Tokajew und Putin "
    "wollen eine Erklärung über eine strategische Allianz unterzeichnen. Das Handelsvolumen zwischen "
    "Kasachstan und Russland lag zuletzt bei fast 30 Milliarden Dollar, Russland investierte 4 Milliarden."
)
TALKS = (
    "Putin hat Tokajew im Kreml empfangen. Bei den Gesprächen in Moskau ging es um die strategische Allianz "
    "zwischen Russland und Kasachstan, um Investitionen von etwa 27 Milliarden und um das Handelsvolumen."
)
BACKGROUND = (
    "Kasachstan ist siebeneinhalb Mal so groß wie Deutschland. Seit 1994 pachtet Russland das Gelände von "
    "Baikonur. Im Jahr 2022 betrug die Uranproduktion des Landes 21.300 Tonnen; Putin und Tokajew trafen "
    "sich damals in Astana. Die Grenze zwischen Kasachstan und Russland ist rund 7.600 Kilometer lang."
)
OTHER = "Der FC Wacker gewann das Derby gegen Rapid mit drei zu eins, der Trainer lobte die Abwehr."
ENTITIES = frozenset({"tokajew", "putin", "kasachstan", "russland", "moskau"})


def docs() -> list[StoryDoc]:
    return [
        StoryDoc("efe", VISIT, "2025-11-11", entities=ENTITIES),
        StoryDoc("tass", TALKS, "2025-11-12", entities=ENTITIES | {"kreml"}),
        StoryDoc(
            "bg", BACKGROUND, None, entities=ENTITIES - {"moskau"} | {"astana"}, years=frozenset({1994, 2022})
        ),
        StoryDoc("sport", OTHER, "2025-11-12", entities=frozenset({"wacker", "rapid"})),
    ]


def story_sets(result) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in result.stories}


def test_same_story_joins_background_and_other_news_stay_apart() -> None:
    result = cluster(docs())
    assert story_sets(result) == {frozenset({"efe", "tass"}), frozenset({"bg"}), frozenset({"sport"})}


def test_undated_document_is_placed_by_the_years_it_names() -> None:
    dated = StoryDoc("a", "", "2025-11-11")
    assert not within_window(dated, StoryDoc("b", "", None, years=frozenset({1994, 2022})))
    assert within_window(dated, StoryDoc("c", "", None, years=frozenset({2024})))
    assert within_window(dated, StoryDoc("d", "", None))  # names no year: not constrained
    assert not within_window(dated, StoryDoc("e", "", "2025-12-01"))


def test_near_duplicate_is_marked_with_the_later_as_copy() -> None:
    more = (
        "Nach den Gesprächen im Kreml traten beide Präsidenten vor die Presse. Tokajew sprach von "
        "einer neuen Etappe, Putin lobte die Zusammenarbeit in der Energie und beim Kernkraftwerk."
    )
    wire = StoryDoc("wire", TALKS + " " + more, "2025-11-12", entities=ENTITIES)
    copy = StoryDoc(
        "copy",
        wire.text + " Ein Leser aus Nordstadt kommentierte den Besuch.",
        "2025-11-13",
        entities=ENTITIES,
    )
    result = cluster([*docs(), wire, copy])
    assert ("copy", "wire") in result.duplicates
    assert not any("efe" in pair or "bg" in pair for pair in result.duplicates)
    assert containment(shingles(wire.text), shingles(copy.text)) > 0.9


def test_a_shared_stub_is_no_copy() -> None:
    stub = "Der Volltext dieses Artikels steht aus rechtlichen Gründen nicht mehr zur Verfügung."
    result = cluster(
        [StoryDoc("a", "Wahl in Wien. " + stub), StoryDoc("b", "Explosion in Istanbul. " + stub)]
    )
    assert result.duplicates == []


def test_story_id_is_stable_as_documents_join() -> None:
    first = {frozenset(s.documents): s.id for s in cluster(docs()[:1] + docs()[3:]).stories}
    later = {s.id for s in cluster(docs()).stories if "efe" in s.documents}
    assert first[frozenset({"efe"})] in later
