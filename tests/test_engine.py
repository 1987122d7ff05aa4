"""The answer engine: cited verbatim quotes, reasoned abstention, bad questions, and search."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from helpers import (
    CATO,
    CONVENTIONS_QUESTION,
    NEAR_TOPIC_QUESTIONS,
    OFF_TOPIC_QUESTIONS,
    SEED_TITLES,
    SEEDS_DIR,
    examples,
)
from retrieval import (
    Answer,
    Article,
    Corpus,
    Engine,
    EngineSettings,
    QuestionError,
    RetrievalSettings,
    load_corpus,
)

ON_TOPIC_QUESTIONS = (
    CONVENTIONS_QUESTION,
    "Why is North Korea holding a party congress?",
    "What did Kim's uncle do?",
    "Should the U.S. engage Pyongyang?",
    "Who wrote the Cato article?",
    "What economic reforms has Kim made?",
    "Are sanctions working against the North Korean regime?",
    "What did China do about Kim?",
)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(SEEDS_DIR)


def paragraph_documents(engine: Engine) -> list[list[str]]:
    """What the BM25 index holds: every paragraph's terms, in corpus order (cards come after)."""
    return [
        engine.indexed_terms(i)
        for i in range(engine.passage_count)
        if engine.located(i)[1].role != "title"
    ]


def assert_verbatim_and_cited(engine: Engine, answer: Answer) -> None:
    """Every quote is the paragraph as written, every sentence a span of it, citations agree."""
    by_slug = engine.corpus.by_slug
    for passage in answer.passages:
        article = by_slug[passage.article]
        assert passage.title == article.title
        assert passage.citation == article.citation(passage.paragraph)
        if passage.paragraph == 0:  # the article's card quotes its title line
            assert (passage.kind, passage.text) == ("title", article.title)
            assert passage.citation == f"{passage.article} title"
            continue
        paragraph = article.paragraph(passage.paragraph)
        assert passage.text == paragraph.text
        assert passage.citation == f"{passage.article} \u00b6{passage.paragraph}"
        assert passage.kind == paragraph.role
        for start, end in passage.highlights:
            assert 0 <= start < end <= len(passage.text)
    quoted = {(p.article, p.paragraph) for p in answer.passages}
    for sentence in answer.summary:
        assert (sentence.article, sentence.paragraph) in quoted
        article = by_slug[sentence.article]
        if sentence.paragraph == 0:  # a card's sentence is its title line
            assert sentence.text == article.title[sentence.start : sentence.end]
            assert sentence.citation == f"{sentence.article} title"
            continue
        paragraph = article.paragraph(sentence.paragraph)
        assert sentence.text == paragraph.text[sentence.start : sentence.end]
        assert sentence.citation == f"{sentence.article} \u00b6{sentence.paragraph}"


# -- answers -----------------------------------------------------------------------------------


def test_conventions_question_quotes_a_cato_paragraph_about_the_conventions(
    engine: Engine,
) -> None:
    answer = engine.ask(CONVENTIONS_QUESTION)
    assert not answer.abstained
    assert answer.reason is None
    citations = {p.citation for p in answer.passages}
    assert citations & {f"{CATO} \u00b63", f"{CATO} \u00b620"}
    convention = next(p for p in answer.passages if p.paragraph in (3, 20))
    assert convention.article == CATO
    assert "conventions" in convention.text
    assert answer.summary, "an answer has a short summary"
    assert_verbatim_and_cited(engine, answer)


