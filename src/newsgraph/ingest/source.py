"""One input to read: a display path and a way to open its bytes, with the size limit enforced."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsgraph import settings
from newsgraph.ingest.errors import IngestFailure

HEAD_BYTES = 65536  # bytes looked at to sniff the kind of an input


@dataclass(slots=True)
class Input:
    """``path`` is what the user gave (joined with the file name found under a directory); None for stdin."""

    path: str | None
    opener: Callable[[], BinaryIO]
    size: int | None = None
    name: str = ""  # the file name, for dispatch by extension ("" for stdin)
    head_bytes: bytes | None = None  # known head (stdin, which cannot be reopened)

    def open(self) -> BinaryIO:
        try:
            return self.opener()
        except FileNotFoundError as exc:
            raise IngestFailure("unreadable", "no such file") from exc
        except PermissionError as exc:
            raise IngestFailure("unreadable", "permission denied") from exc
        except IsADirectoryError as exc:
            raise IngestFailure("unreadable", "is a directory") from exc
        except OSError as exc:
            raise IngestFailure("unreadable", exc.strerror or str(exc)) from exc

    def read_all(self) -> bytes:
        """The whole input, refused when over ``settings.MAX_INPUT_BYTES``."""
        limit = settings.MAX_INPUT_BYTES
        if self.size is not None and self.size > limit:
            raise IngestFailure("too_large", f"{self.size} bytes, over the limit of {limit}")
        with self.open() as fh:
            try:
                data = fh.read(limit + 1)
            except OSError as exc:
                raise IngestFailure("unreadable", exc.strerror or str(exc)) from exc
        if len(data) > limit:
            raise IngestFailure("too_large", f"more than {limit} bytes, over the limit")
        return data

    def head(self) -> bytes:
        if self.head_bytes is not None:
            return self.head_bytes
        with self.open() as fh:
            try:
                return fh.read(HEAD_BYTES)
            except OSError as exc:
                raise IngestFailure("unreadable", exc.strerror or str(exc)) from exc


class _Prefixed(io.RawIOBase):
    """A stream that yields ``head`` first, then the rest of ``rest`` (stdin read once, sniffed)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def stdin_input() -> Input:
    """Standard input, which can be read only once: its head is kept for sniffing."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream without bytes underneath (tests, embedding)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    head = stream.read(HEAD_BYTES)
    used = False

    def opener() -> BinaryIO:
        nonlocal used
        if used:
            raise OSError("standard input was already read")
        used = True
        return io.BufferedReader(_Prefixed(head, stream))

    return Input(path=None, opener=opener, name="", head_bytes=head)


def file_input(path: str, name: str | None = None) -> Input:
    size: int | None
    try:
        size = os.stat(path).st_size
    except OSError:
        size = None  # opening will report why
    return Input(path=path, opener=lambda: open(path, "rb"), size=size, name=name or os.path.basename(path))


def expand(inputs: list[str] | tuple[str, ...]) -> Iterator[Input]:
    """Inputs as given; directories walked recursively in sorted order, hidden entries skipped."""
    for given in inputs:
        if given == "-":
            yield stdin_input()
        elif os.path.isdir(given):
            yield from _walk(given)
        else:
            yield file_input(given)


def _walk(root: str) -> Iterator[Input]:
    failed: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=failed.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            if os.path.exists(path) and not os.path.isfile(path):  # a pipe or device would block or never end
                yield _failing(OSError(0, "not a regular file", path), root)
            else:
                yield file_input(path, name)
        while failed:  # a subdirectory that could not be listed is reported, not skipped silently
            yield _failing(failed.pop(0), root)
    for exc in failed:
        yield _failing(exc, root)


def _failing(exc: OSError, root: str) -> Input:
    """An input that reports ``exc`` (unreadable) when opened."""

    def opener() -> BinaryIO:
        raise exc

    return Input(path=exc.filename or root, opener=opener, name="")
