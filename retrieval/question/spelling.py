"""Finding a question word the corpus lacks under another spelling the corpus has.

Tried in order, only for words whose index term is not in the corpus's vocabulary:

1. another form of the same word: irregular inflections ("take" / "took", "child" /
   "children") from lemminflect's English tables;
2. a misspelling of a corpus word: the closest word of the corpus's own vocabulary by
   optimal-string-alignment distance (rapidfuzz; a swap of two letters counts one edit), at
   most one edit for words of up to eight letters (``LONG_WORD``) and two for longer ones.
   Words that are common in English are never corrected ("wife" is not a misspelling of
   "wise"), and the correction's weight is lowered (``TYPO_PENALTY``), since it may still be
   a guess;
3. another spelling of the same sound, for names above all ("Gadaffi" / "Qaddafi", "Regan" /
   "Reagan"): a corpus word with the same Metaphone key (jellyfish), at most half the typed
   word's length in edits away, and at least as common in English as what was typed. The
   same penalty applies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from retrieval.question.weights import zipf

TYPO_PENALTY = 0.8
MIN_TYPO_CHARS = 5
TYPO_MAX_ZIPF = 3.5  # more frequent words are real words, not misspellings
LONG_WORD = 8  # longer words may have two edits
TYPO_MARGIN = 1.5  # a correction is at least 30x as frequent in English as the typed word
MIN_SOUND_KEY = 3  # shorter Metaphone keys are shared by too many unrelated words


@dataclass(frozen=True, slots=True)
class Respelling:
    """A corpus term found for a question word, and how sure the match is (0 to 1)."""

    term: str
    word: str  # the corpus word it stands for, shown when explaining an answer
    confidence: float


Forms = dict[str, tuple[str, ...]]  # Penn Treebank or universal tag -> spellings


@dataclass(frozen=True)
class _Tables:
    """lemminflect's lemma and inflection tables, each with its overrides, read in place.

    Its ``getAllLemmas`` and ``getAllInflections`` deep-copy a table entry on every call: that
    copying took most of a question's time whenever it held words the corpus lacks. The
    entries are only read here, with the same overrides applied on top.
    """

    lemma_table: dict[str, Forms]
    lemma_overrides: dict[str, Forms]
    inflection_table: dict[str, Forms]
    inflection_overrides: dict[str, Forms]

    def lemmas(self, word: str) -> Forms:
        """``getAllLemmas(word)`` for a lowercase word."""
        return {**self.lemma_table.get(word, {}), **self.lemma_overrides.get(word, {})}

    def inflections(self, lemma: str) -> Forms:
        """``getAllInflections(lemma)`` for a lowercase lemma."""
        return {**self.inflection_table.get(lemma, {}), **self.inflection_overrides.get(lemma, {})}


@cache
def _tables() -> _Tables:
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    return _Tables(
        lemmatizer._getLemmaDict(),
        lemmatizer._getOverridesDict(),
        inflections._getInflDict(),
        inflections._getOverridesDict(),
    )


def other_forms(word: str) -> list[str]:
    """The word's lemmas and their inflections (irregular ones included), without ``word``.

    ``word`` is lowercase; so are the forms.
    """
    tables = _tables()
    forms: list[str] = []
    for lemmas in tables.lemmas(word).values():
        for lemma in lemmas:
            lemma = lemma.lower()
            forms.append(lemma)
            for spelled in tables.inflections(lemma).values():
                forms.extend(form.lower() for form in spelled)
    seen = {word}
    return [f for f in forms if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]


@cache
def inflected_forms() -> dict[str, tuple[str, ...]]:
    """Every lowercase lemma of lemminflect's inflection tables, with itself and its forms."""
    tables = _tables()
    keys = {*tables.inflection_table, *tables.inflection_overrides}
    return {
        lemma: (
            lemma,
            *(f.lower() for spelled in tables.inflections(lemma).values() for f in spelled),
        )
        for lemma in keys
        if lemma == lemma.lower()
    }


@cache
def _words_by_lemma() -> dict[str, tuple[str, ...]]:
    """Every lowercase lemma of lemminflect's lemma tables, with the lowercase words it is a
    lemma of."""
    tables = _tables()
    found: dict[str, list[str]] = {}
    for word in {*tables.lemma_table, *tables.lemma_overrides}:
        if word == word.lower():
            for lemmas in tables.lemmas(word).values():
                for lemma in lemmas:
                    found.setdefault(lemma.lower(), []).append(word)
    return {lemma: tuple(words) for lemma, words in found.items()}


