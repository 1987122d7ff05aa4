"""Questions without a command, where a server wants them: a mention with a question, every
message of a question channel, the first post of each thread of a question forum, and a reply
to one of citebot's answers (or a message in the thread an answer started): a follow-up.

Bots, citebot itself included, are never answered, nor is a message that only thanks or agrees
("thanks!", "ok 👍"); the per-user cooldown applies.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.cogs.utils import asking
from bot.cogs.utils.context import Context
from bot.cogs.utils.cooldowns import per_user
from retrieval.question.chat import acknowledges

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)
SLOW_DOWN = "Slow down a little: try again in {seconds:.0f} s."


class Listen(commands.Cog):
    def __init__(self, bot: Citebot) -> None:
        self.bot = bot
        self._cooldowns = commands.DynamicCooldownMapping(per_user, commands.BucketType.user)

    def _listed(self, channel: object) -> bool:
        """Whether ``channel`` is a question channel (configured by id or by name)."""
        listed = {
            c.strip().lstrip("#").casefold() for c in self.bot.settings.discord.question_channels
        }
        return bool(listed) and (
            str(getattr(channel, "id", "")) in listed
            or str(getattr(channel, "name", "")).casefold() in listed
        )

    async def _asked(self, message: discord.Message, ctx: Context) -> tuple[str, str] | None:
        """The question ``message`` asks without a command, and how; None if it asks none."""
        me = self.bot.user
        mentions = (me.mention, f"<@!{me.id}>") if me else ()
        if message.content.strip() in mentions:  # a bare mention: what can I ask?
            return "", "mention"
        if ctx.prefix is not None:  # a prefix but no command: only a mention makes a question
            if ctx.prefix.strip() not in mentions:
                return None
            return message.content[len(ctx.prefix) :], "mention"
        channel = message.channel
        if isinstance(channel, discord.Thread) and isinstance(channel.parent, discord.ForumChannel):
            if self._listed(channel.parent) and message.id == channel.id:
                return (message.content or channel.name), "forum"
            return None
        if self._listed(channel):
            return message.content, "channel"
        return None

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            return
        ctx = await self.bot.get_context(message)
        if ctx.valid:  # a command runs as commands do; `!ask` in a reply is a follow-up there
            return
        asked = await self._asked(message, ctx)
        if ctx.prefix is not None and asked is None:  # "!unknown": not ours to answer
            return
        earlier = None
        if asked is None or asked[1] != "forum":  # a new forum post starts afresh
            earlier = await asking.earlier_question(self.bot, message)
        if asked is None and earlier is not None:
            asked = (message.content, "follow-up")
        if asked is None:
            return
        question, source = asked[0].strip(), asked[1]
        if not question:
            await self._hint(ctx)
            return
        if acknowledges(question):  # "thanks!" to an answer asks nothing
            return
        bucket = self._cooldowns.get_bucket(ctx)
        retry = bucket.update_rate_limit() if bucket else None
        if retry:
            await ctx.refuse(SLOW_DOWN.format(seconds=retry))
            return
        try:
            await asking.respond(ctx, question, source=source, earlier=earlier)
        except Exception as error:  # told as a command's error would be (errors cog)
            self.bot.dispatch("command_error", ctx, commands.CommandInvokeError(error))
        else:
            ctx.log_outcome(f"ok ({source})")

    async def _hint(self, ctx: Context) -> None:
        prefix = self.bot.settings.discord.prefix
        await ctx.answer(
            f"Ask me about the articles: mention me with a question, or `{prefix}ask <question>`."
        )


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Listen(bot))
