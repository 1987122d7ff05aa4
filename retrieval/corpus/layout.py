"""Recognising lines that are not body text: photo captions and credits, bylines, notices (and
the lines a page adds: ``retrieval.corpus.page_furniture``), bios, contacts.

They stay searchable (a question about the author must find the bio) but summaries skip them.
Files can list them explicitly in their front matter; these rules cover plain text files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from retrieval import patterns
from retrieval.corpus import page_furniture
from retrieval.lexicon import TEXT_NOUNS, alternatives

_CREDIT_LINE = patterns.compile(
    r"^(?:photo(?:graph)?(?:er)?s?|image|picture|credit|illustration|video|source)\s*:",
    re.IGNORECASE,
)
# "... (Photo: Reuters)" and "... [Getty Images]" end captions as well as a bare credit does.
_TRAILING_CREDIT = patterns.compile(
    r"(?:/via \w+|getty images|reuters|associated press|\bAP photo|\bAFP)[)\]]?\.?\s*$",
    re.IGNORECASE,
)
# "Solar panels on a roof. Photograph: Gareth Fuller/PA": a caption closed by its credit.
# "Workers on the span. Credit...Hilary Swift for The New York Times" likewise.
_INLINE_CREDIT = patterns.compile(
    r"\b(?:photo(?:graph)?|image|illustration|picture|credit)s?:\s*[^.!?:]{1,80}$"
    r"|\bcredit(?:\.{2,}|\u2026)\s*[^!?:]{1,80}$",
    re.IGNORECASE,
)
# A sentence naming the agency as its source is body text: "an official told Reuters."
_SOURCED = patterns.compile(
    r"\b(?:told|to|with|said|says)\s+(?:the\s+)?(?:reuters|associated press|AFP|AP)\.?\s*$",
    re.IGNORECASE,
)
# "This article first appeared on...", "Originally published in...", "Reprinted with
# permission from...", "© 2024 The Ledger", "Copyright 2016 Cato Institute. All rights reserved."
_NOTICE = patterns.compile(
    rf"^(?:this|the) (?:{alternatives(TEXT_NOUNS)}) "
    r"(?:was )?(?:first |originally )?(?:appeared|published|ran)"
    r"|^(?:originally|first) (?:appeared|published|posted) (?:in|on|at|by)\b"
    r"|^(?:reprinted|republished) (?:with permission )?(?:from|by)\b"
    r"|^(?:\u00a9|\(c\) |copyright\b)",
    re.IGNORECASE,
)
# Notices that name no publication: a print edition's ("A version of this article appears in
# print on ..."), a correction ("This article was amended on 15 May 2025."), a call for letters.
_OTHER_NOTICE = patterns.compile(
    rf"^an? (?:version|edition) of this (?:{alternatives(TEXT_NOUNS)}) (?:appears|appeared|ran)\b"
    rf"|^(?:this|the|an earlier version of this) (?:{alternatives(TEXT_NOUNS)}) "
    r"(?:was|has been|had been|is being) (?:amended|corrected|updated|edited|changed)\b"
    r"|^(?:correction|clarification|editor['\u2019]s note)\s*:"
    rf"|^do you have an opinion on the issues raised in this (?:{alternatives(TEXT_NOUNS)})\b",
    re.IGNORECASE,
)
_CONTACT = patterns.compile(
    r"^(?:to contact|contact (?:the )?(?:author|editor|us))\b", re.IGNORECASE
)
# A person's name as bios and bylines write it: two to four capitalised words ("Doug Bandow",
# "Mary K. O'Neil"), not opening with a determiner ("The Scot was...", "By The Numbers",
# "Our Energy correspondent").
_NAME_WORD = r"[A-Z][\w.'\u2019-]*"
_NOT_A_NAME = r"(?!(?:The|A|An|Our|This|These|Its|His|Her|Their|THE)\b)"
PERSON = rf"{_NOT_A_NAME}{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}"
_BIO = patterns.compile(
    rf"^(?P<name>{PERSON}),? (?:is|was|writes|has been) "
    r"(?:an? |the )?(?:[\w-]+ ){0,3}"
    r"(?:fellow|editor|columnist|professor|author|writer|correspondent|director|analyst|"
    r"reporter|contributor|journalist|researcher|scholar|president|founder|chair)",
)
# "By Jane Doe", "By Jane Doe and John Roe, Science Correspondent", "By JANE DOE | Reuters": no
# sentence, names and at most a short description after them.
_BYLINE = patterns.compile(
    rf"^(?:By|BY|by|Written by|WRITTEN BY) (?P<name>{PERSON})(?:(?:,| and| &) {PERSON})*"
    r"(?: ?[,|\u2013\u2014-] (?P<tail>[^.!?]{1,60}))?$"
)
# "Jane Whitfield Energy correspondent" over the date, as some papers write a byline: the
# shortest name before at most two words and the writer's job.
_STAFF_BYLINE = patterns.compile(
    rf"^(?P<name>{_NOT_A_NAME}{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}?)"
    r" (?:[\w-]+ ){0,2}(?:correspondent|editor|reporter|writer|columnist)s?$",
)
NEWSROOM_JOBS = "correspondent|editor|columnist|reporter|writer|contributor|journalist"
# A writer's job on the line under a byline: "Contributing columnist", "Science correspondent",
# "Senior Fellow - Economic Studies".
_JOB_LINE = patterns.compile(
    rf"^(?:[\w'\u2019-]+ ){{0,3}}(?:{NEWSROOM_JOBS}|critic|fellow|scholar|professor|director"
    r"|analyst|researcher|economist)s?(?: *[-\u2013\u2014,|] *[\w .&'\u2019-]{1,40})?$",
    re.IGNORECASE,
)
# Under a byline a page also prints the writer's handle (its likes and dates are the page's).
_HANDLE = patterns.compile(r"^@\w{1,30}$")
_NAME_ALONE = patterns.compile(PERSON)
# The sections closing a wiki or an encyclopedia page: its sources and links, not its text
# ("Notes" and "Sources" head text in docs: "## Sources" configures a package index).
_BACK_MATTER = patterns.compile(
    r"(?:references|citations|bibliography|external links|further reading|footnotes|see also"
    r"|related (?:content|articles|stories|topics|reading|posts|links))",
    re.IGNORECASE,
)
_CAPTION_MAX_WORDS = 15
_HEAD = 3  # captions, credits and bylines sit at the start of an article
_TAIL = 2  # bios and contact lines sit at the end of an article


@lru_cache(maxsize=4)
def classified(paragraphs: tuple[str, ...]) -> dict[int, str]:
    """``classify``, read once for the same paragraphs: the loader asks for a text's blocks'
    roles to find its headings, then for its body paragraphs', the same blocks when it has
    none. The result is only read."""
    return classify(paragraphs)


def classify(paragraphs: Sequence[str]) -> dict[int, str]:
    """Paragraph number (from 1) -> role, for every paragraph that is not body text."""
    roles: dict[int, str] = {}
    lines = [text.strip() for text in paragraphs]
    asides = [_aside(line) for line in lines]
    for at, line in enumerate(lines):  # "Opinion" over the headline, with the page's lines
        if page_furniture.is_label(line):
            asides[at] = "notice"
        elif asides[at] is None:
            break
    head, tail = _places(asides)
    for number, (line, aside) in enumerate(zip(lines, asides, strict=True), start=1):
        if _CREDIT_LINE.match(line):
            roles[number] = "credit"
            before = lines[number - 2] if number > 1 else ""
            if before and number - 1 not in roles and len(before.split()) <= _CAPTION_MAX_WORDS:
                roles[number - 1] = "caption"
        elif head[number] <= _HEAD and _closing_credit(line) and not _SOURCED.search(line):
            roles[number] = "caption"
        elif (head[number] <= _HEAD or line.startswith(("Written", "WRITTEN"))) and byline(line):
            roles[number] = "byline"  # "Written by ..." closes a blog post
        elif head[number] <= _HEAD and number not in roles and _name_over_job(lines, number - 1):
            roles[number] = roles[number + 1] = "byline"  # "Jordan Ellis" over "Senior Fellow"
        elif aside in ("notice", "contact"):
            roles[number] = aside
        elif head[number] <= 1 and page_furniture.are_properties(line.split("\n")):
            roles[number] = "notice"  # "Created: ...", "Owner: ..." under the title
        elif tail[number] <= _TAIL and _BIO.match(line):
            roles[number] = "bio"
    roles.update(dict.fromkeys(page_furniture.page_numbers(paragraphs), "notice"))
    buttons = [number for number, aside in enumerate(asides, start=1) if aside == "button"]
    roles.update(dict.fromkeys(page_furniture.beside_furniture(buttons, roles.keys()), "notice"))
    return roles


def _aside(line: str) -> str | None:
    """What a stripped paragraph is when it stands aside from the text: a notice (a publication
    notice or a page's furniture), a contact line, or a button's word alone; else None."""
    if _NOTICE.match(line) or _OTHER_NOTICE.match(line) or page_furniture.is_furniture(line):
        return "notice"
    if _CONTACT.match(line):
        return "contact"
    if page_furniture.is_button(line) or page_furniture.is_stamp(line):
        return "button"  # the page's only beside the page's lines ("Share", "June 3, 2025")
    return None


def _places(asides: Sequence[str | None]) -> tuple[dict[int, int], dict[int, int]]:
    """Each paragraph's place (from 1) counted from the start and from the end, among those
    that are not a page's furniture, a notice or a contact line (``_aside``): a bio followed
    by "Share this article" and "Read more: ..." still closes the article, and a caption under
    a blog's row of buttons still opens it."""
    aside = [kind is not None for kind in asides]
    head: dict[int, int] = {}
    tail: dict[int, int] = {}
    count = 0
    for number, skipped in enumerate(aside, start=1):
        count += not skipped
        head[number] = count + skipped  # a skipped line has the place of the next one
    count = 0
    for number in range(len(aside), 0, -1):
        count += not aside[number - 1]
        tail[number] = count + aside[number - 1]
    return head, tail


def in_back_matter(section: Sequence[str]) -> bool:
    """Whether a paragraph under these headings is a page's back matter ("References",
    "External links", "See also"): searchable, never summarised, as a notice is."""
    return bool(section) and _BACK_MATTER.fullmatch(section[-1].strip()) is not None


def names_its_publication(line: str) -> bool:
    """Whether a notice says where the article ran ("This article first appeared on ...",
    "\u00a9 2024 The Ledger"), as a web page's "More from Jane Doe" does not."""
    return _NOTICE.match(line.strip()) is not None


def byline(line: str) -> tuple[str, str | None] | None:
    """The first name a byline gives and what follows its names, if anything ("Jane Doe" and
    "CNN" of "By Jane Doe, CNN"; "Jane Doe" alone of "Jane Doe Science correspondent" over a
    date), else None."""
    top, _, rest = line.strip().partition("\n")
    under = [part.strip() for part in rest.split("\n")] if rest else []
    # "By Jane Doe" over "Reporting from Kingston": its first line, else the whole block
    first = top if all(_under_a_byline(part) for part in under) else line.strip()
    found = _BYLINE.match(first)
    if found:
        return found["name"], found["tail"]
    if under and _NAME_ALONE.fullmatch(first) and _says_who_and_when(under):
        return first, None  # "Ellen Park" over "Mar 04, 2025", the likes and "Share"
    staff = _STAFF_BYLINE.match(top)
    return (staff["name"], None) if staff else None


def _under_a_byline(line: str) -> bool:
    """Whether a line under a byline is the writer's job or the page's: "Contributing
    columnist", "Reporting from Kingston, N.Y.", "June 3, 2025 at 6:45 a.m. EDT", "@handle",
    "142" likes, "Share"."""
    return (
        _JOB_LINE.match(line) is not None
        or page_furniture.is_page_line(line)
        or _HANDLE.match(line) is not None
    )


def _says_who_and_when(lines: Sequence[str]) -> bool:
    """Whether the lines under a name alone are the page's and give the writer's job, or the
    date with more of the page's lines, as a think tank and a blog print them under a writer's
    name ("Jordan Ellis" over "Senior Fellow - Economic Studies"; "Ellen Park" over "Mar 04,
    2025", the likes and "Share"). A date alone under two capitalised words is no byline: a
    text may open "Spring Update" over "March 3, 2025"."""
    if not all(_under_a_byline(line) for line in lines):
        return False
    dated = [page_furniture.is_stamp(line) for line in lines]
    return any(_JOB_LINE.match(line) for line in lines) or (any(dated) and not all(dated))


def _name_over_job(lines: Sequence[str], at: int) -> bool:
    """Whether paragraph ``at`` (from 0) is a name alone and the next one the writer's job or
    the date (``_says_who_and_when``): the two are the byline."""
    return (
        at + 1 < len(lines)
        and _NAME_ALONE.fullmatch(lines[at]) is not None
        and _says_who_and_when([line.strip() for line in lines[at + 1].split("\n")])
    )


def bio_name(line: str) -> str | None:
    """The person a bio ("Doug Bandow is a senior fellow at ...") is about, else None."""
    found = _BIO.match(line.strip())
    return found["name"] if found else None


# The longest match of ``_TRAILING_CREDIT`` but for "/via ...": "associated press)", and a dot.
_LONGEST_CREDIT = 18


def _closing_credit(line: str) -> bool:
    """Whether a line ends with a photo's credit: an agency's name, or "Photograph: ..."."""
    return (
        _trailing_credit(line) or _INLINE_CREDIT.search(line, max(0, len(line) - 100)) is not None
    )


def _trailing_credit(line: str) -> bool:
    """``_TRAILING_CREDIT.search(line)`` for a stripped line, searched from where a match can
    start: it ends the line, so within its last ``_LONGEST_CREDIT`` characters, or at its last
    "/" ("/via Getty": nothing after it but a word). A long paragraph is not scanned whole."""
    start = len(line) - _LONGEST_CREDIT
    slash = line.rfind("/")
    if slash >= 0:
        start = min(start, slash)
    return _TRAILING_CREDIT.search(line, max(0, start)) is not None
