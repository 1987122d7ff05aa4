"""A plain text read as an article: its title and its paragraphs, its heading lines taken out
as their sections.

The first line is the title, unless it reads as text (then the file's name is:
``retrieval.corpus.names``) or the page printed its own lines over it ("FOR IMMEDIATE
RELEASE", "Opinion": ``retrieval.corpus.page_furniture``, which stay paragraphs); blank lines
separate the paragraphs, or each line is one when the text writes none
(``retrieval.corpus.line_paragraphs``); heading lines are found by ``retrieval.corpus.headings``
among the lines the layout rules leave as text (``retrieval.corpus.layout``).
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval import patterns
from retrieval.corpus import (
    discord_markup,
    headings,
    layout,
    line_paragraphs,
    markdown,
    page_furniture,
)
from retrieval.corpus.front_matter import FrontMatter
from retrieval.corpus.models import BODY, CorpusError
from retrieval.corpus.text import normalize, shows_words

NO_PARAGRAPHS = "has a title but no paragraphs: add its text below the title"
NO_PARAGRAPHS_UNDER_HEADINGS = "has headings but no paragraphs: add its text under them"

_BLANK_LINES = patterns.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*")


def title_and_paragraphs(
    body: str, meta: FrontMatter, name: str, named: str
) -> tuple[str, list[str]]:
    """A plain text's title (front matter, else its first line, else ``named``, from its file
    name, when that line reads as text: ``headings.opens_with_text``) and paragraphs."""
    blocks = [block for block in _BLANK_LINES.split(body.strip("\n")) if block.strip()]
    if meta.title is not None:
        if blocks and normalize(blocks[0].strip()) == normalize(meta.title):
            blocks = blocks[1:]  # the text repeats its title on the first line
        title = meta.title
    else:
        if not body.strip() or body[:1].isspace():
            raise CorpusError(
                name, "no title: make the first line the title, or set title in the front matter"
            )
        above, blocks = _above_the_title(blocks)
        first_line, _, rest = blocks[0].partition("\n")
        if (underlined := headings.underlined(blocks[0])) is not None:
            title, blocks = underlined[0], blocks[1:]  # "Guide" over "=====": its title
        elif headings.opens_with_text(first_line, rest):
            title = named
        else:
            title = first_line.strip()
            blocks = [rest, *blocks[1:]] if rest.strip() else blocks[1:]
        blocks = [*above, *blocks]
    if not blocks:
        raise CorpusError(name, NO_PARAGRAPHS)
    return title, blocks


def _above_the_title(blocks: list[str]) -> tuple[list[str], list[str]]:
    """The page's lines over a text's title, and the blocks from its title on: a release's
    "FOR IMMEDIATE RELEASE", a news site's "Supported by" and its label over the headline
    ("Opinion", alone or over the headline's line). They stay paragraphs, the page's own
    (``retrieval.corpus.layout``); a text of nothing else keeps its first line as its title."""
    at = 0
    while at + 1 < len(blocks) and (
        page_furniture.is_furniture(line := blocks[at].strip()) or page_furniture.is_label(line)
    ):
        at += 1
    above, blocks = blocks[:at], blocks[at:]
    label, _, rest = blocks[0].partition("\n")
    if rest.strip() and page_furniture.is_label(label.strip()):  # "Opinion" over the headline
        above, blocks = [*above, label], [rest, *blocks[1:]]
    return above, blocks


def blocks(body: str, meta: FrontMatter, name: str, named: str) -> tuple[str, list[markdown.Block]]:
    """A plain text's title and paragraphs, its heading lines taken out as their sections;
    Discord's own Markdown, as a channel shows it (``retrieval.corpus.discord_markup``)."""
    title, texts = title_and_paragraphs(discord_markup.as_shown(body), meta, name, named)
    if meta.non_body is None and len(texts) == 1:  # no blank line: maybe a paragraph a line
        texts = line_paragraphs.split(texts[0])
    if meta.headings is not None:
        texts = headings.split_first_lines(texts, headings.declared_line(meta.headings))
        found = headings.declared(texts, meta.headings)
    elif meta.non_body is not None:  # declared non-body lines are no headings either
        found = headings.find(texts, _declared_non_body(meta, texts))
    else:
        texts = headings.split_at_edit_marks(texts)  # "Drops[edit]" inside a block heads it
        texts = [piece for text in texts for piece in page_furniture.peeled(text)]
        found = headings.find(texts, {number - 1 for number in layout.classified(tuple(texts))})
        split = headings.split_first_lines(texts, _first_line_heads)
        if split != texts:  # "How do I reset it?" on the first line of its answer's block
            found_split = headings.find(split, {n - 1 for n in layout.classified(tuple(split))})
            if len(found_split) > len(found):
                texts, found = split, found_split
    blocks = [
        markdown.Block(texts[at], BODY, section)
        for at, section in headings.sections(texts, set(found))
        if meta.non_body is not None or shows_words(texts[at])  # declared numbers count all
    ]
    if not blocks:  # its lines were headings, or separators that show no text
        raise CorpusError(name, NO_PARAGRAPHS_UNDER_HEADINGS if found else NO_PARAGRAPHS)
    return title, blocks


def _first_line_heads(first: str, rest: str) -> bool:
    """``headings.first_line_heads``, but for the page's lines: a chat message's header
    ("ModBot" over "APP" over its time) is no heading over a line."""
    return headings.first_line_heads(first, rest) and not page_furniture.is_furniture(
        f"{first}\n{rest}".strip()
    )


def _declared_non_body(meta: FrontMatter, texts: Sequence[str]) -> set[int]:
    """Indices of the lines front matter declares non-body, counted before headings leave:
    a declared caption must never become a heading and shift the numbers it was given by."""
    numbers = meta.non_body if isinstance(meta.non_body, list) else list(meta.non_body or {})
    return {number - 1 for number in numbers}
