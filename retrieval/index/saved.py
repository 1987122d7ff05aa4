"""What is built from a corpus, saved in citebot's cache folder for the next process.

An entry is named by a digest of the corpus's files (each article's file name and the SHA-256
of its bytes, as the loader read them), of what shapes the build (BM25's parameters, the stop
words) and of citebot's code (``retrieval.cache.code_key``):
an edited article, another setting or another citebot never reads it. It holds the parts
``retrieval.index.passages`` builds (``index``), and the speller once one was built for the
corpus (``speller``). A corpus made in memory, whose articles name no file, is never saved.
"""

from __future__ import annotations

from typing import Any

from retrieval.cache import Cache, key
from retrieval.corpus.models import Corpus


class SavedCorpus:
    """One corpus's entries in a cache folder."""

    def __init__(self, cache: Cache, name: str) -> None:
        self._cache = cache
        self._name = name

    @classmethod
    def of(cls, cache: Cache | None, corpus: Corpus, *settings: str) -> SavedCorpus | None:
        """The entries for ``corpus`` built with ``settings`` (each a string that says one of
        them), or None when nothing is to be saved."""
        if cache is None or not corpus.articles:
            return None
        files: list[str] = []
        for article in corpus.articles:
            if not article.source or not article.digest:
                return None
            files.append(f"{article.source}\0{article.digest}")
        return cls(cache, key(*settings, *files))

    def load(self, part: str) -> Any:
        """The part saved for this corpus (``index``, ``speller``), or None."""
        value = self._cache.load(self._file(part))
        if not (isinstance(value, tuple) and len(value) == 2 and value[0] == self._name):
            return None
        return value[1]

    def save(self, part: str, value: Any) -> None:
        self._cache.save(self._file(part), (self._name, value))

    def _file(self, part: str) -> str:
        return f"{part}-{self._name}.pickle"
