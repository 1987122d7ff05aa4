"""Loading a corpus folder: the files that load, and what each hostile file is said to be."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from helpers import BLOOMBERG, CATO, SEED_FILES, seed_body, split_seed, write, write_article
from loader_faults import (
    GOOD,
    add_good_article,
    dangling_link,
    front_matter,
    long_paragraph,
    refused,
    utf16,
)
from retrieval import CorpusError, Engine, load_article, load_corpus

# -- files that load ---------------------------------------------------------------------------


def test_a_plain_txt_file_with_the_title_on_the_first_line_loads(tmp_path: Path) -> None:
    write(tmp_path, "042-Kim's Big Day.txt", "Kim's Big Day\n\nKim woke early.\n\nHe spoke.\n")
    (article,) = load_corpus(tmp_path)
    assert article.title == "Kim's Big Day"
    assert article.slug == "kim-s-big-day"
    assert [(p.number, p.text, p.role) for p in article.paragraphs] == [
        (1, "Kim woke early.", "body"),
        (2, "He spoke.", "body"),
    ]
    assert (article.publisher, article.author) == (None, None)
    assert article.source == "042-Kim's Big Day.txt"


def test_a_markdown_file_loads_too(tmp_path: Path) -> None:
    write(tmp_path, "notes.md", "Notes\n\nSome notes.\n")
    assert [a.slug for a in load_corpus(tmp_path)] == ["notes"]


def test_a_title_followed_directly_by_text_starts_the_first_paragraph(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Title\nFirst line of text.\nSecond line.\n\nNext paragraph.\n")
    (article,) = load_corpus(tmp_path)
    assert article.title == "Title"
    assert [p.text for p in article.paragraphs] == [
        "First line of text.\nSecond line.",
        "Next paragraph.",
    ]


def test_paragraphs_are_split_by_blank_lines_even_with_spaces_on_them(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Title\n\nOne.\n  \t\n\n\nTwo.\n\u00a0\nThree.\n\n\n")
    (article,) = load_corpus(tmp_path)
    assert [p.text for p in article.paragraphs] == ["One.", "Two.", "Three."]


def test_windows_line_endings_and_a_bom_load_like_plain_text(tmp_path: Path) -> None:
    plain = "Kim Meets Park\n\nKim met Park.\nThey talked.\n\nNothing changed.\n"
    write(tmp_path / "unix", "a.txt", plain)
    write(tmp_path / "windows", "a.txt", b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode())
    write(tmp_path / "mac", "a.txt", plain.replace("\n", "\r"))
    (unix,) = load_corpus(tmp_path / "unix")
    for folder in ("windows", "mac"):
        (other,) = load_corpus(tmp_path / folder)
        assert other.title == unix.title == "Kim Meets Park"
        assert other.paragraphs == unix.paragraphs
        assert all("\r" not in p.text and "\ufeff" not in p.text for p in other.paragraphs)


def test_a_seed_saved_with_a_bom_and_windows_line_endings_still_matches_its_sha256(
    tmp_path: Path,
) -> None:
    data = SEED_FILES[BLOOMBERG].read_bytes()
    write(tmp_path, "bloomberg.txt", b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    (article,) = load_corpus(tmp_path)
    assert article.slug == BLOOMBERG
    assert len(article.paragraphs) == 12


def test_front_matter_sets_title_slug_and_byline(tmp_path: Path) -> None:
    toml = 'title = "Kim\u2019s Gamble"\nslug = "gamble"\npublisher = "P"\nauthor = "A"'
    write(tmp_path, "001-x.txt", front_matter(toml, "Kim\u2019s Gamble\n\nOne.\n\nTwo."))
    (article,) = load_corpus(tmp_path)
    assert (article.slug, article.title, article.publisher, article.author) == (
        "gamble",
        "Kim\u2019s Gamble",
        "P",
        "A",
    )
    assert [p.text for p in article.paragraphs] == ["One.", "Two."]


def test_a_front_matter_title_lets_the_text_start_with_its_first_paragraph(
    tmp_path: Path,
) -> None:
    write(tmp_path, "a.txt", front_matter('title = "Set Above"', "Straight into the text.\n\nTwo."))
    (article,) = load_corpus(tmp_path)
    assert article.title == "Set Above"
    assert [p.text for p in article.paragraphs] == ["Straight into the text.", "Two."]


def test_front_matter_non_body_as_a_list_marks_paragraphs_non_body(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", front_matter("non_body = [1]"))
    (article,) = load_corpus(tmp_path)
    assert [p.role for p in article.paragraphs] == ["non-body", "body"]


def test_plain_text_photo_credits_notices_bios_and_contacts_are_found_by_layout(
    tmp_path: Path,
) -> None:
    write_article(
        tmp_path,
        "a.txt",
        "Title",
        "Kim inspects a factory.",
        "Photo: Ed Jones/AFP/Getty Images",
        "This article first appeared on the Example site.",
        "Kim spoke about the party congress for two hours.",
        "To contact the editor: someone@example.com.",
        "Jane Doe is a senior fellow at the Example Institute.",
    )
    (article,) = load_corpus(tmp_path)
    assert {p.number: p.role for p in article.paragraphs if not p.is_body} == {
        1: "caption",
        2: "credit",
        3: "notice",
        5: "contact",
        6: "bio",
    }


def test_a_line_ending_in_a_photo_agency_credit_is_a_caption_only_near_the_top(
    tmp_path: Path,
) -> None:
    write_article(
        tmp_path,
        "a.txt",
        "Title",
        "A crowd gathers in the square at dusk. Jane Roe/via Example",
        "The council met on Monday to agree a budget.",
        "Members argued for hours.",
        "A second view of the square, taken by Getty Images",
    )
    (article,) = load_corpus(tmp_path)
    assert {p.number: p.role for p in article.paragraphs if not p.is_body} == {1: "caption"}


def test_a_bio_line_counts_only_among_the_last_two_paragraphs(tmp_path: Path) -> None:
    bio = "Sam Poe is a senior fellow at the Example Institute."
    write_article(tmp_path, "early.txt", "Early", "Text.", bio, "More.", "Yet more.", "End.")
    write_article(tmp_path, "late.txt", "Late", "Text.", "More.", "Yet more.", bio)
    corpus = load_corpus(tmp_path)
    assert corpus.by_slug["early"].paragraph(2).is_body
    assert corpus.by_slug["late"].paragraph(4).role == "bio"


@pytest.mark.parametrize(
    "lede",
    [
        "North Korea fired a missile on Sunday, an official told Reuters.",
        "Seoul said the launch had failed, according to AFP.",
        "The defector spoke in an interview with the Associated Press.",
    ],
)
def test_a_lede_that_names_a_news_agency_as_its_source_stays_body_text(
    tmp_path: Path, lede: str
) -> None:
    write_article(tmp_path, "a.txt", "Title", lede, "Kim said nothing.", "Park waited.")
    (article,) = load_corpus(tmp_path)
    assert article.paragraph(1).is_body


def test_a_bio_sentence_early_in_the_article_stays_body_text(tmp_path: Path) -> None:
    bio_like = "Jang Son Thaek was the director of the party's administrative department."
    write_article(tmp_path, "a.txt", "Title", bio_like, "He was purged.", "Kim rules.", "End.")
    (article,) = load_corpus(tmp_path)
    assert article.paragraph(1).is_body


def test_front_matter_non_body_replaces_the_layout_rules(tmp_path: Path) -> None:
    body = "Title\n\nPhoto: someone/Getty Images\n\nKim spoke.\n\nMore text."
    write(tmp_path, "rules.txt", body)
    write(tmp_path, "listed.txt", front_matter("non_body = []", body.replace("Title", "Other")))
    rules, listed = load_corpus(tmp_path).by_slug["rules"], load_corpus(tmp_path).by_slug["listed"]
    assert rules.paragraph(1).role == "credit"
    assert listed.paragraph(1).role == "body"


def test_an_empty_front_matter_block_is_allowed(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "+++\n+++\nTitle\n\nText.\n")
    assert load_corpus(tmp_path).articles[0].title == "Title"


def test_hidden_files_and_other_suffixes_are_ignored(tmp_path: Path) -> None:
    add_good_article(tmp_path)
    write(tmp_path, ".draft.txt", b"\x00not even text")
    write(tmp_path, "README.adoc", b"\xff\xfe")
    write(tmp_path, "image.png", b"\x89PNG\x00")
    corpus = load_corpus(tmp_path)
    assert [a.source for a in corpus] == [GOOD]


def test_articles_are_ordered_by_file_name(tmp_path: Path) -> None:
    write_article(tmp_path, "010-b.txt", "Second", "Text.")
    write_article(tmp_path, "002-a.txt", "First", "Text.")
    assert [a.slug for a in load_corpus(tmp_path)] == ["a", "b"]


def test_load_article_reads_one_file_without_a_folder(tmp_path: Path) -> None:
    path = write(tmp_path, "cato.txt", seed_body(CATO))
    article = load_article(path)
    assert article.slug == "cato"
    assert article.digest == hashlib.sha256(path.read_bytes()).hexdigest()


def test_citations_are_stable_across_two_loads_of_the_same_files(tmp_path: Path) -> None:
    for slug, path in SEED_FILES.items():
        write(tmp_path, path.name, path.read_bytes())
        assert split_seed(path)[1] == seed_body(slug)

    def citations() -> list[tuple[str, str]]:
        corpus = load_corpus(tmp_path)
        return [(a.citation(p.number), p.text) for a, p in corpus.iter_paragraphs()]

    first, second = citations(), citations()
    assert first == second
    assert first[0][0] == f"{CATO} \u00b61"
    question = "How do the American party conventions compare with the congress in Pyongyang?"
    answers = [Engine(load_corpus(tmp_path)).ask(question) for _ in range(2)]
    assert [p.citation for p in answers[0].passages] == [p.citation for p in answers[1].passages]


def test_the_corpus_digest_changes_only_when_the_file_changes(tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt", "Title", "Text.")
    before = load_corpus(tmp_path).articles[0].digest
    assert load_corpus(tmp_path).articles[0].digest == before
    path.write_text("Title\n\nText changed.\n", encoding="utf-8")
    assert load_corpus(tmp_path).articles[0].digest != before


# -- hostile files: each says what it is ----------------------------------------------------------


def test_a_utf16_file_is_named_as_utf16_not_as_binary(tmp_path: Path) -> None:
    name = utf16(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert error.problem == "is UTF-16 text, not UTF-8; save it as UTF-8"


def test_a_dangling_link_is_named_as_such_not_as_a_file_that_disappeared(tmp_path: Path) -> None:
    name = dangling_link(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "does not exist" in error.problem and "disappeared" not in error.problem


def test_a_paragraph_over_the_limit_is_refused_naming_file_and_paragraph(tmp_path: Path) -> None:
    name = long_paragraph(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert error.problem.startswith("paragraph 2 has 20,005 characters, over the 20,000-character")


def test_a_markdown_file_of_too_many_brackets_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    # the Markdown reader looks for the link each "[" may open: 360 KB of them took 16 s,
    # each paragraph under the paragraph limit
    pages = "\n\n".join(["See ![" * 2_000] * 11)
    (tmp_path / "brackets.md").write_text(f"# Brackets\n\n{pages}\n", encoding="utf-8")
    error = refused(tmp_path)
    assert error.source == "brackets.md"
    assert error.problem.startswith("has 22,000 '[' characters, over the 20,000 a Markdown file")
    assert "split it into smaller files" in error.problem


def test_a_paragraph_at_the_limit_loads(tmp_path: Path) -> None:
    write_article(tmp_path, "edge.txt", "Edge", "x" * 20_000)
    assert len(load_corpus(tmp_path)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A Moment to Engage\u00a0North Korea", "A Moment to Engage North Korea"),
        ("Caf\u00e9 Society", "Cafe\u0301 society"),
        ("\uff2b\uff49\uff4d Talks", "Kim  talks"),
    ],
)
def test_titles_that_only_look_different_are_duplicates(
    tmp_path: Path, first: str, second: str
) -> None:
    write_article(tmp_path, "a.txt", first, "Some text.")
    write_article(tmp_path, "b.txt", second, "Other text.")
    with pytest.raises(CorpusError, match="same title"):
        load_corpus(tmp_path)
    lenient = load_corpus(tmp_path, strict=False)
    assert [a.title for a in lenient] == [first]
