"""The answer engine's articles: summaries in cited sentences, an article found by number,
slug, title or author, and the list of sources."""

from __future__ import annotations

import pytest

from helpers import BLOOMBERG, CATO, SEED_TITLES, SEEDS_DIR
from retrieval import (
    AmbiguousArticle,
    Article,
    ArticleNotFound,
    ArticleSummary,
    Corpus,
    Engine,
    load_corpus,
)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(SEEDS_DIR)


def assert_summary_is_verbatim_body_text_in_order(engine: Engine, summary: ArticleSummary) -> None:
    article = engine.corpus.by_slug[summary.article]
    positions = []
    for sentence in summary.sentences:
        paragraph = article.paragraph(sentence.paragraph)
        assert paragraph.is_body, f"¶{paragraph.number} is a {paragraph.role}"
        assert sentence.text == paragraph.text[sentence.start : sentence.end]
        assert sentence.text.strip() == sentence.text
        assert sentence.citation == article.citation(sentence.paragraph)
        assert sentence.article == article.slug
        positions.append((sentence.paragraph, sentence.start))
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)


# -- summaries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [CATO, BLOOMBERG])
def test_article_summary_is_three_verbatim_body_sentences_in_document_order(
    engine: Engine, reference: str
) -> None:
    summary = engine.summarize(reference)
    assert summary.article == reference
    assert len(summary.sentences) == 3
    assert_summary_is_verbatim_body_text_in_order(engine, summary)


def test_article_summary_carries_the_title_and_byline(engine: Engine) -> None:
    summary = engine.summarize(CATO)
    assert summary.title == SEED_TITLES[0]
    assert (summary.author, summary.publisher) == ("Doug Bandow", "Cato Institute")


@pytest.mark.parametrize("count", [1, 2, 5, 8])
def test_article_summary_has_as_many_sentences_as_asked(engine: Engine, count: int) -> None:
    summary = engine.summarize(BLOOMBERG, count)
    assert len(summary.sentences) == count
    assert_summary_is_verbatim_body_text_in_order(engine, summary)


def test_article_summary_is_deterministic_across_engines(corpus: Corpus) -> None:
    first = Engine(corpus).summarize("1")
    second = Engine(load_corpus(SEEDS_DIR)).summarize(CATO)
    assert first.sentences == second.sentences


def test_article_summary_never_quotes_a_caption_even_a_central_one() -> None:
    caption = "Kim party congress Pyongyang delegates economic reform regime."
    article = Article.from_paragraphs(
        "demo",
        "Demo",
        [
            caption,
            "Kim called a party congress in Pyongyang. Delegates came.",
            "The regime wants economic reform. The party congress will ratify it.",
            "Delegates cheered Kim. Pyongyang was calm.",
            "Economic reform may follow the congress. The regime hopes so.",
        ],
        roles={1: "caption"},
    )
    engine = Engine(Corpus([article]))
    for count in (1, 3, 6):
        summary = engine.summarize("demo", count)
        assert summary.sentences
        assert all(s.paragraph != 1 for s in summary.sentences)
        assert_summary_is_verbatim_body_text_in_order(engine, summary)


# -- finding articles --------------------------------------------------------------------------


@pytest.mark.parametrize(("reference", "slug"), [("1", CATO), ("2", BLOOMBERG), (" 2 ", BLOOMBERG)])
def test_find_article_by_its_number_in_the_sources(
    engine: Engine, reference: str, slug: str
) -> None:
    assert engine.find_article(reference).slug == slug


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_find_article_by_slug(engine: Engine, slug: str) -> None:
    assert engine.find_article(slug).slug == slug
    assert engine.find_article(slug.upper()).slug == slug


@pytest.mark.parametrize(
    ("fragment", "slug"),
    [
        ("spectacular", CATO),
        ("SPECTACULAR OPPORTUNITY", CATO),
        ("Engage Kim", CATO),
        ("moment to engage north", BLOOMBERG),
        ("Engage\u00a0North Korea", BLOOMBERG),
        ("engage north korea", BLOOMBERG),
    ],
)
def test_find_article_by_a_fragment_of_its_title_ignoring_case_and_spacing(
    engine: Engine, fragment: str, slug: str
) -> None:
    assert engine.find_article(fragment).slug == slug


def test_find_article_title_fragment_ignores_curly_versus_straight_quotes() -> None:
    articles = [
        Article.from_paragraphs("gamble", "Kim\u2019s \u201cBig\u201d Gamble", ["Kim bet."]),
        Article.from_paragraphs("other", "Another Story", ["Park waited."]),
    ]
    engine = Engine(Corpus(articles))
    assert engine.find_article('kim\'s "big" gamble').slug == "gamble"
    assert engine.find_article("KIM\u2019S").slug == "gamble"


def test_unknown_article_raises_not_found_with_close_suggestions(engine: Engine) -> None:
    with pytest.raises(ArticleNotFound) as raised:
        engine.find_article("cato-kim-kongress")
    assert raised.value.suggestions == [CATO]
    assert "Did you mean" in str(raised.value) and CATO in str(raised.value)


def test_unrelated_name_lists_the_articles_to_choose_from(engine: Engine) -> None:
    with pytest.raises(ArticleNotFound) as raised:
        engine.find_article("zebra finance")
    assert raised.value.suggestions == [CATO, BLOOMBERG]
    assert "zebra finance" in str(raised.value)


@pytest.mark.parametrize("reference", ["0", "3", "-1", ""])
def test_number_outside_the_sources_is_not_found(engine: Engine, reference: str) -> None:
    with pytest.raises(ArticleNotFound):
        engine.find_article(reference)


def test_a_name_several_articles_share_is_ambiguous_and_lists_them_in_order(
    engine: Engine,
) -> None:
    with pytest.raises(AmbiguousArticle) as raised:
        engine.find_article("engage")
    assert [(c.number, c.article) for c in raised.value.choices] == [(1, CATO), (2, BLOOMBERG)]
    assert "'engage' matches 2 articles" in str(raised.value)


def test_summarize_an_unknown_article_raises_not_found(engine: Engine) -> None:
    with pytest.raises(ArticleNotFound):
        engine.summarize("no such article")


def test_a_non_decimal_digit_is_treated_as_a_name_not_a_number(engine: Engine) -> None:
    with pytest.raises(ArticleNotFound):
        engine.find_article("\U00010a40")


def test_a_huge_number_is_not_found_rather_than_crashing(engine: Engine) -> None:
    with pytest.raises(ArticleNotFound):
        engine.find_article("9" * 5000)


# -- sources -----------------------------------------------------------------------------------


def test_sources_number_the_articles_in_corpus_order(engine: Engine) -> None:
    sources = engine.sources()
    assert [(a.number, a.article, a.title) for a in sources.articles] == [
        (1, CATO, SEED_TITLES[0]),
        (2, BLOOMBERG, SEED_TITLES[1]),
    ]
    assert [(a.paragraphs, a.body_paragraphs) for a in sources.articles] == [(22, 19), (12, 9)]
    assert sources.loaded_at == engine.corpus.loaded_at
