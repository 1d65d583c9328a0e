"""Build the German pipeline: a blank spaCy ``de`` plus our registered components.

Components are spaCy factories registered by the modules of ``newsgraph.nlp`` and
``newsgraph.extract``; ``settings.PIPELINE`` names them in order.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Iterable
from functools import cache

import spacy
from spacy.language import Language

from newsgraph import settings
from newsgraph.nlp import extensions

# modules whose import registers the factories named in settings.PIPELINE
COMPONENT_MODULES = (
    "newsgraph.nlp.tokenizer",
    "newsgraph.nlp.sentences",
    "newsgraph.nlp.tagger",
    "newsgraph.nlp.ner",
    "newsgraph.extract.roles",
    "newsgraph.extract.timex",
    "newsgraph.extract.quotes",
    "newsgraph.extract.quantities",
    "newsgraph.extract.events.component",
)


def _import_components() -> None:
    for name in COMPONENT_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a component not written yet
            if exc.name != name:
                raise


def build(components: tuple[str, ...] | None = None, lang: str = "de") -> Language:
    """A fresh pipeline with the given components (default: ``settings.PIPELINE``)."""
    extensions.register()
    _import_components()
    nlp = spacy.blank(lang)
    customize = getattr(importlib.import_module("newsgraph.nlp.tokenizer"), "customize", None)
    if customize is not None:
        customize(nlp)
    for name in components if components is not None else settings.PIPELINE:
        nlp.add_pipe(name)
    return nlp


@cache
def get(components: tuple[str, ...] | None = None, lang: str = "de") -> Language:
    """The pipeline for this process, built once (each worker process builds its own)."""
    return build(components, lang)


def fingerprint(components: Iterable[str]) -> str:
    """What made an analysis: versions, component names and the NER model chosen (no pipeline needs to
    be built for it). Switching the NER model therefore re-analyzes documents on the next run."""
    from newsgraph import __version__

    names = ",".join(components)
    return f"newsgraph {__version__}; spacy {spacy.__version__}; {names}; ner={settings.NER_MODEL}"


def names_fingerprint(known_names: list[tuple[str, str]]) -> str:
    """What an analysis adds to the pipeline's fingerprint when it used its story's known names."""
    if not known_names:
        return ""
    digest = hashlib.sha1(json.dumps(sorted(known_names), ensure_ascii=False).encode()).hexdigest()
    return f"; names={digest[:12]}"
