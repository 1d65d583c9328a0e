"""Time expressions: German rules as data (``lang/de/timex/``), normalized to TIMEX3 on the document date.

``tag(text, anchor)`` works on plain text; importing this package registers the spaCy factory
``ng_timex`` (``newsgraph.extract.timex.component``).
"""

from __future__ import annotations

from newsgraph.extract.timex.component import TimexTagger, make_timex
from newsgraph.extract.timex.tagger import Tagging, run, tag

__all__ = ["Tagging", "TimexTagger", "make_timex", "run", "tag"]
