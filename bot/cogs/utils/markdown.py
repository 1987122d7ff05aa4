"""Untrusted text made literal for Discord's markdown, with our own bold laid over it safely.

``discord.utils.escape_markdown`` is not enough: its masked-link rule matches greedily from the
first ``[`` to the last ``)`` and leaves the middle live, and it escapes ``*`` or ``_`` only when
a second one follows. Here every character that can open markup is escaped on its own, so no
pairing or greed can matter:

- always: ``\\ * _ ~ ` | [ ]`` (emphasis, code, spoilers, strikethrough, masked links);
- at the start of a line: ``> # - +`` and the dot of ``1.`` (quotes, headings, lists);
- ``:`` before a non-space (emoji shortcodes such as ``:smile:``);
- ``<``, which opens Discord's tokens (``<@id>``, ``<#id>``, ``<:e:id>``, ``<t:..>``,
  ``<https:..>``); ``@everyone``/``@here`` get a zero-width space: shown as typed, never resolved.

URLs (``https://...``, as Discord's autolink rule finds them) stay live and exactly as written,
closed in ``<...>``: they show where they go, a backslash inside one would change the address,
and a bare one would take in the backslash of an escape right after it (Discord shows
``<https://a.b>`` as the plain address, without a preview). Highlighting never enters one.
Bold (``**``) goes only around whole highlighted spans, which are escaped like the rest.

Rendering is one pass that yields a piece per character (a whole URL is one piece), so a caller
can measure any prefix of the rendered text in constant time (``Rendered.prefix_lengths``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

ZERO_WIDTH_SPACE = "\u200b"
BOLD = "**"

# Discord's URL rule (simple-markdown's ``url``, which never ends on these characters), except
# that ``<``, ``>``, ``[`` and ``]`` end an address here: a link in ``<...>`` cannot hold the
# first two, and brackets inside an address could pair with others into a masked link.
URL = re.compile(r"https?://[^\s<>\[\]]+[^<>.,:;\"')\[\]\s]")
_ALWAYS = frozenset("\\*_~`|[]")
_LINE_START = frozenset(">#-+")
_MASS_MENTIONS = ("everyone", "here")


@dataclass(frozen=True)
class Rendered:
    """Rendered pieces; piece ``i`` renders the raw text up to ``ends[i]``."""

    pieces: tuple[str, ...]
    ends: tuple[int, ...]
    open_at: frozenset[int]  # raw offsets inside a bold span or a URL: no clean cut there

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def prefix_lengths(self) -> list[int]:
        """Rendered length of the raw prefix ending at each ``ends[i]``."""
        return list(accumulate(len(piece) for piece in self.pieces))


def inert(text: str, *, links: bool = True) -> str:
    """``text`` as Discord will show it literally: no markup, link, mention or emoji of its own.

    ``links=False`` leaves no URL live either: for text the bot sets in bold, where a URL's
    own ``**`` would end the bold early.
    """
    return render(text, links=links).text


def render(text: str, spans: Sequence[tuple[int, int]] = (), *, links: bool = True) -> Rendered:
    """``text`` escaped, with each of ``spans`` (raw offsets) in bold.

    Spans that overlap a URL are dropped (bold inside a URL would change the address); spans
    that touch or overlap are merged, since ``**a****b**`` is not bold twice.
    """
    urls = url_spans(text) if links else []
    bold = _bold_spans(text, spans, urls)
    pieces: list[str] = []
    ends: list[int] = []
    open_at: set[int] = set()
    url_at = dict(urls)
    starts = {start for start, _ in bold}
    closes = {end for _, end in bold}
    for start, end in bold:
        open_at.update(range(start + 1, end))
    line_start = True
    digits = False  # only digits since the line started: "1." would begin a list
    index = 0
    while index < len(text):
        if index in url_at:
            end = url_at[index]
            open_at.update(range(index + 1, end))
            pieces.append(f"<{text[index:end]}>")
            ends.append(end)
            index, line_start, digits = end, False, False
            continue
        char = text[index]
        piece = _escape_char(text, index, line_start, digits)
        if index in starts:
            piece = BOLD + piece
        if index + 1 in closes:
            piece += BOLD
        pieces.append(piece)
        ends.append(index + 1)
        if char == "\n":
            line_start, digits = True, False
        elif char in " \t":
            digits = False
        else:
            digits = (line_start or digits) and char.isdigit()
            line_start = False
        index += 1
    return Rendered(tuple(pieces), tuple(ends), frozenset(open_at))


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has addresses a reader would follow."""
    return [(match.start(), match.end()) for match in URL.finditer(text)]


def _escape_char(text: str, index: int, line_start: bool, digits: bool) -> str:
    char = text[index]
    following = text[index + 1 : index + 2]
    if char in _ALWAYS or (line_start and char in _LINE_START):
        return "\\" + char
    if char == "." and digits:
        return "\\."
    if char == ":" and following and not following.isspace():
        return "\\:"
    if char == "<":  # the space also keeps naive scanners from seeing a token in "\<@1>"
        return "\\<" + ZERO_WIDTH_SPACE if following and not following.isspace() else "\\<"
    if char == "@" and text.startswith(_MASS_MENTIONS, index + 1):
        return "@" + ZERO_WIDTH_SPACE
    return char


def _bold_spans(
    text: str, spans: Sequence[tuple[int, int]], urls: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans trimmed of space, kept off URLs, and merged where they touch."""
    merged: list[tuple[int, int]] = []
    next_url = 0
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while next_url < len(urls) and urls[next_url][1] < start:
            next_url += 1
        touches_url = next_url < len(urls) and urls[next_url][0] < end
        if start >= end or touches_url:  # bold inside or right after a URL would change it
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
