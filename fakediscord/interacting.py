"""What a test does as Discord's users through interactions: run slash, autocomplete and
message commands, press buttons, pick in select menus, submit forms.

Each act stores the interaction as a client would start it and dispatches the
INTERACTION_CREATE the bot receives; the returned ``Invocation`` marks where to look for the
bot's answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import components, context_menus, interactions, modals
from .acting import PostedMessage, message_id_of, user_of
from .backend import Backend
from .commands import CommandStore
from .gateway import Gateway
from .interactions import Invocation
from .journal import Records, Sent
from .models import Channel, Member, User, World


class Interacting:
    """``FakeDiscord``'s acts as users through interactions (a mixin, as ``Acting`` is)."""

    world: World
    records: Records
    gateway: Gateway
    commands: CommandStore
    _backend: Backend

    async def invoke_slash(
        self,
        channel: Channel,
        user: User | Member,
        command: str,
        options: Mapping[str, Any] | None = None,
    ) -> Invocation:
        """Run ``/command [group] [sub]`` with ``options`` by name; the command must be synced.

        Values: str/int/float/bool, ``User``/``Member``/``Role``/``Channel`` for those
        option types, or an ``Upload`` for an attachment option (they are added to
        ``data.resolved`` as Discord does; an upload is served at its ``url``).
        """
        return await self._invoke(channel, user, command, options or {}, None)

    async def invoke_autocomplete(
        self,
        channel: Channel,
        user: User | Member,
        command: str,
        options: Mapping[str, Any],
        *,
        focused: str,
    ) -> Invocation:
        """Ask for choices while ``options[focused]`` is being typed (sent as a string)."""
        return await self._invoke(channel, user, command, options, focused)

    async def invoke_message_command(
        self, message: PostedMessage | Sent | int, user: User | Member, name: str
    ) -> Invocation:
        """Run the message command ``name`` (from the message's Apps menu) on ``message``."""
        message_id = message_id_of(message)
        stored = self.world.messages[message_id]
        channel = self.world.channels[int(stored["channel_id"])]
        guild = self.world.guild_of(channel)
        found = self.commands.find(guild.id, name, context_menus.MESSAGE_COMMAND)
        if found is None:
            raise LookupError(f"no message command {name!r} is synced")
        payload, state = context_menus.build(self.world, found, channel, user_of(user), stored)
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return Invocation(state.id, state.token, channel.id, state.user_id, payload, mark)

    async def _invoke(
        self,
        channel: Channel,
        user: User | Member,
        command: str,
        options: Mapping[str, Any],
        focused: str | None,
    ) -> Invocation:
        name, *path = command.removeprefix("/").split()
        guild = self.world.guild_of(channel)
        found = self.commands.find(guild.id, name)
        if found is None:
            scopes = self.commands.in_scope(guild.id) + self.commands.in_scope(None)
            synced = [c["name"] for c in scopes]
            raise LookupError(
                f"/{name} is not synced globally or to {guild.name}; synced: {synced}"
            )
        payload, state = interactions.build(
            self.world, found, channel, user_of(user), path, options, focused=focused
        )
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return Invocation(state.id, state.token, channel.id, state.user_id, payload, mark)

    async def click_button(
        self, message: Sent | Mapping[str, Any] | int, user: User | Member, custom_id: str
    ) -> Invocation:
        """Press the button ``custom_id`` on ``message`` (as it is now) as ``user``.

        Refused, as a Discord client would refuse it, when the button is disabled, is a link,
        or the message is gone; the bot gets a MESSAGE_COMPONENT interaction otherwise.
        """
        return await self._use_component(message, user, custom_id, None)

    async def select(
        self,
        message: Sent | Mapping[str, Any] | int,
        user: User | Member,
        custom_id: str,
        values: Sequence[str],
        *,
        checked: bool = True,
    ) -> Invocation:
        """Pick ``values`` in the select menu ``custom_id`` on ``message`` as ``user``.

        ``checked=False`` sends ``values`` as given, none or ones the menu never offered, as a
        modified client or a hand-made request could.
        """
        return await self._use_component(message, user, custom_id, values, checked=checked)

    async def submit_modal(
        self, opener: Invocation, values: Mapping[str, str] | None = None
    ) -> Invocation:
        """Fill in and submit the form the bot opened in answer to ``opener``, as its user.

        ``values`` by each input's ``custom_id`` or label; inputs left out are submitted
        empty (refused, as a client would, if they are required).
        """
        form = modals.opened(self.records.sent.items, opener.id)
        opened_by = self._backend.interactions[opener.id]
        payload, state = modals.build(
            opener.payload, opened_by, form, values or {}, self.world.snowflakes.next()
        )
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=state.guild_id or None)
        return Invocation(state.id, state.token, state.channel_id, state.user_id, payload, mark)

    async def _use_component(
        self,
        message: Sent | Mapping[str, Any] | int,
        user: User | Member,
        custom_id: str,
        values: Sequence[str] | None,
        *,
        checked: bool = True,
    ) -> Invocation:
        if isinstance(message, Sent):
            if message.message is None:
                raise ValueError(f"{message!r} did not create a message")
            message = message.message
        message_id = message if isinstance(message, int) else int(message["id"])
        stored = self.world.messages.get(message_id)
        if stored is None:
            raise LookupError(f"message {message_id} does not exist (deleted?)")
        payload, state = components.build(
            self.world, stored, user_of(user), custom_id, values, checked=checked
        )
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=state.guild_id or None)
        return Invocation(state.id, state.token, state.channel_id, state.user_id, payload, mark)
