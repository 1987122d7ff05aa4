"""The lines a page adds around an article's text, pasted with it: a web page's
("Advertisement", "Read more: ...", "Updated 10:32 AM EST, March 3, 2024"), a blog's row of
buttons ("Follow", "Listen", "Share"), a PDF export's page numbers ("Page 3 of 12") and a
press release's label and end mark ("FOR IMMEDIATE RELEASE" over the headline, "###" under
the media contact).

``retrieval.corpus.layout`` makes them notices: searchable, never summarised, never headings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence

# A date or a time as a page stamps one: "March 3, 2024", "3 Mar 2024", "2024-03-03", "10:32".
_DATED = (
    r"[\w ,:./-]*(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d (?:jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|oct|nov|dec))"
)
# What a web page puts between an article's paragraphs, pasted with them: "Advertisement",
# "Read more: <another headline>", "Sign up for our Opinion newsletter.", "Share this article".
_PAGE_FURNITURE = re.compile(
    r"^(?:advertisement|advertising|sponsored content|skip advertisement"
    r"|story continues below(?: advertisement)?|continue reading(?: below| the main story)?"
    r"|open in app|member-only story|listen to this article|link copied|copy link"
    r"|from wikipedia, the free encyclopedia|jump to (?:navigation|search|content)"
    r"|\d+ min(?:ute)?s? read|more from [\w .'\u2019-]{1,60}"
    # a news site's tools and labels: "Supported by" over an ad, its share and gift buttons
    r"|supported by|send any friend a story|give this article|read in app|share full article"
    r"|explore more on these topics|reuse this content|most (?:viewed|popular|read)"
    r"|reporting from [\w .,'\u2019-]{1,60}"
    # a press release's own lines: its label over the headline and its end mark
    r"|for immediate release|(?:press|news|media) release|embargoed (?:until|till|for) .{1,60}"
    r"|#{3}|-+ ?30 ?-+|-* ?ends ?-*"
    r"|(?:published|updated|last updated|last modified|posted)(?: on| at)?:? "
    rf"(?={_DATED})[\w ,:./-]{{1,60}}"
    r")[.:!]?$"
    r"|^(?:read more|related|also read|recommended|most read|more from [\w ]{1,40}"
    r"|watch|listen)\s*:"
    r"|^(?:sign up|subscribe|get|join|receive)\b.{0,80}\bnewsletters?\b"
    r"|^share this (?:article|story|post|page)\b",
    re.IGNORECASE,
)
# A PDF export's page numbers: "Page 3 of 12", "Club Handbook    Page 3"; and "3" or "- 3 -"
# alone, only in a text that numbers its pages so, or gives two or more, one after the other
# (an FAQ's answer may be a number alone).
_PAGE_LINE = re.compile(r"^(?:.{0,80}\s)?page \d{1,4}(?: of \d{1,4})?$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^[-\u2013\u2014 ]*(\d{1,4})[-\u2013\u2014 ]*$")
# A blog's buttons pasted as lines ("Follow", "Listen", "Share"): page furniture only beside
# other furniture, as a row of buttons sits; alone, "Share" or "Save" may head a docs section.
_BUTTON = re.compile(
    r"^(?:follow|following|listen|share|save|like|print|email|comments?|subscribe|subscribed"
    r"|sign in|sign up|log in|restack)$",
    re.IGNORECASE,
)
_MAX_WORDS = 20


def is_furniture(line: str) -> bool:
    """Whether a stripped paragraph is a page's own ("Advertisement", "Read more: ...", "Page 3
    of 12"), each of its lines short and the page's ("Published Nov. 3, 2025" over "Updated
    Nov. 4, 2025, 9:12 a.m. ET"); a label over a list ("Related:" and its links, on the lines
    after it) is the page's text."""
    if _PAGE_LINE.match(line):
        return True
    return all(
        len(part.split(maxsplit=_MAX_WORDS)) <= _MAX_WORDS
        and _PAGE_FURNITURE.match(part.strip()) is not None
        for part in line.split("\n")
    )


def is_button(line: str) -> bool:
    """Whether a stripped paragraph is a button's word alone ("Share"): furniture only beside
    other furniture (``beside_furniture``)."""
    return _BUTTON.match(line) is not None


def beside_furniture(buttons: Collection[int], aside: Collection[int]) -> list[int]:
    """Those of ``buttons`` (paragraph numbers) beside another button or one of ``aside``, the
    paragraphs already found not to be body text: a row of buttons, not a section's heading."""
    around = set(buttons) | set(aside)
    return sorted(n for n in buttons if {n - 1, n + 1} & around)


def page_numbers(paragraphs: Sequence[str]) -> list[int]:
    """The paragraphs that are a page's number alone, when the text numbers its pages."""
    bare = [
        (number, int(found[1]))
        for number, text in enumerate(paragraphs, start=1)
        if (found := _BARE_NUMBER.match(text.strip()))
    ]
    paged = any(_PAGE_LINE.match(text.strip()) for text in paragraphs)
    in_order = len(bare) >= 2 and all(a[1] + 1 == b[1] for a, b in itertools.pairwise(bare))
    return [number for number, _ in bare] if paged or in_order else []
