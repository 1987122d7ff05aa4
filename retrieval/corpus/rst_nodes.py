"""What a node of docutils' document tree shows a reader (``retrieval.corpus.rst`` walks the
tree): a paragraph's text on one line, a list's lines, a table's rows, a cross-reference's title.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from retrieval import patterns
from retrieval.corpus.markdown_blocks import BULLET, numeral
from retrieval.corpus.markdown_inline import BETWEEN_LINKS
from retrieval.corpus.models import CELL_SEPARATOR

if TYPE_CHECKING:
    from docutils import nodes

_TITLED = patterns.compile(r"(.*?[^\s\\])\s*<([^<>]+)>", re.DOTALL)  # "Setup <setup>"
_ROLE_TEXT = patterns.compile(r":[^\W_][\w:+.-]*:`(.*)`", re.DOTALL)
_SUBSTITUTION = patterns.compile(r"\|\S(?:[^|]*\S)?\|_{0,2}")
_CLOSING = tuple(".,;:!?)]")  # what a footnote's mark may stand before


def is_a(node: nodes.Node, tag: str) -> bool:
    return getattr(node, "tagname", "") == tag


def inline(node: nodes.Node) -> str:
    """What a paragraph-like node shows, on one line (its line breaks are the source's)."""
    return " ".join(shown(node).split())


def shown(node: nodes.Node) -> str:
    from docutils import nodes

    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, nodes.problematic):  # a role docutils did not take: shown as Sphinx
        found = _ROLE_TEXT.fullmatch(node.astext())
        if found:
            return role_text(found.group(1))
        # a substitution the page does not define (Sphinx's configuration may): its text is
        # elsewhere, and "|coro|" is not what the page shows
        return "" if _SUBSTITUTION.fullmatch(node.astext()) else node.astext()
    marks = (nodes.footnote_reference, nodes.citation_reference)
    unseen = (*marks, *silent())
    parts: list[str] = []
    after_mark = False
    for child in getattr(node, "children", ()):
        if isinstance(child, unseen):
            after_mark = after_mark or isinstance(child, marks)
            continue
        part = shown(child)
        if after_mark and parts and part[:1] in _CLOSING:  # "problems [#]_." shows no mark
            parts[-1] = parts[-1].rstrip()
        parts.append(part)
        after_mark = False
    return "".join(parts)


def links_only(node: nodes.Node) -> bool:
    """Whether a paragraph shows links and nothing else but separators (a table of contents'
    item, "Previous | Next"): it leads elsewhere and says nothing itself."""
    from docutils import nodes

    links = 0
    for child in node.children:
        if isinstance(child, nodes.reference):
            links += 1
        elif not (
            isinstance(child, (nodes.Text, nodes.target))
            and not child.astext().strip(BETWEEN_LINKS)
        ):
            return False
    return links > 0


def list_lines(node: nodes.Element, code: list[str], depth: int) -> list[str]:
    """The lines of a list ("• item", "2. step"), nested ones indented; the literal blocks in
    its items are added to ``code``."""
    from docutils import nodes

    ordered = isinstance(node, nodes.enumerated_list)
    start = int(node.get("start", 1))
    lines: list[str] = []
    for number, item in enumerate(node.children, start):
        said: list[str] = []
        nested: list[str] = []
        for part in item.children:
            if isinstance(part, (nodes.bullet_list, nodes.enumerated_list)):
                nested.extend(list_lines(part, code, depth + 1))
            elif isinstance(part, (nodes.literal_block, nodes.doctest_block)):
                code.append(part.astext().rstrip("\n"))
            elif not isinstance(part, silent()):
                said.append(inline(part))
        marker = item_marker(node, number) if ordered else BULLET
        text = " ".join(s for s in said if s)
        if text or nested or ordered:
            lines.append(("  " * depth + marker + text).rstrip())
        lines.extend(nested)
    return lines


def item_marker(node: nodes.Element, number: int) -> str:
    """An enumerated item's marker as the page numbers it: "3. ", "c) ", "(iv) "."""
    shown = numeral(number, node.get("enumtype", "arabic"))
    return f"{node.get('prefix', '')}{shown}{node.get('suffix', '.')} "


def table_rows(table: nodes.Element) -> list[str]:
    from docutils import nodes

    return [
        CELL_SEPARATOR.join(inline(entry) for entry in row.children)
        for row in table.findall(nodes.row)
    ]


def option_rows(options: nodes.Element) -> list[str]:
    """An option list's rows: its options ("-v, --verbose"), then what they do."""
    from docutils import nodes

    rows = []
    for item in options.children:
        said = [
            ", ".join(inline(option) for option in part.findall(nodes.option))
            if isinstance(part, nodes.option_group)
            else inline(part)
            for part in item.children
        ]
        rows.append(CELL_SEPARATOR.join(said))
    return rows


def field_lines(fields: nodes.Element) -> list[str]:
    """A field list's lines ("Version: 2.0"); a field without a body ("orphan") shows none."""
    lines = []
    for field in fields.children:
        said = [inline(part) for part in field.children[:2]]
        if len(said) == 2 and said[1]:
            lines.append(f"{said[0]}: {said[1]}")
    return lines


def role_text(text: str) -> str:
    """What a cross-reference shows: its title ("Setup <setup>"), else its target, the last
    part of a dotted one asked with "~" ("~gizmo.Client.timeout": "timeout")."""
    titled = _TITLED.fullmatch(text)
    if titled:
        return titled.group(1)
    text = text.lstrip("!")
    if text.startswith("~"):
        return text[1:].rsplit(".", 1)[-1]
    return text


@cache
def silent() -> tuple[type[Any], ...]:
    """The nodes that show nothing a reader reads."""
    from docutils import nodes

    return (
        nodes.comment,
        nodes.target,
        nodes.substitution_definition,
        nodes.system_message,
        nodes.raw,
        nodes.pending,
        nodes.image,
        nodes.title,  # a table's, a topic's or an admonition's: a label, not the page's text
        nodes.label,
        nodes.decoration,
        nodes.docinfo,
        nodes.meta,
        nodes.transition,
    )
