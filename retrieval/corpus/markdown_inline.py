"""What a Markdown paragraph's inline content shows, and whether it is a heading in bold.

Read from markdown-it's ``inline`` tokens for ``retrieval.corpus.markdown``: the page's text
without its syntax, as a reader sees it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from retrieval import patterns

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MAX_BOLD_HEADING = 100
# An admonition's marker on a line of its own: GitHub's "[!NOTE]", and a ":::" fence that
# ``retrieval.corpus.site_markup`` left (an unknown kind, or a closing fence without its opening).
_MARKER_LINE = patterns.compile(r"\[![A-Za-z]+\]|:::[\w -]*")
# An icon's or an emoji's shortcode (MkDocs Material's ``:material-check:``, GitHub's and
# PyMdown's ``:tada:``, ``:+1:``): the page shows a picture, not the name: an emoji's is shown as
# the emoji ("react with :white_check_mark:" reads "react with ✅"), an icon's as nothing. Only a
# whole word (white space, "(" or a line's start before it; white space, punctuation or the end
# after it), so "12:30:45", "a:b:c" and a role such as ":ref:`x`" stay as written.
_MARKS = ".,;!?)"  # punctuation that may follow a shortcode, as white space may
_SHORTCODE = patterns.compile(
    rf"(?<![^\s(]):(?:[a-z0-9_+-]*[a-z][a-z0-9_+-]*|[+-]1):(?=[\s{re.escape(_MARKS)}]|$)"
)


_BREAKS = ("softbreak", "hardbreak")
_INLINE_MARKS = tuple("` * _ ~ [ < \\ & :".split())  # what inline Markdown begins with
_LINE_BREAK = patterns.compile(r"<br\s*/?>", re.IGNORECASE)  # raw HTML that shows a line break
_ALT = patterns.compile(r"""<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _without_shortcodes(text: str, glued: bool = False) -> str:
    """``text`` with emoji shortcodes as their emoji, icon shortcodes as nothing, and without
    the space an icon leaves doubled; ``glued``: what follows ``text`` on its line (a code
    span: ":ref:`x`") is not a word's end."""
    if ":" not in text:
        return text
    out = ""
    at = 0
    for found in _SHORTCODE.finditer(text):
        if glued and found.end() == len(text):
            break
        out += text[at : found.start()]
        at = found.end()
        picture = emoji_of(found.group())
        if picture:
            out += picture
            continue
        after = text[at : at + 1]
        if out[-1:] in (" ", "\t"):  # one space between its neighbours, none before a mark
            out = out[:-1] + ("" if not after or after in " \t" + _MARKS else " ")
        elif not out and after in (" ", "\t"):
            at += 1  # a line's start
    return out + text[at:]


def emoji_of(shortcode: str) -> str | None:
    """The emoji a shortcode stands for (GitHub's and Slack's names: ``:tada:``, ``:+1:``),
    or None for an icon's (``:material-check:``)."""
    return _emoji_names().get(shortcode)


@cache
def _emoji_names() -> dict[str, str]:
    """Every emoji's names, as ``emoji.emojize(name, language="alias")`` reads them (an alias
    before an emoji's own name: GitHub's ``:cat:`` is the cat's face), read on the first
    shortcode; a lookup, where ``emojize`` takes a millisecond a call, and a page can hold
    hundreds of thousands of shortcodes."""
    import emoji  # 4 MB of names: only a page with a shortcode needs them

    names: dict[str, str] = {}
    for picture, data in emoji.EMOJI_DATA.items():
        for name in data.get("alias", ()):
            names.setdefault(name, picture)
    for picture, data in emoji.EMOJI_DATA.items():
        names.setdefault(data["en"], picture)
    return names


