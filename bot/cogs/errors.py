"""Every failure becomes a sentence for the user; details go to the log, never to the channel."""

from __future__ import annotations

import logging
from types import UnionType
from typing import TYPE_CHECKING

from discord.ext import commands

from bot.article_files import Refused
from bot.cogs.utils import limits
from bot.cogs.utils.checks import NotArticleEditor, NotModerator
from bot.cogs.utils.context import Context, ReplyFailed, ReplyTimedOut, UnreadableReply
from bot.cogs.utils.formats import escape, shorten
from retrieval import AmbiguousArticle, ArticleNotFound, QuestionError
from retrieval.corpus.files import suffixes_named

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)
MODERATORS_ONLY = {
    "reload": "Sorry, only moderators can reload the corpus.",
    "gaps": "Sorry, only moderators can see what the articles miss.",
    "stats": "Sorry, only moderators can see the question statistics.",
    "history": "Sorry, only moderators can see the history of article changes.",
}
DISCORD_FAILING = "Discord did not take my answer just now; please try again in a moment."


def unwrap(error: BaseException) -> BaseException:
    """The error under every wrapper: a slash command's failure arrives as HybridCommandError
    around app_commands.CommandInvokeError around what the command raised."""
    seen = 0
    while isinstance(getattr(error, "original", None), BaseException) and seen < 10:
        error = error.original  # type: ignore[attr-defined]
        seen += 1
    return error


def _is(error: commands.CommandError, kind: type[BaseException] | UnionType) -> bool:
    """Whether ``error`` or what it wraps is a ``kind``."""
    return isinstance(error, kind) or isinstance(unwrap(error), kind)


def explain(ctx: Context, error: commands.CommandError) -> str | None:
    """What to tell the user, or None to stay silent (unknown commands)."""
    original = unwrap(error)
    prefix = ctx.clean_prefix if ctx.prefix else ctx.bot.settings.discord.prefix
    if _is(error, commands.CommandNotFound):
        return None
    if isinstance(original, ReplyFailed):
        return DISCORD_FAILING
    if isinstance(original, QuestionError | ArticleNotFound | AmbiguousArticle):
        return shorten(escape(str(original)), limits.CONTENT)  # it may quote input back
    if _is(error, commands.MissingRequiredArgument | commands.BadArgument):
        usage = (
            f"{prefix}{ctx.command.qualified_name} {ctx.command.signature}" if ctx.command else ""
        )
        return f"Something is missing. Usage: `{usage.strip()}`"
    if isinstance(original, commands.CommandOnCooldown):
        return f"Slow down a little: try again in {original.retry_after:.0f} s."
    if isinstance(original, Refused):
        return shorten(f"Not changed: {escape(str(original))}", limits.CONTENT)
    if isinstance(original, commands.MissingRequiredAttachment):
        return f"Attach the article's {suffixes_named()} file to the `{prefix}article add` message."
    if _is(error, NotArticleEditor):
        return str(unwrap(error))
    if _is(error, NotModerator):
        what = ctx.command.name if ctx.command else ""
        return MODERATORS_ONLY.get(what, "Sorry, only moderators can do that.")
    if _is(error, commands.NotOwner):
        return "Sorry, only the bot's owner can do that."
    if _is(error, commands.NoPrivateMessage):
        return "That command works in a server channel, not in direct messages."
    if isinstance(original, commands.BotMissingPermissions):
        return f"I need these permissions here: {', '.join(original.missing_permissions)}."
    if _is(error, commands.CheckFailure):
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
        original = unwrap(error)
        if isinstance(original, ReplyTimedOut):  # Discord is not answering: log, don't pile on
            log.error("command %s: %s", ctx.command, original)
            ctx.log_outcome("reply timed out")
            return
        if isinstance(original, UnreadableReply):  # the reply is there; an error would be false
            ctx.log_outcome("replied (Discord's answer unreadable)")
            return
        expected = not isinstance(error, commands.CommandInvokeError | commands.HybridCommandError)
        expected = expected or isinstance(
            original, QuestionError | ArticleNotFound | AmbiguousArticle | Refused
        )
        if isinstance(original, ReplyFailed):  # Discord's fault: one line, then tell the user
            log.error("command %s: the reply could not be sent: %s", ctx.command, original)
            ctx.log_outcome("reply failed")
        elif expected:
            ctx.log_outcome(f"refused ({type(original).__name__})")
        else:
            log.error("command %s failed", ctx.command, exc_info=original)
            ctx.log_outcome("failed")
        try:
            await ctx.refuse(message)
        except Exception as failed:  # the notice failed too (no permission, Discord down)
            log.error(
                "command %s: could not tell %s either: %s", ctx.command, ctx.author.id, failed
            )


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Errors(bot))
