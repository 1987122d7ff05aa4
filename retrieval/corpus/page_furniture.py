"""The lines a page adds around an article's text, pasted with it: a web page's
("Advertisement", "Read more: ...", "Updated 10:32 AM EST, March 3, 2024"), a blog's row of
buttons ("Follow", "Listen", "Share"), a PDF export's page numbers ("Page 3 of 12") and a
press release's label and end mark ("FOR IMMEDIATE RELEASE" over the headline, "###" under
the media contact); a news site's label over a headline ("Opinion"); a chat message's header
and reactions (``retrieval.corpus.chat_copy``).

``retrieval.corpus.layout`` makes them notices: searchable, never summarised, never headings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence

from retrieval import patterns
from retrieval.corpus import chat_copy

# A date or a time as a page stamps one: "March 3, 2024", "3 Mar 2024", "2024-03-03", "10:32".
_DATED = (
    r"[\w ,:./-]*(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d (?:jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|oct|nov|dec))"
)
# What a web page puts between an article's paragraphs, pasted with them: "Advertisement",
# "Read more: <another headline>", "Sign up for our Opinion newsletter.", "Share this article".
_PAGE_FURNITURE = patterns.compile(
    r"^(?:advertisement|advertising|sponsored content|skip advertisement"
    r"|story continues below(?: advertisement)?|continue reading(?: below| the main story)?"
    r"|open in app|member-only story|listen to this article|link copied|copy link"
    r"|from wikipedia, the free encyclopedia|jump to (?:navigation|search|content)"
    r"|\d+ min(?:ute)?s? read|more from [\w .'\u2019-]{1,60}"
    # a news site's tools and labels: "Supported by" over an ad, its share and gift buttons
    r"|supported by|send any friend a story|give this article|gift (?:this )?article|read in app"
    r"|share full article"
    r"|explore more on these topics|reuse this content|most (?:viewed|popular|read)"
    r"|reporting from [\w .,'\u2019-]{1,60}"
    # a blog's and a newsletter's: its counts and the call to subscribe under a post
    r"|\d[\d,.]*k? (?:likes?|restacks?|comments?|shares?|views?|reposts?)"
    r"|discussion about this (?:post|article)|thanks for reading\b.{0,100}\bsubscribe\b.*"
    r"|get (?:daily|weekly|the latest) updates from .{1,60}"
    r"|\(edited\)"
    # a forum thread's: its community, its poster, a comment's depth and its age
    r"|r/[\w-]{2,30}|(?:posted by )?u/[\w-]{2,30}"
    r"|[\u00b7\u2022]? ?\d{1,3} (?:yr|yrs|mo|mos|wk|wks|d|h|hr|hrs|min|mins|y|w"
    r"|years?|months?|weeks?|days?|hours?|minutes?)\.? ago"
    # a wiki's: its tools over the page, its licence and categories under it
    r"|sign in to edit|talk \(\d+\)|view source|view history"
    r"|(?:community )?content is available under .{1,80}|categories: .{1,160}"
    # a press release's own lines: its label over the headline and its end mark
    r"|for immediate release|(?:press|news|media) release|embargoed (?:until|till|for) .{1,60}"
    r"|#{3}|-+ ?30 ?-+|-* ?ends ?-*"
    r"|(?:published|posted|(?:last )?(?:updated|modified|revised|edited|reviewed))"
    r"(?: on| at)?:? "
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
_PAGE_LINE = patterns.compile(r"^(?:.{0,80}\s)?page \d{1,4}(?: of \d{1,4})?$", re.IGNORECASE)
_PAGE_LINE_CHARS = 98  # the longest ``_PAGE_LINE``: a longer paragraph is not tried
_BARE_NUMBER = patterns.compile(r"^[-\u2013\u2014 ]*(\d{1,4})[-\u2013\u2014 ]*$")
# A blog's buttons pasted as lines ("Follow", "Listen", "Share"): page furniture only beside
# other furniture, as a row of buttons sits; alone, "Share" or "Save" may head a docs section.
_BUTTON = patterns.compile(
    r"^(?:follow|following|listen|share|save|like|print|email|comments?|subscribe|subscribed"
    r"|sign in|sign up|log in|restack|history|talk|edit|reply|report|award|upvote|downvote"
    r"|vote|moderator|mod|admin|op|level \d{1,2})$",  # "level 2": a comment's depth
    re.IGNORECASE,
)
_BUTTON_CHARS = 10  # the longest ``_BUTTON``: a longer paragraph is not tried
_MAX_WORDS = 20
_FURNITURE_CHARS = 400  # more than ``_MAX_WORDS`` words of any length a page line has
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A date or a time alone, as a page stamps an article: "Wed 14 May 2025 07.00 BST", "June 3,
# 2025 at 6:45 a.m. EDT". Alone it may answer an FAQ's question ("When is the meetup?" over
# "Sat 14 June 2025"), so like a button it is the page's only among the page's lines.
_STAMP = patterns.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?"
    rf"(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,? (?:at )?\d{1,2}[.:]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,5})?)?$",
    re.IGNORECASE,
)
# Longer than ``_STAMP`` matches with real day and month names (51 characters at most:
# "Wednesday., 30 September, 2025, at 12:45 a.m. ABCDE"): a longer paragraph is not tried.
_STAMP_CHARS = 64
# What a news site prints over a headline: the kind of piece ("Opinion", "Analysis"). A title
# is never one; over a headline it is a notice (``retrieval.corpus.layout``).
_OPINION_LABELS = (
    r"opinion|commentary|op-ed|editorial|perspective|column|guest essay|guest opinion|letters?"
)
_LABEL = patterns.compile(
    rf"^(?:{_OPINION_LABELS}|analysis|news analysis|explainer|interview|exclusive"
    r"|breaking news)[.:]?$",
    re.IGNORECASE,
)
_OPINION_LABEL = patterns.compile(rf"^(?:{_OPINION_LABELS})[.:]?$", re.IGNORECASE)
_SEPARATORS = frozenset("\u00b7\u2022|")  # "142 Likes" over "\u00b7" over "12 Restacks"
# A page's properties under its title, as Notion exports them ("Created: March 3, 2025 10:14
# AM", "Owner: Priya Nair", "Tags: HR, New hires"): each line a short name, a colon and a
# short value that ends no sentence ("Q: ..." and "Answer: ...", an FAQ's labels, do not).
_PROPERTY = patterns.compile(r"^[A-Z][\w'\u2019 -]{1,29}:[ \t]+[^\n]{1,60}(?<![.!?])$")
_LABEL_TAG_WORDS = 3  # "Opinion" over "Cycling": a topic tag under the label is a few words


def is_furniture(line: str) -> bool:
    """Whether a stripped paragraph is a page's own ("Advertisement", "Read more: ...", "Page 3
    of 12"), each of its lines short and the page's ("Published Nov. 3, 2025" over "Updated
    Nov. 4, 2025, 9:12 a.m. ET"); a label over a list ("Related:" and its links, on the lines
    after it) is the page's text."""
    if _numbers_its_page(line):
        return True
    if "\n" not in line:  # most paragraphs: one line, a chat header's or the page's own
        return chat_copy.header_lines((line,)) == 1 or _furniture_line(line)
    parts = [part.strip() for part in line.split("\n")]
    if len(parts) in (chat_copy.header_lines(parts), chat_copy.reaction_lines(parts)):
        return True  # a chat message's header ("Kira — Yesterday at 9:41 AM"), its reactions
    if len(parts) == 1:
        return _furniture_line(parts[0])
    if _contents(parts):
        return True
    dated_only = True  # "Wed 14 May 2025 07.00 BST" over "Share"; dates alone are the text's
    for part in parts:
        kind = _kind(part)
        if kind is None:
            return False
        dated_only = dated_only and kind == "stamp"
    return not dated_only


