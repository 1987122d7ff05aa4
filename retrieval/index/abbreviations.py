"""Abbreviations an article defines: "the Korean Workers' Party (KWP)", then "the KWP".

Once an article has written a name out with its abbreviation in brackets, it uses the
abbreviation alone, and a question that names the body in words ("the workers' party") does
not find those paragraphs. So a later paragraph that uses the abbreviation also carries the
words of its long form, searchable as if written there.

The long form is found as Schwartz and Hearst (2003) find it: a short form of two to
``MAX_SHORT`` characters, at least two of them capitals, in brackets right after the words it
abbreviates; reading both from the end, each letter of the short form must appear in order in
the words before the bracket, the first one starting a word, within ``min(len + 5, 2 * len)``
words. Only the clause before the bracket is read, and only an article's first
``MAX_DEFINED`` abbreviations are carried, so hostile text costs time linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import islice

MAX_SHORT = 10
MAX_DEFINED = 100  # an article's first bracketed ones; each is looked for in later paragraphs
_DEFINED = re.compile(rf"\(([A-Za-z][\w.&-]{{1,{MAX_SHORT - 1}}})\)")
_CLAUSE_END = re.compile(r"[.!?;:()\[\]]")


def long_form(short: str, before: str) -> str | None:
    """The words at the end of ``before`` that ``short`` abbreviates, or None."""
    words = before.split()
    limit = min(len(short) + 5, 2 * len(short))
    candidate = " ".join(words[-limit:])
    s, at = len(short) - 1, len(candidate) - 1
    while s >= 0:
        letter = short[s].casefold()
        if not letter.isalnum():
            s -= 1
            continue
        while at >= 0 and (
            candidate[at].casefold() != letter
            or (s == 0 and at > 0 and candidate[at - 1].isalnum())
        ):
            at -= 1
        if at < 0:
            return None
        at -= 1
        s -= 1
    start = candidate.rfind(" ", 0, at + 1) + 1
    found = candidate[start:].strip()
    return found if len(found) > len(short) else None


def _brackets(paragraphs: Sequence[str]) -> Iterator[tuple[int, str, re.Match[str]]]:
    """(paragraph number, its text, the match) for each bracketed short form, in order."""
    for number, text in enumerate(paragraphs):
        for match in _DEFINED.finditer(text):
            if sum(c.isupper() for c in match.group(1)) >= 2:
                yield number, text, match


def _definitions(paragraphs: Sequence[str]) -> Iterator[tuple[int, str, str]]:
    """(paragraph number, short form, long form) for each "Long Form (LF)" among the
    article's first ``MAX_DEFINED`` bracketed short forms."""
    for number, text, match in islice(_brackets(paragraphs), MAX_DEFINED):
        head = text[max(0, match.start() - 40 * MAX_SHORT) : match.start()]
        ends = list(_CLAUSE_END.finditer(head))
        if ends:
            head = head[ends[-1].end() :]
        long = long_form(match.group(1), head)
        if long is not None:
            yield number, match.group(1), long


def _first_use(text: str, short: str) -> int:
    """Where ``short`` first stands as a word of its own in ``text`` ("KWP's"), or -1."""
    at = text.find(short)
    while at >= 0:
        after = at + len(short)
        if (at == 0 or not text[at - 1].isalnum()) and (
            after == len(text) or not text[after].isalnum()
        ):
            return at
        at = text.find(short, after)
    return -1


def defined_abbreviations(paragraphs: Sequence[str]) -> list[list[tuple[int, str]]]:
    """For each paragraph, (offset of a defined abbreviation's first use, its long form),
    for abbreviations an earlier paragraph defined with one long form only."""
    if _DEFINED.search("\n".join(paragraphs)) is None:  # one search, for most articles
        return [[] for _ in paragraphs]  # no bracket holds one (none spans a line's end)
    longs: dict[str, set[str]] = {}
    defined_in: dict[str, int] = {}
    for number, short, long in _definitions(paragraphs):
        longs.setdefault(short, set()).add(long)
        defined_in.setdefault(short, number)
    usable = {short: next(iter(given)) for short, given in longs.items() if len(given) == 1}
    if not usable:
        return [[] for _ in paragraphs]
    used: list[list[tuple[int, str]]] = []
    for number, text in enumerate(paragraphs):
        found = [
            (at, long)
            for short, long in usable.items()
            if defined_in[short] < number and (at := _first_use(text, short)) >= 0
        ]
        used.append(sorted(found))
    return used
