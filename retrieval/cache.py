"""Where citebot keeps what it builds, so that the next process need not build it again.

A one-off command (``citebot ask``) would otherwise spend most of its time building what the
previous one built: a corpus's index and speller (``retrieval.index.saved``), the English
frequency table (``retrieval.question.frequency_table``), lemminflect's forms
(``retrieval.question.forms``). Each is saved in
``$XDG_CACHE_HOME/citebot`` (``~/.cache/citebot`` without it) under a name that holds a digest
of everything it was built from, starting with citebot's own code (``code_key``): a saved
entry is read only by the code that wrote it, never across versions, nor after any edit.

Writes are atomic (a temporary file in the same folder, renamed over the entry), so a reader
sees a whole entry or none; an entry that cannot be read is ignored, and rebuilt. A folder
that cannot be made, or that another user owns or may write to, disables saving: nothing else
changes, every process builds what it needs as it did before. Entries are Python pickles, read
only from a folder that the user alone may write to.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1  # bump when what a saved entry holds changes shape
# The libraries whose output shapes what is saved: the terms (a stemmer, numpy's arrays, word
# frequencies and forms), and the paragraphs the corpus readers make, whose positions a saved
# index is read by (Markdown, its plugins, reStructuredText, emoji names).
_SHAPING = (
    "Stemmer",
    "numpy",
    "wordfreq",
    "lemminflect",
    "markdown_it",
    "mdit_py_plugins",
    "docutils",
    "emoji",
)
KEEP = 8  # entries of one kind kept, the most recently used


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/citebot``, or ``~/.cache/citebot``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "citebot"


@cache
def code_key() -> str:
    """A digest of citebot's retrieval code, of the versions of the libraries whose output is
    saved, and of Python's: what every saved entry's name starts from."""
    digest = hashlib.sha256(f"citebot-cache {FORMAT} {sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    for module in _SHAPING:
        digest.update(_installed(module).encode())
    return digest.hexdigest()[:32]


def _installed(module: str) -> str:
    """Where a library is installed and when its files were written: an upgrade changes it,
    and importing the library, or its metadata, is not needed to tell."""
    from importlib.util import find_spec

    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        return f"{module}: missing"
    origin = spec.origin if spec is not None else None
    if not origin:
        return f"{module}: missing"
    try:
        info = os.stat(origin)
    except OSError:
        return f"{module}: {origin}"
    return f"{module}: {origin} {info.st_size} {info.st_mtime_ns}"


def key(*parts: str | bytes) -> str:
    """A digest of ``parts`` and of the code (``code_key``), for an entry's name."""
    digest = hashlib.sha256(code_key().encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()[:40]


class Cache:
    """A folder of saved entries (see the module's docstring)."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    @classmethod
    def default(cls) -> Cache:
        return cls(default_folder())

    def usable(self) -> bool:
        """Make the folder if need be (for this user alone); False when it cannot be trusted."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = self.folder.stat()
        except OSError:
            return False
        owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        return owned and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)

    def path(self, name: str) -> Path:
        return self.folder / name

    def load(self, name: str) -> Any:
        """The object saved as ``name``, or None when there is none or it cannot be read."""
        path = self.path(name)
        if not path.is_file() or not self.usable():
            return None
        try:
            with path.open("rb") as file:
                value = pickle.load(file)
        except Exception:  # a corrupt or truncated entry: ignored, and rebuilt
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by ``prune``
        return value

    def save(self, name: str, value: Any) -> None:
        """Save ``value`` as ``name``, atomically; quietly nothing when that fails."""
        self.write(name, [pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)])

    def write(self, name: str, chunks: Iterable[bytes]) -> bool:
        """Write ``chunks`` as the entry ``name``, atomically; False when that failed."""
        if not self.usable():
            return False
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                for chunk in chunks:
                    file.write(chunk)
            os.replace(temporary, self.path(name))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return False
        self.prune(name.split("-", 1)[0])
        return True

    def mapped(
        self, name: str, chunks: Callable[[], Iterable[bytes]], read: Callable[[mmap.mmap], T]
    ) -> T | None:
        """The entry ``name`` mapped from its file and read by ``read``, written from
        ``chunks()`` first when there is none or it cannot be read (a ValueError from ``read``:
        truncated), once; None when the cache is not usable or the write fails."""
        path = self.path(name)
        for _ in range(2):
            if path.is_file() and self.usable():
                try:
                    with path.open("rb") as file:
                        return read(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
                except (OSError, ValueError):
                    pass  # unreadable or truncated: written again below, once
            if not self.write(name, chunks()):
                return None
        return None

    def prune(self, kind: str) -> None:
        """Keep the ``KEEP`` most recently used entries whose names start with ``kind-``."""
        try:
            entries = [p for p in self.folder.iterdir() if p.name.startswith(kind + "-")]
            entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for stale in entries[KEEP:]:
            with contextlib.suppress(OSError):
                stale.unlink()
