"""Replies rendered for Discord stay inert, within Discord's limits, and keep their citations."""

from __future__ import annotations

import re

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cogs.utils import formats, limits
from bot.terminal import source_line
from fakediscord import markdown
from helpers import SEEDS_DIR, examples
from retrieval import (
    Answer,
    Article,
    Corpus,
    Engine,
    EngineSettings,
    Paragraph,
    Passage,
    QuestionError,
    RetrievalSettings,
    load_corpus,
)

LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>")
SEEDS = Engine(load_corpus(SEEDS_DIR))

hostile_pieces = st.sampled_from(
    [
        "@everyone",
        "@here",
        "<@123456789012345678>",
        "<@&123456789012345678>",
        "<#123456789012345678>",
        "**bold**",
        "__under__",
        "```code```",
        "`tick`",
        "> quote",
        "||spoiler||",
        "[link](https://example.com)",
        "\u200b",
        "\u202e",
        "\u2066",
        "e\u0301",
        "\U0001f600",
        "U.S.",
        "Mr. Kim",
        "...",
        "?!",
        "\n",
    ]
)
words = st.sampled_from(
    ["Kim", "congress", "party", "sanctions", "Pyongyang", "markets", "reform", "China", "war"]
)
hostile_text = st.lists(st.one_of(hostile_pieces, words, st.text(max_size=12)), max_size=60).map(
    " ".join
)


def embed_within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= limits.EMBED_TITLE
    assert len(embed.description or "") <= limits.EMBED_DESCRIPTION
    assert len(embed.fields) <= limits.EMBED_FIELDS
    for field in embed.fields:
        assert len(field.name or "") <= limits.FIELD_NAME
        assert len(field.value or "") <= limits.FIELD_VALUE
    assert len(embed) <= limits.EMBED_TOTAL


def rendered(answer: Answer) -> list[str]:
    if answer.abstained:
        return [formats.abstention_text(answer)]
    embed = formats.answer_embed(answer)
    embed_within_limits(embed)
    parts = [embed.title or "", embed.description or ""]
    parts += [f"{field.name}\n{field.value}" for field in embed.fields]
    return [*parts, formats.answer_text(answer)]


def assert_inert_and_cited(answer: Answer) -> None:
    texts = rendered(answer)
    for text in texts:
        assert not LIVE_MENTION.search(text), text
    assert len(texts[-1]) <= limits.CONTENT
    if not answer.abstained:
        embed = formats.answer_embed(answer)
        assert len(embed.fields) == len(answer.passages) > 0
        for field, passage in zip(embed.fields, answer.passages, strict=True):
            # a title card ("TITL" finds both) is cited as the title, a paragraph by its ¶
            place = "title" if passage.kind == "title" else f"\u00b6{passage.paragraph}"
            assert place in (field.name or "")
            assert passage.article in (field.name or "")


@settings(max_examples=examples(2000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=hostile_text)
def test_any_question_gets_an_inert_reply_within_limits(question: str) -> None:
    try:
        answer = SEEDS.ask(question)
    except QuestionError:
        return
    assert_inert_and_cited(answer)


@settings(max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(hostile_text.filter(str.strip), min_size=1, max_size=4))
def test_hostile_corpus_text_is_quoted_inert_and_cut_with_its_citation(
    paragraphs: list[str],
) -> None:
    padded = [p + " Kim congress party markets" for p in paragraphs]
    article = Article.from_paragraphs("hostile", "@everyone **Title**", padded)
    engine = Engine(Corpus([article]))
    answer = engine.ask("Kim congress party markets")
    assert_inert_and_cited(answer)


def test_a_long_passage_is_cut_at_a_sentence_end_and_keeps_its_citation() -> None:
    sentence = "The party congress met in Pyongyang and talked about markets for a long time. "
    article = Article.from_paragraphs("long", "Long", [sentence * 60])
    answer = Engine(Corpus([article])).ask("party congress markets")
    embed = formats.answer_embed(answer)
    embed_within_limits(embed)
    value = embed.fields[0].value or ""
    assert value.endswith("time. \u2026")
    assert "long" in (embed.fields[0].name or "") and "\u00b61" in (embed.fields[0].name or "")
    assert len(formats.answer_text(answer)) <= limits.CONTENT


def test_matched_words_are_bold_and_markdown_in_quotes_is_escaped() -> None:
    article = Article.from_paragraphs("md", "Markdown", ["Sanctions *hurt* the __regime__."])
    answer = Engine(Corpus([article])).ask("sanctions")
    value = formats.answer_embed(answer).fields[0].value or ""
    assert value.startswith("**Sanctions** \\*hurt\\* the \\_\\_regime\\_\\_.")


def test_a_seed_answer_quotes_the_summary_then_each_passage_with_its_source() -> None:
    answer = SEEDS.ask("How lively will the American party conventions be?")
    embed = formats.answer_embed(answer)
    assert embed.description and embed.description.startswith("> ")
    assert "Cato Institute" in (embed.fields[0].name or "")
    assert "cato-kim-congress" in (embed.fields[0].name or "")
    assert "**conventions**" in (embed.fields[0].value or "")


LONG_QUESTIONS = Engine(
    load_corpus(SEEDS_DIR),
    EngineSettings(retrieval=RetrievalSettings(max_question_chars=4000)),
)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=st.lists(st.one_of(hostile_pieces, words), min_size=600, max_size=900))
def test_a_4000_character_hostile_question_is_answered_inert_within_limits(
    question: list[str],
) -> None:
    text = " ".join(question)[:4000]
    try:
        answer = LONG_QUESTIONS.ask(text)
    except QuestionError:
        return
    assert_inert_and_cited(answer)


