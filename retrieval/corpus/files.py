"""A corpus folder's files: which are articles, and their bytes, read within a size limit,
never through a link out of the folder, with an error a moderator can act on."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from retrieval.corpus.models import CorpusError

ARTICLE_SUFFIXES = (".txt", ".md", ".mdx", ".rst", ".docx")
MARKDOWN_SUFFIXES = (".md", ".mdx")  # MDX is Markdown with a site's code in it (Docusaurus)
RST_SUFFIXES = (".rst",)  # reStructuredText: Sphinx's and docutils' pages
DOCX_SUFFIXES = (".docx",)  # Word documents, as Word and Google Docs save them
DEFAULT_MAX_FILE_BYTES = 5_000_000


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def suffixes_named() -> str:
    """The article files' suffixes as a sentence says them: ".txt, .md, .mdx, .rst or .docx"."""
    *first, last = ARTICLE_SUFFIXES
    return f"{', '.join(first)} or {last}"


def wide_encoding(data: bytes) -> str | None:
    """ "UTF-16"/"UTF-32" for text saved that way (a byte-order mark, or, without one, a NUL
    beside every ASCII character), which would otherwise look like a binary file."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    head = data[: min(len(data), 400) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    for nuls, text in ((odd, even), (even, odd)):
        if len(head) >= 4 and not nuls.strip(b"\x00") and printable_ascii(text):
            return "UTF-16"
    return None


def printable_ascii(data: bytes) -> bool:
    return all(32 <= byte < 127 or byte in b"\t\n\r" for byte in data)


def other_files(directory: Path | str) -> list[str]:
    """Names of the files in ``directory`` that are not articles (so ``load_corpus`` skips them).

    Hidden files (``.gitkeep``) and folders are left out: nobody meant them as articles.
    """
    folder = Path(directory)
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        path.name
        for path in entries
        if path.suffix.lower() not in ARTICLE_SUFFIXES
        and not path.name.startswith(".")
        and path.is_file()
    ]


def folders_with_articles(directory: Path | str) -> dict[str, int]:
    """The folders inside ``directory`` that hold article files themselves, and how many:
    ``load_corpus`` reads one folder's files, so a docs tree's ``guide/`` is not read, and a
    moderator should hear so. Hidden folders are left out."""
    found: dict[str, int] = {}
    try:
        entries = sorted(Path(directory).iterdir())
    except OSError:
        return found
    for path in entries:
        if path.name.startswith(".") or not path.is_dir():
            continue
        try:
            count = len(article_files(path))
        except CorpusError:
            continue
        if count:
            found[path.name] = count
    return found


def article_files(folder: Path) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise CorpusError(str(folder), f"cannot list the folder ({error.strerror})") from None
    return [
        path
        for path in entries
        if path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")
    ]


def read_bytes(path: Path, name: str, root: Path | None, max_file_bytes: int) -> bytes:
    link = path.is_symlink()
    if link and not path.exists():
        raise CorpusError(name, "is a link to a file that does not exist; fix or remove the link")
    if root is not None and link:
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(Path(os.path.realpath(root))):
            raise CorpusError(name, "is a link to a file outside the corpus folder; copy it in")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # before the size: a folder's size says nothing
            raise CorpusError(name, "is not a regular file")
        if info.st_size > max_file_bytes:
            raise too_large(name, info.st_size, max_file_bytes)
        with path.open("rb") as file:
            # The size seen, and a byte more to tell whether it grew: a read of the limit
            # would make a buffer of the limit first, for every file.
            data = file.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += file.read(max_file_bytes + 1 - len(data))
        if len(data) > max_file_bytes:  # it grew after the size check
            raise too_large(name, len(data), max_file_bytes)
        return data
    except PermissionError:
        raise CorpusError(name, "cannot be read (permission denied)") from None
    except FileNotFoundError:
        raise CorpusError(name, "disappeared while loading; try again") from None
    except OSError as error:
        raise CorpusError(name, f"cannot be read ({error.strerror})") from None


def too_large(name: str, size: int, limit: int) -> CorpusError:
    """The one reason given for a file over the limit, in a folder or as an upload."""
    return CorpusError(name, f"{size:,} bytes is over the {limit:,}-byte limit; split the article")