# A page's table of contents pasted as text: "Contents" over its numbered headings.
_CONTENTS = patterns.compile(r"^(?:table of )?contents(?: \[(?:hide|show)\])?$", re.IGNORECASE)
_CONTENTS_ENTRY = patterns.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+\S.{0,80}$")


def _contents(lines: Sequence[str]) -> bool:
    return (
        len(lines) > 1
        and _CONTENTS.match(lines[0]) is not None
        and all(_CONTENTS_ENTRY.match(line) for line in lines[1:])
    )


def peeled(block: str) -> list[str]:
    """``block`` with the page's lines before and after its text made blocks of their own
    ("Sign in to edit" over "History" over the infobox; "Categories: ..." under the last
    paragraph), when such a run holds a line of the page's furniture itself: buttons or dates
    alone may be the text's, and a label ending with a colon introduces the lines after it
    ("Related:"). Else ``[block]``."""
    if "\n" not in block:
        return [block]
    lines = block.split("\n")
    header, reactions = chat_copy.header_lines(lines), chat_copy.reaction_lines(lines)
    kinds: dict[int, str | None] = dict.fromkeys(range(header), "furniture")
    kinds.update(dict.fromkeys(range(len(lines) - reactions, len(lines)), "furniture"))

    def kind(at: int) -> str | None:  # read from each end only as far as the page's lines go
        if at not in kinds:
            kinds[at] = _kind(lines[at].strip())
        return kinds[at]

    start = 0
    while start < len(lines) and kind(start) and not lines[start].rstrip().endswith(":"):
        start += 1
    end = len(lines)
    while end > start and kind(end - 1):
        end -= 1
    if start == end:  # the page's lines alone: ``is_furniture`` tells
        return [block]
    head = lines[:start] if any(kinds[at] == "furniture" for at in range(start)) else []
    tail = lines[end:] if any(kinds[at] == "furniture" for at in range(end, len(lines))) else []
    if not head and not tail:
        return [block]
    text = lines[len(head) : len(lines) - len(tail)]
    return ["\n".join(run) for run in (head, text, tail) if run]


