"""A heading's words count for the paragraphs under it.

"How do I reset my widget?" above "Hold the power button for ten seconds." is what that
paragraph answers, in words the paragraph itself does not repeat. So each paragraph is indexed
with the words of every heading it sits under, outermost first, an expansion as the
abbreviations' long forms are (``retrieval.index.abbreviations``): found by BM25 as if written
there and held by the passage when the verdict weighs it, but never quoted, and read by the
closeness reorder at half weight only (``retrieval.search.rerank``'s ``HEADING_SHARE``),
which so still prefers the paragraph whose own sentences say what is asked over a short one
under the same heading ("This might look something like this:"). Its meaning, likewise, is
that of its text under its headings (``with_headings``), which the verdict compares with the
question.

Measured on the docs chat set (``python -m bench chat --seeds ../shared/eval/corpus-docs``)
against no heading words, the nearest heading alone, heading words counted twice, heading
words left out of the paragraph's length, and heading words read whole by the reorder too: the
answering paragraph was first for 22 of 40 questions here against 16 to 21 for those (24 with
the reorder reading them at half weight). A text without headings (news, SQuAD) is indexed
and embedded as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.corpus.models import Paragraph
from retrieval.index.tokenize import Tokenizer


def section_terms(tokenizer: Tokenizer, section: Sequence[str]) -> list[str]:
    """The index terms a paragraph under the headings ``section`` carries from them."""
    return [term for heading in section for term in tokenizer.tokenize(heading)]


def with_headings(paragraph: Paragraph) -> str:
    """The paragraph's text after the headings it sits under, for its meaning vector."""
    return " ".join([*paragraph.section, paragraph.text])
