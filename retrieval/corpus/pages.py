"""Marked-up pages read into blocks under their headings, each reader's faults told as what a
moderator can do about them: Markdown (``retrieval.corpus.markdown``), reStructuredText
(``retrieval.corpus.rst``) and Word documents (``retrieval.corpus.docx``); and a page's title.
"""

from __future__ import annotations

from retrieval.corpus import limits, markdown
from retrieval.corpus.front_matter import MAX_TITLE_CHARS, FrontMatter
from retrieval.corpus.models import CorpusError

# A file with nothing to quote, and what its writer can do about it (in a folder or attached).
NO_PARAGRAPHS_IN_PAGE = "has a title or headings but no paragraphs: add its text under them"


def markdown_page(body: str, name: str) -> markdown.Page:
    """A Markdown page read, or the CorpusError that says why it cannot be."""
    limits.check_brackets(body, name)  # before the Markdown reader spends its time on them
    try:
        return markdown.read(body)
    except markdown.NestedTooDeep as deep:
        raise CorpusError(
            name,
            f"lists or block quotes nest too deeply from {_shown(deep.line)} on, and a "
            "Markdown reader stops reading the page there; nest them less deeply",
        ) from None


def rst_page(body: str, name: str) -> markdown.Page:
    """A reStructuredText page read, or the CorpusError that says why it cannot be."""
    from retrieval.corpus import rst  # a corpus without .rst files never imports its reader

    try:
        return rst.read(body)
    except markdown.NestedTooDeep as deep:
        raise CorpusError(
            name,
            f"lists, quotes or indented blocks nest too deeply around {_shown(deep.line)} "
            "for a reStructuredText reader; nest them less deeply",
        ) from None
    except rst.Unreadable as error:
        raise CorpusError(name, str(error)) from None


def titled(
    page: markdown.Page, meta: FrontMatter, name: str, named: str
) -> tuple[str, list[markdown.Block]]:
    """A marked-up page's title (front matter, else its first top-level heading, else
    ``named``, from its file name) and blocks."""
    blocks = list(page.blocks)
    title = meta.title or page.title or named
    if len(title) > MAX_TITLE_CHARS:
        raise CorpusError(
            name, f"no title: the title has {len(title):,} characters; make it shorter"
        )
    if not blocks:
        raise CorpusError(name, NO_PARAGRAPHS_IN_PAGE)
    return title.strip(), blocks


def docx_page(data: bytes, name: str) -> markdown.Page:
    """A Word document read, or the CorpusError that says why it cannot be."""
    from retrieval.corpus import docx  # a corpus without .docx files never imports its reader

    try:
        return docx.read(data)
    except docx.Unreadable as error:
        raise CorpusError(name, str(error)) from None
    except Exception as error:  # a fault of the reader's on a file anyone may attach
        raise CorpusError(
            name,
            f"the Word reader failed on it ({fault(error)}); save it again as .docx, or save "
            "its text as a .txt file",
        ) from None


def fault(error: BaseException, most: int = 80) -> str:
    """A library's own error on a file, told in a message: its kind and its words on one
    line, cut to ``most`` characters (docutils' can quote a whole node tree)."""
    said = " ".join(str(error).split())
    said = said if len(said) <= most else said[: most - 1] + "\u2026"
    return f"{type(error).__name__}: {said}"


def _shown(line: str, most: int = 40) -> str:
    """A line of a file, quoted in a message: cut to ``most`` characters."""
    return repr(line if len(line) <= most else line[: most - 1] + "\u2026")