def _furniture_line(line: str) -> bool:
    return (
        len(line) <= _FURNITURE_CHARS
        and len(line.split(maxsplit=_MAX_WORDS)) <= _MAX_WORDS
        and bool(_PAGE_FURNITURE.match(line))
    )


def _kind(line: str) -> str | None:
    """What one line of a block is, as the page's: "furniture", a "button", a date "stamp" (or
    a separator between the page's lines, or a count, which alone are no more the page's than
    a date)."""
    if _furniture_line(line):
        return "furniture"
    if is_button(line):
        return "button"
    if is_stamp(line) or line in _SEPARATORS or chat_copy.TALLY.match(line):
        return "stamp"
    return None


def are_properties(lines: Sequence[str]) -> bool:
    """Whether two lines or more are all a page's properties (``_PROPERTY``): read under a
    title, they describe the page, and say nothing of what it is about."""
    return len(lines) >= 2 and all(_PROPERTY.match(line.strip()) for line in lines)


def is_page_line(line: str) -> bool:
    """Whether a stripped line is the page's, whatever lies around it: furniture, a button, a
    date, a separator or a count ("Share", "June 3, 2025", "\u00b7", "142")."""
    if "\n" in line:
        return is_furniture(line) or _kind(line) is not None
    # one line (most): ``is_furniture``'s tests but the furniture pattern, which ``_kind``
    # tries first, so that no line is matched against it twice
    return (
        _numbers_its_page(line) or chat_copy.header_lines((line,)) == 1 or _kind(line) is not None
    )


def is_stamp(line: str) -> bool:
    """Whether a stripped line is a date or a time alone ("June 3, 2025 at 6:45 a.m. EDT")."""
    return len(line) <= _STAMP_CHARS and _STAMP.match(line) is not None


def labels_opinion(block: str) -> bool:
    """Whether a label (``is_label``) says the piece is opinion: "Opinion", "Op-Ed", "Column"."""
    label = block.strip().split("\n")[0].strip()
    return is_label(block) and _OPINION_LABEL.match(label) is not None


def is_label(block: str) -> bool:
    """Whether a stripped paragraph is what a news site prints over a headline: the kind of
    piece ("Opinion"), alone or over a topic tag of a few words ("Opinion" over "Cycling")."""
    first, *rest = [part.strip() for part in block.split("\n")]
    return _LABEL.match(first) is not None and all(
        len(part.split()) <= _LABEL_TAG_WORDS for part in rest
    )


def is_button(line: str) -> bool:
    """Whether a stripped paragraph is a button's word alone ("Share"): furniture only beside
    other furniture (``beside_furniture``)."""
    return len(line) <= _BUTTON_CHARS and _BUTTON.match(line) is not None


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
    paged = any(_numbers_its_page(text.strip()) for text in paragraphs)
    in_order = len(bare) >= 2 and all(a[1] + 1 == b[1] for a, b in itertools.pairwise(bare))
    return [number for number, _ in bare] if paged or in_order else []


def _numbers_its_page(line: str) -> bool:
    """Whether a stripped paragraph is a page's number line ("Page 3 of 12")."""
    return len(line) <= _PAGE_LINE_CHARS and _PAGE_LINE.match(line) is not None
