"""An answer shown short: the "In short" and one passage, the others a click away.

Page ``shown`` of an answer is its summary (or, for ``closest``, what the passages lack) and
its passage number ``shown``; "More passages" turns the page in place. The whole answer is
still one ``Answer``: the pages only choose what to show of it.
"""

from __future__ import annotations

import discord

from bot.cogs.utils import limits
from bot.cogs.utils.formats import (
    CLOSEST,
    CLOSEST_COLOUR,
    COLOUR,
    block_quote,
    escape,
    fit_quote,
    passage_value,
    shorten,
    source,
)
from retrieval import Answer, Article

FOOTER = "Verbatim quotes from the corpus; \u00b6 numbers count paragraphs after the title."
SUMMARY_BUDGET = 2400  # the description's share of the 6000 characters of an embed


def _head(answer: Answer, budget: int) -> list[str]:
    lines = []
    if answer.verdict == "closest":
        lines.append(shorten(escape(answer.reason or CLOSEST, links=False), 400))
    if answer.summary:
        lines.append("**In short**")
        share = (budget - 420) // len(answer.summary)
        for sentence in answer.summary:
            cite = f"\n\u2014 {source(sentence)}"
            lines.append(block_quote(sentence.text, share - len(cite) - 4) + cite)
    return lines


def page_embed(answer: Answer, shown: int) -> discord.Embed:
    """Page ``shown`` (0-based) as an embed, within every embed limit."""
    closest = answer.verdict == "closest"
    title = shorten(escape(answer.question, links=False), limits.EMBED_TITLE)
    embed = discord.Embed(title=title, colour=CLOSEST_COLOUR if closest else COLOUR)
    embed.description = shorten("\n".join(_head(answer, SUMMARY_BUDGET)), SUMMARY_BUDGET)
    if answer.passages:
        passage = answer.passages[shown]
        label = "Best passage" if shown == 0 else "Passage"
        name = shorten(f"{label} {shown + 1} of {len(answer.passages)}: {source(passage)}", 256)
        embed.add_field(
            name=name,
            value=passage_value(passage, limits.FIELD_VALUE),
            inline=False,
        )
    embed.set_footer(text=FOOTER)
    return embed


def page_text(answer: Answer, shown: int) -> str:
    """The same page as plain text, for channels that deny Embed Links."""
    head = f"**{shorten(escape(answer.question, links=False), 200)}**\n"
    body = head + shorten("\n".join(_head(answer, limits.CONTENT // 2)), limits.CONTENT // 2)
    if answer.passages:
        passage = answer.passages[shown]
        label = f"\n[{shown + 1}/{len(answer.passages)}] {source(passage)}\n"
        room = limits.CONTENT - len(body) - len(label)
        body += label + passage_value(passage, room)
    return body[: limits.CONTENT]


def in_context(article: Article, paragraph: int) -> str:
    """The paragraph and the ones before and after it, the quoted one marked; within 2000."""
    numbers = [p.number for p in article.paragraphs]
    near = [p for p in article.paragraphs if abs(p.number - paragraph) <= 1]
    if paragraph not in numbers:  # the title card: the article's opening
        near = list(article.paragraphs[:2])
    title = shorten(escape(article.title, links=False), 200)
    head = f"**{title}** ({escape(article.slug, links=False)})\n"
    share = (limits.CONTENT - len(head)) // max(1, len(near)) - 20
    parts = []
    for p in near:
        quote = fit_quote(p.text, (), share)
        mark = "\u25b6 " if p.number == paragraph else ""
        parts.append(f"{mark}\u00b6{p.number}: {quote}")
    return (head + "\n\n".join(parts))[: limits.CONTENT]
