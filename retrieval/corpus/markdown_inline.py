"""What a Markdown paragraph's inline content shows, and whether it is a heading in bold.

Read from markdown-it's ``inline`` tokens for ``retrieval.corpus.markdown``: the page's text
without its syntax, as a reader sees it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

MAX_BOLD_HEADING = 100
# An admonition's marker on a line of its own: GitHub's "[!NOTE]", and a ":::" fence that
# ``retrieval.corpus.site_markup`` left (an unknown kind, or a closing fence without its opening).
_MARKER_LINE = re.compile(r"\[![A-Za-z]+\]|:::[\w -]*")


def inline_text(token: Token) -> str:
    """What an ``inline`` token shows: its text, link texts, code spans' contents; soft line
    breaks as spaces, hard ones as new lines; images and raw HTML as nothing; and a line that
    is only an admonition's marker (GitHub's ``[!NOTE]``, a ``:::tip`` fence) as nothing."""
    lines: list[tuple[str, str]] = []  # (a line's text, the break after it)
    line: list[str] = []
    dropped = False  # an image or raw HTML just left out: the page shows one space, not two
    for child in token.children or ():  # an image's alt text is its own child: not shown
        kind = child.type
        if kind in ("text", "code_inline"):
            content = child.content
            if dropped and kind == "text" and line and line[-1].endswith(" "):
                content = content.lstrip(" ")
            line.append(content)
            dropped = False
        elif kind in ("softbreak", "hardbreak"):
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
