"""Finding a question word the corpus lacks under another spelling the corpus has.

Tried in order, only for words whose index term is not in the corpus's vocabulary:

1. another form of the same word: irregular inflections ("take" / "took", "child" /
   "children") from lemminflect's English tables (``retrieval.question.forms``);
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

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from retrieval.question.forms import other_forms
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


class Speller:
    """Respells question words into the corpus's vocabulary; one per corpus (it caches)."""

    def __init__(self, words: Iterable[tuple[str, str]], tokenize: Callable[[str], str]) -> None:
        """``words``: (lowercase surface word, its index term) pairs seen in the corpus;
        ``tokenize``: a word's index term, for the other forms of a question word."""
        self._term_of: dict[str, str] = {}
        for surface, term in words:
            if surface.isalpha() and len(surface) >= MIN_TYPO_CHARS - 1:
                self._term_of.setdefault(surface, term)
        # The English zipf of a corpus word, looked up when first compared (a question's
        # few candidates): looking up every corpus word read all of wordfreq's list.
        self._zipf: dict[str, float] = {}
        self._terms = set(self._term_of.values())
        # Candidates by (first letter, length): a typo rarely changes the first letter.
        self._buckets: dict[tuple[str, int], list[str]] = {}
        for surface in sorted(self._term_of):
            self._buckets.setdefault((surface[0], len(surface)), []).append(surface)
        self._tokenize: Callable[[str], str] | None = tokenize
        self._cache: dict[str, Respelling | None] = {}
        self._by_sound: dict[str, list[str]] | None = None  # built on the first need

    def __getstate__(self) -> dict[str, object]:
        """What a saved speller holds: its tables, without the answers cached so far nor the
        tokenizer's function (``reading_with`` gives a loaded one its own)."""
        state = dict(self.__dict__)
        state["_cache"] = {}
        state["_by_sound"] = None
        state["_tokenize"] = None
        return state

    def reading_with(self, tokenize: Callable[[str], str]) -> Speller:
        """This speller, reading other forms with ``tokenize`` (for a saved one, which holds
        no function)."""
        self._tokenize = tokenize
        return self

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
        """The first of ``word``'s other forms whose term the corpus holds."""
        if not word.isalpha():
            return None
        tokenize = self._tokenize
        assert tokenize is not None, "a saved speller is given a tokenizer (reading_with)"
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
            if self._english(hit[0]) >= typed + TYPO_MARGIN
        ]
        if not best:
            return None
        # Fewest edits first, then the more common word in English, then alphabetical.
        choice, distance, _ = min(best, key=lambda hit: (hit[1], -self._english(hit[0]), hit[0]))
        return self._guessed(choice, distance, limit)

    def prepare(self) -> None:
        """Build the corpus's words by sound now rather than for the first name typed by ear,
        which would wait for it (about 50 ms at 100,000 paragraphs): a server's first such
        question is then as fast as its hundredth."""
        self._sounds()

    @property
    def is_prepared(self) -> bool:
        """Whether the words by sound are built (``prepare``, or a first name typed by ear)."""
        return self._by_sound is not None

    def _sounds(self) -> dict[str, list[str]]:
        """The corpus's words by Metaphone key, built once (keys of ``MIN_SOUND_KEY`` or more)."""
        if self._by_sound is None:
            import jellyfish  # imported when first needed: a one-off command may never be

            by_sound: dict[str, list[str]] = {}
            for surface in sorted(self._term_of):
                key = jellyfish.metaphone(surface)
                if len(key) >= MIN_SOUND_KEY:
                    by_sound.setdefault(key, []).append(surface)
            self._by_sound = by_sound  # whole, at once: another thread never sees it half-built
        return self._by_sound

    def _sound(self, word: str, typed: float) -> Respelling | None:
        """The corpus word spelled for the same sound as ``word``, if one is close enough."""
        import jellyfish

        by_sound = self._sounds()
        limit = len(word) // 2
        heard = [
            (
                jellyfish.damerau_levenshtein_distance(word, surface),
                -self._english(surface),
                surface,
            )
            for surface in by_sound.get(jellyfish.metaphone(word), ())
            if self._english(surface) >= typed and surface != word
        ]
        near = [hit for hit in heard if hit[0] <= limit]
        if not near:
            return None
        distance, _, choice = min(near)
        return self._guessed(choice, distance, limit)

    def _english(self, surface: str) -> float:
        """The English zipf of a corpus word (see ``__init__``)."""
        found = self._zipf.get(surface)
        if found is None:
            found = self._zipf[surface] = zipf(surface)
        return found

    def _guessed(self, choice: str, distance: int, limit: int) -> Respelling:
        """A guessed corpus word: ``TYPO_PENALTY``, less for each edit beyond the first."""
        confidence = TYPO_PENALTY * (1 - (distance - 1) / (2 * limit))
        return Respelling(self._term_of[choice], choice, confidence)


def _may_be_misspelled(word: str, typed: float) -> bool:
    """Long enough, letters only, and rare enough in English (``typed`` is its zipf) to be a
    misspelling rather than a word of its own."""
    return len(word) >= MIN_TYPO_CHARS and word.isalpha() and typed < TYPO_MAX_ZIPF
