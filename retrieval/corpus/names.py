"""What a file's name says of its article: its slug, and the title of an article that names
itself nowhere else (a Markdown page without a ``#`` heading, a text whose first line is text:
``retrieval.corpus.headings.opens_with_text``).

Docs sites and wikis often title a page by its file name or their navigation, not by a ``#``
heading: the page opens with text or with ``## Overview``. Titled by its first heading, every
such page of a folder was "Overview" (and the folder refused, two articles with one title);
titled by its first line, it lost that line to the title. Its file name is what the site
shows: ``Getting-Started.md`` is "Getting Started", ``02_sync_limits.md`` "Sync limits".

A file name can also say nothing: an export or a scraper names a file by a number, a hash or
an id (``000_5c8dd65fb8a023d2.txt``, ``3.txt``). Its slug, which every citation shows
("5c8dd65fb8a023d2 ¶6"), is then made from the article's title, as a site makes a page's
address ("a-moment-to-engage-north-korea ¶6"): its first words, ``TITLE_SLUG_CHARS`` at most.
"""

from __future__ import annotations

import re
from collections import Counter

from retrieval import patterns

_NON_SLUG = patterns.compile(r"[^a-z0-9]+")
_NUMBERED = patterns.compile(r"^\d+[\s_.-]+(?=[^\W\d_])")  # "02-", "10_", "3. ": ordering only
_SEPARATORS = patterns.compile(r"[\s_-]+")
# A name of numbers and hexadecimal ids only, each id with a digit ("5c8dd65f"; "decade" and
# "facade" are words): it names no article.
_NAMELESS = patterns.compile(r"(?:\d+|[0-9a-f]*\d[0-9a-f]*)(?:-(?:\d+|[0-9a-f]*\d[0-9a-f]*))*")
# An id an export appends to a page's name: Notion's 32 hexadecimal digits ("Onboarding Guide
# 3f2a9c1e8b7d4a6f9e0c1b2a3d4e5f60.md"), a UUID; 16 digits at least, one of them a number.
_TRAILING_ID = patterns.compile(
    r"[\s_-]+(?=[0-9a-f-]*\d)(?:[0-9a-f]{16,}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$",
    re.IGNORECASE,
)
TITLE_SLUG_CHARS = 48  # a citation stays short: "a-spectacular-opportunity-to-engage-kim-jong-un"


def slug_from_filename(stem: str) -> str:
    """``000-Cato Kim congress`` -> ``cato-kim-congress``: numbering prefixes only order files,
    and an export's id after the name (``_TRAILING_ID``) names nothing."""
    slug = _NON_SLUG.sub("-", without_id(stem).casefold()).strip("-")
    slug = re.sub(r"^\d+-(?=[a-z])", "", slug)
    return slug[:80].strip("-") or "article"


def without_id(stem: str) -> str:
    """A file's name without the id an export appends to it (``_TRAILING_ID``), when a name
    is left."""
    found = _TRAILING_ID.search(stem)
    return stem[: found.start()] if found and found.start() > 0 else stem


def names_nothing(stem: str) -> bool:
    """Whether a file name is numbers and ids only (``000_5c8dd65fb8a023d2``, ``3``,
    ``2024-05-01``): a slug is then made from the article's title (``slug_from_title``)."""
    return _NAMELESS.fullmatch(slug_from_filename(stem)) is not None


def slug_from_title(title: str) -> str:
    """``A Moment to Engage North Korea`` -> ``a-moment-to-engage-north-korea``: its words up
    to ``TITLE_SLUG_CHARS``, cut between two; "" when it has no letter or digit a slug keeps
    (a title in another script)."""
    slug = _NON_SLUG.sub("-", title.casefold()).strip("-")
    if len(slug) > TITLE_SLUG_CHARS:
        cut = slug[: TITLE_SLUG_CHARS + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else cut[:TITLE_SLUG_CHARS]
    return slug.strip("-")


def title_from_filename(stem: str, text: str = "") -> str:
    """``02_sync-limits`` -> ``Sync limits``: words apart, a numbering prefix left out, the
    first letter capitalised; the name's other letters as written ("FAQ", "iOS setup"), or as
    the page's ``text`` writes the word, when that is with a capital inside it or throughout
    ("faq.md" on FAQs is "FAQ", "github-setup.md" "GitHub setup"): file names are often
    lowercase only because paths are."""
    words = _SEPARATORS.sub(" ", _NUMBERED.sub("", without_id(stem.strip()))).strip()
    if not words:
        return stem.strip() or "Untitled"
    if text:
        words = " ".join(_as_written(word, text) for word in words.split(" "))
    first = words.split(" ", 1)[0]
    if any(letter.isupper() for letter in first[1:]):  # "iOS" stays "iOS"
        return words
    return words[0].upper() + words[1:]


def _as_written(word: str, text: str) -> str:
    """``word`` as ``text`` most often writes it, when that form has a capital past its first
    letter ("FAQ", "iOS", "GitHub"); else as it is."""
    if not word.isalpha() or not word.islower():
        return word
    forms = Counter(re.findall(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))
    if not forms:
        return word
    written = forms.most_common(1)[0][0]
    return written if any(letter.isupper() for letter in written[1:]) else word
