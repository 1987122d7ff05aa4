"""The two seed articles: parsed as published, quoted byte for byte, matched however typed."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

from helpers import (
    BLOOMBERG,
    CATO,
    SEED_FILES,
    SEEDS_DIR,
    original_seed,
    seed_body,
    split_seed,
    write,
)
from retrieval import Article, Corpus, Engine, Tokenizer, load_article, load_corpus

NBSP = "\u00a0"
EXPECTED_NON_BODY = {
    CATO: {1: "caption", 2: "notice", 22: "bio"},
    BLOOMBERG: {1: "caption", 2: "credit", 12: "contact"},
}
EXPECTED_PARAGRAPHS = {CATO: 22, BLOOMBERG: 12}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(SEEDS_DIR)


def _non_body(article: Article) -> dict[int, str]:
    return {p.number: p.role for p in article.paragraphs if not p.is_body}


def test_seed_folder_loads_both_articles_in_file_order(corpus: Corpus) -> None:
    assert [article.slug for article in corpus] == [CATO, BLOOMBERG]
    assert corpus.skipped == ()


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_seed_has_its_published_paragraph_count(corpus: Corpus, slug: str) -> None:
    article = corpus.by_slug[slug]
    assert len(article.paragraphs) == EXPECTED_PARAGRAPHS[slug]
    assert [p.number for p in article.paragraphs] == list(range(1, EXPECTED_PARAGRAPHS[slug] + 1))


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_seed_marks_captions_credits_notices_bios_and_contacts_as_non_body(
    corpus: Corpus, slug: str
) -> None:
    assert _non_body(corpus.by_slug[slug]) == EXPECTED_NON_BODY[slug]


def test_seed_metadata_comes_from_the_front_matter(corpus: Corpus) -> None:
    cato, bloomberg = corpus.by_slug[CATO], corpus.by_slug[BLOOMBERG]
    assert cato.title == "A Spectacular Opportunity to Engage Kim Jong Un"
    assert (cato.publisher, cato.author) == ("Cato Institute", "Doug Bandow")
    assert bloomberg.publisher == "Bloomberg View"
    assert bloomberg.author is None


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_seed_body_matches_its_source_sha256(slug: str) -> None:
    front_matter, body = split_seed(SEED_FILES[slug])
    declared = tomllib.loads(front_matter.decode("utf-8"))["source_sha256"]
    assert hashlib.sha256(body).hexdigest() == declared


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_seed_body_is_byte_identical_to_the_shared_original(slug: str) -> None:
    original = original_seed(slug)
    if original is None:
        pytest.skip("../shared/seeds is not available here")
    assert seed_body(slug) == original.read_bytes()


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_seed_paragraphs_are_verbatim_slices_of_the_original_text(
    corpus: Corpus, slug: str
) -> None:
    body = seed_body(slug).decode("utf-8")
    article = corpus.by_slug[slug]
    assert body.startswith(article.title + "\n\n")
    position = 0
    for paragraph in article.paragraphs:
        found = body.find(paragraph.text, position)
        assert found >= position, f"¶{paragraph.number} is not in the original, in order"
        position = found + len(paragraph.text)


def test_bloomberg_title_keeps_its_no_break_space(corpus: Corpus) -> None:
    assert corpus.by_slug[BLOOMBERG].title == f"A Moment to Engage{NBSP}North Korea"


def test_bloomberg_paragraph_4_keeps_its_no_break_spaces(corpus: Corpus) -> None:
    text = corpus.by_slug[BLOOMBERG].paragraph(4).text
    assert text.startswith(f"Although{NBSP}some in Congress")
    assert f"spark{NBSP}a revolt" in text


def test_quoted_passage_keeps_the_no_break_space_of_paragraph_4(engine: Engine) -> None:
    answer = engine.ask("Have sanctions produced any viable opposition to the regime?")
    assert not answer.abstained
    quoted = {p.citation: p.text for p in answer.passages}
    assert f"{BLOOMBERG} ¶4" in quoted
    assert NBSP in quoted[f"{BLOOMBERG} ¶4"]


def test_title_with_a_no_break_space_is_found_by_a_plain_space(engine: Engine) -> None:
    assert engine.find_article("engage north korea").slug == BLOOMBERG


def test_curly_and_straight_apostrophes_are_the_same_term() -> None:
    tokenizer = Tokenizer()
    assert tokenizer.tokenize("Kim\u2019s") == tokenizer.tokenize("Kim's") == ["kim"]
    assert tokenizer.tokenize("isn\u2019t new") == tokenizer.tokenize("isn't new")


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_question_with_either_apostrophe_quotes_the_curly_original(
    engine: Engine, apostrophe: str
) -> None:
    answer = engine.ask(f"What happened to Kim{apostrophe}s uncle?")
    assert not answer.abstained
    passage = next(p for p in answer.passages if p.citation == f"{BLOOMBERG} ¶5")
    assert "New Year\u2019s Day" in passage.text
    assert "\u201ccapricious whore.\u201d" in passage.text


def test_straight_and_curly_questions_get_the_same_answer(engine: Engine) -> None:
    straight = engine.ask("What was Kim's first overseas trip?")
    curly = engine.ask("What was Kim\u2019s first overseas trip?")
    assert [p.citation for p in straight.passages] == [p.citation for p in curly.passages]
    assert [s.text for s in straight.summary] == [s.text for s in curly.summary]


def test_highlighted_words_are_shown_as_written_with_curly_quotes(engine: Engine) -> None:
    answer = engine.ask("What was Kim's first overseas trip?")
    passage = next(p for p in answer.passages if p.citation == f"{BLOOMBERG} ¶7")
    assert "Kim\u2019s" in passage.matched_terms
    for start, end in passage.highlights:
        assert passage.text[start:end].strip() == passage.text[start:end]


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_plain_text_copy_of_a_seed_has_the_same_paragraphs(
    corpus: Corpus, tmp_path: Path, slug: str
) -> None:
    plain = load_article(write(tmp_path, f"{slug}.txt", seed_body(slug)))
    seeded = corpus.by_slug[slug]
    assert plain.title == seeded.title
    assert [p.text for p in plain.paragraphs] == [p.text for p in seeded.paragraphs]
