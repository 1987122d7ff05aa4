"""Who wrote an article and where it ran, as its own lines say when no front matter does.

An article pasted from a site has no front matter, but its byline ("By Jane Doe"), its notice
("This article first appeared on the Cato Institute site.", "\u00a9 2024 The Ledger"), its
author's bio ("Doug Bandow is a senior fellow at ...") and its contact line ("To contact the
reporter on this story: Jane Doe in London at ...", "To contact the senior editor responsible
for Bloomberg View's editorials: ...") say what a front matter's ``author`` and ``publisher``
would. Read from those lines alone (the roles ``retrieval.corpus.layout`` gives them), they
name the article as its card, its source line, ``!summary cato`` and "what does the cato
writer think" expect. A name the front matter gives wins; a line that names no one gives
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from retrieval import patterns
from retrieval.corpus.layout import (
    NEWSROOM_JOBS,
    PERSON,
    bio_name,
    byline,
    names_its_publication,
)
from retrieval.corpus.models import BODY
from retrieval.corpus.sentences import sentence_spans

# An organisation as notices and contact lines write it: capitalised words, with "of", "for",
# "on", "and", "&" or "the" between them ("Council on Foreign Relations", "The Conversation").
# An initialism's dots ("U.S. News") are the name's; a dot ending another word ends the
# sentence ("... for The Ledger. Follow her on X").
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&-]*(?:\.[\w&-]+)*)"
_ORGANISATION = rf"{_WORD}(?: (?:(?:of|on|for|and|&|the) )?{_WORD})*"
# "... first appeared on the Cato Institute site.", "... originally published in The Atlantic.",
# "... appeared in the June issue of Foreign Affairs": the last such name of its first sentence.
_RAN_IN = patterns.compile(rf"\b(?:on|in|at|by|from|of) (?:the )?(?P<name>{_ORGANISATION})")
# "\u00a9 2024 The Ledger", "Copyright 2016 Cato Institute. All rights reserved.": the holder.
_COPYRIGHT = patterns.compile(
    r"^(?:\u00a9|\([cC]\)|Copyright|COPYRIGHT)\s*\u00a9?\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{2,4})?,?\s+)?"
    rf"(?:by )?(?P<name>{_ORGANISATION})"
)
# "... responsible for Bloomberg View's editorials": the outlet whose staff the line names.
_OUTLETS_OWN = patterns.compile(rf"(?P<name>{_ORGANISATION})['\u2019]s\b")
# "... is a climate correspondent for the Desert Ledger": a journalist's bio names the outlet (a
# fellow's or a professor's names where they work, not where the article ran).
_WRITES_FOR = patterns.compile(
    rf"\b(?:{NEWSROOM_JOBS}) (?:for|at|with|of) (?:the )?(?P<name>{_ORGANISATION})"
)
# "... is a Guardian columnist", "... is a Bloomberg Opinion columnist": the outlet before the job.
_OUTLETS_WRITER = patterns.compile(
    rf"\b(?:is|was) an? (?P<name>{_ORGANISATION}) (?:{NEWSROOM_JOBS})\b"
)
# "..., Science Correspondent", "..., Staff Writer": a byline's job, not its outlet.
_JOB = patterns.compile(rf"\b(?:{NEWSROOM_JOBS}|staff|analyst|producer|chief)s?\b", re.IGNORECASE)
# "To contact the reporter on this story: Jane Doe in London at ...": the writer.
_WRITER = patterns.compile(
    r"\b(?:reporters?|authors?|writers?|correspondents?|columnists?)\b[^:]{0,40}: "
    rf"(?P<name>{PERSON})"
)

# Credit lines are short; a name is read from a line's first characters alone, so that a long
# paragraph opening "To contact" costs no more than a short one (the patterns backtrack over a
# run of capitalised words).
MAX_CREDIT_CHARS = 300


def credited(roles_and_texts: Iterable[tuple[str, str]]) -> tuple[str | None, str | None]:
    """``(publisher, author)`` as an article's byline, notice, bio and contact lines give them
    (each ``(role, text)`` of its paragraphs, in order); None where none does."""
    publisher: str | None = None
    author: str | None = None
    outlet: str | None = None  # a bio's or a byline's: a notice's or a contact line's name wins
    for role, text in roles_and_texts:
        line = text.strip()[:MAX_CREDIT_CHARS]
        if role == "byline" and (found := byline(line)):
            author = author or found[0]
            outlet = outlet or _outlet(found[1])
        elif role == "bio":
            author = author or bio_name(line)
            outlet = outlet or _first(_WRITES_FOR, line) or _outlet_before_job(line)
        elif role == "notice" and names_its_publication(line):
            opening = _first_sentence(line)
            publisher = publisher or _first(_COPYRIGHT, opening) or _last(_RAN_IN, opening)
        elif role == "contact":
            author = author or _first(_WRITER, line)
            publisher = publisher or _first(_OUTLETS_OWN, line)
    return publisher or outlet, author


def name_lines(roles_and_texts: Sequence[tuple[str, str]], author: str) -> list[int]:
    """The numbers (from 1) of the body paragraphs that are ``author``'s name alone, as a blog
    writes it over its post: a byline without its "By". None when no other body is left."""
    wanted = " ".join(author.split()).casefold()
    named = [
        number
        for number, (role, text) in enumerate(roles_and_texts, start=1)
        if role == BODY and " ".join(text.split()).casefold() == wanted
    ]
    body = sum(role == BODY for role, _ in roles_and_texts)
    return named if len(named) < body else []


def _outlet(tail: str | None) -> str | None:
    """The outlet a byline names after its writers ("CNN", "BBC News"), not their job
    ("Science Correspondent")."""
    if tail is None or _JOB.search(tail) or not re.fullmatch(_ORGANISATION, tail.strip()):
        return None
    return tail.strip()


def _outlet_before_job(bio: str) -> str | None:
    """The outlet a bio names before the writer's job ("a Guardian columnist"); not an award
    ("a Pulitzer Prize-winning columnist")."""
    name = _first(_OUTLETS_WRITER, bio)
    return None if name is None or re.search(r"-[a-z]", name) else name


def _first_sentence(line: str) -> str:
    spans = sentence_spans(line)  # "... appeared in U.S. News." ends at "News.", not "U."
    return line[: spans[0][1]] if spans else line


def _last(pattern: re.Pattern[str], line: str) -> str | None:
    names = [found["name"] for found in pattern.finditer(line)]
    return names[-1].rstrip(".") if names else None


def _first(pattern: re.Pattern[str], line: str) -> str | None:
    found = pattern.search(line)
    return found["name"].rstrip(".") if found else None  # a sentence's end, not the name's
