"""Whatever a user or a corpus file writes, Discord shows it literally; the only markup is ours.

Checked against ``fakediscord.markdown``, a model of Discord's markdown: the reader must see the
input itself, no masked link, mention, emoji, code, spoiler or other formatting may come alive,
bold (ours) may wrap only highlighted words, and every bare URL stays exactly the address the
raw text had (highlighting neither creates nor breaks one).
"""

from __future__ import annotations

import re

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cogs.utils import formats, limits
from fakediscord.markdown import Parsed, parse, urls_in
from retrieval import Answer, Article, ArticleSummary, Corpus, Engine, QuestionError

ZWSP = "\u200b"
OURS_ONLY = {"strong", "url"}

hostile_pieces = st.sampled_from(
    [
        "[a](b)",
        "[Click here to verify](https://evil.example/login)",
        "(x)",
        "[Free Nitro](https://evil.example/nitro)",
        "[x]( https://evil.example )",
        "]",
        "[",
        "(",
        ")",
        "||",
        "||spoiler||",
        "`",
        "```",
        "~~",
        "__",
        "**",
        "*",
        "_",
        "\\",
        "\\\\",
        "> ",
        ">>> ",
        "# ",
        "### ",
        "-# ",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "\n",
        ":smile:",
        ":",
        "<@123456789012345678>",
        "<@&123456789012345678>",
        "<#123456789012345678>",
        "<:e:123456789012345678>",
        "<t:1700000000:R>",
        "</ask:123456789012345678>",
        "<https://evil.example>",
        "<",
        ">",
        "@everyone",
        "@here",
        "https://example.org/a_b",
        "https://example.org/**x**",
        "https://example.org).",
        "https://example.org]",
        "https://",
        "http://x.y/:a:",
        "Zorblat",
        "portal",
        "archive",
        "https",
        "example",
    ]
)
separators = st.sampled_from(["", "", " ", " ", "\n", "  "])
hostile_text = st.lists(
    st.tuples(st.one_of(hostile_pieces, st.text(max_size=6)), separators), max_size=40
).map(lambda parts: "".join(piece + sep for piece, sep in parts))

WORD = re.compile(r"\w+")


def word_spans(text: str, chosen: list[bool]) -> list[tuple[int, int]]:
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]
    return [span for span, pick in zip(words, chosen, strict=False) if pick]


def assert_literal(rendered: str, raw: str, *, cut: bool = False) -> Parsed:
    """The reader sees ``raw`` (or a prefix of it, if ``cut``); only our bold and its URLs live."""
    seen = parse(rendered)
    assert not seen.bare, (rendered, seen.bare)
    assert seen.kinds() <= OURS_ONLY, (rendered, seen.markup)
    expected = raw.replace(ZWSP, "")
    if cut and seen.text.endswith(formats.ELLIPSIS):
        shown = seen.text.removesuffix(formats.ELLIPSIS).rstrip()
        assert expected.startswith(shown), (rendered, raw)
    else:
        assert seen.text == expected, (rendered, raw)
    raw_urls = urls_in(raw)
    shown_urls = [m.content for m in seen.markup if m.kind == "url"]
    if cut:
        assert all(url in raw_urls for url in shown_urls), (shown_urls, raw_urls)
    else:
        assert shown_urls == raw_urls, (rendered, shown_urls, raw_urls)
    return seen


PROPERTY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(raw=hostile_text)
def test_escaped_text_shows_literally_with_no_markup_and_urls_intact(raw: str) -> None:
    assert_literal(formats.escape(raw), raw)


@PROPERTY
@given(raw=hostile_text, chosen=st.lists(st.booleans(), max_size=60))
def test_highlighting_bolds_only_whole_words_and_never_touches_a_url(
    raw: str, chosen: list[bool]
) -> None:
    spans = word_spans(raw, chosen)
    seen = assert_literal(formats.quoted(raw, spans), raw)
    highlighted = {raw[s:e] for s, e in spans}
    for strong in (m.content for m in seen.markup if m.kind == "strong"):
        assert set(WORD.findall(strong)) <= highlighted, (strong, highlighted)


@PROPERTY
@given(
    raw=hostile_text,
    chosen=st.lists(st.booleans(), max_size=60),
    budget=st.integers(min_value=1, max_value=300),
)
def test_a_quote_cut_to_fit_stays_literal_and_within_its_budget(
    raw: str, chosen: list[bool], budget: int
) -> None:
    fitted = formats.fit_quote(raw, word_spans(raw, chosen), budget)
    assert len(fitted) <= max(budget, 1)
    assert_literal(fitted, raw, cut=True)


def engine_over(title: str, paragraphs: list[str], **meta: str) -> Engine:
    padded = [p + " Zorblat portal archive" for p in paragraphs]
    article = Article.from_paragraphs("hostile", title, padded, **meta)  # type: ignore[arg-type]
    return Engine(Corpus([article]))


def embed_parts(embed: discord.Embed) -> list[str]:
    parts = [embed.title or "", embed.description or ""]
    return parts + [f"{f.name}\n{f.value}" for f in embed.fields]


def assert_reply_has_only_our_markup(texts: list[str], raw_urls: set[str]) -> None:
    """No masked link, mention, emoji, code or other markup of theirs in a whole reply."""
    for text in texts:
        seen = parse(text)
        kinds = seen.kinds() - {"strong", "url", "quote"}
        assert not kinds, (text, seen.markup)
        for url in (m.content for m in seen.markup if m.kind == "url"):
            assert url in raw_urls, (url, raw_urls)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=hostile_text.map(lambda t: ("[T](https://evil.example) " + t.replace("\n", " "))[:150]),
    paragraphs=st.lists(hostile_text, min_size=1, max_size=3),
    question=hostile_text,
)
def test_a_hostile_corpus_and_question_render_with_only_our_markup_in_both_display_modes(
    title: str, paragraphs: list[str], question: str
) -> None:
    engine = engine_over(title.strip() or "T", paragraphs, publisher="[P](https://evil.example)")
    try:
        answer = engine.ask(question + " Zorblat portal archive")
    except QuestionError:
        return
    sources = " ".join([title, question, *paragraphs])
    raw_urls = {u for text in (sources,) for u in urls_in(text)}
    raw_urls |= {u for p in paragraphs for u in urls_in(p + " Zorblat portal archive")}
    if answer.abstained:
        assert_reply_has_only_our_markup([formats.abstention_text(answer)], raw_urls)
        return
    embed = formats.answer_embed(answer)
    assert_reply_has_only_our_markup([*embed_parts(embed), formats.answer_text(answer)], raw_urls)
    summary = engine.summarize("hostile")
    texts = [*embed_parts(formats.summary_embed(summary)), formats.summary_text(summary)]
    assert_reply_has_only_our_markup(texts, raw_urls)


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
