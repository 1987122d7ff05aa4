"""What the verdict reads, gathered hit by hit: each passage's support and stand-ins, the
question's closeness in meaning to the hits' articles, what it asks for.

A passage's support blends its words' support with its closeness in meaning to the question
(``retrieval.verdict.support``). Its words' support counts *stand-ins*: a question word the
passage lacks but says in other words ("picture" for "photo", as far as their meanings match;
``retrieval.index.meaning.WordVectors``).
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval import patterns
from retrieval.corpus.sentences import asks as asks_question
from retrieval.corpus.text import normalize
from retrieval.index.meaning import MeaningUnavailable, WordVectors
from retrieval.index.passages import Passages
from retrieval.question.query import Query
from retrieval.search.items import sentence_terms
from retrieval.search.ranking import Hit
from retrieval.search.rerank import share
from retrieval.verdict.asked_for import Wanted, asked_for, holds, way_to
from retrieval.verdict.decision import Evidence
from retrieval.verdict.settings import VerdictSettings
from retrieval.verdict.support import support, with_meaning

TOPIC_PASSAGES = 64  # an article's subject is the mean meaning of its first passages
TITLE_SHARE = 0.5  # how far a passage holds a word of its article's title it does not repeat
_WORDS = patterns.compile(r"[^\W\d_][\w'\u2019-]*")


class Gatherer:
    """Gathers the ``Evidence`` on a question's hits from one corpus's passages."""

    def __init__(
        self, passages: Passages, settings: VerdictSettings, off: frozenset[str] = frozenset()
    ) -> None:
        self._passages = passages
        self._settings = settings
        self._off = off  # heuristics switched off (retrieval.heuristics)
        self._words = WordVectors()

    def evidence(self, query: Query, hits: Sequence[Hit]) -> Evidence:
        passages, settings = self._passages, self._settings
        similarity = self._similarity(query, [hit.index for hit in hits])
        terms = [_terms_of(passages, hit) for hit in hits]
        stand_ins = [
            self._stand_ins(query, hit.index, held) for hit, held in zip(hits, terms, strict=True)
        ]
        for hit, held, found in zip(hits, terms, stand_ins, strict=True):
            self._add_context(query, hit, held, found)
        weights = {**query.described, **query.weights} if query.described else query.weights
        supports = [
            with_meaning(
                support(
                    query.terms,
                    weights,
                    sentence_terms(passages, hit.index, hit.item),
                    settings.support_weights,
                    found,
                ),
                near,
                settings,
            )
            for hit, near, found in zip(hits, similarity, stand_ins, strict=True)
        ]
        supports = _read_with_introducer(passages.introduces, hits, supports)
        located = [passages.located[hit.index] for hit in hits]

        def states(i: int, wanted: Wanted) -> bool:
            """Whether a sentence of hit ``i`` that holds a word of the question states what it
            asks for: "How many moderators..." is not answered by "cancelled by moderators"
            because another sentence of the passage gives a number. A question in the text
            is answered by the sentence after it, which is read with it ("How long do
            warnings last? Ninety days.", as FAQs write them). A date in a heading over
            such a sentence dates it ("## [2.1.0] - 2024-05-02" over "### Added" and "The
            --lattice option...", as changelogs and minutes write them)."""
            paragraph = located[i][1]
            text = paragraph.text
            spans = passages.sentences(hits[i].index)[0]
            per_sentence = sentence_terms(passages, hits[i].index, hits[i].item)
            asked_about = False  # some sentence holds a word of the question
            for at, ((start, end), held) in enumerate(zip(spans, per_sentence, strict=True)):
                if query.weights.keys().isdisjoint(held):
                    continue
                asked_about = True
                if asks_question(text[start:end]) and at + 1 < len(spans):
                    end = spans[at + 1][1]
                if holds(wanted, text[start:end], query.meant):
                    return True
            return (
                asked_about
                and wanted == "time"
                and any(holds(wanted, heading, query.meant) for heading in paragraph.section)
            )

        return Evidence(
            weights=weights,
            surface=query.surface,
            supports=supports,
            terms=terms,
            stand_ins=stand_ins,
            citations=[article.citation(paragraph.number) for article, paragraph in located],
            words_share=max(
                (share(weights, found & weights.keys()) for found in terms),
                default=0.0,
            ),
            topic=lambda: self._topic(query, hits),
            asks=None if "asked_for" in self._off else asked_for(query.meant),
            way_to=None if "asked_for" in self._off else self._way_to(query),
            about_articles=query.about_articles,
            states=states,
            names=typed_names(query),
            in_corpus=frozenset(t for t in weights if t in passages.index.vocabulary),
        )

    def _way_to(self, query: Query) -> str | None:
        """The term of the verb a question asks how to do (``asked_for.way_to``), when it is
        one of the words it searches ("how do I *get* it" may weigh nothing)."""
        verb = way_to(query.meant)
        terms = self._passages.tokenizer.tokenize(verb) if verb else []
        return terms[0] if terms and query.weights.get(terms[0], 0.0) > 0 else None

    def _similarity(self, query: Query, indices: Sequence[int]) -> list[float]:
        """Closeness in meaning of the question to each passage (0s if the model is missing)."""
        if self._settings.meaning_weight == 0:
            return [0.0] * len(indices)
        try:
            return self._passages.meaning.similarity(normalize(query.meant), indices)
        except MeaningUnavailable:
            return [0.0] * len(indices)

    def _stand_ins(self, query: Query, index: int, present: set[str]) -> dict[str, float]:
        """Question terms a passage lacks (it holds ``present``) but says in other words
        (``WordVectors``)."""
        if self._settings.meaning_weight == 0 or "stand_ins" in self._off:
            return {}
        wanted = [t for t in query.weights if t not in present]
        if not wanted:
            return {}
        text = self._passages.text(index)
        words = sorted({m.casefold() for m in _WORDS.findall(text)})
        try:
            found = self._words.stand_ins([query.surface[t].casefold() for t in wanted], words)
        except MeaningUnavailable:
            return {}
        return {t: v for t, v in zip(wanted, found, strict=True) if v > 0}

    def _add_context(
        self, query: Query, hit: Hit, held: set[str], stand_ins: dict[str, float]
    ) -> None:
        """Credit a passage, in ``stand_ins``, with the question words its article's context
        says for it. The words that describe the article asked about ("the greek sprinters
        article", ``Query.described``) count as held by its passages: they say which article.
        A word of the article's title or slug (``Article.named_by``) counts ``TITLE_SHARE`` as
        held by each of its passages, which speak of the article's subject without naming it
        again ("the pair's former coach" in "greek-sprinters-cleared").
        """
        if query.described and hit.article in query.articles:
            stand_ins.update(dict.fromkeys(query.described, 1.0))
        for typed, phrase in query.aliased:  # "mod" is held where "moderator" is, and back
            for one, other in ((typed, phrase), (phrase, typed)):
                if one <= held:
                    stand_ins.update((term, 1.0) for term in other - held)
        if "titles" in self._off:
            return
        titled = self._passages.named_terms(hit.article) & query.weights.keys()
        for term in titled - held:
            stand_ins[term] = max(stand_ins.get(term, 0.0), TITLE_SHARE)

    def _topic(self, query: Query, hits: Sequence[Hit]) -> float:
        """How close in meaning the question is to the subject of the hits' closest article
        (1.0 without the model: words alone decide, ``decision.on_subject``)."""
        passages = self._passages
        groups = []
        for slug in dict.fromkeys(hit.article for hit in hits):
            start = passages.paragraph_index(slug, 1)
            size = len(passages.corpus.by_slug[slug].paragraphs)
            groups.append([passages.paragraph_index(slug, 0), *range(start, start + size)])
        try:
            return passages.meaning.topic(
                normalize(query.meant), [group[:TOPIC_PASSAGES] for group in groups]
            )
        except MeaningUnavailable:
            return 1.0


def _terms_of(passages: Passages, hit: Hit) -> set[str]:
    """Every term of a hit's passage, with those that named the item asked for in it."""
    terms = passages.terms_of(hit.index)
    return terms | set(hit.item.terms) if hit.item is not None else terms


def _read_with_introducer(
    introduces: dict[int, int], hits: Sequence[Hit], supports: list[float]
) -> list[float]:
    """``supports`` with each code or table block read as the hit that introduces it ("Install
    it with:" and the command: ``Passages.introduces``), which the search put before it: the
    command is quoted with the paragraph that says what it is for, whatever words it holds."""
    if not introduces:
        return supports
    found = list(supports)
    for at, hit in enumerate(hits[:-1]):
        block = introduces.get(hit.index)
        if block is not None and hits[at + 1].index == block:
            found[at + 1] = max(found[at + 1], found[at])
    return found


def typed_names(query: Query) -> frozenset[str]:
    """The question's terms typed as names: capitalised, but not as its first word (which
    any word is). A question typed in lowercase names nothing here."""
    first = next(iter(_WORDS.findall(query.meant)), None)
    return frozenset(
        term
        for term, typed in query.surface.items()
        if typed[:1].isupper() and typed != first and term in query.weights
    )
