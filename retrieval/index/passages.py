"""Every passage the engine can quote, indexed once when a corpus is loaded.

Passages are numbered in one sequence: every paragraph in corpus order (the BM25 index's
documents), then one card per article (``retrieval.index.cards``), which has an index of its
own. What BM25 indexes for a paragraph is its words, its role when it is not body text
("caption", "bio": people ask for the caption) with the words for it (``lexicon.ROLE_WORDS``:
"who wrote it" asks for the bio or byline naming the author), then the words of the headings
above it, then its article's title's (``retrieval.index.sections``). Each paragraph's
sentence terms are kept from the build (``retrieval.index.sentence_terms``), so that a question
never tokenises a passage again; the headings' and the title's words are kept apart from its
sentences, for the closeness reorder reads what a paragraph itself says.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from retrieval.cache import Cache
from retrieval.caching import method_cache
from retrieval.corpus.markdown import CODE, SHOWN_AS_IS
from retrieval.corpus.models import Article, Corpus, Paragraph
from retrieval.corpus.sentences import sentence_spans
from retrieval.corpus.text import normalize
from retrieval.index.bm25 import BM25Index, BM25Params
from retrieval.index.cards import CARD, card_text
from retrieval.index.meaning import PassageVectors
from retrieval.index.saved import SavedCorpus
from retrieval.index.sections import section_terms, titled_by_heading, with_headings
from retrieval.index.sentence_terms import SentenceRecorder, SentenceTerms
from retrieval.index.tokenize import Tokenizer
from retrieval.lexicon import ROLE_WORDS

Span = tuple[int, int]


class Passages:
    """The corpus's passages, their BM25 indexes, kept sentence terms and meaning vectors."""

    def __init__(
        self,
        corpus: Corpus,
        tokenizer: Tokenizer,
        params: BM25Params,
        *,
        cache: Cache | None = None,
    ) -> None:
        """``cache``: where what is built is saved for the next process, and read from
        (``retrieval.index.saved``)."""
        self.corpus = corpus
        self.tokenizer = tokenizer
        self.located: list[tuple[Article, Paragraph]] = list(corpus.iter_paragraphs())
        self.first_card = len(self.located)
        self.located.extend((a, Paragraph(0, a.title, CARD)) for a in corpus.articles)
        self._titles: dict[str, list[str]] = {}  # ``_title_terms``, read by the build
        self.saved = SavedCorpus.of(
            cache,
            corpus,
            f"BM25 {params.k1!r} {params.b!r} {params.epsilon!r}",
            "stop words " + " ".join(sorted(tokenizer.stop_words)),
        )
        built = self.saved.load("index") if self.saved else None
        if not isinstance(built, _Built) or built.index.corpus_size != self.first_card:
            # (one whose paragraphs are not these, however it came to be saved, is rebuilt)
            built = self._build(params)
            if self.saved:
                self.saved.save("index", built)
        self.cards = built.cards
        self.index = built.index
        self.kept = built.kept
        self.card_index = built.card_index
        self.introduces = _introduced(self.located[: self.first_card])
        # Code ranks after prose unless a question writes code, but for a section's only
        # blocks: under "Upgrade a package" a page often shows the command and nothing else.
        self.code_after_prose = _code_after_prose(self.located[: self.first_card])
        self._positions = {article.slug: i for i, article in enumerate(corpus.articles)}
        self._named: dict[str, frozenset[str]] = {}  # ``named_terms``, as asked
        self.sentences = method_cache(self._split_and_tokenize, maxsize=4096)
        # Compared as normalised text, so that a curly and a straight quote mean the same; a
        # paragraph means what it says under its headings (``retrieval.index.sections``).
        located = self.located  # not self: a passage's text, with no cycle back to here
        self.meaning = PassageVectors(lambda i: normalize(with_headings(located[i][1])))

    def _build(self, params: BM25Params) -> _Built:
        tokenizer, corpus = self.tokenizer, self.corpus
        self.cards = {
            self.first_card + i: tokenizer.tokenize(card_text(a))
            for i, a in enumerate(corpus.articles)
        }
        recorder = SentenceRecorder(tokenizer)
        record = recorder.record
        for i, (article, paragraph) in enumerate(self.located[: self.first_card]):
            if paragraph.is_body and not paragraph.section:
                record(paragraph.text, title=self._title_terms(article))  # as ``_record`` does
            else:
                self._record(recorder, i)
        recorded = recorder.finish()
        index = BM25Index.of_ids(
            recorder.vocabulary,
            recorded.ids,
            recorded.paragraph_lengths,
            params,
            keep_sequence=True,
        )
        assert index.sequence is not None
        kept = SentenceTerms(recorded, index.vocabulary, index.sequence, index.doc_len)
        card_index = BM25Index(self.cards.values(), params)
        return _Built(self.cards, index, kept, card_index)

    def __len__(self) -> int:
        return len(self.located)

    def text(self, index: int) -> str:
        return self.located[index][1].text

    def searchable_texts(self) -> Iterator[str]:
        """Every text a question is matched against: the paragraphs, then the cards' texts."""
        yield from (paragraph.text for _, paragraph in self.located[: self.first_card])
        yield from (card_text(article) for article in self.corpus.articles)

    def is_card(self, index: int) -> bool:
        return index >= self.first_card

    def paragraph_index(self, slug: str, number: int) -> int:
        """Position of an article's paragraph (0: its card) among all passages."""
        position = self._positions[slug]
        if number == 0:
            return self.first_card + position
        return self.corpus.paragraph_offsets[position] + number - 1

    def named_terms(self, slug: str) -> frozenset[str]:
        """The terms of the words an article is known by (``Article.named_by``: its title
        and slug), read once per article when first asked."""
        found = self._named.get(slug)
        if found is None:
            named_by = self.corpus.by_slug[slug].named_by
            found = self._named[slug] = frozenset(self.tokenizer.tokenize(named_by))
        return found

    def terms_of(self, index: int) -> set[str]:
        """Every term of a passage."""
        return set(self.sentences(index)[1])

    def indexed_terms(self, index: int) -> list[str]:
        """What BM25 indexes for a passage (see the module's docstring); for a card, its card
        text (indexed apart, in the cards' own index)."""
        card = self.cards.get(index)
        if card is not None:
            return card
        recorder = SentenceRecorder(self.tokenizer)
        self._record(recorder, index)
        words = list(recorder.vocabulary)  # ids are given in first-seen order
        return [words[i] for i in recorder.finish().ids.tolist()]

    def _record(self, recorder: SentenceRecorder, index: int) -> None:
        """Record ``indexed_terms``, tokenised a sentence at a time so that the sentences are
        kept."""
        article, paragraph = self.located[index]
        role = (
            ()
            if paragraph.is_body
            else self.tokenizer.tokenize(
                " ".join([paragraph.role, *ROLE_WORDS.get(paragraph.role, ())])
            )
        )
        headings = section_terms(self.tokenizer, paragraph.section) if paragraph.section else []
        title = () if titled_by_heading(article, paragraph) else self._title_terms(article)
        recorder.record(paragraph.text, role, hidden=headings, title=title)

    def _title_terms(self, article: Article) -> list[str]:
        """The terms of an article's title, which BM25 reads as the outermost heading of
        each of its paragraphs (``retrieval.index.sections``), tokenised once an article."""
        found = self._titles.get(article.slug)
        if found is None:
            found = self._titles[article.slug] = self.tokenizer.tokenize(article.title)
        return found

    def _split_and_tokenize(self, index: int) -> tuple[list[Span], list[str], list[list[str]]]:
        """A passage's sentence spans, its terms, and each sentence's terms."""
        text = self.located[index][1].text
        card = self.cards.get(index)
        if card is not None:
            return [(0, len(text))], list(card), [list(card)]
        per_sentence = self.kept.sentences(index)
        return sentence_spans(text), [t for terms in per_sentence for t in terms], per_sentence


