"""A heading's words count for the paragraphs under it.

"How do I reset my widget?" above "Hold the button for ten seconds." is what that paragraph
answers, in words the paragraph itself does not repeat. So each paragraph is indexed with the
words of every heading it sits under, outermost first, as the abbreviations' long forms are
(``retrieval.index.abbreviations``): searchable as if written there, never quoted. On the docs
chat set this puts the answering paragraph among the first three more often than the nearest
heading alone or no heading words (docs/BENCHMARKS.md); a text without headings (news, SQuAD)
is indexed as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.index.tokenize import Tokenizer


def section_terms(tokenizer: Tokenizer, section: Sequence[str]) -> list[str]:
    """The index terms a paragraph under the headings ``section`` carries from them."""
    return [term for heading in section for term in tokenizer.tokenize(heading)]
