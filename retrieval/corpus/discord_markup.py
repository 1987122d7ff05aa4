"""Discord's own Markdown, as a channel shows it: a server's #rules or #faq copied as typed
("Copy Text", or a bot's message source) into a corpus file.

- A line opening with ``-# `` is small print (subtext): its text, without the marker.
- A spoiler (``||Repeat offenders are banned.||``) shows its text once revealed: the text,
  without the bars. A table's row ("| a || b |": an empty cell) is no spoiler.
- A custom emoji (``<:pin:1098765432109876543>``, an animated ``<a:wave:...>``) shows a
  picture, as an icon's shortcode does: nothing.

Mentions (``<#1023...>``, ``<@&1034...>``) and timestamps (``<t:1718470800:F>``) show the
names and times of the server a reader is in, which a page cannot know: they stay as written.
Nothing in a code span changes; ``retrieval.corpus.site_markup`` calls ``shown`` on a Markdown
page's lines outside code fences, and ``as_shown`` reads a plain text's lines outside its
fences.
"""

from __future__ import annotations

from retrieval import patterns
from retrieval.corpus import site_inline

HAS = ("-# ", "||", "<:", "<a:")  # a text holding none of these holds none of the syntax
_SUBTEXT = patterns.compile(r"([ \t]{0,3}(?:>[ \t]?)*)-# ")
_SPOILER = patterns.compile(r"\|\|([^|\n]+)\|\|")  # as Discord reads one: spaces inside too
_CUSTOM_EMOJI = patterns.compile(r" ?<a?:\w{2,32}:\d{15,21}>")
_FENCE = ("```", "~~~")


def shown(line: str) -> str:
    """``line`` as a Discord channel shows it (see the module); ``line`` itself without the
    syntax."""
    if not any(mark in line for mark in HAS):
        return line
    line = _SUBTEXT.sub(r"\1", line, count=1) if "-# " in line else line
    parts = site_inline.CODE_SPAN.split(line)  # code spans at odd positions, kept as written
    row = line.lstrip().startswith("|")
    return "".join(part if i % 2 else _inline(part, row) for i, part in enumerate(parts))


def as_shown(text: str) -> str:
    """A plain text's lines ``shown``, but in its code fences ("```" lines)."""
    if not any(mark in text for mark in HAS):
        return text
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith(_FENCE):
            fenced = not fenced
            out.append(line)
        else:
            out.append(line if fenced else shown(line))
    return "\n".join(out)


def _inline(text: str, row: bool) -> str:
    if "||" in text and not row:
        text = _SPOILER.sub(r"\1", text)
    if "<" in text:
        text = _CUSTOM_EMOJI.sub("", text)
    return text