@cache
def lemma_families(stop_words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Index term -> the lemmas that have a form (the lemma or an inflection) with that term.

    Built once per set of stop words (a few tenths of a second), so that a question word whose
    lemmas have no form in the corpus is known to have none without spelling its forms out.
    """
    from retrieval.index.tokenize import Tokenizer

    term = Tokenizer(stop_words=stop_words).term
    families: dict[str, set[str]] = {}
    for lemma, forms in inflected_forms().items():
        for form in forms:
            families.setdefault(term(form), set()).add(lemma)
    return {t: frozenset(lemmas) for t, lemmas in families.items()}


class Speller:
    """Respells question words into the corpus's vocabulary; one per corpus (it caches)."""

    def __init__(
        self,
        words: Iterable[tuple[str, str]],
        tokenize: Callable[[str], str],
        families: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """``words``: (lowercase surface word, its index term) pairs seen in the corpus;
        ``families``: ``lemma_families`` for ``tokenize``'s stop words, if known."""
        self._term_of: dict[str, str] = {}
        self._zipf: dict[str, float] = {}
        for surface, term in words:
            if surface.isalpha() and len(surface) >= MIN_TYPO_CHARS - 1:
                self._term_of.setdefault(surface, term)
                self._zipf[surface] = zipf(surface)
        self._terms = set(self._term_of.values())
        # Candidates by (first letter, length): a typo rarely changes the first letter.
        self._buckets: dict[tuple[str, int], list[str]] = {}
        for surface in sorted(self._term_of):
            self._buckets.setdefault((surface[0], len(surface)), []).append(surface)
        self._tokenize: Callable[[str], str] | None = tokenize
        self._cache: dict[str, Respelling | None] = {}
        self._by_sound: dict[str, list[str]] | None = None  # built on the first need
        # With ``families``: every word that has another form in the corpus, with that form,
        # found now, so that no question waits for lemminflect's tables (nor a process that
        # loads a saved speller: ``retrieval.index.saved``). Without: looked up when asked.
        self._forms: dict[str, Respelling] | None = None
        if families is not None:
            self._forms = {}
            for word in sorted(self._leads(families, tokenize)):
                found = self._first_form(word, tokenize)
                if found is not None:
                    self._forms[word] = found
            self._tokenize = None  # not needed again; a saved speller holds no function

    def _leads(
        self, families: Mapping[str, frozenset[str]], tokenize: Callable[[str], str]
    ) -> set[str]:
        """The words with a lemma some form of which the corpus holds: no other word has
        another form in the corpus."""
        reachable = set().union(*(families.get(t, ()) for t in self._terms))
        inflected = inflected_forms()
        leads: set[str] = set()
        for lemma, leading in _words_by_lemma().items():
            if lemma in reachable or (lemma not in inflected and tokenize(lemma) in self._terms):
                leads.update(w for w in leading if w.isalpha())
        return leads

    def __getstate__(self) -> dict[str, object]:
        """What a saved speller holds: its tables, without the answers cached so far."""
        state = dict(self.__dict__)
        state["_cache"] = {}
        state["_by_sound"] = None
        return state

    def respell(self, word: str) -> Respelling | None:
        """A corpus term for ``word`` (lowercase), or None when nothing close enough exists."""
        if word in self._cache:
            return self._cache[word]
        typed = zipf(word)
        found = self._other_form(word)
        if found is None and _may_be_misspelled(word, typed):
            found = self._typo(word, typed) or self._sound(word, typed)
        if len(self._cache) < 100_000:
            self._cache[word] = found
        return found

    def _other_form(self, word: str) -> Respelling | None:
        if not word.isalpha():
            return None
        if self._forms is not None:
            return self._forms.get(word)
        assert self._tokenize is not None
        return self._first_form(word, self._tokenize)

    def _first_form(self, word: str, tokenize: Callable[[str], str]) -> Respelling | None:
        """The first of ``word``'s other forms whose term the corpus holds."""
        for form in other_forms(word):
            term = tokenize(form)
            if term in self._terms:
                return Respelling(term, form, 1.0)
        return None

    def _typo(self, word: str, typed: float) -> Respelling | None:
        """The closest corpus word to ``word``; ``typed`` is the English zipf of what was typed."""
        if word in self._term_of:
            return None
        limit = 1 if len(word) <= LONG_WORD else 2
        choices = [
            surface
            for size in range(len(word) - limit, len(word) + limit + 1)
            for surface in self._buckets.get((word[0], size), ())
        ]
        swapped = word[1] + word[0] + word[2:]  # the first two letters typed in reverse order
        choices.extend(s for s in self._buckets.get((word[1], len(word)), ()) if s == swapped)
        from rapidfuzz import process  # imported for the first word that may be a typo
        from rapidfuzz.distance import OSA

        best = [
            hit
            for hit in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=limit, limit=8
            )
            if self._zipf.get(hit[0], 0.0) >= typed + TYPO_MARGIN
        ]
        if not best:
            return None
        # Fewest edits first, then the more common word in English, then alphabetical.
        choice, distance, _ = min(best, key=lambda hit: (hit[1], -self._zipf[hit[0]], hit[0]))
        return self._guessed(choice, distance, limit)

    def _sound(self, word: str, typed: float) -> Respelling | None:
        """The corpus word spelled for the same sound as ``word``, if one is close enough."""
        import jellyfish  # imported for the first word that may be a name misheard

        if self._by_sound is None:
            self._by_sound = {}
            for surface in sorted(self._term_of):
                key = jellyfish.metaphone(surface)
                if len(key) >= MIN_SOUND_KEY:
                    self._by_sound.setdefault(key, []).append(surface)
        limit = len(word) // 2
        heard = [
            (jellyfish.damerau_levenshtein_distance(word, surface), -self._zipf[surface], surface)
            for surface in self._by_sound.get(jellyfish.metaphone(word), ())
            if self._zipf[surface] >= typed and surface != word
        ]
        near = [hit for hit in heard if hit[0] <= limit]
        if not near:
            return None
        distance, _, choice = min(near)
        return self._guessed(choice, distance, limit)

    def _guessed(self, choice: str, distance: int, limit: int) -> Respelling:
        """A guessed corpus word: ``TYPO_PENALTY``, less for each edit beyond the first."""
        confidence = TYPO_PENALTY * (1 - (distance - 1) / (2 * limit))
        return Respelling(self._term_of[choice], choice, confidence)


def _may_be_misspelled(word: str, typed: float) -> bool:
    """Long enough, letters only, and rare enough in English (``typed`` is its zipf) to be a
    misspelling rather than a word of its own."""
    return len(word) >= MIN_TYPO_CHARS and word.isalpha() and typed < TYPO_MAX_ZIPF
