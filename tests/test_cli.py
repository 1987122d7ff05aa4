"""The citebot command line: cited answers as text or JSON; one-line errors, never tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata

import pytest

from bot.cli import main
from cli_helpers import CITATION, assert_one_line_error, flat, run, run_json
from helpers import (
    CATO,
    CONVENTIONS_QUESTION,
    REPO_ROOT,
)

pytestmark = pytest.mark.usefixtures("no_citebot_environment")


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
