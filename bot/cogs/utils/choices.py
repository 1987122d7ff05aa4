""" "Which one did you mean?": a select menu only the asker may use, disabled when it times out."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.cogs.utils import limits
from bot.cogs.utils.formats import shorten
from bot.cogs.utils.private import tell_privately
from bot.pings import NO_PINGS
from bot.rest_responses import UnreadableResponses

log = logging.getLogger(__name__)

Chosen = Callable[[discord.Interaction[Any], str], Awaitable[None]]

ALREADY_USED = "This menu has already been used; run the command again to choose again."
NOT_OFFERED = "Choose one of the options this menu lists."
NOT_SHOWN = "Discord did not accept the answer to your choice; please run the command again."


@dataclass(frozen=True)
class Choice:
    """One option: what the menu shows, and the value handed to the callback."""

    label: str
    value: str
    description: str | None = None


class ChoiceView(discord.ui.View):
    """A select menu of ``choices``; picking one calls ``chosen`` with its value.

    Anyone can see the menu, but only ``owner_id`` may pick; others are told so privately.
    ``chosen`` is called once, with one of the values offered: a second pick (two arriving at
    once), none, or a value the menu never listed (a modified client can send anything) gets
    a private sentence instead. The pick is acknowledged before ``chosen`` runs, as a slash
    command is (what it does, such as a long article's first summary, may take longer than
    the 3 s Discord gives an answer), so ``chosen`` answers by editing the menu's message
    (``interaction.edit_original_response``). On timeout the menu is disabled in place, so a
    stale menu cannot be used later. An answer discord.py cannot read goes to ``unreadable``.
    """

    def __init__(
        self,
        owner_id: int,
        choices: Sequence[Choice],
        chosen: Chosen,
        *,
        timeout: float,
        unreadable: UnreadableResponses | None = None,
    ) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message: discord.Message | None = None
        self._chosen = chosen
        self._offered = frozenset(choice.value for choice in choices[: limits.SELECT_OPTIONS])
        self._taken = False
        self._unreadable = unreadable or UnreadableResponses()
        self.select: discord.ui.Select[ChoiceView] = discord.ui.Select(
            custom_id="choice",
            placeholder="Choose one",
            options=[
                discord.SelectOption(
                    label=shorten(choice.label, limits.SELECT_OPTION_TEXT),
                    value=choice.value,
                    description=shorten(choice.description, limits.SELECT_OPTION_TEXT)
                    if choice.description
                    else None,
                )
                for choice in choices[: limits.SELECT_OPTIONS]
            ],
        )
        self.select.callback = self._pick  # type: ignore[method-assign]
        self.add_item(self.select)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await self._tell(
            interaction,
            "Only the person who asked can choose here; run the command yourself to get a menu.",
        )
        return False

    async def _pick(self, interaction: discord.Interaction[Any]) -> None:
        values = list(self.select.values)
        if self._taken:  # checked and set with no await between: one pick wins
            await self._tell(interaction, ALREADY_USED)
            return
        if len(values) != 1 or values[0] not in self._offered:
            await self._tell(interaction, NOT_OFFERED)
            return
        self._taken = True
        self.stop()
        if not await self._acknowledge(interaction):
            return
        try:
            await self._chosen(interaction, values[0])
        except discord.HTTPException as error:
            log.warning("the answer to a menu pick was refused: %s", error)
            await self._tell(interaction, NOT_SHOWN)
        except Exception as error:  # carried out, but its answer could not be read
            self._unreadable.note("a menu pick", error)

    async def _acknowledge(self, interaction: discord.Interaction[Any]) -> bool:
        """Whether the pick is acknowledged; one whose answer discord.py cannot read is."""
        try:
            await interaction.response.defer()
        except discord.HTTPException as error:
            log.warning("the acknowledgement of a menu pick was refused: %s", error)
            await self._tell(interaction, NOT_SHOWN)
            return False
        except Exception as error:
            self._unreadable.note("a menu pick", error)
        return True

    async def _tell(self, interaction: discord.Interaction[Any], text: str) -> None:
        """A private sentence to whoever picked, as the interaction's response or a follow-up."""
        try:
            await tell_privately(interaction, text)
        except discord.HTTPException as error:
            log.warning("could not tell %s about their menu pick: %s", interaction.user.id, error)
        except Exception as error:
            self._unreadable.note("a menu's notice", error)

    async def on_timeout(self) -> None:
        self.select.disabled = True
        self.select.placeholder = "Timed out; run the command again"
        if self.message is None:
            return
        try:
            await self.message.edit(view=self, allowed_mentions=NO_PINGS)
        except discord.HTTPException as error:  # deleted, or no longer editable: nothing to do
            log.info("could not disable a timed-out menu: %s", error)
        except Exception as error:  # disabled, but the answer could not be read
            self._unreadable.note("disabling a timed-out menu", error)
