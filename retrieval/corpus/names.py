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

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NUMBERED = re.compile(r"^\d+[\s_.-]+(?=[^\W\d_])")  # "02-", "10_", "3. ": ordering only
_SEPARATORS = re.compile(r"[\s_-]+")


def slug_from_filename(stem: str) -> str:
    """``000-Cato Kim congress`` -> ``cato-kim-congress``: numbering prefixes only order files."""
    slug = _NON_SLUG.sub("-", stem.casefold()).strip("-")
    slug = re.sub(r"^\d+-(?=[a-z])", "", slug)
    return slug[:80].strip("-") or "article"


def title_from_filename(stem: str) -> str:
    """``02_sync-limits`` -> ``Sync limits``: words apart, a numbering prefix left out, the
    first letter capitalised; the name's other letters as written ("FAQ", "iOS setup")."""
    words = _SEPARATORS.sub(" ", _NUMBERED.sub("", stem.strip())).strip()
    if not words:
        return stem.strip() or "Untitled"
    return words[0].upper() + words[1:]
