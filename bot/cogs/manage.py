"""``!article add|remove|restore|history``: changing the articles from Discord.

Who may: with ``[corpus] scope = "shared"`` the bot's owners (every server reads the change);
with ``"per_server"`` a server's moderators, and only that server's copy
(``bot.cogs.utils.checks.may_change_articles``). Files are fetched within bounds
(``bot.attachments``), changed on disk safely (``bot.article_files``), one change at a time per
corpus (``bot.article_changes``).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import Interaction, app_commands
from discord.ext import commands

from bot.article_changes import ArticleChanges, Done, Who, WouldReplace
from bot.article_files import Refused
from bot.attachments import read_bounded
from bot.cogs.utils import formats, limits
from bot.cogs.utils.checks import article_editors_only, moderator_only
from bot.cogs.utils.confirm import ConfirmView
from bot.cogs.utils.context import Context
from bot.cogs.utils.formats import escape, shorten
from bot.history import Change
from retrieval.corpus import lookup
from retrieval.corpus.files import suffixes_named

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)
DOWNLOAD_SECONDS = 30.0
HISTORY_ENTRIES = 15
NAMED = "Number from !sources, slug or part of it, title words, publisher or author."


class Manage(commands.Cog):
    """Adding, replacing, removing and restoring articles, and who did it."""

    def __init__(self, bot: Citebot) -> None:
        self.bot = bot
        self.changes = ArticleChanges(bot.corpora)

    @commands.hybrid_group(name="article", invoke_without_command=True)  # type: ignore[arg-type]
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def article(self, ctx: Context) -> None:
        """Change the articles: add, remove, restore, history."""
        p = ctx.usage_prefix
        await ctx.answer(
            f"`{p}article add` with a {suffixes_named()} file attached, "
            f"`{p}article remove <article>`, "
            f"`{p}article restore <article>`, `{p}article history`."
        )

    @article.command(name="add")  # type: ignore[arg-type]
    @app_commands.describe(file=f"The article: UTF-8 {suffixes_named()}; its title on top.")
    @article_editors_only()
    async def add(self, ctx: Context, file: discord.Attachment) -> None:
        """Add an article from an attached text, Markdown, reStructuredText or Word file (or
        replace its slug's)."""
        who = self._changeable(ctx)
        limit = self.bot.settings.corpus.max_file_bytes
        async with ctx.working():
            data = await read_bounded(file, limit, timeout=DOWNLOAD_SECONDS)
            try:
                done: Done | None = await self.changes.add(who, file.filename, data)
            except WouldReplace as would:
                done, existing = None, would.existing
        if done is None:
            question = (
                f"Article {existing.number}, **{escape(existing.title)}** (`{existing.article}`), "
                f"has this slug already. Replace it with {escape(file.filename)}? The old "
                "version is kept in removed/replaced/."
            )
            if not await self._confirm(ctx, question, "Replace"):
                return
            async with ctx.working():
                done = await self.changes.add(who, file.filename, data, replace=True)
        await ctx.answer(describe(done, ctx.usage_prefix))

    @article.command(name="remove", extras={"example": "3"})  # type: ignore[arg-type]
    @app_commands.describe(article=NAMED)
    @article_editors_only()
    async def remove(self, ctx: Context, *, article: str) -> None:
        """Remove an article (after a confirmation); it is kept, and can be restored."""
        who = self._changeable(ctx)
        found = self.changes.find(who.guild_id, article)
        number = self.bot.corpus_for(ctx.guild).engine.corpus.articles.index(found) + 1
        question = (
            f"Remove article {number}, **{escape(found.title)}** (`{found.slug}`)? Its file "
            f"moves to removed/; `{ctx.usage_prefix}article restore {found.slug}` brings it back."
        )
        if not await self._confirm(ctx, question, "Remove"):
            return
        async with ctx.working():
            done = await self.changes.remove(who, found.slug, found.digest)
        await ctx.answer(describe(done, ctx.usage_prefix))

    @article.command(name="restore", extras={"example": "3"})  # type: ignore[arg-type]
    @app_commands.describe(article="A removed article: its slug, title words, author...")
    @article_editors_only()
    async def restore(self, ctx: Context, *, article: str) -> None:
        """Bring back a removed article."""
        who = self._changeable(ctx)
        async with ctx.working():
            done = await self.changes.restore(who, article)
        await ctx.answer(describe(done, ctx.usage_prefix))

    @article.command(name="history")  # type: ignore[arg-type]
    @moderator_only()
    async def history(self, ctx: Context) -> None:
        """Who added, replaced, removed, restored or reloaded articles here, and when."""
        history = self.bot.corpora.history
        if history is None:
            await ctx.answer(
                "No history is kept for the articles citebot ships; set `[corpus] directory` "
                "(or `[storage] database`) to keep one."
            )
            return
        guild_id = ctx.guild.id if ctx.guild else None
        corpus = self.bot.corpora.name(guild_id)
        entries = await asyncio.to_thread(history.recent, corpus, guild_id, HISTORY_ENTRIES)
        mine = history.user_hash(ctx.author.id)
        await ctx.answer(history_text(entries, mine, corpus))

    @remove.autocomplete("article")
    async def _served_choices(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        corpus = self.bot.corpus_for(interaction.guild).engine.corpus
        return [
            app_commands.Choice(name=article.title[:100], value=article.slug)
            for article in lookup.matching(corpus, current)
        ][:25]

    def _changeable(self, ctx: Context) -> Who:
        if not self.bot.corpora.writable:
            raise Refused(
                "these are the articles citebot ships; set [corpus] directory to a folder of "
                "your own to change articles from Discord"
            )
        return Who(ctx.guild.id if ctx.guild else None, ctx.author.id)

    async def _confirm(self, ctx: Context, question: str, label: str) -> bool:
        view = ConfirmView(
            ctx.author.id, timeout=self.bot.settings.discord.choice_timeout, confirm_label=label
        )
        view.message = await ctx.answer(shorten(question, limits.CONTENT), view=view)
        await view.wait()
        if view.confirmed:
            return True
        why = "Cancelled" if view.confirmed is False else "No answer in time"
        await ctx.answer(f"{why}; nothing changed.")
        return False


def describe(done: Done, prefix: str) -> str:
    """What a change did: the article's number, slug, paragraphs, and its summary."""
    info = done.info
    paragraphs = f"{info.paragraphs} paragraph{'' if info.paragraphs == 1 else 's'}"
    head = (
        f"{done.action.capitalize()} article {info.number}, **{escape(info.title)}** "
        f"(`{info.article}`, {paragraphs})."
    )
    if done.action == "removed":
        head = (
            f"Removed **{escape(info.title)}** (`{info.article}`); "
            f"`{prefix}article restore {info.article}` brings it back."
        )
    total = f"Now {done.report.articles} articles, {done.report.paragraphs} paragraphs."
    summary = ""
    if done.summary is not None and done.summary.sentences:
        room = limits.CONTENT - len(head) - len(total) - 20
        summary = "\nIn short:\n" + formats.summary_lines(done.summary, room)
    return shorten(f"{head}{summary}\n{total}", limits.CONTENT)


def history_text(entries: list[Change], mine: str, here: str) -> str:
    if not entries:
        return "No article has been changed here yet."
    lines = ["Article changes, newest first (people as pseudonyms):"]
    for entry in entries:
        when = discord.utils.format_dt(entry.at, "f")
        who = f"`{entry.user_hash[:8]}`" + (" (you)" if entry.user_hash == mine else "")
        what = f" `{entry.article}`" if entry.article else ""
        detail = f" ({escape(entry.detail)})" if entry.detail else ""
        shared = " the shared articles" if entry.corpus != here else ""
        lines.append(f"{when} {who} {entry.action}{shared}{what}{detail}")
    return shorten("\n".join(lines), limits.CONTENT)


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Manage(bot))
