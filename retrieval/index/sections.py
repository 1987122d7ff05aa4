"""A heading's words count for the paragraphs under it.

"How do I reset my widget?" above "Hold the button for ten seconds." is what that paragraph
answers, in words the paragraph itself does not repeat. So each paragraph is indexed with the
words of every heading it sits under, outermost first, an expansion as the abbreviations'
long forms are (``retrieval.index.abbreviations``): found by BM25 as if written there, and
held by the passage when the verdict weighs it, but never quoted, and not read by the
closeness reorder (``retrieval.search.rerank``), which prefers the paragraph whose own
sentences say what is asked over a short one under the same heading ("This might look
something like this:"). Measured on the docs chat set against the nearest heading alone,
heading words counted twice, and no heading words (docs/BENCHMARKS.md); a text without
headings (news, SQuAD) is indexed as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.index.tokenize import Tokenizer


def section_terms(tokenizer: Tokenizer, section: Sequence[str]) -> list[str]:
    """The index terms a paragraph under the headings ``section`` carries from them."""
    return [term for heading in section for term in tokenizer.tokenize(heading)]
