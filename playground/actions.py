"""What a person on the page can do, as the fake Discord's users, in one of the playground's
servers: post a message (with a file attached, or in reply to another), start a thread, run a
slash command or a message command, ask for its autocomplete choices, press a button or pick
from a menu, and fill in a form (a modal) the bot opens.

Errors a Discord client would prevent or report (an unknown command, a missing option,
an overlong message) come back as ``ActionError`` with a sentence for the page.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from typing import Any

from fakediscord import Channel, FakeDiscord, Sent, Upload, payloads
from fakediscord.context_menus import MESSAGE_COMMAND
from fakediscord.interactions import Invocation, unavailable
from fakediscord.models import FORUM_CHANNEL, JsonDict

from .feed import Feed
from .guild import Person, PlaygroundGuild, Server

MAX_CONTENT = 2000  # Discord's limit on what a user may type
MAX_UPLOAD = 1_000_000  # bytes of a file the page may attach: articles are far smaller
MAX_FILENAME = 200
AUTOCOMPLETE_WAIT = 3.0  # Discord's own deadline for an autocomplete answer
COMPONENT_WAIT = 3.0  # after which Discord tells the user "This interaction failed"
INTERACTION_FAILED = "This interaction failed"
FORMS_KEPT = 100
THREAD_NAME = 100  # Discord's limit on a thread's name


class ActionError(ValueError):
    """Something the page asked for that Discord would not do; the message says why."""


def upload(given: object) -> Upload | None:
    """A file the page attached: ``{"name": ..., "data": <base64>}``, or None."""
    if given is None:
        return None
    if not isinstance(given, dict):
        raise ActionError("file must be an object with a name and base64 data")
    name, data = given.get("name"), given.get("data")
    if not isinstance(name, str) or not name or len(name) > MAX_FILENAME:
        raise ActionError(f"a file needs a name of 1 to {MAX_FILENAME} characters")
    if not isinstance(data, str) or len(data) > (MAX_UPLOAD * 4) // 3 + 4:
        raise ActionError(f"files attached here are limited to {MAX_UPLOAD:,} bytes")
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ActionError("the file's data must be base64") from None
    return Upload(name, content)


class Actions:
    def __init__(self, server: FakeDiscord, place: PlaygroundGuild, feed: Feed) -> None:
        self.server, self.place, self.feed = server, place, feed
        self._forms: dict[int, tuple[str, Invocation]] = {}  # forms open, by interaction

    def where(self, key: object) -> Server:
        """The server the page shows (its first one when the page does not say)."""
        if key is None:
            return self.place.first
        found = self.place.servers.get(str(key))
        if found is None:
            raise ActionError(f"the servers are {', '.join(self.place.servers)}")
        return found

    def person(self, key: object, where: Server | None = None) -> Person:
        people = (where or self.place.first).people
        person = people.get(str(key))
        if person is None:
            raise ActionError(f"speak as one of {', '.join(people)}")
        return person

    def channel(self, person: Person, channel_id: int | None = None) -> Channel:
        """One of the channels or threads of ``person``'s server (its #general when none is
        named)."""
        where = self._server(person)
        if channel_id is None:
            return where.channel
        channel = where.channel_of(channel_id)
        if channel is None:
            raise ActionError("post in one of the playground's channels")
        return channel

    def _server(self, person: Person) -> Server:
        for where in self.place.servers.values():
            if where.people.get(person.key) is person:
                return where
        return self.place.first

    async def post(
        self,
        person: Person,
        content: str,
        channel_id: int | None = None,
        reply_to: int | None = None,
        upload: Upload | None = None,
    ) -> JsonDict:
        """Post in a channel (replying to ``reply_to``, with ``upload`` attached); in a forum,
        a new post: a thread named after its first words."""
        if not content.strip() and upload is None:
            raise ActionError("type a message first")
        if len(content) > MAX_CONTENT:
            raise ActionError(f"messages are limited to {MAX_CONTENT} characters")
        channel = self.channel(person, channel_id)
        files = (upload,) if upload is not None else ()
        if channel.type == FORUM_CHANNEL:
            if upload is not None or not content.strip():
                raise ActionError("start a forum post with a question; attach files in a channel")
            title = " ".join(content.split())[:THREAD_NAME]
            posted = await self.server.post_in_forum(channel, person.member, title, content)
            self.feed.thread(payloads.channel(self.server.world.channels[posted.channel_id]))
        else:
            if reply_to is not None and reply_to not in self.server.world.messages:
                raise ActionError("the message you reply to is gone")
            posted = await self.server.post_message(
                channel, person.member, content, reference=reply_to, files=files
            )
        self.feed.posted(posted.payload)
        return posted.payload

    async def start_thread(self, person: Person, message_id: int, name: str) -> JsonDict:
        """A thread from a message, as "Create Thread" does; the thread's channel object."""
        if not name.strip():
            raise ActionError("name the thread")
        message = self.server.world.messages.get(message_id)
        if message is None or self._server(person).channel_of(int(message["channel_id"])) is None:
            raise ActionError("that message is gone")
        try:
            thread = await self.server.start_thread(message_id, person.member, name[:THREAD_NAME])
        except (KeyError, ValueError) as error:
            raise ActionError(str(error).strip("'")) from None
        data = payloads.channel(thread)
        self.feed.thread(data)
        return data

    async def message_command(self, person: Person, message_id: int, name: str) -> None:
        """Run a message command (the message's Apps menu) on ``message_id``."""
        message = self.server.world.messages.get(message_id)
        if message is None or self._server(person).channel_of(int(message["channel_id"])) is None:
            raise ActionError("that message is gone")
        try:
            used = await self.server.invoke_message_command(message_id, person.member, name)
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None
        await self._answered(used)

    async def _answered(self, invocation: Invocation) -> Sent:
        """The bot's first delivered answer to ``invocation``, or Discord's "This interaction
        failed" when none comes in time."""
        try:
            return await self.server.wait_for(
                lambda sent: sent.interaction_id == invocation.id and sent.delivered,
                since=invocation.mark,
                timeout=COMPONENT_WAIT,
            )
        except TimeoutError:
            raise ActionError(INTERACTION_FAILED) from None

    def message_commands(self, where: Server | None = None) -> list[str]:
        guild = (where or self.place.first).guild
        synced = self.server.synced_commands(guild) + self.server.synced_commands()
        return sorted(c["name"] for c in synced if c.get("type") == MESSAGE_COMMAND)

    def commands(self, person: Person) -> list[JsonDict]:
        """The slash commands Discord would offer ``person`` here, by name."""
        channel = self.channel(person)
        guild = self.server.world.guild_of(channel)
        synced = self.server.synced_commands(guild) + self.server.synced_commands()
        offered = {
            command["name"]: command
            for command in synced
            if command.get("type", 1) == 1
            and unavailable(self.server.world, command, channel, person.user) is None
        }
        return [offered[name] for name in sorted(offered)]

    async def slash(
        self,
        person: Person,
        command: str,
        options: Mapping[str, Any],
        channel_id: int | None = None,
    ) -> None:
        if not command.removeprefix("/").strip():
            raise ActionError("type a command's name after /")
        channel = self.channel(person, channel_id)
        if channel.type == FORUM_CHANNEL:
            raise ActionError("in a forum, start a post; run commands in a channel or a thread")
        try:
            await self.server.invoke_slash(channel, person.member, command, options)
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None

    async def autocomplete(
        self, person: Person, command: str, options: Mapping[str, Any], focused: str
    ) -> list[JsonDict]:
        """The choices the bot offers while ``options[focused]`` is typed (none if it is slow)."""
        if not command.removeprefix("/").strip():
            raise ActionError("type a command's name after /")
        try:
            invocation = await self.server.invoke_autocomplete(
                self.channel(person), person.member, command, options, focused=focused
            )
            answer = await self.server.wait_for_reply(invocation, timeout=AUTOCOMPLETE_WAIT)
        except TimeoutError:
            return []
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None
        return answer.choices

    async def use_component(
        self, person: Person, message_id: int, custom_id: str, values: Sequence[str] | None
    ) -> JsonDict | None:
        """Press a button (``values`` None) or pick ``values`` from a select menu; the form
        the bot opened in answer, if it did (``interaction_id`` added, to submit it).

        Like Discord, reports "This interaction failed" when the bot does not acknowledge
        the click within three seconds.
        """
        try:
            if values is None:
                used = await self.server.click_button(message_id, person.member, custom_id)
            else:
                used = await self.server.select(message_id, person.member, custom_id, values)
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None
        answer = await self._answered(used)
        if answer.kind != "modal":
            return None
        self._forms[used.id] = (person.key, used)
        while len(self._forms) > FORMS_KEPT:
            self._forms.pop(next(iter(self._forms)))
        return {**answer.payload, "interaction_id": str(used.id)}

    async def submit_form(
        self, person: Person, interaction_id: int, values: Mapping[str, str]
    ) -> None:
        """Submit the form the bot opened for ``person`` with ``values`` by input id."""
        opened = self._forms.pop(interaction_id, None)
        if opened is None or opened[0] != person.key:
            raise ActionError("that form is closed; press the button again")
        try:
            submitted = await self.server.submit_modal(opened[1], values)
        except (LookupError, ValueError) as error:
            raise ActionError(str(error)) from None
        await self._answered(submitted)
