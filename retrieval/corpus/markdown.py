"""Markdown read as a reader sees it: blocks of plain text, each under its headings.

markdown-it-py (CommonMark, with GitHub's tables, strikethrough and task lists, and definition
lists) parses the page. What comes out is what the rendered page shows, without the syntax: a
link shows its text, emphasis and inline code their content, an image nothing; a paragraph's
line breaks read as the spaces the page shows. So every quote is found word for word in the
page a reader opens.

- A heading opens a section; it is no block of its own, and every block carries its
  heading path (``("Widget FAQ", "How do I reset my widget?")``). A short paragraph all in
  bold that does not end as a sentence does ("**Using a proxy**", "**How do I reset it?**")
  is a heading too, below the Markdown headings above it.
- A list is one block, each item on a line of its own ("• item", "1. item"; a nested item is
  indented), joined to the paragraph just before it when that paragraph introduces it (ends
  with a colon): the sentence and what it introduces are one passage. A list or a paragraph
  that shows links alone (a table of contents, "Previous | Index | Next") is ``navigation``,
  not body text: it leads elsewhere and says nothing itself; but a link alone that is all its
  section holds says what the heading asks ("## License" over "[MIT](...)").
- A block quote's paragraphs and lists are read as the page's own; a heading inside one
  heads the quote's text only, as its box on the page does.
- A code fence or indented code block is a ``code`` block, its text as written (one inside a
  list item comes right after the list); a table is a ``table`` block, a row a line, its
  cells joined by " | " (``retrieval.corpus.markdown_blocks``). Neither is body text: both
  are searchable and quotable, never summarised. A diagram's fence (```` ```mermaid ````),
  which the page draws as a picture, shows nothing.
- A block of raw HTML shows its text, and a ``<details>``'s ``<summary>`` is a heading over
  what it holds, below every other heading (``retrieval.corpus.html_text``); so is a
  definition list's term (``--fast`` then ``:   Skips the slow checks.``, as MkDocs, Pandoc
  and kramdown write one; mdit-py-plugins' ``deflist``) over its definitions.
- Thematic breaks show no text of their own and are left out, and so are an
  admonition's markers (GitHub's ``> [!NOTE]``, Docusaurus's ``:::tip``), its text kept, and
  a YAML front matter block (``---`` lines) that a site generator reads (its title and author
  are read apart: ``retrieval.corpus.site_front_matter``).
- What a site generator adds (MkDocs admonitions and tabs, MyST notes, Hugo shortcodes, Liquid
  tags, a heading's attribute list) is read as its page shows it (``retrieval.corpus.site_markup``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from retrieval.corpus import html_text, page_furniture, site_front_matter, site_inline, site_markup
from retrieval.corpus.markdown_blocks import list_lines, shows_no_code, table_rows
from retrieval.corpus.markdown_inline import (
    bold_lead,
    inline_text,
    is_bold_heading,
    links_only,
    picture_names,
)
from retrieval.corpus.models import BODY
from retrieval.corpus.sentences import introduces
from retrieval.corpus.text import shows_words

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

CODE = "code"
TABLE = "table"
SHOWN_AS_IS = frozenset({CODE, TABLE})  # content, but never a sentence of a summary
# A paragraph or a list of links alone (a table of contents, "Previous | Index | Next"): it
# leads elsewhere, and ranks after the body text that says what it names.
NAVIGATION = "navigation"
# A paragraph all in bold, short and not a sentence, is a heading under the page's headings
# (many pages write a minor heading so); a level below any Markdown heading's, so that the
# next heading of any level, or the next bold one, closes its section.
BOLD_HEADING_LEVEL = 7
# A <details>'s <summary> heads what the <details> holds, below every other heading (one
# inside another, one level lower again); its </details> closes it.
DETAILS_LEVEL = 8


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-to-be: its text as shown, its role and the headings it sits under."""

    text: str
    role: str
    section: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """A Markdown page read: its title, the first level-1 heading's text outside a block quote
    (None without one: the loader names the page by its file, ``retrieval.corpus.names``),
    and its blocks."""

    title: str | None
    blocks: tuple[Block, ...]


# Blocks open inside each other at most this deep (a list level opens two, a list and its
# item): markdown-it stops reading a page where they reach it, and the rest of it would be
# lost without a word, so such a page is refused (``NestedTooDeep``).
MAX_NESTING = 40


class NestedTooDeep(ValueError):
    """Lists or block quotes nest deeper than ``MAX_NESTING`` allows, from ``line`` on."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


def read(source: str) -> Page:
    """Read ``source`` (Markdown; citebot's TOML front matter already taken off, a YAML block
    left by a site generator skipped) into blocks under their headings; ``NestedTooDeep``
    when the parser would stop before the page's end."""
    text = site_markup.as_shown(site_front_matter.without_block(source))
    tokens = _parser().parse(text)
    for token in tokens:
        if token.level >= MAX_NESTING - 1 and token.map:
            raise NestedTooDeep(text.split("\n")[token.map[0]].strip())
    return _Reader(tokens).page()


