"""The citebot command line: cited answers as text or JSON; one-line errors, never tracebacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from helpers import (
    BLOOMBERG,
    CATO,
    CONVENTIONS_QUESTION,
    REPO_ROOT,
    SEEDS_DIR,
    clean_environment,
    write,
    write_article,
)
from retrieval import load_corpus

CITATION = re.compile(r"\((?P<slug>[a-z0-9-]+) \u00b6(?P<number>\d+)\)")


@pytest.fixture(autouse=True)
def no_citebot_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``citebot argv`` over the seeds (unless --corpus given)."""
    args = list(argv)
    if "--corpus" not in args:
        args += ["--corpus", str(SEEDS_DIR)]
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    status, out, err = run(capsys, *argv, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


def assert_one_line_error(status: int, out: str, err: str) -> str:
    assert status != 0
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("citebot: ")
    return lines[0]


def flat(text: str) -> str:
    return " ".join(text.split())


# -- ask ---------------------------------------------------------------------------------------


def test_ask_prints_the_summary_then_the_cited_passages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "ask", CONVENTIONS_QUESTION, "--color", "never")
    assert (status, err) == (0, "")
    summary, _, passages = out.partition("Passages:")
    assert summary.startswith("In short:")
    assert CITATION.search(summary), "every summary sentence is cited"
    assert f"{CATO} \u00b63" in passages or f"{CATO} \u00b620" in passages
    assert "A Spectacular Opportunity to Engage Kim Jong Un, Cato Institute" in passages
    assert "Both party conventions are likely to be lively." in flat(out)
    assert "\x1b[" not in out


def test_ask_text_quotes_each_passage_verbatim(capsys: pytest.CaptureFixture[str]) -> None:
    answer = run_json(capsys, "ask", CONVENTIONS_QUESTION)
    _, out, _ = run(capsys, "ask", CONVENTIONS_QUESTION, "--color", "never")
    for passage in answer["passages"]:
        assert passage["citation"] in out
        assert flat(passage["text"]) in flat(out)
    for sentence in answer["summary"]:
        assert f"\u201c{flat(sentence['text'])}\u201d ({sentence['citation']})" in flat(out)


def test_ask_with_color_always_marks_the_matched_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "ask", CONVENTIONS_QUESTION, "--color", "always")
    assert status == 0
    assert "\x1b[1mconventions\x1b[0m" in out


def test_ask_json_has_the_answer_fields(capsys: pytest.CaptureFixture[str]) -> None:
    answer = run_json(capsys, "ask", CONVENTIONS_QUESTION)
    assert answer["abstained"] is False
    assert answer["reason"] is None
    assert answer["passages"] and answer["summary"]
    for passage in answer["passages"]:
        assert passage["citation"] == f"{passage['article']} \u00b6{passage['paragraph']}"
        assert isinstance(passage["text"], str) and passage["text"]
    for sentence in answer["summary"]:
        assert sentence["citation"] == f"{sentence['article']} \u00b6{sentence['paragraph']}"
        assert any(sentence["text"] in p["text"] for p in answer["passages"])


def test_ask_json_keeps_curly_quotes_and_no_break_spaces(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer = run_json(capsys, "ask", "What did Kim's uncle do?")
    texts = " ".join(p["text"] for p in answer["passages"])
    assert "New Year\u2019s Day" in texts


def test_ask_top_k_limits_the_passages(capsys: pytest.CaptureFixture[str]) -> None:
    answer = run_json(capsys, "ask", "What did Kim do?", "--top-k", "1")
    assert len(answer["passages"]) == 1


def test_an_off_topic_question_abstains_with_the_reason_and_the_topics(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "ask", "What is the capital of France?")
    assert (status, err) == (0, "")
    assert out.startswith("The articles do not cover this")
    assert "The articles cover:" in out
    assert "A Spectacular Opportunity to Engage Kim Jong Un" in out


def test_a_near_topic_question_prints_the_closest_passages_and_no_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "ask", "How tall is Kim Jong Un?", "--color", "never")
    assert (status, err) == (0, "")
    assert out.startswith("The articles don't say this exactly")
    assert "'tall'" in out
    assert "Closest passages:" in out and "In short:" not in out


