"""Quantity extraction: every number with its unit, qualifier, measure, subjects, time and speaker.

Modules: ``lexicon`` (vocabulary from ``lang/<lang>/quantities/``), ``numbers`` (number scanner),
``finder`` (units, qualifiers, ranges, ranks), ``context``/``measure``/``scope`` (what, who, when),
``discourse`` (anaphora, relative clauses, circumstances, speech frames), ``chain`` (what one number
passes on to the next),
``component`` (the spaCy factory ``ng_quantities``).
"""

from __future__ import annotations

from newsgraph.extract.quantities.component import QuantityExtractor, make_quantities
from newsgraph.extract.quantities.finder import Found, atoms, find

__all__ = ["Found", "QuantityExtractor", "atoms", "find", "make_quantities"]
