"""A heading's words count for the paragraphs under it.

"How do I reset my widget?" above "Hold the power button for ten seconds." is what that
paragraph answers, in words the paragraph itself does not repeat. So each paragraph is indexed
with the words of every heading it sits under, outermost first, an expansion: found by BM25
as if written there and held by the passage when the verdict weighs it, but never quoted, and
read by the closeness reorder at half weight only (``retrieval.search.rerank``'s ``HEADING_SHARE``),
which so still prefers the paragraph whose own sentences say what is asked over a short one
under the same heading ("This might look something like this:"). Its meaning, likewise, is
that of its text under its headings (``with_headings``), which the verdict compares with the
question.

Measured on the docs chat set (``python -m bench chat --seeds ../shared/eval/corpus-docs``)
against no heading words, the nearest heading alone, heading words counted twice, heading
words left out of the paragraph's length, and heading words read whole by the reorder too: the
answering paragraph was first for 22 of 40 questions here against 16 to 21 for those (24 with
the reorder reading them at half weight). A text without headings (news, SQuAD) has only
its title as one, and is embedded as its text alone.

An article's title is the outermost heading of all its paragraphs, for BM25 alone
(``titled_by_heading`` says when a page's first heading is the title already): news names its
subject in the headline, not in every paragraph. No sentence holds it, so the verdict reads it
apart (``retrieval.verdict.evidence``'s title share) and the closeness reorder not at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.corpus.models import Article, Paragraph
from retrieval.index.tokenize import Tokenizer


def section_terms(tokenizer: Tokenizer, section: Sequence[str]) -> list[str]:
    """The index terms a paragraph under the headings ``section`` carries from them."""
    return [term for heading in section for term in tokenizer.tokenize(heading)]


def titled_by_heading(article: Article, paragraph: Paragraph) -> bool:
    """Whether the paragraph's outermost heading is its article's title (a Markdown page's
    "# Title"), which so needs no second reading as one."""
    return bool(paragraph.section) and _same(paragraph.section[0], article.title)


def _same(heading: str, title: str) -> bool:
    return " ".join(heading.split()).casefold() == " ".join(title.split()).casefold()


def with_headings(paragraph: Paragraph) -> str:
    """The paragraph's text after the headings it sits under, for its meaning vector."""
    return " ".join([*paragraph.section, paragraph.text])
