"""The articles' ``aliases`` as one table for ``retrieval.question.chat.rewrite``."""

from __future__ import annotations

from collections.abc import Container, Sequence

from retrieval.corpus.models import Article
from retrieval.index.stopwords import ENGLISH_STOP_WORDS
from retrieval.index.tokenize import Tokenizer


def alias_table(
    articles: Sequence[Article], tokenizer: Tokenizer, vocabulary: Container[str]
) -> dict[str, str]:
    """Lowercase alias -> what a question should say instead.

    An alias the corpus itself uses ("DPRK") is kept beside the name it stands for, so
    the passages that use it still match; one that is a function word ("US", "IT") is
    left out, since it would rewrite every "us" and "it".
    """
    table: dict[str, list[str]] = {}
    for article in articles:
        for name, others in article.aliases:
            for alias in others:
                if alias.casefold() in ENGLISH_STOP_WORDS:  # "US" would rewrite "tell us"
                    continue
                terms = tokenizer.tokenize(alias)
                used = bool(terms) and all(t in vocabulary for t in terms)
                table.setdefault(alias.casefold(), []).append(f"{alias} {name}" if used else name)
    return {alias: " ".join(dict.fromkeys(names)) for alias, names in table.items()}