@dataclass(frozen=True)
class _Built:
    """What ``Passages`` builds from a corpus, as saved (``retrieval.index.saved``)."""

    cards: dict[int, list[str]]
    index: BM25Index
    kept: SentenceTerms
    card_index: BM25Index


def _introduced(located: Sequence[tuple[Article, Paragraph]]) -> dict[int, int]:
    """Each paragraph that introduces the code or table right after it, under the same
    headings (it ends with a colon: "Install it with:"), and that block."""
    found: dict[int, int] = {}
    for at, (article, block) in enumerate(located):
        if at == 0 or block.role not in SHOWN_AS_IS:
            continue
        before_article, before = located[at - 1]
        if (
            before_article is article
            and before.role not in SHOWN_AS_IS
            and before.section == block.section
            and before.text.rstrip().endswith(":")
        ):
            found[at - 1] = at
    return found


def _code_after_prose(located: Sequence[tuple[Article, Paragraph]]) -> frozenset[int]:
    """The code blocks whose section has prose too (or that sit under no heading)."""
    code = [at for at, (_, block) in enumerate(located) if block.role == CODE]
    if not code:
        return frozenset()
    with_code = {located[at][0].slug for at in code}
    prose = {
        (article.slug, block.section)
        for article, block in located
        if block.role != CODE and block.section and article.slug in with_code
    }
    return frozenset(
        at
        for at in code
        if not located[at][1].section or (located[at][0].slug, located[at][1].section) in prose
    )
