"""``!reload`` and ``!sync``: changing what the bot serves, for moderators and owners only."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.utils.checks import moderator_only
from bot.cogs.utils.context import Context, ReplyFailed
from bot.cogs.utils.formats import escape
from bot.corpora import SHARED
from bot.service import CorpusService, ReloadReport
from retrieval import CorpusError

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)

MAX_PROBLEMS_SHOWN = 5  # bad files named in a refused reload's reply; `citebot check` has all
MAX_PROBLEMS_CHARS = 1_800  # with the first line, within Discord's 2,000 characters


class Moderation(commands.Cog):
    """Corpus reloads and slash-command sync."""

    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    @commands.hybrid_command(name="reload")  # type: ignore[arg-type]  # typed for pyright
    # Discord offers /reload only to members with Manage Server (a server's admins may grant
    # it to a moderator role in its Integrations settings); the check below still decides.
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only()
    async def reload(self, ctx: Context) -> None:
        """Reload the corpus folder; the old corpus keeps serving if anything is wrong."""
        guild_id = ctx.guild.id if ctx.guild else None
        service = await self.bot.corpora.reloadable(guild_id)
        async with ctx.working():
            try:
                report = await service.reload()
            except CorpusError as error:
                log.warning("reload by %s refused: %s", ctx.author.id, error)
                loaded = discord.utils.format_dt(service.engine.corpus.loaded_at, "R")
                await _report(
                    ctx,
                    f"Reload refused; still serving the corpus loaded {loaded}.\n"
                    + describe_problems(service, error),
                    "the reload was refused",
                )
                return
        record_reload(self.bot, ctx, service, report)
        await _report(ctx, describe_reload(report), "the reload applied")

    @commands.command(name="sync", hidden=True)
    @commands.is_owner()
    async def sync(self, ctx: Context) -> None:
        """Register the slash commands with Discord (owners only; not done on every start)."""
        synced = await self.bot.tree.sync()
        await ctx.answer(f"Synced {len(synced)} slash commands.")


def record_reload(bot: Citebot, ctx: Context, service: CorpusService, report: ReloadReport) -> None:
    """Note the reload in the history of article changes (when one is kept)."""
    history = bot.corpora.history
    if history is None:
        return
    guild_id = ctx.guild.id if ctx.guild else None
    corpus = SHARED if service is bot.corpora.shared else bot.corpora.name(guild_id)
    changes = f"+{len(report.added)} -{len(report.removed)} ~{len(report.changed)}"
    try:
        history.record(
            corpus=corpus,
            guild_id=guild_id,
            user_id=ctx.author.id,
            action="reloaded",
            detail=f"{report.articles} articles, {changes}",
        )
    except Exception as error:  # the reload stands; only its record is missing
        log.error("could not record a reload in the history: %s", error)


async def _report(ctx: Context, text: str, outcome: str) -> None:
    """Tell the moderator what the reload did, in a follow-up if the first reply failed.

    The reload has happened either way: the generic "Something went wrong" the error
    handler would send instead is not true.
    """
    try:
        await ctx.answer(text)
    except ReplyFailed as error:
        log.error(
            "command reload: the reply could not be sent: %s; %s, sending its report again",
            error,
            outcome,
        )
        try:
            await ctx.answer(text)
        except Exception as again:  # Discord took neither: the log is all that is left
            log.error("command reload: %s, but its report could not be sent: %s", outcome, again)
            ctx.log_outcome(f"{outcome}; report not sent")


def describe_problems(service: CorpusService, error: CorpusError) -> str:
    """Why a reload was refused: its one problem, or each bad file's (the first few)."""
    named = [escape(service.public_problem(problem)) for problem in error.every]
    if len(named) == 1:
        return f"Problem: {named[0]}"
    lines = [f"Problems in {len(named)} files:"]
    lines += [f"- {problem}" for problem in named[:MAX_PROBLEMS_SHOWN]]
    if len(named) > MAX_PROBLEMS_SHOWN:
        lines.append(
            f"…and {len(named) - MAX_PROBLEMS_SHOWN} more: `citebot check` names every one."
        )
    return "\n".join(lines)[:MAX_PROBLEMS_CHARS]


def describe_reload(report: ReloadReport) -> str:
    """A moderator-facing summary of what changed."""
    lines = [
        f"Reloaded: {report.articles} articles, {report.paragraphs} paragraphs "
        f"({report.seconds * 1000:.0f} ms)."
    ]
    if report.unchanged:
        lines.append("No article changed.")
    for label, slugs in (
        ("Added", report.added),
        ("Removed", report.removed),
        ("Changed", report.changed),
    ):
        if slugs:
            lines.append(
                f"{label}: {', '.join(slugs[:20])}" + (" \u2026" if len(slugs) > 20 else "")
            )
    if report.skipped:
        skipped = "; ".join(report.skipped[:5])
        lines.append(f"Skipped {len(report.skipped)} bad file(s): {escape(skipped)}")
    for name, count in report.unread[:5]:
        lines.append(
            f"Not read: the folder {escape(name)}/ with {count} article file(s); citebot reads "
            "the corpus folder's own files, so move them up to serve them."
        )
    return "\n".join(lines)[:2000]


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Moderation(bot))