def test_ask_json_names_each_of_the_three_verdicts(capsys: pytest.CaptureFixture[str]) -> None:
    answered = run_json(capsys, "ask", CONVENTIONS_QUESTION)
    closest = run_json(capsys, "ask", "How tall is Kim Jong Un?")
    none = run_json(capsys, "ask", "What is the population of Brazil?")
    assert [a["verdict"] for a in (answered, closest, none)] == ["answer", "closest", "none"]
    assert [a["abstained"] for a in (answered, closest, none)] == [False, False, True]
    assert closest["missing"] == ["tall"] and closest["passages"] and closest["summary"] == []


def test_an_abstention_in_json_has_a_reason_and_no_passages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer = run_json(capsys, "ask", "What is the population of Brazil?")
    assert answer["abstained"] is True
    assert answer["reason"]
    assert answer["passages"] == [] and answer["summary"] == []
    assert len(answer["topics"]) == 2


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        ("", "Ask a question"),
        ("   ", "Ask a question"),
        ("what is the of and", "only common words"),
        ("Kim?" * 2500, "10,000 characters"),
    ],
    ids=["empty", "blank", "stop-words", "10000-characters"],
)
def test_a_bad_question_exits_non_zero_with_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], question: str, hint: str
) -> None:
    status, out, err = run(capsys, "ask", question)
    line = assert_one_line_error(status, out, err)
    assert hint in line


def test_ask_json_with_undecodable_bytes_in_the_question_does_not_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "ask", "Kim \udcff congress", "--json")
    assert "Traceback" not in err
    if status == 0:
        assert json.loads(out)["passages"]
    else:
        assert_one_line_error(status, out, err)


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


# -- sources and check -------------------------------------------------------------------------


def test_sources_json_lists_both_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    sources = run_json(capsys, "sources")
    assert [(a["number"], a["article"], a["paragraphs"]) for a in sources["articles"]] == [
        (1, CATO, 22),
        (2, BLOOMBERG, 12),
    ]
    assert sources["articles"][1]["title"] == "A Moment to Engage\u00a0North Korea"
    assert "loaded_at" in sources


def test_sources_text_numbers_the_articles(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "sources")
    assert status == 0
    assert out.startswith("1. A Spectacular Opportunity to Engage Kim Jong Un")
    assert f"[{BLOOMBERG}, 12 paragraphs]" in out


def test_sources_text_ends_with_the_last_article_not_a_load_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "sources")
    assert out.rstrip().endswith(f"[{BLOOMBERG}, 12 paragraphs]")
    assert "Loaded" not in out and "UTC" not in out


def test_check_passes_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check")
    assert (status, err) == (0, "")
    assert out.startswith("OK: 2 articles, 34 paragraphs")


def test_check_uses_the_seeds_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "OK: 2 articles" in capsys.readouterr().out


def test_check_fails_with_one_line_naming_the_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "bad.txt", "Caf\u00e9\n\nText.".encode("latin-1"))
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert "bad.txt" in line and "not UTF-8" in line


def test_check_fails_on_a_missing_corpus_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path / "missing"))
    assert "not found" in assert_one_line_error(status, out, err)


def test_check_reports_skipped_files_of_a_lenient_corpus_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "empty.txt", b"")
    config = write(tmp_path / "etc", "citebot.toml", "[corpus]\nstrict = false\n")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path), "--config", str(config))
    assert status != 0
    assert out.startswith("OK: 1 article, 1 paragraph,")
    assert err.startswith("skipped empty.txt")


