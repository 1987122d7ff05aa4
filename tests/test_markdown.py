"""Whatever a user or a corpus file writes, Discord shows it literally; the only markup is ours.

Checked against ``fakediscord.markdown``, a model of Discord's markdown (the strategies and
checks live in ``bench/hostile.py``, which counts them for the report): the reader must see the
input itself, no masked link, mention, emoji, code, spoiler or other formatting may come alive,
bold (ours) may wrap only highlighted words, and every bare URL stays exactly the address the
raw text had (highlighting neither creates nor breaks one).
"""

from __future__ import annotations

import pytest
from discord.utils import escape_markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import hostile as hostile_bench
from bench.hostile import (
    PADDING,
    WORD,
    assert_fitted_literal,
    assert_highlighted_literal,
    assert_literal,
    assert_replies_literal,
    assert_reply_has_only_our_markup,
    embed_parts,
    hostile_text,
    hostile_title,
    word_choices,
)
from bot.cogs.utils import formats, limits
from fakediscord.markdown import parse
from helpers import examples
from retrieval import Answer, Article, ArticleSummary, Corpus, Engine

PROPERTY = settings(
    max_examples=examples(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(raw=hostile_text)
def test_escaped_text_shows_literally_with_no_markup_and_urls_intact(raw: str) -> None:
    assert_literal(formats.escape(raw), raw)


@PROPERTY
@given(raw=hostile_text, chosen=word_choices)
def test_highlighting_bolds_only_whole_words_and_never_touches_a_url(
    raw: str, chosen: list[bool]
) -> None:
    assert_highlighted_literal(raw, chosen)


@PROPERTY
@given(raw=hostile_text, chosen=word_choices, budget=st.integers(min_value=1, max_value=300))
def test_a_quote_cut_to_fit_stays_literal_and_within_its_budget(
    raw: str, chosen: list[bool], budget: int
) -> None:
    assert_fitted_literal(raw, chosen, budget)


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=hostile_title,
    paragraphs=st.lists(hostile_text, min_size=1, max_size=3),
    question=hostile_text,
)
def test_a_hostile_corpus_and_question_render_with_only_our_markup_in_both_display_modes(
    title: str, paragraphs: list[str], question: str
) -> None:
    assert_replies_literal(title, paragraphs, question)


def engine_over(title: str, paragraphs: list[str], **meta: str) -> Engine:
    padded = [p + PADDING for p in paragraphs]
    article = Article.from_paragraphs("hostile", title, padded, **meta)  # type: ignore[arg-type]
    return Engine(Corpus([article]))


# -- the cases the adversarial run found --------------------------------------------------------


def test_a_masked_link_framed_to_fool_greedy_escaping_is_not_live() -> None:
    raw = "[a](b) [Click here to verify](https://evil.example/login) (x)"
    seen = assert_literal(formats.escape(raw), raw)
    assert "link" not in seen.kinds()
    assert [m.content for m in seen.markup] == ["https://evil.example/login"]


def test_spoilers_code_strikethrough_and_underline_in_that_framing_stay_literal() -> None:
    raw = "[a](b) ||spoiler|| `code` ~~gone~~ __under__ (x)"
    seen = assert_literal(formats.escape(raw), raw)
    assert seen.markup == []


def test_highlighting_a_word_inside_link_text_leaves_the_link_dead() -> None:
    raw = "live at [Zorblat portal](https://evil.example/phish) (mirror)."
    rendered = formats.quoted(raw, [(9, 16), (17, 23)])
    seen = assert_literal(rendered, raw)
    assert [m.content for m in seen.markup if m.kind == "strong"] == ["Zorblat", "portal"]


def test_highlighting_never_breaks_a_url() -> None:
    raw = "See [the archive](https://example.org) now."
    spans = [(m.start(), m.end()) for m in WORD.finditer(raw)]  # every word, "https" too
    seen = assert_literal(formats.quoted(raw, spans), raw)
    assert "https://example.org" in [m.content for m in seen.markup]
    assert "**https**" not in formats.quoted(raw, spans)


def test_line_starts_cannot_become_headings_quotes_or_lists() -> None:
    raw = "# Heading\n> quoted\n>>> all\n-# small\n- item\n* item\n1. first\n  2. second"
    seen = assert_literal(formats.escape(raw), raw)
    assert seen.markup == []


def test_mentions_tokens_and_emoji_shortcodes_show_as_typed() -> None:
    raw = "@everyone <@123456789012345678> <#1> <t:1700000000:R> </ask:1> :smile: <https://x.y>"
    seen = assert_literal(formats.escape(raw), raw)
    assert [m.kind for m in seen.markup] == ["url"]


def summary_of(title: str, author: str, publisher: str, text: str) -> ArticleSummary:
    article = Article.from_paragraphs(
        "s", title, [text], author=author, publisher=publisher
    )  # one article
    return Engine(Corpus([article])).summarize("s")


def test_summary_titles_and_sentences_with_masked_links_render_dead() -> None:
    summary = summary_of(
        "[||x||](https://evil.example) `t`",
        "[A](https://evil.example)",
        "**P**",
        "It is live at [Official login](https://evil.example/login) (mirror).",
    )
    embed = formats.summary_embed(summary)
    assert_reply_has_only_our_markup(
        [*embed_parts(embed), formats.summary_text(summary)],
        {"https://evil.example", "https://evil.example/login"},
    )
    # Discord shows an embed footer as plain text: the byline is there exactly as written.
    assert embed.footer.text == "[A](https://evil.example), **P**"


def test_citation_lines_quote_titles_literally() -> None:
    engine = engine_over("[||x||](y) `t` Zorblat", ["Zorblat portal archive."])
    answer = engine.ask("Zorblat portal")
    embed = formats.answer_embed(answer)
    texts = [*embed_parts(embed), formats.answer_text(answer)]
    assert_reply_has_only_our_markup(texts, set())
    assert "[||x||](y) `t` Zorblat" in parse(embed.fields[0].name or "").text


def test_an_answer_quoting_a_masked_link_shows_it_dead_in_both_modes() -> None:
    engine = engine_over(
        "Zorblat", ["Zorblat portal is live at [Official login](https://evil.example/login) (x)."]
    )
    answer = engine.ask("Where is the Zorblat portal?")
    embed = formats.answer_embed(answer)
    assert_reply_has_only_our_markup(
        [*embed_parts(embed), formats.answer_text(answer)], {"https://evil.example/login"}
    )


def test_a_hostile_question_echoed_in_plain_text_is_literal() -> None:
    question = "[Who](x) is Zorblat [Free Nitro](https://evil.example/nitro) (senior fellow)"
    paragraph = "Who is Zorblat? A senior fellow who offers free nitro at the evil example."
    answer = engine_over("Zorblat", [paragraph]).ask(question)
    assert isinstance(answer, Answer) and not answer.abstained
    text = formats.answer_text(answer)
    assert_reply_has_only_our_markup([text], {"https://evil.example/nitro"})
    head = text.split("\n", 1)[0]
    assert parse(head).text == question
    assert len(text) <= limits.CONTENT


def test_the_hostile_benchmark_counts_every_input_and_catches_escape_markdown_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clean = hostile_bench.run(examples=30)
    assert clean["tried"] == 4 * 30 and clean["failed"] == 0
    monkeypatch.setattr(formats, "escape", lambda text, **_: escape_markdown(text))
    naive = hostile_bench.run(examples=30)
    assert naive["properties"][0]["failed"] > 0
