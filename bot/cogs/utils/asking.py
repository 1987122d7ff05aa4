"""A question answered in a channel, however it was asked: the short answer and its buttons,
remembered for the buttons and follow-ups, logged, and its buttons disabled after a while.

``!ask``, ``/ask``, a mention, a question channel, a forum post and a follow-up all end here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import TYPE_CHECKING

import discord

from bot.cogs.utils import formats
from bot.cogs.utils.answer_buttons import answer_view
from bot.cogs.utils.answer_pages import page_embed, page_text
from bot.cogs.utils.memory import Remembered
from bot.pings import NO_PINGS
from bot.store import Entry
from retrieval import Answer

if TYPE_CHECKING:
    from bot.client import Citebot
    from bot.cogs.utils.context import Context
    from bot.service import CorpusService

log = logging.getLogger(__name__)
EARLIER_ROOM = 400  # characters of a follow-up and its earlier question (questions: 500)


def passages_wanted(bot: Citebot) -> int:
    return max(bot.settings.retrieval.top_k, bot.settings.discord.max_passages)


def article_numbers(service: CorpusService) -> dict[str, int]:
    return {a.slug: n for n, a in enumerate(service.engine.corpus.articles, 1)}


def render(answer: Answer, shown: int, embeds: bool) -> tuple[str | None, discord.Embed | None]:
    """Content and embed of page ``shown`` (an abstention is text, with no pages)."""
    if answer.abstained:
        return formats.abstention_text(answer), None
    if embeds:
        return None, page_embed(answer, shown)
    return page_text(answer, shown), None


def view_for(
    bot: Citebot,
    remembered: Remembered,
    guild: discord.abc.Snowflake | None,
    *,
    explore: bool = True,
) -> discord.ui.View | None:
    """The buttons under an answer given in ``guild`` (its articles, numbered as there)."""
    return answer_view(
        remembered.answer,
        remembered.shown,
        remembered.version,
        article_numbers(bot.corpus_for(guild)),
        votes=bot.recorder.enabled,
        explore=explore,
    )


def with_earlier(question: str, earlier: str | None) -> str:
    """What the engine reads for a follow-up: the earlier question, then this one (the
    earlier one's last words only, when both would be long)."""
    if not earlier:
        return question
    words = earlier.split()
    while words and len(" ".join(words)) + len(question) > EARLIER_ROOM:
        words.pop(0)
    return " ".join([*words, question])


async def respond(
    ctx: Context,
    question: str,
    *,
    source: str,
    earlier: str | None = None,
    article: str | None = None,
) -> discord.Message:
    """Answer ``question`` as a reply in ``ctx``; errors (QuestionError...) propagate."""
    bot = ctx.bot
    started = time.perf_counter()
    asked = with_earlier(question, earlier)
    service = bot.corpus_for(ctx.guild)  # the server's own articles, or the shared ones
    version = service.version
    async with ctx.working():
        answer = await service.ask(asked, passages_wanted(bot), article=article)
    if earlier:  # shown as the asker put it; the engine read it with the earlier question
        answer = answer.model_copy(update={"question": question})
    remembered = Remembered(asked, answer, version, ctx.author.id)
    content, embed = await asyncio.to_thread(render, answer, 0, ctx.wants_embeds)
    message = await ctx.answer(content, embed=embed, view=view_for(bot, remembered, ctx.guild))
    bot.answers.put(message.id, remembered)
    bot.recorder.record(
        Entry(
            guild_id=ctx.guild.id if ctx.guild else None,
            channel_id=getattr(ctx.channel, "id", None),
            user_id=ctx.author.id,
            question=asked,
            verdict=answer.verdict,
            citations=[p.citation for p in answer.passages],
            latency_ms=(time.perf_counter() - started) * 1000,
            message_id=message.id,
            source=source,
            article=article,
        )
    )
    if answer.passages:
        disable_later(bot, message, remembered)
    return message


def disable_later(bot: Citebot, message: discord.Message, remembered: Remembered) -> None:
    """After ``button_timeout`` the explore buttons show as disabled (votes stay open)."""

    async def disable() -> None:
        await asyncio.sleep(bot.settings.discord.button_timeout)
        view = view_for(bot, remembered, message.guild, explore=False)
        with contextlib.suppress(discord.HTTPException):
            await message.edit(view=view, allowed_mentions=NO_PINGS)

    task = asyncio.create_task(disable())
    bot.background.add(task)
    task.add_done_callback(bot.background.discard)


async def recalled(
    bot: Citebot, message_id: int, guild: discord.abc.Snowflake | None
) -> Remembered | None:
    """The answer citebot sent as ``message_id``: remembered, else asked again from the
    question the log kept (the same question on the same articles gets the same answer)."""
    remembered = bot.answers.get(message_id)
    if remembered is not None or bot.recorder.questions is None:
        return remembered
    logged = await bot.recorder.attempt(bot.recorder.questions.question_of(message_id), None)
    if logged is None:
        return None
    question, article = logged
    service = bot.corpus_for(guild)
    version = service.version
    try:
        answer = await service.ask(question, passages_wanted(bot), article=article)
    except LookupError:  # the article it was asked within is gone since
        return None
    remembered = Remembered(question, answer, version, 0)
    bot.answers.put(message_id, remembered)
    return remembered


async def earlier_question(bot: Citebot, message: discord.Message) -> str | None:
    """For a follow-up: the question of the answer ``message`` replies to, or of the answer
    whose thread it is in (a thread started from a message has that message's id)."""
    if not bot.settings.discord.follow_ups:
        return None
    reference = message.reference
    candidates = [reference.message_id] if reference and reference.message_id else []
    if isinstance(message.channel, discord.Thread):
        candidates.append(message.channel.id)
    for candidate in candidates:
        if candidate is None:
            continue
        remembered = await recalled(bot, candidate, message.guild)
        if remembered is not None:
            return remembered.question
    return None