def test_a_question_of_only_punctuation_is_refused_with_a_sentence() -> None:
    with pytest.raises(QuestionError, match="only common words"):
        SEEDS.ask("?!... --- *** ``` || @")


@settings(max_examples=examples(1000), deadline=None)
@given(code=hostile_text, budget=st.integers(min_value=20, max_value=limits.FIELD_VALUE))
def test_a_code_passage_is_one_code_block_nothing_breaks_out_of(code: str, budget: int) -> None:
    shown = formats.code_block(code, budget)
    assert len(shown) <= budget
    assert not LIVE_MENTION.search(shown)
    seen = markdown.parse(shown)
    if shown != formats.ELLIPSIS:
        assert [m.kind for m in seen.markup] == ["code"]
        kept = seen.markup[0].content.replace("\u200b", "").strip("\n").removesuffix("\u2026")
        assert kept.strip("\n") in code.replace("\u200b", "")


def test_a_passage_shows_its_section_beside_its_citation() -> None:
    passage = Passage(
        article="widget-faq",
        title="Widget FAQ",
        publisher=None,
        paragraph=3,
        citation="widget-faq \u00b63",
        text="Hold the power button for ten seconds.",
        score=1.0,
        kind="body",
        section=["Widget FAQ", "How do I reset my widget?"],
        matched_terms=[],
        highlights=[],
        support=0.5,
    )
    assert formats.source(passage) == (
        "Widget FAQ \u203a How do I reset my widget? \u00b63 (widget-faq)"
    )


def test_an_in_short_quoting_a_title_cites_the_title_not_a_paragraph_0() -> None:
    answer = SEEDS.ask("who wrote the cato piece")
    assert answer.summary[0].citation == "cato-kim-congress title"
    shown = formats.answer_embed(answer).description or ""
    assert "Cato Institute, title (cato-kim-congress)" in shown
    assert "\u00b60" not in shown


def test_a_hard_wrapped_sentence_is_quoted_whole_in_one_block_quote() -> None:
    article = Article(
        "fees",
        "Club handbook",
        (
            Paragraph(
                1, "Membership costs 40 pounds a year, or 25 pounds for students and\nunder-18s."
            ),
        ),
    )
    answer = Engine(Corpus([article])).ask("how much is membership for students")
    assert "\n" in answer.summary[0].text  # the paragraph as written
    for shown in (formats.answer_embed(answer).description or "", formats.answer_text(answer)):
        quote = next(line for line in shown.split("\n") if line.startswith("> "))
        assert quote.endswith("25 pounds for students and under-18s.")


def test_a_heading_of_thousands_of_characters_is_cut_and_the_citation_kept() -> None:
    heading = "Heading *words* " * 400  # Markdown headings have no length limit
    article = Article(
        "huge",
        "Huge page",
        (Paragraph(1, "Body under a huge heading.", section=("Huge page", heading)),),
    )
    answer = Engine(Corpus([article])).ask("body under a huge heading")
    embed = formats.answer_embed(answer)
    embed_within_limits(embed)
    assert_inert_and_cited(answer)
    cite = (embed.description or "").split("\n\u2014 ")[1]
    assert len(cite) <= formats.CITATION and cite.endswith("\u2026 \u00b61 (huge)")
    assert len(formats.answer_text(answer)) <= limits.CONTENT


def test_a_publisher_is_named_after_the_title_not_after_the_last_heading() -> None:
    article = Article(
        "groups",
        "Managing dependencies",
        (Paragraph(1, "Groups hold optional dependencies.", section=("Dependency groups",)),),
        publisher="Poetry documentation",
    )
    answer = Engine(Corpus([article])).ask("what do groups hold")
    cite = (formats.answer_embed(answer).description or "").split("\n\u2014 ")[1]
    assert cite == (
        "Managing dependencies, Poetry documentation \u203a Dependency groups \u00b61 (groups)"
    )
    assert source_line(answer.passages[0]) == (
        "Managing dependencies, Poetry documentation \u203a Dependency groups \u2014 groups \u00b61"
    )