@cache
def _parser() -> MarkdownIt:
    """The parser, made when a first ``.md`` file is read: a corpus of plain text never
    imports markdown-it."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    parser.enable(["table", "strikethrough"])
    return parser.use(deflist_plugin).use(tasklists_plugin)


class Outline:
    """A page's blocks as a reader writes them down, each under the headings open when it is
    added: what every reader of a marked-up page (Markdown, reStructuredText) keeps."""

    def __init__(self) -> None:
        self.path: list[tuple[int, str]] = []  # (level, text) of the open headings
        self.title: str | None = None
        self.blocks: list[Block] = []

    @property
    def section(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.path)

    def head(self, level: int, text: str) -> None:
        """Close the sections at ``level`` and below, and open one headed ``text`` there (none
        for an empty ``text``)."""
        self.path = [(lvl, t) for lvl, t in self.path if lvl < level]
        if text:
            self.path.append((level, text))

    def add(self, text: str, role: str) -> None:
        """A block of ``role``, unless it shows no word (code and tables always count)."""
        if text.strip() and (role in SHOWN_AS_IS or shows_words(text)):
            self.blocks.append(Block(text, role, self.section))

    def add_list(self, text: str, role: str) -> None:
        """A list, joined to the paragraph that introduces it, else a block of ``role``."""
        if not text.strip():
            return
        last = self.blocks[-1] if self.blocks else None
        if (
            last is not None
            and last.role == BODY
            and last.section == self.section
            and introduces(last.text)
        ):
            self.blocks[-1] = Block(f"{last.text}\n{text}", BODY, last.section)
        else:
            self.blocks.append(Block(text, role, self.section))


class _Reader(Outline):
    """One pass over markdown-it's token stream, keeping the heading path as it goes."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        super().__init__()
        self.tokens = tokens
        self.at = 0
        self.quoted: list[list[tuple[int, str]]] = []  # the path where each open quote began
        self.details = 0  # <details> with a <summary> open around what is read
        self.one_link: set[int] = set()  # the blocks that are a paragraph of one link alone

    def page(self) -> Page:
        while self.at < len(self.tokens):
            self._block()
        return Page(self.title, tuple(self._said_by_their_links()))

    def _said_by_their_links(self) -> list[Block]:
        """The blocks, each link alone that is all its section holds read as its text: under
        "License", "[MIT](...)" says what the license is, where a link among others leads
        elsewhere."""
        sections = Counter(block.section for block in self.blocks)
        return [
            Block(block.text, BODY, block.section)
            if at in self.one_link and block.section and sections[block.section] == 1
            else block
            for at, block in enumerate(self.blocks)
        ]

    def _block(self) -> None:
        token = self.tokens[self.at]
        kind = token.type
        if kind == "heading_open":
            inline = self.tokens[self.at + 1]
            text = site_inline.heading_text(inline_text(inline)) or picture_names(inline)
            self.at += 3
            self._heading(int(token.tag[1:]), text)
        elif kind == "paragraph_open":
            inline = self.tokens[self.at + 1]
            text = inline_text(inline)
            self.at += 3
            if is_bold_heading(inline, text):  # "**External tools**" on a line of its own
                self.head(BOLD_HEADING_LEVEL, text)
            elif not self.blocks and page_furniture.are_properties(inline.content.split("\n")):
                self.add(text, "notice")  # "Created: ...", "Owner: ..." under the title
            elif links_only(inline):
                if sum(child.type == "link_open" for child in inline.children or ()) == 1:
                    self.one_link.add(len(self.blocks))
                self.add(text, NAVIGATION)
            elif "\n" in inline.content and (lead := bold_lead(inline)) is not None:
                # "**How do I pair it?**" over its answer
                self.head(BOLD_HEADING_LEVEL, lead[0])
                self.add(lead[1], BODY)
            else:
                self.add(text, BODY)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            code: list[str] = []
            start = self.at
            lines, self.at = list_lines(self.tokens, self.at, code)
            links = _links_alone(self.tokens[start : self.at])
            self.add_list("\n".join(lines), NAVIGATION if links else BODY)
            for fence in code:  # after the list: code is never body text
                self.add(fence, CODE)
        elif kind in ("fence", "code_block"):
            self.at += 1
            if not shows_no_code(token):
                self.add(token.content.rstrip("\n"), CODE)
        elif kind == "table_open":
            rows, self.at = table_rows(self.tokens, self.at)
            self.add("\n".join(rows), TABLE)
        elif kind == "html_block":
            self.at += 1
            self._html(token.content)
        elif kind == "dt_open":  # a definition list's term heads its definitions
            text = inline_text(self.tokens[self.at + 1])
            self.at += 3
            self.head(DETAILS_LEVEL + self.details, text)
        elif kind == "dl_close":
            self.head(DETAILS_LEVEL + self.details, "")
            self.at += 1
        elif kind == "blockquote_open":  # a heading inside heads the quote's text alone
            self.quoted.append(self.path)
            self.at += 1
        elif kind == "blockquote_close":
            self.path = self.quoted.pop() if self.quoted else self.path
            self.at += 1
        else:  # hr: no text of its own
            self.at += 1

    def _heading(self, level: int, text: str) -> None:
        """A heading, written in Markdown or in HTML: it opens a section, and the first
        level-1 one names the page."""
        if text and level == 1 and self.title is None and not self.quoted:
            self.title = text  # a heading inside a block quote heads the quote alone
        self.head(level, text)

    def _html(self, html: str) -> None:
        """Raw HTML as the page shows it (``retrieval.corpus.html_text``): its text as body
        blocks, a ``<summary>`` as a heading over what its ``<details>`` holds."""
        for kind, text in html_text.pieces(html):
            if kind == "summary":  # a <details> inside another heads below the outer one
                self.head(DETAILS_LEVEL + self.details, text)
                self.details += 1
            elif kind == "end":
                self.details = max(0, self.details - 1)
                self.head(DETAILS_LEVEL + self.details, "")
            elif kind in html_text.HEADINGS:
                self._heading(int(kind[1:]), text)
            else:
                self.add(text, CODE if kind == "code" else BODY)


def _links_alone(tokens: Sequence[Token]) -> bool:
    """Whether every item of a list shows links alone (``links_only``): a table of contents."""
    inlines = [token for token in tokens if token.type == "inline"]
    return bool(inlines) and all(links_only(token) for token in inlines)
