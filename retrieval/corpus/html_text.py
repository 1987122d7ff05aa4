"""What a block of raw HTML in a Markdown page shows a reader: its text, and the question that
a collapsible section's ``<summary>`` asks.

GitHub and most documentation sites render the HTML a Markdown page holds, and FAQs often
write an entry as ``<details><summary>How do I pair it?</summary>`` with its answer below. Read
as nothing, such an answer would be lost without a word. So a block of HTML gives, in order:

- ``("summary", text)``: a ``<summary>``'s text, which heads what its ``<details>`` holds, and
  likewise the title or label of a documentation site's component that shows one above what it
  holds (``<TabItem label="Conda">``, ``<Accordion title="How do I reset it?">``: Docusaurus,
  Starlight, Mintlify), "" for one without;
- ``("h1", text)`` to ``("h6", text)``: a heading's text, or the alt text of the pictures it
  shows when it shows no text (a README's ``<h1 align="center"><img alt="Gizmo"></h1>``, whose
  name is what a screen reader reads);
- ``("end", "")``: where a ``<details>`` or such a component closes;
- ``("code", text)``: a ``<pre>``'s text as written, which a page shows as code;
- ``("text", text)``: each run of text between block-level tags (a paragraph, a list item, a
  table row, a line break), its white space read as the page shows it (collapsed), its
  entities decoded; a row's cells are joined by " | ", as a Markdown table's are.

Nothing of a ``<script>``, ``<style>`` or ``<template>``, of a comment, or of a tag's attributes
is text. Python's ``html.parser`` reads the markup; nothing in it is run or fetched.
"""

from __future__ import annotations

from html.parser import HTMLParser

from retrieval import patterns
from retrieval.corpus.models import CELL_SEPARATOR

Piece = tuple[str, str]  # ("summary" | "end" | "code" | "text" | "h1"... "h6", its text)

_HIDDEN = frozenset({"script", "style", "template", "noscript"})
# Tags that end a run of text: what follows them is shown on a line of its own.
_BREAKS = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tr ul".split()
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Components whose title or label heads what they hold (tag names come lowercased).
_HEADED = frozenset("tabitem tab accordion step card expandable callout aside".split())
_CELLS = frozenset({"td", "th"})  # a row's cells are one run, joined as Markdown's are
_SPACE = patterns.compile(r"\s+")


def pieces(html: str) -> list[Piece]:
    """The summaries, ends of ``<details>`` and runs of text of ``html``, in order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    for tag in ("summary", "pre"):  # what the block leaves open
        if getattr(reader, tag) is not None:
            reader.handle_endtag(tag)
    if reader.heading is not None:
        reader.handle_endtag(reader.heading)
    reader.flush()
    return reader.found


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Piece] = []
        self.text: list[str] = []
        self.hidden = 0  # depth inside tags whose content is never shown
        self.summary: list[str] | None = None  # the text of an open <summary>
        self.pre: list[str] | None = None  # the text of an open <pre>, as written
        self.heading: str | None = None  # the open heading's tag
        self.pictures: list[str] = []  # the alt texts of the pictures in the open heading

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "summary":
            self.flush()
            self.summary = []
        elif tag == "pre" and self.pre is None:
            self.flush()
            self.pre = []
        elif tag in _HEADED:
            self.flush()
            named = dict(attrs)
            title = named.get("title") or named.get("label") or ""
            self.found.append(("summary", _SPACE.sub(" ", title).strip()))
        elif tag in HEADINGS and self.heading is None and self.summary is None:
            self.flush()
            self.heading, self.pictures = tag, []
        elif tag == "img" and self.heading is not None:
            alt = dict(attrs).get("alt")
            if alt and alt.strip():
                self.pictures.append(alt)
        elif tag in _BREAKS:
            self._break()
        elif tag in _CELLS and "".join(self.text).strip():
            self.text.append(CELL_SEPARATOR)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "summary" and self.summary is not None:
            text = _SPACE.sub(" ", "".join(self.summary)).strip()
            self.summary = None
            self.found.append(("summary", text))  # one without text heads nothing
        elif tag == "details" or tag in _HEADED:
            self.flush()
            self.found.append(("end", ""))
        elif tag == "pre" and self.pre is not None:
            code = "".join(self.pre).strip("\n")
            self.pre = None
            if code.strip():
                self.found.append(("code", code))
        elif tag == self.heading:
            text = _SPACE.sub(" ", "".join(self.text)).strip()
            self.text, self.heading = [], None
            text = text or _SPACE.sub(" ", " ".join(self.pictures)).strip()
            if text:
                self.found.append((tag, text))
        elif tag in _BREAKS:
            self._break()

    def _break(self) -> None:
        """A block-level tag: the run of text ends, but a heading's text goes on past it
        (``<h1>Gizmo<br>tidy gadgets</h1>`` is one heading)."""
        if self.heading is None:
            self.flush()
        else:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.pre is not None:
            self.pre.append(data)
        else:
            (self.summary if self.summary is not None else self.text).append(data)

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.text)).strip()
        self.text = []
        if text:
            self.found.append(("text", text))
