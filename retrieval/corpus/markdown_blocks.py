"""What markdown-it's structured blocks show: a list's lines, a table's rows, and whether a
code fence shows code at all (``retrieval.corpus.markdown`` reads the page around them).

Each reader takes the tokens and the position of the block's opening token, and returns what
the block shows with the position just past its closing token.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.corpus import site_markers
from retrieval.corpus.markdown_inline import inline_text
from retrieval.corpus.models import CELL_SEPARATOR

if TYPE_CHECKING:
    from markdown_it.token import Token

BULLET = "\u2022 "
# Code fences that pages draw as pictures, by their language.
DIAGRAMS = frozenset({"mermaid", "plantuml", "puml", "graphviz", "dot", "d2", "wavedrom"})


def numeral(number: int, kind: str) -> str:
    """An item's number as a list of ``kind`` writes it: the readers' names for a kind
    ("loweralpha", docutils'; "lowerLetter", Word's) say letters, roman numerals or digits,
    and "upper" capitals."""
    kind = kind.casefold()
    if ("alpha" in kind or "letter" in kind) and 0 < number <= 26:
        shown = chr(ord("a") + number - 1)
    elif "roman" in kind and 0 < number < 4000:
        shown = _roman(number)
    else:
        return str(number)
    return shown.upper() if kind.startswith("upper") else shown


def _roman(number: int) -> str:
    out = ""
    for value, letters in zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        "m cm d cd c xc l xl x ix v iv i".split(),
        strict=True,
    ):
        count, number = divmod(number, value)
        out += letters * count
    return out


def shows_no_code(fence: Token) -> bool:
    """Whether a code block shows none of its lines: a diagram's source (```` ```mermaid ````),
    which GitHub and docs sites draw as a picture, or only includes of other files, whose
    code the page shows instead (``retrieval.corpus.site_markers``)."""
    language = fence.info.split()[:1]
    if language and language[0].casefold() in DIAGRAMS:
        return True
    return site_markers.only_includes(fence.content)


def list_lines(
    tokens: Sequence[Token], at: int, code: list[str], depth: int = 0
) -> tuple[list[str], int]:
    """The lines of the list opening at ``at`` ("• item", "1. item"), nested ones indented;
    the code blocks inside its items are added to ``code``."""
    opening = tokens[at]
    ordered = opening.type == "ordered_list_open"
    number = int(opening.attrs.get("start", 1) or 1) if ordered else 0
    closing = opening.type.replace("_open", "_close")
    at += 1
    lines: list[str] = []
    indent = "  " * depth
    while at < len(tokens) and tokens[at].type != closing:
        if tokens[at].type != "list_item_open":
            at += 1
            continue
        at += 1
        marker = f"{number}. " if ordered else BULLET
        number += 1
        item: list[str] = []
        nested: list[str] = []
        while tokens[at].type != "list_item_close":
            inner = tokens[at]
            if inner.type in ("bullet_list_open", "ordered_list_open"):
                deeper, at = list_lines(tokens, at, code, depth + 1)
                nested.extend(deeper)
                continue
            if inner.type == "inline":
                item.append(inline_text(inner))
            elif inner.type in ("fence", "code_block") and not shows_no_code(inner):
                code.append(inner.content.rstrip("\n"))
            at += 1
        at += 1
        text = " ".join(part for part in item if part)
        if text or nested or ordered:  # a bullet showing only a picture is none
            lines.append((indent + marker + text).rstrip())
        lines.extend(nested)
    return lines, at + 1


def table_rows(tokens: Sequence[Token], at: int) -> tuple[list[str], int]:
    """The rows of the table opening at ``at``, each one line, its cells joined by " | " (a
    cell's ``<br>`` is a space, so a row stays one line)."""
    rows: list[str] = []
    cells: list[str] = []
    while tokens[at].type != "table_close":
        token = tokens[at]
        if token.type == "tr_open":
            cells = []
        elif token.type == "inline":
            cells.append(" ".join(inline_text(token).split("\n")))
        elif token.type == "tr_close":
            rows.append(CELL_SEPARATOR.join(cells))
        at += 1
    return rows, at + 1
