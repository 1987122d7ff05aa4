"""What the engine returns: answers and summaries as data, rendered alike by the CLI and the bot."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from retrieval.corpus.listing import ArticleInfo
from retrieval.corpus.text import identity

__all__ = [
    "Answer",
    "ArticleInfo",
    "ArticleSummary",
    "Passage",
    "Quote",
    "Sources",
    "SummarySentence",
]

SECTION_SEPARATOR = " \u203a "  # between the title and each heading above a passage


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Quote(_Model):
    """A verbatim span of one paragraph and where to find it; ``section`` the headings the
    paragraph sits under, outermost first (empty for a text without headings and for a card).
    """

    article: str
    title: str
    publisher: str | None
    paragraph: int
    citation: str
    text: str
    section: list[str] = []

    @property
    def place(self) -> str:
        """Where the quote sits, as the bot and the command line show it: the title and the
        headings above it ("Widget FAQ \u203a How do I reset my widget?"), a first heading
        that only repeats the title said once."""
        return self.placed()

    def placed(self, beside_title: str = "") -> str:
        """``place`` with ``beside_title`` (", Poetry documentation") right after the title,
        where it reads as the article's and not as part of the last heading."""
        headings = list(self.section)
        if headings and identity(headings[0]) == identity(self.title):
            headings = headings[1:]
        return SECTION_SEPARATOR.join([self.title + beside_title, *headings])

    @property
    def named(self) -> str:
        """``place`` with the publisher after the title, as a source is shown ("Managing
        dependencies, Poetry documentation \u203a Dependency groups")."""
        return self.placed(f", {self.publisher}" if self.publisher else "")


class SummarySentence(Quote):
    """One sentence of a summary; ``start``/``end`` place it in its paragraph."""

    start: int
    end: int


class Passage(Quote):
    """A quoted paragraph; ``highlights`` are (start, end) spans of the words that matched.

    ``score`` is its BM25 score; ``support`` how much of what the question asks it holds, from 0
    to 1, which ``min_coverage`` is compared with (``retrieval.verdict.support``).
    """

    score: float
    # the paragraph's role: "body", "caption", "bio", "code", "table"..., or "title": the card
    kind: str
    author: str | None = None  # shown with the title card, which answers "who wrote it"
    matched_terms: list[str]
    highlights: list[tuple[int, int]]
    support: float

    @property
    def named(self) -> str:
        """``Quote.named``; a title card, which answers "who wrote it", names its author too
        ("A Spectacular Opportunity..., by Doug Bandow, Cato Institute")."""
        if self.kind == "title" and self.author:
            publisher = f", {self.publisher}" if self.publisher else ""
            return self.placed(f", by {self.author}{publisher}")
        return super().named


class Answer(_Model):
    """The reply to a question, by verdict (see ``retrieval.verdict``).

    ``answer``: quoted passages and a short extractive summary. ``closest``: the nearest
    passages, quoted as such, ``missing`` the question's words they lack, no summary. ``none``:
    no passage, ``topics`` what the corpus covers. ``abstained`` is true exactly for ``none``.
    """

    question: str
    verdict: Literal["answer", "closest", "none"]
    abstained: bool
    reason: str | None = None
    passages: list[Passage] = []
    summary: list[SummarySentence] = []
    missing: list[str] = []  # informative question words the quoted passages lack
    topics: list[str] = []  # what the corpus does cover, offered when it has no answer

    @model_validator(mode="after")
    def _consistent(self) -> Answer:
        if self.abstained != (self.verdict == "none"):
            raise ValueError("abstained must be true exactly when the verdict is 'none'")
        if self.verdict != "answer" and self.summary:
            raise ValueError("only an answer carries a summary")
        return self


class ArticleSummary(_Model):
    """The sentences that best state an article's point, in document order.

    ``kind`` is the article's genre, which decides how they were chosen: "opinion" looks for
    what the author recommends, "news" for the central facts (declared as ``kind`` in the
    article's front matter, or told from its text: ``retrieval.corpus.genre``).
    """

    article: str
    title: str
    publisher: str | None
    author: str | None
    kind: Literal["opinion", "news"]
    sentences: list[SummarySentence]


class Sources(_Model):
    articles: list[ArticleInfo]
    loaded_at: datetime
