"""``python -m bench hostile``: hostile strings through the bot's rendering, counted.

The same strategies and checks as ``tests/test_markdown.py`` (which imports them from here),
run for a set number of examples each and tallied instead of stopping at the first failure:
text a user or a corpus file wrote must show literally on Discord, with no masked link and no
markup of theirs, in embeds and in plain text; highlighting must neither create nor break
markup or URLs. Discord's rendering is modelled by ``fakediscord.markdown``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import discord
import hypothesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import hostile_pages
from bench.report import Goal, command_line, machine_line, markdown_table
from bot.cogs.utils import formats
from fakediscord.markdown import Parsed, parse, urls_in
from retrieval import Article, Corpus, Engine, QuestionError

ZWSP = "\u200b"
OURS_ONLY = frozenset({"strong", "url"})
WORD = re.compile(r"\w+")
PADDING = " Zorblat portal archive"  # words every hostile question and paragraph share

PIECES = (
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
)
_separators = st.sampled_from(["", "", " ", " ", "\n", "  "])
hostile_text = st.lists(
    st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), _separators), max_size=40
).map(lambda parts: "".join(piece + sep for piece, sep in parts))
word_choices = st.lists(st.booleans(), max_size=60)
hostile_title = hostile_text.map(
    lambda t: ("[T](https://evil.example) " + t.replace("\n", " "))[:150].strip() or "T"
)


def word_spans(text: str, chosen: list[bool]) -> list[tuple[int, int]]:
    """Some of the words of ``text``, as highlights the engine could give."""
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


def assert_highlighted_literal(raw: str, chosen: list[bool]) -> None:
    """Bold lands on whole highlighted words only; everything else as :func:`assert_literal`."""
    spans = word_spans(raw, chosen)
    seen = assert_literal(formats.quoted(raw, spans), raw)
    highlighted = {raw[s:e] for s, e in spans}
    for strong in (m.content for m in seen.markup if m.kind == "strong"):
        assert set(WORD.findall(strong)) <= highlighted, (strong, highlighted)


def assert_fitted_literal(raw: str, chosen: list[bool], budget: int) -> None:
    fitted = formats.fit_quote(raw, word_spans(raw, chosen), budget)
    assert len(fitted) <= max(budget, 1)
    assert_literal(fitted, raw, cut=True)


OUR_MARKUP = frozenset({"strong", "url", "quote"})  # all a whole reply may hold


def embed_parts(embed: discord.Embed) -> list[str]:
    parts = [embed.title or "", embed.description or ""]
    return parts + [f"{f.name}\n{f.value}" for f in embed.fields]


def assert_reply_has_only_our_markup(texts: list[str], raw_urls: set[str]) -> None:
    """No masked link, mention, emoji, code or other markup of theirs in a whole reply."""
    for text in texts:
        seen = parse(text)
        kinds = seen.kinds() - OUR_MARKUP
        assert not kinds, (text, seen.markup)
        for url in (m.content for m in seen.markup if m.kind == "url"):
            assert url in raw_urls, (url, raw_urls)


def assert_replies_literal(title: str, paragraphs: list[str], question: str) -> None:
    """An answer and a summary over a hostile article, in embeds and in plain text."""
    padded = [p + PADDING for p in paragraphs]
    publisher = "[P](https://evil.example)"
    article = Article.from_paragraphs("hostile", title, padded, publisher=publisher)
    engine = Engine(Corpus([article]))
    raw_urls = {u for text in [title, question, publisher, *padded] for u in urls_in(text)}
    try:
        answer = engine.ask(question + PADDING)
    except QuestionError:
        return
    if answer.abstained:
        assert_reply_has_only_our_markup([formats.abstention_text(answer)], raw_urls)
        return
    embed = formats.answer_embed(answer)
    assert_reply_has_only_our_markup([*embed_parts(embed), formats.answer_text(answer)], raw_urls)
    summary = engine.summarize("hostile")
    texts = [*embed_parts(formats.summary_embed(summary)), formats.summary_text(summary)]
    assert_reply_has_only_our_markup(texts, raw_urls)


# -- the benchmark: each property for N examples, failures counted -------------------------------


def assert_escaped_literal(raw: str) -> None:
    assert_literal(formats.escape(raw), raw)


PROPERTIES: tuple[tuple[str, Callable[..., None], dict[str, Any]], ...] = (
    (
        "user or corpus text escaped: shown literally, URLs intact",
        assert_escaped_literal,
        {"raw": hostile_text},
    ),
    (
        "quotes with highlighted words: bold on whole words only, never in a URL",
        assert_highlighted_literal,
        {"raw": hostile_text, "chosen": word_choices},
    ),
    (
        "quotes cut to a budget of 1 to 300 characters",
        assert_fitted_literal,
        {"raw": hostile_text, "chosen": word_choices, "budget": st.integers(1, 300)},
    ),
    (
        "answers and summaries over a hostile article, embeds and plain text",
        assert_replies_literal,
        {
            "title": hostile_title,
            "paragraphs": st.lists(hostile_text, min_size=1, max_size=3),
            "question": hostile_text,
        },
    ),
)


def _counting(
    check: Callable[..., None], tally: dict[str, int], failures: list[str]
) -> Callable[..., None]:
    def counted(**drawn: Any) -> None:
        tally["tried"] += 1
        try:
            check(**drawn)
        except AssertionError:
            tally["failed"] += 1
            failures.append(repr(drawn)[:300])

    return counted


def run(examples: int, seed: int = 0) -> dict[str, Any]:
    """Each property on ``examples`` generated inputs; every failure is counted, none stops it."""
    rows = []
    started = time.perf_counter()
    for name, check, strategies in PROPERTIES:
        tally = {"tried": 0, "failed": 0}
        failures: list[str] = []
        explore = settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(hypothesis.seed(seed)(given(**strategies)(_counting(check, tally, failures))))
        explore()
        rows.append({"property": name, **tally, "first_failure": failures[:1]})
    pages = hostile_pages.run()
    return {
        "command": command_line(),
        "machine": machine_line(),
        "pages": pages,
        "examples": examples,
        "seed": seed,
        "seconds": round(time.perf_counter() - started, 1),
        "properties": rows,
        "tried": sum(r["tried"] for r in rows),
        "failed": sum(r["failed"] for r in rows),
    }


def goals(result: dict[str, Any]) -> list[Goal]:
    return [
        Goal(
            "no hostile string renders markup of its own or a masked link",
            f"{result['failed']} failures in {result['tried']:,} generated inputs",
            result["failed"] == 0,
        ),
        hostile_pages.goal(result["pages"]),
    ]


def tables(result: dict[str, Any]) -> str:
    return (
        markdown_table(
            ("property", "inputs tried", "failing"),
            [(r["property"], f"{r['tried']:,}", r["failed"]) for r in result["properties"]]
            + [("all", f"{result['tried']:,}", result["failed"])],
        )
        + "\n\n"
        + hostile_pages.table(result["pages"])
    )


def section(result: dict[str, Any]) -> str:
    return "\n\n".join(
        [
            "## Hostile input: what users and corpus files write, shown literally",
            f"Command: `{result['command']}`\n\n{result['machine']}",
            (
                "Strings built from masked links, spoilers, code, emphasis, headings, lists, "
                "block quotes, mentions, Discord tokens, emoji codes, URLs and random text "
                "(hypothesis, seed "
                f"{result['seed']}) go through the bot's rendering; each rendered text is read "
                "with `fakediscord.markdown`, a model of Discord's markdown that is stricter "
                "than Discord. An input fails if the reader would see anything but the input "
                "itself, any markup but the bot's own bold and block quotes, a masked link, or a "
                "URL the input did not have. The same checks run in `tests/test_markdown.py`; "
                "the soak section counts the hostile commands sent to the running bot. "
                + hostile_pages.text(result["pages"])
            ),
            tables(result),
        ]
    )
