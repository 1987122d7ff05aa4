"""The TOML block a moderator may write above an article's text, between two ``+++`` lines."""

from __future__ import annotations

import tomllib
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from retrieval import patterns
from retrieval.corpus.models import CorpusError, Genre

MAX_TITLE_CHARS = 200
# Aliases cost every question a little, so a corpus may declare only so many, so long: names
# people type for a phrase of the text are short (README, "The corpus").
MAX_ALIAS_CHARS = 60  # an alias ("NK", "the port board")
MAX_PHRASE_CHARS = 100  # the phrase it stands for ("Democratic People's Republic of Korea")
MAX_ALIASES_PER_PHRASE = 20
MAX_ALIASES_PER_ARTICLE = 100
MAX_ALIASES = 5_000  # different aliases in a whole corpus (``retrieval.corpus.loader``)
_FENCE = "+++"
_SLUG = patterns.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")

Slug = Annotated[str, Field(pattern=_SLUG.pattern)]
ShortText = Annotated[str, Field(min_length=1, max_length=MAX_TITLE_CHARS)]
Phrase = Annotated[str, Field(min_length=1, max_length=MAX_PHRASE_CHARS)]
AliasName = Annotated[str, Field(min_length=1, max_length=MAX_ALIAS_CHARS)]


class FrontMatter(BaseModel):
    """The metadata a moderator may write above an article's text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: ShortText | None = None
    slug: Slug | None = None
    publisher: ShortText | None = None
    author: ShortText | None = None
    url: str | None = None
    source_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    non_body: dict[int, ShortText] | list[int] | None = None
    # Plain text only: the heading lines, as written (``[]``: none); else found by rules.
    headings: Annotated[list[ShortText], Field(max_length=1000)] | None = None
    aliases: (
        dict[Phrase, Annotated[list[AliasName], Field(max_length=MAX_ALIASES_PER_PHRASE)]] | None
    ) = None
    kind: Genre | None = None

    @field_validator("aliases")
    @classmethod
    def _few_aliases(cls, aliases: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        count = sum(len(names) for names in (aliases or {}).values())
        if count > MAX_ALIASES_PER_ARTICLE:
            raise ValueError(
                f"{count} aliases; an article may declare at most {MAX_ALIASES_PER_ARTICLE}"
            )
        return aliases


def split_front_matter(text: str, name: str) -> tuple[FrontMatter, str]:
    """The front matter above an article's text (none: the defaults), and the text below it."""
    if not text.startswith(_FENCE + "\n"):
        return FrontMatter(), text
    end = text.find("\n" + _FENCE + "\n", len(_FENCE))
    if end < 0:
        raise CorpusError(name, f"front matter has no closing {_FENCE!r} line")
    block, body = text[len(_FENCE) + 1 : end + 1], text[end + len(_FENCE) + 2 :]
    raw = _parse_toml(block, name)
    try:
        return FrontMatter.model_validate(raw), body
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "front matter"
        raise CorpusError(name, f"front matter key {key!r}: {first['msg']}") from None


def _parse_toml(block: str, name: str) -> dict[str, object]:
    """The front matter's TOML; tomllib recurses once a nesting level, so a block nested
    thousands deep would end in RecursionError: refused like any other bad TOML."""
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(name, f"front matter is not valid TOML ({error})") from None
    except RecursionError:
        raise CorpusError(
            name, "front matter is nested too deeply to read; remove the nested arrays or tables"
        ) from None
