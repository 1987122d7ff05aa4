"""A Word document (``.docx``) read as Word shows it: a community's handbook or FAQ written
in Google Docs or Word and exported so, as blocks under their headings
(``retrieval.corpus.markdown`` reads Markdown the same way).

A ``.docx`` file is a zip of XML parts; the document's part holds its paragraphs and tables:

- A paragraph styled as a heading ("Heading 1" to "Heading 9", by the style's name or its
  outline level, whatever the language of its id) opens a section; the first one styled
  "Title", else the first "Heading 1", names the document.
- A paragraph shows its runs' text: a tab as a space, a line break as a new line, a
  hyperlink its text; text deleted with tracked changes, field codes and comments show
  nothing, and inserted text shows.
- Consecutive list paragraphs are one list, an item a line with the marker Word shows: its
  number ("3. ", "c) ", "iv. ", counted per list and level as Word counts them) or a bullet,
  nested ones indented; joined to the paragraph that introduces it, as in Markdown.
- A table is a ``table`` block, a row a line, its cells joined by " | ".

Nothing in a file is run or fetched, and a part is read only if it is small enough
(``MAX_PART_BYTES`` uncompressed, so a zip bomb is refused before it is inflated) and holds no
document type declaration (entities that expand are the classic XML bomb).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree

from retrieval import patterns
from retrieval.corpus import pages
from retrieval.corpus.markdown import TABLE, Outline, Page
from retrieval.corpus.markdown_blocks import BULLET, numeral
from retrieval.corpus.models import BODY, CELL_SEPARATOR

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"
_NUMBERING = "word/numbering.xml"
MAX_PART_BYTES = 20_000_000  # a part's size once inflated: a novel's text is under a tenth
_DOCTYPE = b"<!DOCTYPE"  # as XML spells it: a declaration is case-sensitive
_HEADING_NAME = patterns.compile(r"heading\s*([1-9])", re.IGNORECASE)
_NUMBER_MARK = patterns.compile(r"%\d")
_SHOWS_NOTHING = frozenset({"delText", "instrText", "commentReference", "footnoteReference"})


class Unreadable(ValueError):
    """A file that is no Word document citebot can read: the message says why, and what to do."""


def read(data: bytes) -> Page:
    """Read a ``.docx`` file's bytes into blocks under their headings (see the module);
    ``Unreadable`` when it is no Word document or a part is unsafe to read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = _part(archive, _DOCUMENT)
            if document is None:
                raise Unreadable(
                    "is no Word document (it has no word/document.xml); save it as .docx"
                )
            styles = _part(archive, _STYLES)
            numbering = _part(archive, _NUMBERING)
    except zipfile.BadZipFile:
        raise Unreadable("is not a .docx file (not a zip archive); save it as .docx") from None
    except (RuntimeError, NotImplementedError, EOFError, OSError, zlib.error) as error:
        # encrypted (RuntimeError), an unknown compression, a damaged stream
        raise Unreadable(
            f"cannot be unpacked ({pages.fault(error)}); save it again as .docx, without a password"
        ) from None
    body = document.find(f"{_W}body")
    try:
        reader = _Reader(_Styles(styles), _Numbering(numbering))
        if body is not None:
            reader.walk(body)
    except RecursionError:  # content controls inside each other, past any real document's
        raise Unreadable("nests its content too deeply; save it again as .docx") from None
    reader.close_list()
    return Page(reader.title, tuple(reader.blocks))


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    """A part of the archive parsed, or None when it has none; ``Unreadable`` for one too large
    once inflated, holding a document type declaration, or not well-formed."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise Unreadable(
            f"its {name} would take {info.file_size:,} bytes, over the {MAX_PART_BYTES:,} "
            "a document may; split the document"
        )
    with archive.open(info) as part:
        xml = part.read(MAX_PART_BYTES + 1)
    if len(xml) > MAX_PART_BYTES:  # the size the zip declared was not the size inflated
        raise Unreadable(f"its {name} inflates past {MAX_PART_BYTES:,} bytes; split the document")
    if _DOCTYPE in xml:
        raise Unreadable(f"its {name} declares a document type, which Word never writes")
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise Unreadable(f"its {name} is not well-formed XML ({error}); save it again") from None


class _Styles:
    """What a document's paragraph styles make of a paragraph: a heading of a level (0 for a
    title), by the style's name ("heading 2", "Title") or outline level (an id is in the
    document's language, "berschrift2"; a name is not); and a list, for a style that numbers
    its paragraphs (Word's "List Number", "List Bullet"), its list and level. A style inherits
    what the style it is based on does not say."""

    def __init__(self, styles: ElementTree.Element | None) -> None:
        self.headings: dict[str, int] = {}
        self.lists: dict[str, tuple[str, int]] = {}
        based: dict[str, str] = {}
        for style in [] if styles is None else styles.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId", "")
            name = _val(style.find(f"{_W}name")).strip()
            outline = _val(style.find(f"{_W}pPr/{_W}outlineLvl"))
            heading = _HEADING_NAME.fullmatch(name)
            if name.casefold() == "title":
                self.headings[style_id] = 0
            elif heading:
                self.headings[style_id] = int(heading.group(1))
            elif outline.isdigit():
                self.headings[style_id] = int(outline) + 1
            numbered = style.find(f"{_W}pPr/{_W}numPr")
            if numbered is not None:
                self.lists[style_id] = _list_of(numbered)
            parent = _val(style.find(f"{_W}basedOn"))
            if parent:
                based[style_id] = parent
        for style_id in based:  # inherited, through a few generations at most
            ancestor, seen = based.get(style_id), 0
            while ancestor and seen < 10:
                if style_id not in self.lists and ancestor in self.lists:
                    self.lists[style_id] = self.lists[ancestor]
                ancestor, seen = based.get(ancestor), seen + 1


def _val(node: ElementTree.Element | None) -> str:
    return node.get(f"{_W}val", "") if node is not None else ""


def _list_of(numbered: ElementTree.Element) -> tuple[str, int]:
    """A numbering property's list and level (``<w:numPr>``)."""
    level = _val(numbered.find(f"{_W}ilvl"))
    return _val(numbered.find(f"{_W}numId")), int(level) if level.isdigit() else 0


class _Numbering:
    """Which list formats a document's numbered paragraphs use, and their counters."""

    def __init__(self, numbering: ElementTree.Element | None) -> None:
        self._formats: dict[tuple[str, int], tuple[str, str]] = {}  # (numId, level) -> ...
        self._counts: dict[tuple[str, int], int] = {}
        if numbering is None:
            return
        abstract: dict[str, dict[int, tuple[str, str]]] = {}
        for node in numbering.iter(f"{_W}abstractNum"):
            levels = abstract.setdefault(node.get(f"{_W}abstractNumId", ""), {})
            for lvl in node.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                ilvl = lvl.get(f"{_W}ilvl", "0")
                levels[int(ilvl) if ilvl.isdigit() else 0] = (
                    fmt.get(f"{_W}val", "bullet") if fmt is not None else "bullet",
                    text.get(f"{_W}val", "%1.") if text is not None else "%1.",
                )
        for num in numbering.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
            for level, shown in levels.items():
                self._formats[(num.get(f"{_W}numId", ""), level)] = shown

    def marker(self, num_id: str, level: int) -> str:
        """The next item's marker in list ``num_id`` at ``level``: "3. ", "c) ", or a bullet.
        A deeper level's counter starts again under each item of a shallower one."""
        kind, pattern = self._formats.get((num_id, level), ("bullet", ""))
        if kind in ("bullet", "none"):
            return BULLET
        count = self._counts.get((num_id, level), 0) + 1
        self._counts[(num_id, level)] = count
        for deeper in [key for key in self._counts if key[0] == num_id and key[1] > level]:
            del self._counts[deeper]
        shown = pattern.replace(f"%{level + 1}", numeral(count, kind))
        return _NUMBER_MARK.sub("", shown).strip() + " "


class _Reader(Outline):
    """One pass over the document's body, keeping the heading path and the open list."""

    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        super().__init__()
        self.styles = styles
        self.numbering = numbering
        self.items: list[str] = []  # the open list's lines

    def walk(self, parent: ElementTree.Element) -> None:
        for node in parent:
            tag = node.tag.removeprefix(_W)
            if tag == "p":
                self.paragraph(node)
            elif tag == "tbl":
                self.close_list()
                self.add("\n".join(_rows(node)), TABLE)
            elif tag == "sdt":  # a content control: what it holds is the document's
                content = node.find(f"{_W}sdtContent")
                if content is not None:
                    self.walk(content)

    def paragraph(self, node: ElementTree.Element) -> None:
        text = _text(node)
        style = _val(node.find(f"{_W}pPr/{_W}pStyle"))
        level = self.styles.headings.get(style)
        numbered = node.find(f"{_W}pPr/{_W}numPr")
        listed = _list_of(numbered) if numbered is not None else self.styles.lists.get(style)
        if level is not None and text.strip():
            self.close_list()
            if self.title is None and (level == 0 or (level == 1 and not self.blocks)):
                self.title = text.strip()
                if level == 0:
                    return
            self.head(max(level, 1), text.strip())
        elif listed is not None and listed[0] not in ("", "0") and text.strip():
            num_id, depth = listed  # (list "0": numbering taken off a styled paragraph)
            self.items.append("  " * depth + self.numbering.marker(num_id, depth) + text.strip())
        else:
            self.close_list()
            self.add(text.strip(), BODY)

    def close_list(self) -> None:
        if self.items:
            self.add_list("\n".join(self.items), BODY)
            self.items = []


def _text(paragraph: ElementTree.Element) -> str:
    """What a paragraph shows: its runs' text, tabs as spaces, breaks as new lines."""
    return "".join(_pieces(paragraph))


def _pieces(node: ElementTree.Element) -> Iterator[str]:
    """The text of ``node``'s descendants in order, read with a stack of its own: elements
    nested however deeply (a hostile file's thousands of hyperlinks inside each other)."""
    stack = [iter(node)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag.removeprefix(_W)
        if tag == "t":
            yield child.text or ""
        elif tag == "tab":
            yield " "
        elif tag in ("br", "cr"):
            yield "\n"
        elif tag not in _SHOWS_NOTHING and tag not in ("del", "pPr", "rPr"):
            stack.append(iter(child))  # runs, hyperlinks, insertions, fields: their text


def _rows(table: ElementTree.Element) -> list[str]:
    rows = []
    for row in table.iter(f"{_W}tr"):
        cells = [
            " ".join(" ".join(_text(p).split()) for p in cell.iter(f"{_W}p")).strip()
            for cell in row.findall(f"{_W}tc")
        ]
        rows.append(CELL_SEPARATOR.join(cells))
    return rows