def test_check_validates_each_servers_own_folder_in_per_server_scope(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_article(corpus, "good.txt", "Good", "Text.")
    write_article(corpus / "servers" / "111", "good.txt", "Good", "Text.")
    write_article(corpus / "servers" / "111", "more.txt", "More", "Text.")
    write(corpus / "servers" / "222", "bad.txt", "Caf\u00e9\n\nText.".encode("latin-1"))
    config = write(tmp_path / "etc", "citebot.toml", '[corpus]\nscope = "per_server"\n')
    status, out, err = run(capsys, "check", "--corpus", str(corpus), "--config", str(config))
    assert status == 1
    assert out.startswith("OK: 1 article, 1 paragraph,") and "server 111: 2 articles" in out
    assert err.startswith("server 222: bad.txt: not UTF-8")


DEEP_ARRAY = "[" * 1000 + "]" * 1000


@pytest.mark.parametrize("command", [["check"], ["ask", "who is kim"], ["sources"]])
def test_front_matter_nested_too_deep_is_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Kim text.")
    write_article(tmp_path, "deep.txt", "Deep", "Text.", front_matter=f"x = {DEEP_ARRAY}\n")
    status, out, err = run(capsys, *command, "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert status == 1 and "deep.txt" in line and "nested too deeply" in line


def test_a_lenient_corpus_skips_front_matter_nested_too_deep(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write_article(tmp_path, "deep.txt", "Deep", "Text.", front_matter=f"x = {DEEP_ARRAY}\n")
    config = write(tmp_path / "etc", "citebot.toml", "[corpus]\nstrict = false\n")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path), "--config", str(config))
    assert status == 1 and out.startswith("OK: 1 article, 1 paragraph,")
    assert err.startswith("skipped deep.txt") and err.count("\n") == 1


def test_a_config_file_nested_too_deep_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "a = " + "[" * 2000 + "]" * 2000 + "\n")
    status, out, err = run(capsys, "check", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert status == 1 and str(config) in line and "nested too deeply" in line


# -- configuration -----------------------------------------------------------------------------


def test_a_bad_config_file_exits_non_zero_naming_the_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[retrieval]\ntop_k = 99\n")
    status, out, err = run(capsys, "ask", "Kim?", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert "retrieval.top_k" in line and str(config) in line


def test_an_unknown_config_key_exits_non_zero_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[summary]\nsentence = 2\n")
    status, out, err = run(capsys, "check", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert "summary.sentence: unknown key" in line


def test_the_config_file_size_limit_applies_to_the_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[corpus]\nmax_file_bytes = 1000\n")
    status, out, err = run(capsys, "check", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert "000-cato-kim-congress.txt" in line and "1,000-byte limit" in line


def test_config_settings_change_the_answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[summary]\nsentences = 2\n")
    summary = run_json(capsys, "summary", "1", "--config", str(config))
    assert len(summary["sentences"]) == 2


def test_a_token_in_the_config_file_gets_a_warning_from_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", '[discord]\ntoken = "abc"\n')
    status, out, err = run(capsys, "check", "--config", str(config))
    assert status == 0 and out.startswith("OK:")
    assert err == "warning: the Discord token is read from the config file; prefer DISCORD_TOKEN\n"


def test_check_names_the_files_that_are_not_articles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "notes.docx", b"PK")
    write(tmp_path, "image.png", b"\x89PNG")
    write(tmp_path, ".gitkeep", b"")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path))
    assert status == 0 and out.startswith("OK: 1 article,")
    assert err == "ignored 2 files that are not .txt or .md: image.png, notes.docx\n"


def test_check_names_one_ignored_file_in_the_singular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "notes.docx", b"PK")
    status, _, err = run(capsys, "check", "--corpus", str(tmp_path))
    assert status == 0
    assert err == "ignored 1 file that is not .txt or .md: notes.docx\n"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CITEBOT_DISCORD__MODERATOR_ROLE_IDS", "[123, 456"),
        ("CITEBOT_RETRIEVAL", "{bad"),
        ("CITEBOT_RETRIEVAL__SUPPORT_WEIGHTS", "[1]"),
        ("CITEBOT_DISCORD__API_BASE", "discord.com/api"),
    ],
)
def test_a_bad_configuration_variable_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    status, out, err = run(capsys, "check")
    assert assert_one_line_error(status, out, err).startswith(f"citebot: {variable}: ")


