"""What a failed input looks like: ``IngestError`` is yielded, ``IngestFailure`` raised internally."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FailureKind = Literal["unreadable", "binary", "empty", "too_large", "undecodable", "invalid"]


@dataclass(slots=True)
class IngestError:
    """One input that failed: its path (as given, or the URL) and a clear reason."""

    path: str
    reason: str
    kind: FailureKind = "invalid"


class IngestFailure(Exception):
    """Raised inside the readers for one input; turned into an ``IngestError`` by the caller."""

    def __init__(self, kind: FailureKind, reason: str) -> None:
        super().__init__(reason)
        self.kind: FailureKind = kind
        self.reason = reason

    def error(self, path: str | None) -> IngestError:
        return IngestError(path or "-", f"{self.kind}: {self.reason}", self.kind)