def inline_text(token: Token) -> str:
    """What an ``inline`` token shows: its text, link texts, code spans' contents; soft line
    breaks as spaces, hard ones (and raw HTML's ``<br>``) as new lines; images, other raw HTML
    and icon or emoji shortcodes as nothing; and a line that is only an admonition's marker
    (GitHub's ``[!NOTE]``, a ``:::tip`` fence) as nothing."""
    lines: list[tuple[str, str]] = []  # (a line's text, the break after it)
    line: list[str] = []
    dropped = False  # an image or raw HTML just left out: the page shows one space, not two
    children = token.children or []
    for at, child in enumerate(children):  # an image's alt text is its own child: not shown
        kind = child.type
        if kind in ("text", "code_inline"):
            content = child.content
            if kind == "text":
                glued = at + 1 < len(children) and children[at + 1].type not in _BREAKS
                content = _without_shortcodes(content, glued)
            if dropped and kind == "text" and line and line[-1].endswith(" "):
                content = content.lstrip(" ")
            line.append(content)
            dropped = False
        elif kind in _BREAKS or (kind == "html_inline" and _LINE_BREAK.fullmatch(child.content)):
            lines.append(("".join(line), " " if kind == "softbreak" else "\n"))
            line = []
            dropped = False
        elif kind in ("image", "html_inline"):
            dropped = True
    lines.append(("".join(line), ""))
    kept = [(text, end) for text, end in lines if not _MARKER_LINE.fullmatch(text.strip())]
    return "".join(text + end for text, end in kept).strip()


def is_bold_heading(inline: Token, text: str) -> bool:
    """Whether a paragraph is a heading written in bold: one line, all of it strong emphasis,
    at most ``MAX_BOLD_HEADING`` characters, not ending as a sentence ends or introduces."""
    children = [
        c for c in inline.children or () if not (c.type == "text" and not c.content.strip())
    ]
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
        and not any(c.type in ("strong_open", "strong_close") for c in children[1:-1])
        and not any(c.type in ("softbreak", "hardbreak") for c in children)
        and 0 < len(text) <= MAX_BOLD_HEADING
        and text[-1] not in ".:;,"
    )


def picture_names(inline: Token) -> str:
    """The alt texts of the pictures an ``inline`` token shows (``![Gizmo](logo.png)``, an
    ``<img alt="Gizmo">``): what names a heading that shows a logo and no text, as a screen
    reader reads it."""
    names: list[str] = []
    for child in inline.children or ():
        if child.type == "image":
            names.append(child.content)
        elif child.type == "html_inline":
            names.extend(a or b for a, b in _ALT.findall(child.content))
    return " ".join(" ".join(names).split())


def bold_lead(inline: Token) -> tuple[str, str] | None:
    """A paragraph whose first line is a heading in bold and whose next lines say more, as
    FAQs write a question over its answer without a blank line between (``**How do I pair
    it?**`` then ``Open the app...``): that line's text and the rest's, else None. The rest
    must not go on in lower case, as a sentence begun in bold does."""
    children = inline.children or []
    cut = next((i for i, child in enumerate(children) if child.type in _BREAKS), None)
    if cut is None:
        return None
    head = inline.copy(children=children[:cut])
    rest = inline.copy(children=children[cut + 1 :])
    head_text, rest_text = inline_text(head), inline_text(rest)
    if not rest_text or rest_text[0].islower() or not is_bold_heading(head, head_text):
        return None
    return head_text, rest_text


def plain_text(markdown: str) -> str:
    """What a line of inline Markdown shows (an admonition's title, "About `lastmod`"): read
    as a paragraph's inline content is."""
    if not any(mark in markdown for mark in _INLINE_MARKS):
        return markdown
    tokens = _inline_parser().parseInline(markdown)
    return inline_text(tokens[0]) if tokens else markdown


@cache
def _inline_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")


# What may stand between the links of a navigation line: "Previous | Index | Next", "a · b"
# (a line break too, which a reStructuredText paragraph's text keeps; ``retrieval.corpus.rst``).
BETWEEN_LINKS = " \t\n|\u00b7\u2022/-\u2013\u2014>\u00bb\u00ab<\u2192\u2190,"
_BETWEEN_LINKS = frozenset(BETWEEN_LINKS)


def links_only(inline: Token) -> bool:
    """Whether an ``inline`` token shows links and nothing else but separators: a table of
    contents' item, a "Previous | Index | Next" line. Such text leads elsewhere, and says
    nothing itself."""
    depth = 0
    links = 0
    for child in inline.children or ():
        if child.type == "link_open":
            depth += 1
            links += 1
        elif child.type == "link_close":
            depth -= 1
        elif depth == 0 and child.type not in _BREAKS and not _between_links(child):
            return False
    return links > 0


def _between_links(child: Token) -> bool:
    return child.type == "text" and set(child.content) <= _BETWEEN_LINKS