def test_comma_separated_list_variables_are_accepted(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEBOT_DISCORD__MODERATOR_ROLE_IDS", "123,456")
    monkeypatch.setenv("CITEBOT_RETRIEVAL__SUPPORT_WEIGHTS", "0.5,0.5,0")
    status, out, err = run(capsys, "check")
    assert (status, err) == (0, "") and out.startswith("OK:")


# -- arguments ---------------------------------------------------------------------------------


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    captured = capsys.readouterr()
    assert exited.value.code == 2 and captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"citebot {metadata.version('citebot')}\n"


@pytest.mark.parametrize("value", ["abc", "0", "11", "1.5"])
def test_top_k_outside_the_configured_range_is_one_line_naming_the_range(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    line = usage_error(capsys, "ask", "Kim?", "--top-k", value)
    assert line.startswith("citebot ask: argument --top-k: must be a whole number from 1 to 10")
    assert "--help" in line


def test_the_option_ranges_are_the_configuration_ranges(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer = run_json(capsys, "ask", CONVENTIONS_QUESTION, "--top-k", "10")
    assert len(answer["passages"]) <= 10
    assert "1 to 10" in usage_error(capsys, "summary", "1", "--sentences", "11")


def test_an_unquoted_question_is_answered_as_if_quoted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_json(capsys, "ask", *CONVENTIONS_QUESTION.split()) == run_json(
        capsys, "ask", CONVENTIONS_QUESTION
    )


def test_an_unknown_argument_is_refused_in_the_commands_own_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = usage_error(capsys, "sources", "extra")
    assert line == "citebot sources: unrecognized arguments: extra; see `citebot sources --help`"


def test_a_missing_question_points_to_asks_help(capsys: pytest.CaptureFixture[str]) -> None:
    line = usage_error(capsys, "ask")
    assert line.startswith("citebot ask: ") and "`citebot ask --help`" in line


@pytest.mark.parametrize("article", ["", "   "])
def test_summary_of_no_name_says_what_to_name(
    capsys: pytest.CaptureFixture[str], article: str
) -> None:
    status, out, err = run(capsys, "summary", article)
    line = assert_one_line_error(status, out, err)
    assert line == (
        "citebot: name an article: its number from `citebot sources`, its slug, "
        "or part of its title"
    )


# -- terminal width ----------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("columns", [40, 72, 120])
@pytest.mark.parametrize("color", ["never", "always"])
def test_ask_fits_the_terminal_width_without_counting_colour_codes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
    color: str,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    status, out, _ = run(capsys, "ask", CONVENTIONS_QUESTION, "--color", color)
    assert status == 0
    widths = [len(ANSI.sub("", line)) for line in out.splitlines()]
    longest_word = max(len(word) for word in ANSI.sub("", out).split())
    assert max(widths) <= max(columns, longest_word + 4)
    assert max(widths) > columns - 15  # the width is used, not a fixed 90 columns
    if color == "always":  # the marks land on the highlighted words, wherever lines break
        answer = run_json(capsys, "ask", CONVENTIONS_QUESTION)
        spans = {p["text"][s:e] for p in answer["passages"] for s, e in p["highlights"]}
        marked = re.findall(r"\x1b\[1m(.*?)\x1b\[0m", out)
        assert marked and all(any(m in span for span in spans) for m in marked)


def test_a_citation_is_never_split_across_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = run_json(capsys, "ask", CONVENTIONS_QUESTION)
    for columns in range(30, 90, 7):
        monkeypatch.setenv("COLUMNS", str(columns))
        _, out, _ = run(capsys, "ask", CONVENTIONS_QUESTION, "--color", "never")
        for passage in answer["passages"]:
            assert passage["citation"] in out


def test_summary_bullets_have_a_hanging_indent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    _, out, _ = run(capsys, "summary", "1")
    lines = out.splitlines()
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("  \u2022 ")) :]
    bullets = [line for line in body if line.startswith("  \u2022 ")]
    assert len(bullets) == 3
    assert len(body) > len(bullets)  # some sentences wrapped
    assert all(line.startswith(("  \u2022 ", "    ")) for line in body)
    assert not any(line.startswith("     ") for line in body)  # continuation under the text


# -- the module entry point --------------------------------------------------------------------


def test_python_dash_m_bot_runs_the_command_line() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", CONVENTIONS_QUESTION],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["abstained"] is False
    assert any(p["article"] == CATO for p in answer["passages"])


# -- hostile input: bounded reads, no terminal commands ----------------------------------------


def test_an_endless_config_file_is_refused_promptly_in_one_line() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "Who is Doug Bandow?", "--config", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO_ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")},
    )
    line = assert_one_line_error(completed.returncode, completed.stdout, completed.stderr)
    assert line == "citebot: /dev/zero: is not a regular file"


