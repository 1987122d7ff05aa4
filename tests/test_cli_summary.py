"""``citebot summary``: an article found by number, slug, title or author, summarised in cited
sentences; a name no article has gets one line listing what there is."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import CITATION, assert_one_line_error, run, run_json
from helpers import (
    BLOOMBERG,
    CATO,
    SEEDS_DIR,
    write_article,
)
from retrieval import load_corpus

pytestmark = pytest.mark.usefixtures("no_citebot_environment")


# -- summary -----------------------------------------------------------------------------------


def test_summary_by_number_prints_three_cited_sentences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "summary", "1")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert (
        lines[0] == "A Spectacular Opportunity to Engage Kim Jong Un (Doug Bandow, Cato Institute)"
    )
    bullets = [block for block in out.split("\u2022")[1:]]
    assert len(bullets) == 3
    for bullet in bullets:
        match = CITATION.search(bullet)
        assert match is not None and match.group("slug") == CATO


def test_summary_json_sentences_are_verbatim_and_cited(
    capsys: pytest.CaptureFixture[str],
) -> None:
    summary = run_json(capsys, "summary", BLOOMBERG)
    assert summary["article"] == BLOOMBERG
    assert len(summary["sentences"]) == 3
    article = load_corpus(SEEDS_DIR).by_slug[BLOOMBERG]
    for sentence in summary["sentences"]:
        assert sentence["citation"] == f"{BLOOMBERG} \u00b6{sentence['paragraph']}"
        text = article.paragraph(sentence["paragraph"]).text
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


@pytest.mark.parametrize(
    ("reference", "slug"),
    [(CATO, CATO), ("2", BLOOMBERG), ("engage north", BLOOMBERG), ("SPECTACULAR", CATO)],
)
def test_summary_finds_the_article_by_slug_number_or_title_fragment(
    capsys: pytest.CaptureFixture[str], reference: str, slug: str
) -> None:
    assert run_json(capsys, "summary", reference)["article"] == slug


def test_summary_sentences_option_sets_the_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(run_json(capsys, "summary", "1", "--sentences", "5")["sentences"]) == 5


def test_summary_of_an_unknown_article_names_close_matches_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "summary", "cato-kim-kongress")
    line = assert_one_line_error(status, out, err)
    assert "Did you mean" in line and CATO in line


def test_summary_of_a_name_several_articles_share_lists_them_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "summary", "engage")
    line = assert_one_line_error(status, out, err)
    assert status == 2
    assert f"1. A Spectacular Opportunity to Engage Kim Jong Un ({CATO})" in line
    assert f"2. A Moment to Engage\u00a0North Korea ({BLOOMBERG})" in line
    assert "Name one by its number or slug" in line


@pytest.mark.parametrize("reference", ["bandow", "Cato Institute", "kim-congress", "CATO"])
def test_summary_finds_the_article_by_author_publisher_or_part_of_the_slug(
    capsys: pytest.CaptureFixture[str], reference: str
) -> None:
    assert run_json(capsys, "summary", reference)["article"] == CATO


def test_summary_of_an_unrelated_name_lists_the_articles_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "summary", "zebra")
    line = assert_one_line_error(status, out, err)
    assert CATO in line and BLOOMBERG in line


def test_summary_of_a_number_past_the_last_says_how_many_articles_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "summary", "3")
    line = assert_one_line_error(status, out, err)
    assert line == (
        "citebot: No article matches '3'. There are 2 articles: "
        f"1. A Spectacular Opportunity to Engage Kim Jong Un ({CATO}); "
        f"2. A Moment to Engage\u00a0North Korea ({BLOOMBERG})."
    )


def test_an_unknown_name_in_a_large_corpus_lists_the_first_articles_and_the_count(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for number in range(1, 8):
        write_article(tmp_path, f"report-{number}.txt", f"Report {number}", f"Text {number}.")
    status, out, err = run(capsys, "summary", "99", "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert "There are 7 articles, the first 5: 1. Report 1 (report-1); " in line
    assert line.endswith("5. Report 5 (report-5).") and "?" not in line


def test_an_unknown_name_in_a_corpus_of_one_says_there_is_one_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "only.txt", "The Only Report", "Text.")
    status, out, err = run(capsys, "summary", "2", "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert line.endswith("There is 1 article: 1. The Only Report (only).")


def test_summary_of_a_non_decimal_digit_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "summary", "\U00010a40")
    assert_one_line_error(status, out, err)
