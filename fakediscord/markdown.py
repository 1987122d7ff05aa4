"""A model of how Discord renders message markdown: what a reader of a bot's reply would see.

It follows the rules of simple-markdown as Discord configures it: block rules at the start of a
line (block quotes, headings, subtext, lists), then inline rules tried in order at each
position: backslash escapes, autolinks (``<https://..>``), bare URLs, Discord tokens
(``<@id>``, ``<#id>``, ``<:e:id>``, ``<t:..>``, ``</cmd:id>``), masked links, ``@everyone``,
emoji shortcodes, code, bold, underline, italics, strikethrough and spoilers. Where Discord is
lenient the model is strict (it counts any ``:name:`` as an emoji, any ``[..](..)`` as a link),
so a reply that passes here cannot carry markup on Discord that the model misses.

``parse`` returns the text a reader sees and every piece of live markup found, so a test can
demand "the reader sees exactly the input, and the only markup is ours".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ZERO_WIDTH_SPACE = "\u200b"

_BLOCK = re.compile(
    r"(?P<quote> *>>> | *> )|(?P<heading> *#{1,3} )|(?P<subtext> *-# )|(?P<list> *(?:[*+-]|\d+\.) )"
)
_ESCAPE = re.compile(r"\\([^0-9A-Za-z\s])")
_AUTOLINK = re.compile(r"<([^: >]+:/[^ >]+)>")
URL = re.compile(r"https?://[^\s<]+[^<.,:;\"')\]\s]")
_TOKEN = re.compile(r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::\w)?|/[\w -]+:\d+)>")
_LINK = re.compile(r"\[((?:\\[\s\S]|[^\\])*?)\]\(\s*<?[^\s)]*>?(?:\s+\"[^\"]*\")?\s*\)")
_MENTION = re.compile(r"@(?:everyone|here)")
_EMOJI = re.compile(r":[^\s:]+:")
_CODE = re.compile(r"(`+)([\s\S]*?[^`])\1(?!`)")
_INLINE = (
    ("strong", re.compile(r"\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)")),
    ("underline", re.compile(r"__((?:\\[\s\S]|[^\\])+?)__(?!_)")),
    (
        "em",
        re.compile(r"\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)"),
    ),
    ("em", re.compile(r"_((?:__|\\[\s\S]|[^\\_])+?)_\b")),
    ("strike", re.compile(r"~~([\s\S]+?)~~(?!_)")),
    ("spoiler", re.compile(r"\|\|([\s\S]+?)\|\|")),
)
# Characters that open markup when not escaped; left bare, they are a hazard even alone.
HAZARDS = frozenset("*_~`|[\\")


@dataclass(frozen=True)
class Markup:
    kind: str  # "strong", "url", "link", "quote", "mention", ...
    content: str  # what the reader sees inside it (a URL's address for "url")


@dataclass
class Parsed:
    text: str = ""  # what the reader sees, zero-width spaces removed
    markup: list[Markup] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)  # hazard characters left unescaped

    def kinds(self) -> set[str]:
        return {m.kind for m in self.markup}


def parse(source: str, *, line_start: bool = True) -> Parsed:
    """What Discord shows for ``source``: visible text, live markup, and bare hazards."""
    out = Parsed()
    _parse(source, out, line_start)
    out.text = out.text.replace(ZERO_WIDTH_SPACE, "")
    return out


def _parse(source: str, out: Parsed, line_start: bool) -> None:
    i = 0
    at_line_start = line_start
    while i < len(source):
        if at_line_start and (block := _BLOCK.match(source, i)):
            kind = block.lastgroup or "block"
            out.markup.append(Markup(kind, block.group(0)))
            i = block.end()
            at_line_start = False
            continue
        at_line_start = False
        if m := _ESCAPE.match(source, i):
            out.text += m.group(1)
            i = m.end()
            continue
        if m := _AUTOLINK.match(source, i):
            out.markup.append(Markup("url", m.group(1)))
            out.text += m.group(1)
            i = m.end()
            continue
        if m := URL.match(source, i):
            out.markup.append(Markup("url", m.group(0)))
            out.text += m.group(0)
            i = m.end()
            continue
        if (m := _TOKEN.match(source, i)) or (m := _MENTION.match(source, i)):
            out.markup.append(Markup("mention", m.group(0)))
            out.text += m.group(0)
            i = m.end()
            continue
        if m := _LINK.match(source, i):
            out.markup.append(Markup("link", m.group(0)))
            _parse(m.group(1), out, False)
            i = m.end()
            continue
        if m := _EMOJI.match(source, i):
            out.markup.append(Markup("emoji", m.group(0)))
            out.text += m.group(0)
            i = m.end()
            continue
        if m := _CODE.match(source, i):
            out.markup.append(Markup("code", m.group(2)))
            out.text += m.group(2)
            i = m.end()
            continue
        for kind, pattern in _INLINE:
            if m := pattern.match(source, i):
                inner = Parsed()
                _parse(m.group(1), inner, False)
                out.markup.append(Markup(kind, inner.text.replace(ZERO_WIDTH_SPACE, "")))
                out.markup.extend(inner.markup)
                out.bare.extend(inner.bare)
                out.text += inner.text
                i = m.end()
                break
        else:
            char = source[i]
            if char in HAZARDS:
                out.bare.append(char)
            out.text += char
            if char == "\n":
                at_line_start = True
            i += 1


_RAW_URL = re.compile(r"https?://[^\s<>\[\]]+[^<>.,:;\"')\[\]\s]")


def urls_in(raw: str) -> list[str]:
    """The addresses a reader of ``raw`` text sees: Discord's rule, with ``<``, ``>``, ``[``
    and ``]`` ending one (``<https://a.b>`` is the address ``https://a.b``)."""
    return [m.group(0) for m in _RAW_URL.finditer(raw)]
