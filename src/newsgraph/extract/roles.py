"""``ng_roles``: the role noun next to each person mention (runs after ``ng_ner``).

Sets ``Mention.role`` to the normalized role phrase found left of the name or as an apposition right
of it: *Präsident von Kasachstan*, *kasachische Außenminister*, *Sprecher des Präsidenten*,
*US-Außenminister*. The vocabulary is ``lang/<lang>/entities/roles.toml``; the matching lives in
``newsgraph.resolve.rolewords`` so that resolve can read roles back (noun + country) and the quotes
extractor can resolve *der Präsident* with ``role_holder``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import settings
from newsgraph.model import Mention
from newsgraph.nlp import extensions
from newsgraph.resolve import rolewords


def annotate(text: str, mentions: list[Mention], lang: str = settings.DEFAULT_LANGUAGE) -> int:
    """Set ``role`` on the PER name mentions of ``text`` that have none; returns how many got one."""
    n = 0
    for m in mentions:
        if m.type != "PER" or m.form != "name" or m.role:
            continue
        try:
            role = rolewords.find_role(text, m.start, m.end, lang)
        except (ValueError, IndexError):  # one odd mention never stops the document
            continue
        if role is not None:
            m.role = role.text
            n += 1
    return n


def role_holder(
    role_text: str, mentions: list[Mention], before: int | None = None, lang: str = settings.DEFAULT_LANGUAGE
) -> Mention | None:
    """The person a bare role refers to (*der Präsident*, *der russische Staatschef*): the nearest PER
    mention before ``before`` whose role names the same office (synonyms and country respected)."""
    wanted = rolewords.parse_role(role_text, lang)
    if wanted is None:
        return None
    holders = role_holders(wanted, mentions, before, lang)
    return holders[-1] if holders else None


def role_holders(
    wanted: rolewords.Role,
    mentions: list[Mention],
    before: int | None = None,
    lang: str = settings.DEFAULT_LANGUAGE,
) -> list[Mention]:
    """The PER mentions starting before ``before`` whose role names the office ``wanted``, in text order."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type != "PER" or not m.role or (before is not None and m.start >= before):
            continue
        have = rolewords.parse_role(m.role, lang)
        if have is not None and rolewords.same_office(wanted, have):
            out.append(m)
    return out


class RolesComponent:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        rolewords.lexicon(lang)  # load the data once, at pipeline build time

    def __call__(self, doc: Doc) -> Doc:
        mentions = extensions.records(doc, "mentions")
        if mentions:
            annotate(doc.text, mentions, self.lang)
        return doc


@Language.factory("ng_roles", requires=["doc._.mentions"], assigns=["doc._.mentions"])
def make_roles(nlp: Language, name: str) -> RolesComponent:
    return RolesComponent(nlp.lang or settings.DEFAULT_LANGUAGE)
