"""How readers see and name an article in the list of sources: its number, slug and fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from retrieval.corpus.models import Article


class ArticleInfo(BaseModel):
    """One line of the list of sources."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int
    article: str
    title: str
    publisher: str | None
    author: str | None
    paragraphs: int
    body_paragraphs: int


def article_info(number: int, article: Article) -> ArticleInfo:
    """One line of the list of sources: how readers see and name an article."""
    return ArticleInfo(
        number=number,
        article=article.slug,
        title=article.title,
        publisher=article.publisher,
        author=article.author,
        paragraphs=len(article.paragraphs),
        body_paragraphs=article.body_paragraph_count,
    )
