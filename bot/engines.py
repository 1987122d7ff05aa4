"""Settings -> corpus -> engine: the one way citebot builds an engine to serve.

The command line, the bot's start and reload, and the benchmarks all build through here, so
they read the same folder with the same limits and the same engine settings.
"""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from retrieval import CorpusError, Engine, Tokenizer, load_corpus
from retrieval.cache import Cache


def build_engine(
    settings: Settings,
    directory: Path | None = None,
    *,
    tokenizer: Tokenizer | None = None,
    prepare: bool = False,
) -> Engine:
    """The engine over ``directory`` (default: the configured folder), validated whole first.

    Raises CorpusError naming the file at fault (``CorpusProblems``: each bad file).
    ``tokenizer`` lets a reload reuse the current engine's (its stemming cache is worth
    keeping). ``prepare`` builds what the first questions would otherwise wait for (the
    speller, the meaning model): a server wants its first answer as fast as its hundredth; a
    one-off command does not need it.
    """
    corpus = load_corpus(
        directory or settings.corpus.directory,
        strict=settings.corpus.strict,
        max_file_bytes=settings.corpus.max_file_bytes,
    )
    engine = Engine(corpus, settings.engine, tokenizer=tokenizer, cache=Cache.default())
    if prepare:
        engine.prepare()
    return engine


def refusal(error: CorpusError) -> str:
    """A refused folder in one line: its first problem, and how many more files are bad."""
    more = len(error.every) - 1
    return f"{error} (and {more} more: `citebot check` names every one)" if more else str(error)
