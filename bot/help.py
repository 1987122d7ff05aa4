"""``!help``: the commands a member may use here, one line each with an example."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import discord
from discord.ext import commands

from bot.cogs.utils import limits
from bot.cogs.utils.context import Context
from bot.cogs.utils.formats import shorten
from bot.examples import FROM_CORPUS

TITLE = "What I can do"
INTRO = (
    "I answer only with verbatim quotes from the articles, each with its source and "
    "paragraph, and say so when they hold no answer."
)


def usage(prefix: str, command: commands.Command[Any, ..., Any]) -> str:
    """``!summary [article]``: the command as typed, with its arguments."""
    return f"{prefix}{command.qualified_name} {command.signature}".strip()


def example(
    prefix: str, command: commands.Command[Any, ..., Any], question: str = ""
) -> str | None:
    """The command's example (``extras["example"]``) as typed in this server, if it has one;
    ``question`` stands for ``FROM_CORPUS``, a question the loaded corpus answers."""
    arguments = command.extras.get("example")
    if arguments is None:
        return None
    if arguments == FROM_CORPUS:
        arguments = question
    return f"{prefix}{command.qualified_name} {arguments}".strip()


def command_line(prefix: str, command: commands.Command[Any, ..., Any], question: str = "") -> str:
    """One line of what the command does, and one example."""
    line = command.short_doc or "No description."
    shown = example(prefix, command, question)
    return f"{line}\nExample: `{shown}`" if shown else line


def help_embed(
    prefix: str, usable: list[commands.Command[Any, ..., Any]], question: str = ""
) -> discord.Embed:
    """One field per command, each cut to Discord's limits, the whole within 6000."""
    embed = discord.Embed(title=TITLE, description=INTRO)
    budget = limits.EMBED_TOTAL - len(TITLE) - len(INTRO) - len(footer(prefix))
    for command in usable[: limits.EMBED_FIELDS]:
        name = shorten(usage(prefix, command), limits.FIELD_NAME)
        value = shorten(command_line(prefix, command, question), limits.FIELD_VALUE)
        budget -= len(name) + len(value)
        if budget < 0:
            break
        embed.add_field(name=name, value=value, inline=False)
    embed.set_footer(text=footer(prefix))
    return embed


def help_text(
    prefix: str, usable: list[commands.Command[Any, ..., Any]], question: str = ""
) -> str:
    """The same as plain text, for channels where the bot may not post embeds."""
    lines = [f"**{TITLE}**", INTRO]
    for command in usable:
        lines.append(f"`{usage(prefix, command)}`: {command_line(prefix, command, question)}")
    text = "\n".join(lines) + "\n" + footer(prefix)
    return shorten(text, limits.CONTENT)


def footer(prefix: str) -> str:
    return f"{prefix}help <command> shows one command."


def _flat(command: commands.Command[Any, ..., Any]) -> list[commands.Command[Any, ..., Any]]:
    """A group stands for its subcommands (``!article add``...), each with its own checks."""
    if isinstance(command, commands.Group):
        return [sub for child in command.commands for sub in _flat(child)]
    return [command]


class CitebotHelp(commands.HelpCommand):
    """Lists what the member may use here: commands whose checks fail for them are left out."""

    context: Context

    def __init__(self) -> None:
        super().__init__(
            verify_checks=True,
            show_hidden=False,
            command_attrs={
                "help": "List the commands you can use here, or explain one of them.",
                "extras": {"example": "summary"},
            },
        )

    @property
    def prefix(self) -> str:
        return self.context.usage_prefix

    async def send_bot_help(
        self, mapping: Mapping[commands.Cog | None, list[commands.Command[Any, ..., Any]]]
    ) -> None:
        everything = [
            command
            for listed in mapping.values()
            for command in listed
            for command in _flat(command)
        ]
        usable = sorted(await self.filter_commands(everything), key=lambda c: c.qualified_name)
        question = await self.context.bot.corpus_for(self.context.guild).example_question()
        if self.context.wants_embeds:
            await self.context.answer(embed=help_embed(self.prefix, usable, question))
        else:
            await self.context.answer(help_text(self.prefix, usable, question))

    async def send_command_help(self, command: commands.Command[Any, ..., Any]) -> None:
        if not await self.filter_commands([command]):
            await self.send_error_message(self.command_not_found(command.qualified_name))
            return
        question = await self.context.bot.corpus_for(self.context.guild).example_question()
        shown, line = usage(self.prefix, command), command_line(self.prefix, command, question)
        if self.context.wants_embeds:
            embed = discord.Embed(
                title=shorten(shown, limits.EMBED_TITLE),
                description=shorten(line, limits.EMBED_DESCRIPTION),
            )
            await self.context.answer(embed=embed)
        else:
            await self.context.answer(shorten(f"**{shown}**\n{line}", limits.CONTENT))

    async def send_cog_help(self, cog: commands.Cog) -> None:
        await self.send_bot_help(self.get_bot_mapping())

    def command_not_found(self, string: str) -> str:
        return f"I have no command called that. `{self.prefix}help` lists the ones you can use."

    def subcommand_not_found(self, command: commands.Command[Any, ..., Any], string: str) -> str:
        return self.command_not_found(string)

    async def send_error_message(self, error: str) -> None:
        await self.context.answer(error)