@pytest.mark.parametrize("question", OFF_TOPIC_QUESTIONS)
def test_off_topic_question_abstains_with_a_reason_and_the_topics(
    engine: Engine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.abstained
    assert answer.reason and answer.reason.startswith("The articles do not cover this")
    assert answer.topics == SEED_TITLES
    assert answer.passages == []
    assert answer.summary == []
    assert answer.question == question


@pytest.mark.parametrize("question", NEAR_TOPIC_QUESTIONS)
def test_a_near_topic_question_gets_the_closest_passages_and_what_they_lack(
    engine: Engine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.verdict == "closest"
    assert not answer.abstained
    assert answer.reason and answer.reason.startswith("The articles don't say this exactly")
    assert answer.passages and answer.summary == []
    assert answer.missing and all(word in question for word in answer.missing)
    assert all(f"'{word}'" in answer.reason for word in answer.missing)
    assert_verbatim_and_cited(engine, answer)


def test_an_off_topic_question_says_what_it_lacks_as_typed(engine: Engine) -> None:
    answer = engine.ask("What is the capital of France?")
    assert answer.verdict == "none"
    assert answer.reason is not None
    assert "'France'" in answer.reason and "France" in answer.missing


@pytest.mark.parametrize("question", ON_TOPIC_QUESTIONS)
def test_every_quote_and_summary_sentence_is_verbatim_and_correctly_cited(
    engine: Engine, question: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained, answer.reason
    assert 1 <= len(answer.passages) <= engine.settings.retrieval.top_k
    assert len(answer.summary) <= engine.settings.retrieval.answer_sentences
    assert_verbatim_and_cited(engine, answer)


def test_top_k_limits_the_number_of_quoted_passages(engine: Engine) -> None:
    assert len(engine.ask("What did Kim do?", top_k=1).passages) == 1


def test_the_same_question_gets_the_same_answer(engine: Engine, corpus: Corpus) -> None:
    first = engine.ask(CONVENTIONS_QUESTION)
    again = Engine(corpus).ask(CONVENTIONS_QUESTION)
    assert first == again


def test_a_question_about_the_author_finds_the_bio_even_though_it_is_not_body_text(
    engine: Engine,
) -> None:
    answer = engine.ask("Who is Doug Bandow?")
    assert not answer.abstained
    bio = next(p for p in answer.passages if p.citation == f"{CATO} \u00b622")
    assert bio.kind == "bio"


@settings(max_examples=examples(60), deadline=None)
@given(
    st.one_of(
        st.text(max_size=120),
        st.lists(
            st.sampled_from(
                [
                    "Kim",
                    "Kim\u2019s",
                    "U.S.",
                    "congress",
                    "party",
                    "the",
                    "?",
                    " ",
                    "\u00a0",
                    "\u200b",
                    "\u202e",
                    "\U0001f600",
                    "e\u0301",
                    "Pyongyang",
                    "sanctions",
                    "Brazil",
                    "nucleer",
                    "NK",
                    "us",
                    "whats",
                    "rn",
                    "bloomberg",
                    "who wrote",
                    "https://evil.example/x",
                    "[a](b)",
                    "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
                ]
            ),
            max_size=30,
        ).map(" ".join),
    )
)
def test_any_question_gets_a_verdict_or_a_question_error(engine: Engine, question: str) -> None:
    try:
        answer = engine.ask(question)
    except QuestionError as error:
        assert str(error)
        return
    assert answer.abstained == (answer.verdict == "none")
    if answer.verdict == "none":
        assert answer.reason and answer.topics == SEED_TITLES and not answer.passages
    else:
        assert answer.passages
        assert (answer.verdict == "closest") == (answer.reason is not None)
        assert_verbatim_and_cited(engine, answer)


# -- bad questions -----------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_is_refused_with_an_example(engine: Engine, question: str) -> None:
    with pytest.raises(QuestionError, match="Ask a question"):
        engine.ask(question)


def test_the_example_for_an_empty_question_comes_from_the_loaded_corpus() -> None:
    article = Article.from_paragraphs("tides", "How the Moon Moves the Sea", ["Tides rise."])
    with pytest.raises(QuestionError) as raised:
        Engine(Corpus([article])).ask("")
    assert (
        str(raised.value)
        == 'Ask a question, for example: What does "How the Moon Moves the Sea" say?'
    )


@pytest.mark.parametrize("question", ["What is the?", "and of to it", "Is it?!", "\U0001f600"])
def test_question_of_only_common_words_is_refused_asking_for_a_topic(
    engine: Engine, question: str
) -> None:
    with pytest.raises(QuestionError, match="only common words"):
        engine.ask(question)


def test_question_over_the_length_limit_is_refused_with_its_length_and_the_limit(
    engine: Engine,
) -> None:
    limit = engine.settings.retrieval.max_question_chars
    question = ("Kim " * limit)[: limit + 1]
    with pytest.raises(QuestionError) as raised:
        engine.ask(question)
    message = str(raised.value)
    assert f"{limit + 1:,}" in message and f"{limit:,}" in message


def test_question_at_the_length_limit_is_accepted(engine: Engine) -> None:
    limit = engine.settings.retrieval.max_question_chars
    question = CONVENTIONS_QUESTION.ljust(limit, "?")  # trailing marks add no terms
    answer = engine.ask(question)
    plain = engine.ask(CONVENTIONS_QUESTION)
    assert not answer.abstained
    assert [p.citation for p in answer.passages] == [p.citation for p in plain.passages]


def test_search_refuses_bad_questions_too(engine: Engine) -> None:
    with pytest.raises(QuestionError):
        engine.search("")
    with pytest.raises(QuestionError):
        engine.search("the of and")


# -- search ------------------------------------------------------------------------------------


def test_search_without_reranking_is_plain_bm25_order(corpus: Corpus) -> None:
    plain = Engine(corpus, EngineSettings(retrieval=RetrievalSettings(rerank_depth=0)))
    question = "Kim party congress U.S. sanctions Pyongyang"
    terms = plain.query_terms(question)
    documents = paragraph_documents(plain)
    scores = BM25Okapi(documents).get_scores(terms)
    candidates = [i for i, doc in enumerate(documents) if set(doc) & set(terms)]
    expected = sorted(candidates, key=lambda i: (-scores[i], i))[:10]
    hits = plain.search(question, top_k=10)
    assert [hit.index for hit in hits] == expected
    assert [hit.score for hit in hits] == [scores[i] for i in expected]


def test_search_hits_carry_their_rank_bm25_scores_and_locations(
    engine: Engine, corpus: Corpus
) -> None:
    located = [engine.located(i) for i in range(engine.passage_count)]
    documents = paragraph_documents(engine)
    terms = engine.query_terms(CONVENTIONS_QUESTION)
    scores = BM25Okapi(documents).get_scores(terms)
    hits = engine.search(CONVENTIONS_QUESTION, top_k=5)
    assert 1 <= len(hits) <= 5
    for hit in hits:
        article, paragraph = located[hit.index]
        assert (hit.article, hit.paragraph) == (article.slug, paragraph.number)
        assert hit.score == scores[hit.index]


def test_search_does_not_abstain(engine: Engine) -> None:
    assert engine.ask("What does Kim Jong Un eat for breakfast?").verdict != "answer"
    assert engine.search("What does Kim Jong Un eat for breakfast?")


def test_search_finds_nothing_when_no_word_is_in_the_corpus(engine: Engine) -> None:
    assert engine.search("What is the population of Brazil?") == []


def test_index_scores_equal_rank_bm25_on_the_seed_paragraphs(engine: Engine) -> None:
    """The index holds each paragraph's words (a non-body one also its kind, "caption");
    over those documents its scores are rank-bm25's, bit for bit."""
    documents = paragraph_documents(engine)
    assert [engine.located(i)[1] for i in range(len(documents))] == [
        p for _, p in engine.corpus.iter_paragraphs()
    ]
    terms = engine.query_terms(CONVENTIONS_QUESTION)
    assert np.array_equal(engine.index.get_scores(terms), BM25Okapi(documents).get_scores(terms))
