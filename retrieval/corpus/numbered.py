"""A numbered list's items by their numbers: "rule 3" is the third item of a list of rules.

A list is written as ``retrieval.corpus.markdown`` writes one, and as plain text does: an
item a line, opening with its number and a full stop ("3. Keep content safe for work."), the
lines of a nested list indented below it. A passage is a numbered list when at least two of
its lines open so at no indent (as ``retrieval.corpus.sentences`` splits one); what comes
before its first item is its introduction ("To join the server:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval import patterns
from retrieval.corpus.sentences import NUMBERED_MARKER

_ITEM_LINE = patterns.compile(rf"^{NUMBERED_MARKER}", re.MULTILINE)  # an item at no indent


@dataclass(frozen=True, slots=True)
class NumberedList:
    """A passage's numbered items: ``items`` maps each number to its text's span (marker
    left out, nested lines kept); ``introduction`` is the text before the first item."""

    items: dict[int, tuple[int, int]]
    introduction: str

    @property
    def last(self) -> int:
        """The number of the last item."""
        return max(self.items)


def numbered_list(text: str) -> NumberedList | None:
    """The numbered list ``text`` is, or None when fewer than two of its lines are items."""
    if "\n" not in text:
        return None
    markers = list(_ITEM_LINE.finditer(text))
    if len(markers) < 2:
        return None
    items: dict[int, tuple[int, int]] = {}
    for marker, following in zip(markers, [*markers[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        items.setdefault(int(marker.group("number")), (marker.end(), len(text[:end].rstrip())))
    return NumberedList(items, text[: markers[0].start()].strip())
