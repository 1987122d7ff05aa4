"""Loading a corpus folder with a bad file in it: a strict load refuses it naming the file and
the problem; a lenient one skips it and lists it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import CATO, SEED_FILES, write, write_article
from loader_faults import (
    FAULTS,
    LIMIT,
    Fault,
    add_good_article,
    bad_slug,
    binary,
    directory_with_article_suffix,
    empty,
    link_outside,
    no_body_paragraphs,
    no_title,
    non_body_out_of_range,
    not_utf8,
    refused,
    same_slug,
    same_title,
    sha_mismatch,
    title_only,
    toml_syntax_error,
    too_large,
    unclosed_front_matter,
    unknown_key,
    utf16,
    whitespace_only,
)
from retrieval import CorpusError, CorpusProblems, load_article, load_corpus

# -- strict loads: one test per fault ----------------------------------------------------------


def test_a_file_that_is_not_utf8_is_refused_naming_the_byte_and_offset(tmp_path: Path) -> None:
    name = not_utf8(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "not UTF-8" in error.problem
    assert "0xe9" in error.problem and "offset 3" in error.problem
    assert str(error).startswith(f"{name}: ")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    name = empty(tmp_path)
    error = refused(tmp_path)
    assert (error.source, "empty" in error.problem) == (name, True)


def test_a_whitespace_only_file_is_refused_as_empty(tmp_path: Path) -> None:
    name = whitespace_only(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "empty" in error.problem


def test_a_binary_file_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    name = binary(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "binary" in error.problem


def test_a_utf16_file_is_refused_rather_than_read_as_garbage(tmp_path: Path) -> None:
    name = utf16(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "UTF-8" in error.problem


def test_a_file_over_max_file_bytes_is_refused_with_its_size_and_the_limit(
    tmp_path: Path,
) -> None:
    name = too_large(tmp_path)
    size = (tmp_path / name).stat().st_size
    error = refused(tmp_path, **LIMIT)
    assert error.source == name
    assert f"{size:,} bytes" in error.problem and "1,000-byte limit" in error.problem


def test_a_file_exactly_at_max_file_bytes_loads(tmp_path: Path) -> None:
    text = "Title\n\n" + "k" * (1000 - len("Title\n\n"))
    write(tmp_path, "exact.txt", text)
    assert load_corpus(tmp_path, max_file_bytes=1000).articles[0].title == "Title"


def test_a_file_whose_first_line_is_blank_is_refused_for_having_no_title(
    tmp_path: Path,
) -> None:
    name = no_title(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "no title" in error.problem and "first line" in error.problem


def test_a_markdown_page_whose_only_heading_is_a_picture_is_titled_by_its_file_name(
    tmp_path: Path,
) -> None:
    """Its one paragraph stays a paragraph to quote. (A picture with alt text names the page.)"""
    write(tmp_path, "logo.md", "# ![](logo.png)\n\nWidgets reset in ten seconds.\n")
    article = load_article(tmp_path / "logo.md")
    assert article.title == "Logo"
    assert [p.text for p in article.paragraphs] == ["Widgets reset in ten seconds."]


@pytest.mark.parametrize(
    ("name", "text", "first"),
    [
        ("wall.txt", "word " * 100 + "\n\nA paragraph.\n", "word " * 100),
        ("rules.txt", "1. Be kind to everyone.\n\n2. No spam.\n", "1. Be kind to everyone."),
        (
            "welcome.txt",
            "Welcome to the server. Read on.\n\nAsk away.\n",
            "Welcome to the server. Read on.",
        ),
        (
            "faq.txt",
            "How do I reset it?\nHold the button.\n\nHow long?\nTen s.\n",
            "Hold the button.",
        ),
    ],
)
def test_a_first_line_that_reads_as_text_stays_text_and_the_file_name_titles_it(
    tmp_path: Path, name: str, text: str, first: str
) -> None:
    """A line too long for a title, a rule, a sentence, a question answered below it."""
    write(tmp_path, name, text)
    article = load_article(tmp_path / name)
    assert article.title == Path(name).stem.capitalize()
    assert article.paragraphs[0].text == first


@pytest.mark.parametrize(
    "title",
    ["Kim meets Trump in the U.S.", "Why engage North Korea now?", "Top of the Pops moves"],
)
def test_a_headline_on_the_first_line_is_the_title(tmp_path: Path, title: str) -> None:
    write(tmp_path, "story.txt", f"{title}\n\nThe first paragraph.\n")
    article = load_article(tmp_path / "story.txt")
    assert article.title == title
    assert [p.text for p in article.paragraphs] == ["The first paragraph."]


def test_a_title_without_paragraphs_is_refused(tmp_path: Path) -> None:
    name = title_only(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert error.problem == "has a title but no paragraphs: add its text below the title"


@pytest.mark.parametrize("separator", ["________________", "* * *", "\u2022 \u2022 \u2022"])
def test_a_title_over_separators_alone_is_refused_as_without_paragraphs(
    tmp_path: Path, separator: str
) -> None:
    write(tmp_path, "story.txt", f"A Title\n\n{separator}\n")
    assert refused(tmp_path).problem == (
        "has a title but no paragraphs: add its text below the title"
    )


def test_a_markdown_page_of_headings_alone_is_refused_saying_what_to_add(
    tmp_path: Path,
) -> None:
    write(tmp_path, "faq.md", "# FAQ\n\n## How do I reset it?\n\n## Where is it?\n")
    error = refused(tmp_path)
    assert error.source == "faq.md"
    assert error.problem == "has a title or headings but no paragraphs: add its text under them"


def test_two_files_with_the_same_slug_are_refused_naming_both(tmp_path: Path) -> None:
    name = same_slug(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "same slug" in error.problem and "a.txt" in error.problem and "'a'" in error.problem


def test_two_files_with_the_same_title_in_any_case_are_refused_naming_both(
    tmp_path: Path,
) -> None:
    name = same_title(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "same title" in error.problem and "first.txt" in error.problem


def test_a_front_matter_toml_syntax_error_is_refused_with_the_toml_message(
    tmp_path: Path,
) -> None:
    name = toml_syntax_error(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "front matter is not valid TOML" in error.problem
    assert "line 1" in error.problem


def test_an_unknown_front_matter_key_is_refused_naming_the_key(tmp_path: Path) -> None:
    name = unknown_key(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "front matter key 'auther'" in error.problem


def test_a_front_matter_slug_that_is_not_a_slug_is_refused(tmp_path: Path) -> None:
    name = bad_slug(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "'slug'" in error.problem


def test_front_matter_without_a_closing_fence_is_refused(tmp_path: Path) -> None:
    name = unclosed_front_matter(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "no closing '+++'" in error.problem


def test_non_body_naming_a_paragraph_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    name = non_body_out_of_range(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "non_body names paragraph 7" in error.problem
    assert "has 2" in error.problem


def test_an_article_with_no_body_paragraphs_is_refused(tmp_path: Path) -> None:
    name = no_body_paragraphs(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "no body paragraphs" in error.problem


def test_an_article_whose_text_differs_from_its_source_sha256_is_refused(
    tmp_path: Path,
) -> None:
    name = sha_mismatch(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "source_sha256" in error.problem


def test_an_edited_seed_no_longer_matches_its_source_sha256(tmp_path: Path) -> None:
    data = SEED_FILES[CATO].read_bytes().replace(b"lively", b"livelier")
    write(tmp_path, "cato.txt", data)
    with pytest.raises(CorpusError, match="source_sha256"):
        load_corpus(tmp_path)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root can read a file with mode 000",
)
def test_an_unreadable_file_is_refused_as_permission_denied(tmp_path: Path) -> None:
    path = write_article(tmp_path, "locked.txt", "Locked", "Text.")
    path.chmod(0)
    try:
        error = refused(tmp_path)
    finally:
        path.chmod(0o644)
    assert error.source == "locked.txt"
    assert "permission denied" in error.problem


def test_a_file_the_system_refuses_to_open_is_reported_as_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same fault as mode 000, simulated so that it is also tested when running as root."""
    locked = write_article(tmp_path, "locked.txt", "Locked", "Text.")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    error = refused(tmp_path)
    assert error.source == "locked.txt"
    assert "permission denied" in error.problem


