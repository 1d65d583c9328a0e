"""Language of a text: lingua, restricted to ``settings.DETECT_LANGUAGES``; built once per process."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsgraph import settings

if TYPE_CHECKING:
    from lingua import LanguageDetector


@cache
def _detector(languages: tuple[str, ...]) -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.from_str(code) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short or lingua is not confident enough."""
    sample = text[: settings.LANGUAGE_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    values = _detector(tuple(settings.DETECT_LANGUAGES)).compute_language_confidence_values(sample)
    if not values or values[0].value < settings.LANGUAGE_MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()
