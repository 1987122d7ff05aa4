"""Bad corpus files, each written by one function that returns its name, with the problem a
load names for it (``FAULTS``); and a strict load's refusal of a folder holding one."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import write, write_article
from retrieval import CorpusError, load_corpus

GOOD = "good.txt"
Fault = Callable[[Path], str]  # writes a bad file into the folder, returns its name


def add_good_article(folder: Path) -> None:
    write_article(folder, GOOD, "A Good Article", "Kim met the delegates.", "The party voted.")


def refused(folder: Path, **options: int) -> CorpusError:
    """The error a strict load of ``folder`` raises (one good article is always present)."""
    add_good_article(folder)
    with pytest.raises(CorpusError) as raised:
        load_corpus(folder, strict=True, **options)
    return raised.value


def front_matter(toml: str, body: str = "Title\n\nFirst paragraph.\n\nSecond paragraph.") -> str:
    return f"+++\n{toml}\n+++\n{body}\n"


# -- the faults, each written by one function ------------------------------------------------


def not_utf8(folder: Path) -> str:
    write(folder, "latin1.txt", "Caf\u00e9 politics\n\nThe caf\u00e9 was open.".encode("latin-1"))
    return "latin1.txt"


def empty(folder: Path) -> str:
    write(folder, "empty.txt", b"")
    return "empty.txt"


def whitespace_only(folder: Path) -> str:
    write(folder, "blank.txt", " \n\n\t\n")
    return "blank.txt"


def binary(folder: Path) -> str:
    write(folder, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return "image.txt"


def utf16(folder: Path) -> str:
    write(folder, "wide.txt", "Title\n\nBody text.".encode("utf-16"))
    return "wide.txt"


def utf16_without_bom(folder: Path) -> str:
    write(folder, "wide-le.txt", "Title\n\nBody text.".encode("utf-16-le"))
    return "wide-le.txt"


def dangling_link(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gone.txt").symlink_to(folder / "never-written.txt")
    return "gone.txt"


def long_paragraph(folder: Path) -> str:
    write_article(folder, "wall-of-text.txt", "Wall", "Short one.", "word " * 4_001)
    return "wall-of-text.txt"


def too_large(folder: Path) -> str:
    write_article(folder, "huge.txt", "Huge", "Kim " * 600)
    return "huge.txt"


def no_title(folder: Path) -> str:
    write(folder, "untitled.txt", "\nFirst paragraph, but no title above it.\n\nSecond.\n")
    return "untitled.txt"


def title_only(folder: Path) -> str:
    write(folder, "title-only.txt", "Only a Title\n")
    return "title-only.txt"


def same_slug(folder: Path) -> str:
    write_article(folder, "a.txt", "First Title", "Some text.")
    write(folder, "b.txt", front_matter('slug = "a"'))
    return "b.txt"


def same_title(folder: Path) -> str:
    write_article(folder, "first.txt", "The Same Title", "Some text.")
    write_article(folder, "second.txt", "the same title", "Other text.")
    return "second.txt"


def toml_syntax_error(folder: Path) -> str:
    write(folder, "broken.txt", front_matter('slug = "unterminated'))
    return "broken.txt"


def unknown_key(folder: Path) -> str:
    write(folder, "typo.txt", front_matter('auther = "Doug Bandow"'))
    return "typo.txt"


def bad_slug(folder: Path) -> str:
    write(folder, "slug.txt", front_matter('slug = "Not A Slug!"'))
    return "slug.txt"


def unclosed_front_matter(folder: Path) -> str:
    write(folder, "open.txt", '+++\nslug = "open"\nTitle\n\nText.\n')
    return "open.txt"


def non_body_out_of_range(folder: Path) -> str:
    write(folder, "range.txt", front_matter('[non_body]\n7 = "caption"'))
    return "range.txt"


def no_body_paragraphs(folder: Path) -> str:
    write(folder, "captions.txt", front_matter("non_body = [1, 2]"))
    return "captions.txt"


def sha_mismatch(folder: Path) -> str:
    digest = hashlib.sha256(b"something else").hexdigest()
    write(folder, "edited.txt", front_matter(f'source_sha256 = "{digest}"'))
    return "edited.txt"


def link_outside(folder: Path) -> str:
    outside = folder.parent / f"{folder.name}-outside"
    target = write_article(outside, "secret.txt", "Secret", "Not part of the corpus.")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "linked.txt").symlink_to(target)
    return "linked.txt"


def directory_with_article_suffix(folder: Path) -> str:
    (folder / "folder.txt").mkdir(parents=True)
    return "folder.txt"


FAULTS: list[tuple[Fault, str]] = [
    (not_utf8, "not UTF-8"),
    (empty, "empty"),
    (whitespace_only, "empty"),
    (binary, "binary"),
    (utf16, "is UTF-16 text, not UTF-8"),
    (utf16_without_bom, "is UTF-16 text, not UTF-8"),
    (dangling_link, "link to a file that does not exist"),
    (too_large, "limit"),
    (no_title, "no title"),
    (title_only, "no paragraphs"),
    (same_slug, "same slug"),
    (same_title, "same title"),
    (toml_syntax_error, "not valid TOML"),
    (unknown_key, "'auther'"),
    (bad_slug, "'slug'"),
    (unclosed_front_matter, "no closing"),
    (non_body_out_of_range, "paragraph 7"),
    (no_body_paragraphs, "no body paragraphs"),
    (sha_mismatch, "source_sha256"),
    (link_outside, "outside the corpus folder"),
    (directory_with_article_suffix, "not a regular file"),
]
LIMIT = {"max_file_bytes": 1000}
