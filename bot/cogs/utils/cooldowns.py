"""A per-user rate limit read from configuration, so moderators can tune it without code."""

from __future__ import annotations

from typing import Any, TypeVar

from discord.ext import commands

T = TypeVar("T")


def per_user(ctx: commands.Context[Any]) -> commands.Cooldown | None:
    settings = ctx.bot.settings.discord
    return commands.Cooldown(settings.cooldown_rate, settings.cooldown_seconds)


def configured(command: T) -> T:
    """Apply the configured per-user cooldown to a command."""
    return commands.dynamic_cooldown(per_user, commands.BucketType.user)(command)
