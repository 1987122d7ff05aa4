"""What one corpus file may hold, checked as it is read: each bound keeps a reload, or a reply,
from costing what no article written for people would.

- A paragraph is quoted and searched whole: ``MAX_PARAGRAPH_CHARS`` bounds what one can cost a
  reply (the longest seed paragraph has 642 characters).
- A corpus declares at most ``MAX_ALIASES`` aliases (``retrieval.corpus.front_matter``): every
  question is matched against them all.
- A Markdown file opens at most ``MAX_BRACKETS`` square brackets. The Markdown reader looks for
  the link each "[" may open, at 25 to 45 µs a bracket where ordinary text costs under 2 µs a
  character: 360 KB of "![" took 16 s, so a 5 MB file of them (the default ``max_file_bytes``)
  would take minutes at every reload, each paragraph under the paragraph limit. A page with
  20,000 links reads in about two seconds, as that many brackets do; a list of links longer
  than that is split into files.
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.corpus.front_matter import MAX_ALIASES
from retrieval.corpus.markdown import SHOWN_AS_IS, Block
from retrieval.corpus.models import Article, CorpusError

MAX_PARAGRAPH_CHARS = 20_000
MAX_BRACKETS = 20_000


def check_brackets(body: str, name: str) -> None:
    """Refuse a Markdown text opening more than ``MAX_BRACKETS`` square brackets."""
    count = body.count("[")
    if count > MAX_BRACKETS:
        raise CorpusError(
            name,
            f"has {count:,} '[' characters, over the {MAX_BRACKETS:,} a Markdown file may "
            "hold (a Markdown reader takes time over each); split it into smaller files",
        )


def check_lengths(blocks: Sequence[Block], name: str) -> None:
    """Refuse a file with a paragraph (or a table or code block) over ``MAX_PARAGRAPH_CHARS``."""
    for number, block in enumerate(blocks, start=1):
        if len(block.text) > MAX_PARAGRAPH_CHARS:
            shown_as_is = block.role in SHOWN_AS_IS
            what = f"the {block.role} in paragraph" if shown_as_is else "paragraph"
            split = "into smaller ones" if shown_as_is else "with blank lines"
            raise CorpusError(
                name,
                f"{what} {number} has {len(block.text):,} characters, over the "
                f"{MAX_PARAGRAPH_CHARS:,}-character limit; split it {split}",
            )


def count_aliases(article: Article, seen: set[tuple[str, str]]) -> None:
    """Add ``article``'s aliases to ``seen`` (alias, phrase), or refuse the article if the
    corpus would then declare more than ``MAX_ALIASES`` different ones."""
    declared = {
        (alias.casefold(), phrase.casefold())
        for phrase, names in article.aliases
        for alias in names
    }
    total = len(seen | declared)
    if total > MAX_ALIASES:
        raise CorpusError(
            article.source or article.slug,
            f"brings the corpus's aliases to {total:,}, over the {MAX_ALIASES:,} a corpus may "
            "declare; keep the names people really type",
        )
    seen |= declared
