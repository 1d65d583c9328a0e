"""Custom ``Doc`` attributes through which pipeline components hand records to each other.

``doc._.document`` is the ``Document`` being analyzed (its id and date anchor everything);
each extractor appends its records to its own list, which later components may read
(quotes read mentions, quantities read timexes and quotes, events read all of them).
"""

from __future__ import annotations

from spacy.tokens import Doc

LIST_ATTRS = ("mentions", "timexes", "quantities", "quotes", "events")


def register() -> None:
    """Register the attributes (idempotent)."""
    if not Doc.has_extension("document"):
        Doc.set_extension("document", default=None)
    for name in LIST_ATTRS:
        if not Doc.has_extension(name):
            # a getter-less default list would be shared between docs; use a factory via getter
            Doc.set_extension(name, default=None)


def records(doc: Doc, name: str) -> list:
    """The list of records ``name`` on ``doc``, created on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


register()
