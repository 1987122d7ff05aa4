"""Loading a corpus folder: every fault is refused naming the file, or skipped and reported."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import BLOOMBERG, CATO, SEED_FILES, seed_body, split_seed, write, write_article
from retrieval import CorpusError, Engine, load_article, load_corpus

GOOD = "good.txt"
Fault = Callable[[Path], str]  # writes a bad file into the folder, returns its name


def add_good_article(folder: Path) -> None:
    write_article(folder, GOOD, "A Good Article", "Kim met the delegates.", "The party voted.")


def refused(folder: Path, **options: int) -> CorpusError:
    """The error a strict load of ``folder`` raises (one good article is always present)."""
    add_good_article(folder)
    with pytest.raises(CorpusError) as raised:
        load_corpus(folder, strict=True, **options)
    return raised.value


def front_matter(toml: str, body: str = "Title\n\nFirst paragraph.\n\nSecond paragraph.") -> str:
    return f"+++\n{toml}\n+++\n{body}\n"


# -- the faults, each written by one function ------------------------------------------------


def not_utf8(folder: Path) -> str:
    write(folder, "latin1.txt", "Caf\u00e9 politics\n\nThe caf\u00e9 was open.".encode("latin-1"))
    return "latin1.txt"


def empty(folder: Path) -> str:
    write(folder, "empty.txt", b"")
    return "empty.txt"


def whitespace_only(folder: Path) -> str:
    write(folder, "blank.txt", " \n\n\t\n")
    return "blank.txt"


def binary(folder: Path) -> str:
    write(folder, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return "image.txt"


def utf16(folder: Path) -> str:
    write(folder, "wide.txt", "Title\n\nBody text.".encode("utf-16"))
    return "wide.txt"


def utf16_without_bom(folder: Path) -> str:
    write(folder, "wide-le.txt", "Title\n\nBody text.".encode("utf-16-le"))
    return "wide-le.txt"


def dangling_link(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gone.txt").symlink_to(folder / "never-written.txt")
    return "gone.txt"


def long_paragraph(folder: Path) -> str:
    write_article(folder, "wall-of-text.txt", "Wall", "Short one.", "word " * 4_001)
    return "wall-of-text.txt"


def too_large(folder: Path) -> str:
    write_article(folder, "huge.txt", "Huge", "Kim " * 600)
    return "huge.txt"


def no_title(folder: Path) -> str:
    write(folder, "untitled.txt", "\nFirst paragraph, but no title above it.\n\nSecond.\n")
    return "untitled.txt"


def overlong_title(folder: Path) -> str:
    write(folder, "wall.txt", "word " * 100 + "\n\nA paragraph.\n")
    return "wall.txt"


def title_only(folder: Path) -> str:
    write(folder, "title-only.txt", "Only a Title\n")
    return "title-only.txt"


def same_slug(folder: Path) -> str:
    write_article(folder, "a.txt", "First Title", "Some text.")
    write(folder, "b.txt", front_matter('slug = "a"'))
    return "b.txt"


def same_title(folder: Path) -> str:
    write_article(folder, "first.txt", "The Same Title", "Some text.")
    write_article(folder, "second.txt", "the same title", "Other text.")
    return "second.txt"


def toml_syntax_error(folder: Path) -> str:
    write(folder, "broken.txt", front_matter('slug = "unterminated'))
    return "broken.txt"


def unknown_key(folder: Path) -> str:
    write(folder, "typo.txt", front_matter('auther = "Doug Bandow"'))
    return "typo.txt"


def bad_slug(folder: Path) -> str:
    write(folder, "slug.txt", front_matter('slug = "Not A Slug!"'))
    return "slug.txt"


def unclosed_front_matter(folder: Path) -> str:
    write(folder, "open.txt", '+++\nslug = "open"\nTitle\n\nText.\n')
    return "open.txt"


def non_body_out_of_range(folder: Path) -> str:
    write(folder, "range.txt", front_matter('[non_body]\n7 = "caption"'))
    return "range.txt"


def no_body_paragraphs(folder: Path) -> str:
    write(folder, "captions.txt", front_matter("non_body = [1, 2]"))
    return "captions.txt"


def sha_mismatch(folder: Path) -> str:
    digest = hashlib.sha256(b"something else").hexdigest()
    write(folder, "edited.txt", front_matter(f'source_sha256 = "{digest}"'))
    return "edited.txt"


def link_outside(folder: Path) -> str:
    outside = folder.parent / f"{folder.name}-outside"
    target = write_article(outside, "secret.txt", "Secret", "Not part of the corpus.")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "linked.txt").symlink_to(target)
    return "linked.txt"


def directory_with_article_suffix(folder: Path) -> str:
    (folder / "folder.txt").mkdir(parents=True)
    return "folder.txt"


FAULTS: list[tuple[Fault, str]] = [
    (not_utf8, "not UTF-8"),
    (empty, "empty"),
    (whitespace_only, "empty"),
    (binary, "binary"),
    (utf16, "is UTF-16 text, not UTF-8"),
    (utf16_without_bom, "is UTF-16 text, not UTF-8"),
    (dangling_link, "link to a file that does not exist"),
    (too_large, "limit"),
    (no_title, "no title"),
    (overlong_title, "no title"),
    (title_only, "no paragraphs"),
    (same_slug, "same slug"),
    (same_title, "same title"),
    (toml_syntax_error, "not valid TOML"),
    (unknown_key, "'auther'"),
    (bad_slug, "'slug'"),
    (unclosed_front_matter, "no closing"),
    (non_body_out_of_range, "paragraph 7"),
    (no_body_paragraphs, "no body paragraphs"),
    (sha_mismatch, "source_sha256"),
    (link_outside, "outside the corpus folder"),
    (directory_with_article_suffix, "not a regular file"),
]
LIMIT = {"max_file_bytes": 1000}


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


def test_a_first_line_too_long_to_be_a_title_is_refused(tmp_path: Path) -> None:
    name = overlong_title(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "no title" in error.problem and "characters" in error.problem


def test_a_title_without_paragraphs_is_refused(tmp_path: Path) -> None:
    name = title_only(tmp_path)
    error = refused(tmp_path)
    assert error.source == name
    assert "no paragraphs" in error.problem


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
    write(tmp_path, "notes.rst", "Title\n\nText.\n")
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
    if fault not in (same_slug, same_title):
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
    write(tmp_path, "README.rst", b"\xff\xfe")
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
