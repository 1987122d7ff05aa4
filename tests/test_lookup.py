"""Finding the article a reader names (``retrieval.corpus.lookup``): one rule for every command."""

from __future__ import annotations

import pytest

from helpers import BLOOMBERG, CATO
from retrieval import AmbiguousArticle, Article, ArticleNotFound, Corpus, Engine
from retrieval.corpus.lookup import find_article, matching


def article(
    slug: str, title: str, *, publisher: str | None = None, author: str | None = None
) -> Article:
    return Article.from_paragraphs(
        slug, title, ["Some body text here."], publisher=publisher, author=author
    )


@pytest.fixture
def press() -> Corpus:
    return Corpus(
        [
            article("eco-1", "Économie et Société", publisher="Le Monde", author="José Martí"),
            article("eco-2", "Trade Winds", publisher="Le Monde Diplomatique", author="Ann Lee"),
            article("weather", "Rain Again", publisher="The Daily", author="José Ortega"),
        ]
    )


@pytest.mark.parametrize(
    ("reference", "slug"),
    [
        ("bandow", CATO),
        ("Doug Bandow", CATO),
        ("cato", CATO),
        ("CATO INSTITUTE", CATO),
        ("bloomberg", BLOOMBERG),
        ("Bloomberg View", BLOOMBERG),
        ("kim-congress", CATO),
        ("bloomberg-engage", BLOOMBERG),
        ("engage-north", BLOOMBERG),
        ("spectac", CATO),
        ("engage kim", CATO),
        ("bandow engage", CATO),
    ],
)
def test_seed_articles_are_found_by_author_publisher_slug_part_or_title_words(
    engine: Engine, reference: str, slug: str
) -> None:
    assert engine.find_article(reference).slug == slug


def test_accents_and_case_do_not_matter(press: Corpus) -> None:
    assert find_article(press, "economie").slug == "eco-1"
    assert find_article(press, "JOSE MARTI").slug == "eco-1"
    assert find_article(press, "marti").slug == "eco-1"
    assert find_article(press, "ORTEGA").slug == "weather"


def test_a_name_naming_one_article_whole_wins_over_longer_names_that_contain_it(
    press: Corpus,
) -> None:
    assert find_article(press, "le monde").slug == "eco-1"
    assert find_article(press, "le monde diplomatique").slug == "eco-2"


def test_a_name_shared_by_several_articles_lists_them_all(press: Corpus) -> None:
    with pytest.raises(AmbiguousArticle) as raised:
        find_article(press, "jose")
    assert [(c.number, c.article, c.author) for c in raised.value.choices] == [
        (1, "eco-1", "José Martí"),
        (3, "weather", "José Ortega"),
    ]


def test_every_word_must_match_for_an_article_to_be_named(press: Corpus) -> None:
    assert [a.slug for a in matching(press, "jose rain")] == ["weather"]
    assert matching(press, "jose zebra") == []


def test_an_empty_name_offers_every_article_and_names_none(press: Corpus) -> None:
    assert [a.slug for a in matching(press, "")] == ["eco-1", "eco-2", "weather"]
    with pytest.raises(ArticleNotFound):
        find_article(press, "  ")


def test_punctuation_alone_names_no_article(press: Corpus) -> None:
    with pytest.raises(ArticleNotFound) as raised:
        find_article(press, "?!")
    assert raised.value.suggestions == ["eco-1", "eco-2", "weather"]


def test_a_misspelt_author_gets_did_you_mean(press: Corpus) -> None:
    with pytest.raises(ArticleNotFound) as raised:
        find_article(press, "ann leee")
    assert raised.value.suggestions == ["eco-2"]
    assert "Did you mean: eco-2?" in str(raised.value)
