"""reStructuredText read as a reader sees it: a Sphinx or docutils page, as blocks under their
headings, the way ``retrieval.corpus.markdown`` reads Markdown.

docutils parses the page; what comes out is what the rendered page shows, without the syntax:

- A section's title heads what the section holds; the title of the page's only top-level
  section names the page (with several, its file does), as docutils reads a page's title. A
  field list opening the page (``:orphan:``, ``:Author: ...``) is its properties: a notice.
- A paragraph shows its text: a link its text, inline literals and emphasis their content, a
  cross-reference its title (``:func:`~gizmo.connect``` shows "connect", ``:ref:`Setup
  <setup>``` "Setup"), Sphinx's roles and any other: docutils knows none of them.
  Footnote marks show nothing here.
- A list is one block, an item a line ("• item", "2. step", "b) part"), joined to the paragraph
  that introduces it, as in Markdown. A literal block, ``code-block``, doctest or ``math`` is a
  ``code`` block; a table (grid, simple, ``list-table``, ``csv-table``) and an option list are
  ``table`` blocks, a row a line with its cells joined by " | ".
- A definition list's term heads its definition; an object's description (``.. py:function::
  connect(host)``, ``.. option:: --fast``, ``.. confval:: timeout``) heads its text with its
  signature in the same way; a rubric is a minor heading.
- Admonitions (``note``, ``warning``, ``versionadded``, ``seealso``...), block quotes, topics
  and containers show their text; a figure's caption is a ``caption``. A table of contents
  (``contents`` is a list of links: ``navigation``; ``toctree``), autodoc's directives,
  comments, link targets, substitution definitions and docutils' own messages show nothing.
- A directive docutils does not know (a Sphinx extension's) shows its content, under its
  argument when it has one (``.. tab:: Linux``, ``.. dropdown:: Why is it slow?``).

Nothing a page holds reads another file or a configuration: ``include``, ``raw`` and files or
addresses for tables are switched off, as is reading ``docutils.conf``; a page whose text is
all included is refused saying so. What docutils would take seconds over is refused first
with what to do (``_check_size``), and its search for addresses in running text is off.
docutils is imported when a first ``.rst`` file is read. ``retrieval.corpus.rst_nodes`` holds
what each node shows, ``retrieval.corpus.rst_directives`` the directives docutils does not
know.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from retrieval.corpus import pages, rst_directives
from retrieval.corpus.limits import MAX_PARAGRAPH_CHARS
from retrieval.corpus.markdown import (
    BOLD_HEADING_LEVEL,
    CODE,
    DETAILS_LEVEL,
    NAVIGATION,
    TABLE,
    NestedTooDeep,
    Outline,
    Page,
)
from retrieval.corpus.models import BODY
from retrieval.corpus.rst_nodes import (
    field_lines,
    inline,
    is_a,
    links_only,
    list_lines,
    option_rows,
    silent,
    table_rows,
)

if TYPE_CHECKING:
    from docutils import nodes

MAX_LINE = MAX_PARAGRAPH_CHARS  # docutils reads no page with a longer line
MAX_GRID_CHARS = 4 * MAX_PARAGRAPH_CHARS  # a grid table's source, borders and padding included
# Characters without a space: docutils' search for inline markup takes time in the square of
# such a run's length when it is words joined by punctuation ("a-a-a-...": 9 s for 19,000).
MAX_RUN = 2_000
SETTINGS: Mapping[str, Any] = {
    "line_length_limit": MAX_LINE,
    "_disable_config": True,  # no docutils.conf from the working or home directory
    "file_insertion_enabled": False,  # no "include", no file or address for "raw" or tables
    "raw_enabled": False,
    "report_level": 5,  # docutils' messages are for the page's writer, not a reader
    "halt_level": 5,
    "warning_stream": False,
    "traceback": True,  # an error is raised here, never printed and exited on
    "doctitle_xform": False,  # the first title stays a section's: it heads what follows it
    "sectsubtitle_xform": False,
    "docinfo_xform": False,
    "syntax_highlight": "none",
    "smart_quotes": False,
}


class Unreadable(ValueError):
    """A page docutils cannot read: the message says why, and what to do."""


def read(source: str) -> Page:
    """Read ``source`` (reStructuredText; citebot's TOML front matter already taken off) into
    blocks under their headings; ``NestedTooDeep`` when it nests deeper than a parser can
    follow, ``Unreadable`` when docutils fails on it."""
    from docutils.core import publish_doctree

    _check_size(source)
    rst_directives.know_names(source)
    reader = _Reader()
    try:
        document = publish_doctree(source, parser=_parser(), settings=copy.copy(_settings()))
        reader.walk(document.children, 0)
        reader.title = _title(document)
    except RecursionError:
        raise NestedTooDeep(_deepest_line(source)) from None
    except (NestedTooDeep, Unreadable):
        raise
    except Exception as error:  # docutils' own faults ("|s| replace:: t |s|": a ValueError)
        raise Unreadable(
            f"the reStructuredText reader (docutils) failed on it ({pages.fault(error)}); "
            "correct the markup, or save the text as a .txt file"
        ) from None
    included = rst_directives.included(source)
    if included and not reader.blocks:  # all its text is another file's
        raise Unreadable(
            f"its text is included from {', '.join(included[:3])}, and a page includes no "
            "file here; put that text in the page"
        )
    return Page(reader.title, tuple(reader.blocks))


class _Reader(Outline):
    """One pass over docutils' document tree, keeping the heading path as it goes."""

    def __init__(self) -> None:
        super().__init__()
        self.terms = 0  # definition terms open around what is read

    def walk(self, children: Iterable[nodes.Node], depth: int) -> None:
        for child in children:
            self.node(child, depth)

    def node(self, node: nodes.Node, depth: int) -> None:
        from docutils import nodes

        if isinstance(node, nodes.section):
            title = inline(node[0]) if node.children else ""
            self.head(depth + 1, title)
            self.walk(node.children[1:], depth + 1)
            self.head(depth + 1, "")
        elif isinstance(node, nodes.paragraph):
            self.add(inline(node), NAVIGATION if links_only(node) else BODY)
        elif isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            code: list[str] = []
            lines = list_lines(node, code, 0)
            links = all(links_only(p) for p in node.findall(nodes.paragraph))
            self.add_list("\n".join(lines), NAVIGATION if links else BODY)
            for block in code:
                self.add(block, CODE)
        elif isinstance(node, (nodes.literal_block, nodes.doctest_block, nodes.math_block)):
            self.add(node.astext().rstrip("\n"), CODE)
        elif isinstance(node, nodes.table):
            self.add("\n".join(table_rows(node)), TABLE)
        elif isinstance(node, nodes.option_list):
            self.add("\n".join(option_rows(node)), TABLE)
        elif isinstance(node, nodes.definition_list):
            level = DETAILS_LEVEL + self.terms
            for item in node.children:
                terms = [inline(part) for part in item.children if is_a(part, "term")]
                self.head(level, " ".join(terms))
                self.terms += 1
                self.walk((p for p in item.children if is_a(p, "definition")), depth)
                self.terms -= 1
            self.head(level, "")
        elif isinstance(node, nodes.field_list):  # one opening the page: its properties
            self.add("\n".join(field_lines(node)), "notice" if not self.blocks else BODY)
        elif isinstance(node, nodes.line_block):
            self.add("\n".join(inline(line) for line in node.findall(nodes.line)), BODY)
        elif isinstance(node, nodes.rubric):
            self.head(BOLD_HEADING_LEVEL, inline(node))
        elif isinstance(node, nodes.caption):
            self.add(inline(node), "caption")
        elif isinstance(node, nodes.attribution):
            self.add(inline(node), BODY)
        elif isinstance(node, silent()):
            return
        elif isinstance(node, nodes.Element):  # quotes, admonitions, topics, figures, notes
            self.walk(node.children, depth)


def _title(document: nodes.document) -> str | None:
    """The page's title, as docutils reads one: the title of a section that is the page's
    only top-level one (several are sections alike: the page is named by its file)."""
    from docutils import nodes

    tops = [child for child in document.children if isinstance(child, nodes.section)]
    if len(tops) != 1 or not tops[0].children:
        return None
    return inline(tops[0][0]) or None


def _deepest_line(source: str) -> str:
    """The line a reader may look at for nesting too deep: the most indented one, else (lists
    opened on one line: "- - - ...") the longest."""
    lines = source.split("\n") or [""]
    return max(lines, key=lambda line: (len(line) - len(line.lstrip()), len(line))).strip()


def _check_size(source: str) -> None:
    """``Unreadable`` for a line longer than docutils reads, a run of characters without a
    space it would take seconds over (``MAX_RUN``), or a grid table too large to be worth its
    reading: docutils reads one at about ten thousand cells a second, and what it shows
    would be over ``MAX_PARAGRAPH_CHARS`` anyway."""
    grid, start = 0, 0
    for number, line in enumerate(source.split("\n"), 1):
        if len(line) > MAX_LINE:
            raise Unreadable(
                f"line {number} has over {MAX_LINE:,} characters, more than a "
                "reStructuredText reader takes on one line; break it into shorter lines"
            )
        if len(line) > MAX_RUN and max(map(len, line.split()), default=0) > MAX_RUN:
            raise Unreadable(
                f"line {number} has over {MAX_RUN:,} characters without a space, which a "
                "reStructuredText reader takes very long over; put spaces between its words"
            )
        opening = line.lstrip()[:2] in ("+-", "+=")  # a grid table's border ...
        if opening or (start and line.lstrip()[:1] in ("+", "|")):  # ... and its rows
            start = start or number
            grid += len(line)
            if grid > MAX_GRID_CHARS:
                raise Unreadable(
                    f"the grid table from line {start} has over {MAX_GRID_CHARS:,} "
                    "characters; split it into smaller tables"
                )
        else:
            grid, start = 0, 0


def _parser() -> Any:
    """docutils' reStructuredText parser, without its search for web and e-mail addresses in
    running text: an address shows as written either way, and that search took time in the
    square of a run's length ("a-a-a-...": 9 s for a paragraph of 19,000 characters)."""
    from docutils.parsers.rst import Parser, states

    inliner = states.Inliner()
    inliner.implicit_dispatch = _Unheld()  # what the parser adds there: the address search
    return Parser(inliner=inliner)


class _Unheld(list[Any]):
    """A list that holds nothing added to it."""

    def append(self, item: Any) -> None:
        pass


@cache
def _settings() -> Any:
    """docutils' settings for a page, made once a process (making them took as long as
    reading a short page); each page reads a copy."""
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser

    settings = get_default_settings(Parser)
    for key, value in SETTINGS.items():
        setattr(settings, key, value)
    return settings
