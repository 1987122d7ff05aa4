"""Article files changed on disk so that a crash at any moment leaves a folder that loads.

A new file is written whole under a hidden staging folder (which the loader ignores), flushed
to disk, validated there under its final name exactly as a reload validates it, and only then
renamed into the corpus folder, one atomic step. Nothing is deleted: a removed article, or the
version a replacement supersedes, moves to ``removed/`` inside the corpus folder (also ignored
by the loader), whence ``restore`` brings it back.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from retrieval import Article, Corpus, CorpusError
from retrieval.corpus.files import ARTICLE_SUFFIXES, suffixes_named
from retrieval.corpus.loader import load_article, load_corpus

REMOVED = "removed"
SUPERSEDED = "replaced"  # removed/replaced/<UTC stamp>-<name>: versions a change superseded
STAGING_PREFIX = ".citebot-staging-"
MAX_NAME_CHARS = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class Refused(Exception):
    """A change that cannot be made; the message is one line for the moderator."""


@dataclass(frozen=True)
class Staged:
    """A validated new file, not yet in the corpus folder."""

    article: Article
    path: Path  # inside the staging folder
    name: str  # its name in the corpus folder
    replaces: Article | None  # the article of the same slug it would replace


def safe_name(filename: str) -> str:
    """The name a file gets in the corpus folder; Refused for a name that tries a path trick.

    No separators, no parent references, no hidden or control-character names: those only come
    from a modified client, and are refused rather than guessed at. Other characters outside
    ``A-Z a-z 0-9 . _ -`` become ``-`` (accents are dropped first), so the name is plain.
    """
    shown = filename[:80]
    if not filename or any(sep in filename for sep in ("/", "\\", "\x00")):
        raise Refused(f"{shown!r}: a file name with a folder in it; send a plain name")
    if filename.startswith(".") or ".." in filename:
        raise Refused(f"{shown!r}: a hidden or dotted file name; name it like article.txt")
    if any(unicodedata.category(c).startswith("C") for c in filename):
        raise Refused(f"{shown!r}: control characters in the file name; rename the file")
    stem, dot, suffix = filename.rpartition(".")
    if not dot or f".{suffix.lower()}" not in ARTICLE_SUFFIXES:
        raise Refused(f"{shown!r}: not an article file; attach a {suffixes_named()} file")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    clean = _UNSAFE.sub("-", ascii_stem).strip("-.")[: MAX_NAME_CHARS - 4]
    if not clean:
        raise Refused(f"{shown!r}: no usable file name; name it like article.txt")
    return f"{clean}.{suffix.lower()}"


def stage(folder: Path, name: str, data: bytes, corpus: Corpus, max_file_bytes: int) -> Staged:
    """Write ``data`` under a staging folder and validate it against ``corpus``.

    The staging folder is the caller's to remove (``discard``). Raises Refused with the reason
    ``citebot check`` would give (CorpusError's one line).
    """
    staging = _staging_folder(folder)
    path = staging / name
    _write_synced(path, data)
    try:
        article = load_article(path, root=folder, max_file_bytes=max_file_bytes)
        replaces = corpus.by_slug.get(article.slug)
        others = [a for a in corpus if a.slug != article.slug]
        Corpus([*others, article])  # duplicate slugs and titles, as a reload checks them
    except CorpusError as error:
        discard(path)
        raise Refused(str(error)) from None
    if replaces is not None and replaces.source and replaces.source != name:
        # The same file, so the article keeps its number: validated again under that name,
        # since a slug taken from the file name would change with it.
        renamed = staging / replaces.source
        os.replace(path, renamed)
        try:
            again = load_article(renamed, root=folder, max_file_bytes=max_file_bytes)
        except CorpusError as error:
            discard(renamed)
            raise Refused(str(error)) from None
        if again.slug != article.slug:
            discard(renamed)
            raise Refused(
                f"{name}: replaces {article.slug}, whose file is {replaces.source}; add "
                f'slug = "{article.slug}" to its front matter, or send it as {replaces.source}'
            )
        return Staged(again, renamed, replaces.source, replaces)
    if replaces is None and (folder / name).exists():
        discard(path)
        raise Refused(f"{name}: a file of that name already holds another article; rename it")
    return Staged(article, path, name, replaces)


def check(name: str, data: bytes, corpus: Corpus, max_file_bytes: int) -> Article:
    """Validate a file against ``corpus`` without touching any corpus folder (Refused)."""
    with tempfile.TemporaryDirectory(prefix=STAGING_PREFIX) as scratch:
        staged = stage(Path(scratch), name, data, corpus, max_file_bytes)
        return staged.article


def commit(folder: Path, staged: Staged) -> Path | None:
    """Put a staged file in place: a copy of the superseded version to removed/replaced/,
    then one rename. Returns that copy (None for a new article)."""
    target = folder / staged.name
    kept = None
    if staged.replaces is not None and target.exists():
        kept = _superseded(folder, staged.name)
        _write_synced(kept, target.read_bytes())
        _sync_folder(kept.parent)
    os.replace(staged.path, target)
    _sync_folder(folder)
    discard(staged.path)
    return kept


def undo_commit(folder: Path, name: str, kept: Path | None) -> None:
    """Undo ``commit``: the new file to removed/replaced/, the superseded version back."""
    os.replace(folder / name, _superseded(folder, name))
    if kept is not None:
        _write_synced(folder / f"{STAGING_PREFIX}{name}", kept.read_bytes())
        os.replace(folder / f"{STAGING_PREFIX}{name}", folder / name)
    _sync_folder(folder)


def discard(staged_path: Path) -> None:
    """Remove a staging folder and what is left in it."""
    shutil.rmtree(staged_path.parent, ignore_errors=True)


def remove(folder: Path, article: Article) -> Path:
    """Move ``article``'s file to removed/ (an older removed copy to removed/replaced/)."""
    if not article.source:
        raise Refused(f"{article.slug}: no file to remove")
    removed = folder / REMOVED
    removed.mkdir(exist_ok=True)
    target = removed / article.source
    if target.exists():
        os.replace(target, _superseded(folder, article.source))
    os.replace(folder / article.source, target)
    _sync_folder(removed)
    _sync_folder(folder)
    return target


def unremove(folder: Path, source: str) -> None:
    """Undo ``remove`` (when the reload after it fails)."""
    os.replace(folder / REMOVED / source, folder / source)
    _sync_folder(folder)


def removed_articles(folder: Path, max_file_bytes: int) -> Corpus | None:
    """What removed/ holds, read as a lenient corpus; None when it holds nothing readable."""
    removed = folder / REMOVED
    if not removed.is_dir():
        return None
    try:
        return load_corpus(removed, strict=False, max_file_bytes=max_file_bytes)
    except CorpusError:
        return None


def restore(folder: Path, article: Article, corpus: Corpus) -> None:
    """Move a removed article back, if it fits beside ``corpus``; Refused otherwise."""
    source = article.source or ""
    if (folder / source).exists():
        raise Refused(f"{source}: a file of that name is in the corpus again; remove it first")
    try:
        Corpus([*corpus, article])
    except CorpusError as error:
        raise Refused(str(error)) from None
    os.replace(folder / REMOVED / source, folder / source)
    _sync_folder(folder)


def copy_articles(source: Path, target: Path) -> None:
    """``target`` made as a copy of ``source``'s article files, appearing whole or not at all."""
    staging = _staging_folder(target.parent)
    for path in sorted(source.iterdir()):
        if path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith("."):
            _write_synced(staging / path.name, path.read_bytes())
    _sync_folder(staging)
    os.rename(staging, target)
    _sync_folder(target.parent)


def clean_staging(folder: Path) -> None:
    """Remove staging folders a crash left behind (the loader ignores them anyway)."""
    with contextlib.suppress(OSError):
        for path in folder.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(path, ignore_errors=True)


def _staging_folder(parent: Path) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f"{STAGING_PREFIX}{secrets.token_hex(6)}"
    staging.mkdir()
    return staging


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("xb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def _superseded(folder: Path, name: str) -> Path:
    target = folder / REMOVED / SUPERSEDED / _stamped(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _stamped(name: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{name}"


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
