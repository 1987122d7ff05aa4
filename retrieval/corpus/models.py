"""The corpus: articles made of numbered paragraphs, each quotable and citable as written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Literal, get_args

from retrieval.corpus.sentences import sentence_spans
from retrieval.corpus.text import identity

BODY = "body"  # the role of body text; other roles: "caption", "bio"... (``layout``)
CELL_SEPARATOR = " | "  # between a table row's cells, as citebot writes a table as text
Genre = Literal["opinion", "news"]  # an article's genre (``retrieval.corpus.genre``)
GENRES: tuple[Genre, ...] = get_args(Genre)


class CorpusError(ValueError):
    """A corpus that cannot be served; ``source`` names the file (or folder) at fault."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    @property
    def every(self) -> tuple[CorpusError, ...]:
        """Each problem of the refusal: this one (``CorpusProblems``: each bad file's)."""
        return (self,)


class CorpusProblems(CorpusError):
    """A folder refused for several bad files. It reads as the first (``source``, ``problem``);
    ``every`` holds them all, so that a moderator fixes them at once rather than one per run."""

    def __init__(self, every: Sequence[CorpusError]) -> None:
        first = every[0]
        super().__init__(first.source, first.problem)
        self._every = tuple(every)

    @property
    def every(self) -> tuple[CorpusError, ...]:
        return self._every


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph as written; its ``role`` is "body" or what else it is (caption, bio, code,
    table, ...; "title" for an article's card, ``retrieval.index.cards``). A quoted passage
    shows it as its ``kind``. ``section``: the headings it sits under, outermost first (none:
    ``()``)."""

    number: int
    text: str
    role: str = BODY
    section: tuple[str, ...] = ()

    @property
    def is_body(self) -> bool:
        return self.role == BODY


@dataclass(frozen=True)
class Article:
    """An article with its metadata; paragraphs are numbered from 1 after the title."""

    slug: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    publisher: str | None = None
    author: str | None = None
    # Other names people use for a phrase of the text: ("North Korea", ("NK", "DPRK")).
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str | None = None  # the file it came from, for error messages and reload reports
    digest: str = ""
    # the front matter's ``kind``, or "opinion" as a page's label says it; None: from the text
    genre: Genre | None = None

    @classmethod
    def from_paragraphs(
        cls,
        slug: str,
        title: str,
        paragraphs: Sequence[str],
        *,
        publisher: str | None = None,
        author: str | None = None,
        roles: dict[int, str] | None = None,
        genre: Genre | None = None,
    ) -> Article:
        """Build an article from text already split into paragraphs (numbered from 1)."""
        roles = roles or {}
        numbered = tuple(
            Paragraph(number, text, roles.get(number, BODY))
            for number, text in enumerate(paragraphs, start=1)
        )
        digest = hashlib.sha256("\n\n".join([title, *paragraphs]).encode()).hexdigest()
        return cls(slug, title, numbered, publisher, author, digest=digest, genre=genre)

    def paragraph(self, number: int) -> Paragraph:
        """Paragraph ``number``, counted from 1 (0 is the title, which is no paragraph)."""
        if not 1 <= number <= len(self.paragraphs):
            raise IndexError(f"{self.slug} has no paragraph {number}")
        return self.paragraphs[number - 1]

    def citation(self, number: int) -> str:
        """How a reader finds the paragraph again: slug and paragraph number (0: the title)."""
        if number == 0:
            return f"{self.slug} title"
        return f"{self.slug} \u00b6{number}"

    @property
    def slug_words(self) -> str:
        """The slug as words ("greek sprinters cleared"), as a file name reads."""
        return self.slug.replace("-", " ")

    @property
    def named_by(self) -> str:
        """The words the article is known by: its title and its slug's words, which a file
        name often makes more telling than the headline."""
        return f"{self.title} {self.slug_words}"

    @property
    def body_paragraph_count(self) -> int:
        return sum(1 for paragraph in self.paragraphs if paragraph.is_body)

    @property
    def body_sentences(self) -> list[str]:
        return [
            paragraph.text[start:end]
            for paragraph in self.paragraphs
            if paragraph.is_body
            for start, end in sentence_spans(paragraph.text)
        ]


@dataclass(frozen=True)
class Corpus:
    """Articles in a fixed order; the order gives each article its number (from 1)."""

    articles: tuple[Article, ...]
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    skipped: tuple[CorpusError, ...] = ()  # files left out by a lenient load, and why

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        loaded_at: datetime | None = None,
        skipped: Sequence[CorpusError] = (),
    ) -> None:
        object.__setattr__(self, "articles", tuple(articles))
        object.__setattr__(self, "loaded_at", loaded_at or datetime.now(UTC))
        object.__setattr__(self, "skipped", tuple(skipped))
        _check_unique(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    @cached_property
    def by_slug(self) -> dict[str, Article]:
        return {article.slug: article for article in self.articles}

    @cached_property
    def paragraph_offsets(self) -> tuple[int, ...]:
        """Index of each article's first paragraph in the flat list of all paragraphs."""
        offsets, total = [], 0
        for article in self.articles:
            offsets.append(total)
            total += len(article.paragraphs)
        return (*offsets, total)

    @property
    def paragraph_count(self) -> int:
        return self.paragraph_offsets[-1]

    def iter_paragraphs(self) -> Iterator[tuple[Article, Paragraph]]:
        for article in self.articles:
            for paragraph in article.paragraphs:
                yield article, paragraph


def _check_unique(articles: Sequence[Article]) -> None:
    clashes = without_duplicates(articles)[1]
    if clashes:
        raise clashes[0]


def without_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[CorpusError]]:
    """The articles kept, and why each other was not: its title or slug is a kept one's, as
    ``identity`` compares them, so look-alikes count as the same. The title is named first: a
    slug made from the title (``retrieval.corpus.names``) clashes because the titles do."""
    kept: list[Article] = []
    seen: dict[str, dict[str, Article]] = {"title": {}, "slug": {}}
    clashes: list[CorpusError] = []
    for article in articles:
        keys = {"title": identity(article.title), "slug": identity(article.slug)}
        clash = next((what for what, key in keys.items() if key in seen[what]), None)
        if clash is None:
            kept.append(article)
            for what, key in keys.items():
                seen[what][key] = article
            continue
        other = seen[clash][keys[clash]]
        clashes.append(
            CorpusError(
                article.source or article.slug,
                f"same {clash} as {other.source or other.slug} ({keys[clash]!r}); "
                f"give each article its own {clash}",
            )
        )
    return kept, clashes