def test_a_config_file_over_the_size_bound_is_refused_without_reading_it_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "huge.toml"
    config.write_text("# padding\n" * 100_001)
    status, out, err = run(capsys, "sources", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert line == f"citebot: {config}: over 1,000,000 bytes, too large for a configuration file"


TERMINAL_COMMANDS = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def test_terminal_control_sequences_in_corpus_text_are_printed_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(
        tmp_path,
        "ctl.txt",
        f"Zorblat {TERMINAL_COMMANDS}Notes",
        f"The Zorblat portal {TERMINAL_COMMANDS}opened in spring.",
    )
    outputs = []
    for argv in (
        ("ask", "When did the Zorblat portal open?", "--color", "always"),
        ("ask", "When did the Zorblat portal open?", "--color", "never"),
        ("summary", "1"),
        ("sources",),
    ):
        status, out, err = run(capsys, *argv, "--corpus", str(tmp_path))
        assert status == 0, err
        outputs.append(out)
    for out in outputs:
        assert "\x07" not in out and "\x9b" not in out
        assert "\x1b]" not in out and "\x1b[2J" not in out
        assert "\u241b]0;pwned\u2407\u241b[2J\ufffd31m" in out
    assert "\x1b[1m" in outputs[0]  # our own bold still works


def test_terminal_control_sequences_in_an_error_are_printed_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path, f"bad{TERMINAL_COMMANDS}.txt", b"Caf\xe9\n\nNot UTF-8.\n")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert "\x1b" not in line and "\x07" not in line
    assert "bad\u241b]0;pwned\u2407\u241b[2J\ufffd31m.txt: not UTF-8" in line


# -- where the output goes ---------------------------------------------------------------------


def run_in_shell(script: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``sh -c script`` with ``$0`` this Python and ``$1``... ``args``, as a user would run it."""
    return subprocess.run(
        ["sh", "-c", script, sys.executable, *args],
        cwd=REPO_ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")} | env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", [["ask", CONVENTIONS_QUESTION], ["sources"], ["check"]])
def test_a_closed_standard_output_is_one_line_and_exit_status_1(command: list[str]) -> None:
    done = run_in_shell('exec "$0" -m bot "$@" >&-', *command)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == "citebot: standard output is closed; there is nowhere to print to\n"


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_an_output_encoding_that_cannot_show_the_quotes_is_one_line_and_exit_status_1(
    json_flag: list[str],
) -> None:
    done = run_in_shell(
        'exec "$0" -m bot "$@"', "ask", CONVENTIONS_QUESTION, *json_flag, PYTHONIOENCODING="ascii"
    )
    assert done.returncode == 1 and done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("citebot: standard output's encoding (ascii) cannot show")
    assert "PYTHONIOENCODING=utf-8" in done.stderr


@pytest.mark.parametrize(
    "variable", ["CITEBOT_RETREIVAL__TOP_K", "CITEBOT_RETREIVAL", "CITEBOT_DISCROD__PREFIX"]
)
def test_a_variable_naming_an_unknown_section_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "abc")
    status, out, err = run(capsys, "check")
    line = assert_one_line_error(status, out, err)
    assert status == 1 and line.startswith(f"citebot: {variable}: unknown section")
    assert "corpus, discord, question_log, retrieval, storage, summary" in line
