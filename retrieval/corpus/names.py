"""What a file's name says of its article: its slug, and the title of an article that names
itself nowhere else (a Markdown page without a ``#`` heading, a text whose first line is text:
``retrieval.corpus.headings.opens_with_text``).

Docs sites and wikis often title a page by its file name or their navigation, not by a ``#``
heading: the page opens with text or with ``## Overview``. Titled by its first heading, every
such page of a folder was "Overview" (and the folder refused, two articles with one title);
titled by its first line, it lost that line to the title. Its file name is what the site
shows: ``Getting-Started.md`` is "Getting Started", ``02_sync_limits.md`` "Sync limits".
"""

from __future__ import annotations

import re
from collections import Counter

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NUMBERED = re.compile(r"^\d+[\s_.-]+(?=[^\W\d_])")  # "02-", "10_", "3. ": ordering only
_SEPARATORS = re.compile(r"[\s_-]+")


def slug_from_filename(stem: str) -> str:
    """``000-Cato Kim congress`` -> ``cato-kim-congress``: numbering prefixes only order files."""
    slug = _NON_SLUG.sub("-", stem.casefold()).strip("-")
    slug = re.sub(r"^\d+-(?=[a-z])", "", slug)
    return slug[:80].strip("-") or "article"


def title_from_filename(stem: str, text: str = "") -> str:
    """``02_sync-limits`` -> ``Sync limits``: words apart, a numbering prefix left out, the
    first letter capitalised; the name's other letters as written ("FAQ", "iOS setup"), or as
    the page's ``text`` writes the word, when that is with a capital inside it or throughout
    ("faq.md" on FAQs is "FAQ", "github-setup.md" "GitHub setup"): file names are often
    lowercase only because paths are."""
    words = _SEPARATORS.sub(" ", _NUMBERED.sub("", stem.strip())).strip()
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
