"""Every failure becomes a sentence for the user; details go to the log, never to the channel."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from discord.ext import commands

from bot.cogs.utils import limits
from bot.cogs.utils.checks import NotModerator
from bot.cogs.utils.context import Context, ReplyTimedOut
from bot.cogs.utils.formats import escape, shorten
from retrieval import ArticleNotFound, QuestionError

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)


def explain(ctx: Context, error: commands.CommandError) -> str | None:
    """What to tell the user, or None to stay silent (unknown commands)."""
    original = getattr(error, "original", error)
    prefix = ctx.clean_prefix if ctx.prefix else ctx.bot.settings.discord.prefix
    if isinstance(error, commands.CommandNotFound):
        return None
    if isinstance(original, QuestionError | ArticleNotFound):
        return shorten(escape(str(original)), limits.CONTENT)  # it may quote input back
    if isinstance(error, commands.MissingRequiredArgument | commands.BadArgument):
        usage = (
            f"{prefix}{ctx.command.qualified_name} {ctx.command.signature}" if ctx.command else ""
        )
        return f"Something is missing. Usage: `{usage.strip()}`"
    if isinstance(error, commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} s."
    if isinstance(error, NotModerator):
        return "Sorry, only moderators can reload the corpus."
    if isinstance(error, commands.NotOwner):
        return "Sorry, only the bot's owner can do that."
    if isinstance(error, commands.NoPrivateMessage):
        return "That command works in a server channel, not in direct messages."
    if isinstance(error, commands.BotMissingPermissions):
        return f"I need these permissions here: {', '.join(error.missing_permissions)}."
    if isinstance(error, commands.CheckFailure):
        return "Sorry, you can't use that command here."
    return "Something went wrong on my side; it has been logged. Please try again later."


class Errors(commands.Cog):
    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_command_error(self, ctx: Context, error: commands.CommandError) -> None:
        message = explain(ctx, error)
        if message is None:
            return
        original = getattr(error, "original", error)
        if isinstance(original, ReplyTimedOut):  # Discord is not answering: log, don't pile on
            log.error("command %s: %s", ctx.command, original)
            ctx.log_outcome("reply timed out")
            return
        expected = not isinstance(error, commands.CommandInvokeError | commands.HybridCommandError)
        expected = expected or isinstance(original, QuestionError | ArticleNotFound)
        if expected:
            ctx.log_outcome(f"refused ({type(original).__name__})")
        else:
            log.error("command %s failed", ctx.command, exc_info=original)
            ctx.log_outcome("failed")
        try:
            await ctx.answer(message)
        except Exception:  # the reply itself failed (e.g. no permission to send): log only
            log.exception("could not tell %s about an error", ctx.author.id)


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Errors(bot))