def test_a_symlink_to_a_file_outside_the_corpus_folder_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    name = link_outside(corpus)
    error = refused(corpus)
    assert error.source == name
    assert "outside the corpus folder" in error.problem


def test_a_symlink_to_a_file_inside_the_corpus_folder_loads(tmp_path: Path) -> None:
    target = write_article(tmp_path / "drafts", "kim.txt", "Kim", "Text.")
    (tmp_path / "kim.txt").symlink_to(target)
    assert [a.title for a in load_corpus(tmp_path)] == ["Kim"]


def test_a_folder_named_like_an_article_is_refused(tmp_path: Path) -> None:
    name = directory_with_article_suffix(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "not a regular file" in error.problem


def test_a_missing_corpus_folder_is_refused_naming_the_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(CorpusError) as raised:
        load_corpus(missing)
    assert raised.value.source == str(missing)
    assert "not found" in raised.value.problem


def test_a_file_given_as_the_corpus_folder_is_refused(tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt", "A", "Text.")
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(path)


def test_a_folder_without_articles_is_refused_naming_the_expected_files(tmp_path: Path) -> None:
    write(tmp_path, "notes.adoc", "Title\n\nText.\n")
    write(tmp_path, ".hidden.txt", "Hidden\n\nText.\n")
    with pytest.raises(CorpusError) as raised:
        load_corpus(tmp_path)
    assert raised.value.source == str(tmp_path)
    assert "no articles" in raised.value.problem and ".txt" in raised.value.problem


def test_an_empty_folder_is_refused_even_when_lenient(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus(tmp_path, strict=False)


# -- lenient loads: the bad file is skipped and listed -----------------------------------------


@pytest.mark.parametrize(("fault", "problem"), FAULTS, ids=[f.__name__ for f, _ in FAULTS])
def test_a_lenient_load_skips_the_bad_file_and_lists_it(
    tmp_path: Path, fault: Fault, problem: str
) -> None:
    corpus_dir = tmp_path / "corpus"
    add_good_article(corpus_dir)
    name = fault(corpus_dir)
    corpus = load_corpus(corpus_dir, strict=False, **LIMIT)
    assert "A Good Article" in [article.title for article in corpus]
    assert name not in [article.source for article in corpus]
    assert [error.source for error in corpus.skipped] == [name]
    assert problem in corpus.skipped[0].problem


@pytest.mark.parametrize(("fault", "problem"), FAULTS, ids=[f.__name__ for f, _ in FAULTS])
def test_a_strict_load_refuses_the_bad_file_naming_it_and_the_problem(
    tmp_path: Path, fault: Fault, problem: str
) -> None:
    corpus_dir = tmp_path / "corpus"
    name = fault(corpus_dir)
    error = refused(corpus_dir, **LIMIT)
    assert error.source == name
    assert problem in error.problem


def test_a_strict_load_reads_every_file_and_names_each_bad_one(tmp_path: Path) -> None:
    add_good_article(tmp_path)
    names = [empty(tmp_path), binary(tmp_path), same_title(tmp_path)]
    with pytest.raises(CorpusProblems) as raised:
        load_corpus(tmp_path)
    every = raised.value.every
    assert sorted(problem.source for problem in every) == sorted(names)
    assert (raised.value.source, raised.value.problem) == (every[0].source, every[0].problem)
    assert "same title" in every[-1].problem  # clashes come after the unreadable files


def test_a_lenient_load_with_only_bad_files_is_refused_listing_them(tmp_path: Path) -> None:
    empty(tmp_path)
    binary(tmp_path)
    with pytest.raises(CorpusError) as raised:
        load_corpus(tmp_path, strict=False)
    assert "no articles" in raised.value.problem
    assert "empty.txt" in raised.value.problem and "image.txt" in raised.value.problem


def test_a_strict_load_has_nothing_skipped(tmp_path: Path) -> None:
    add_good_article(tmp_path)
    assert load_corpus(tmp_path).skipped == ()
