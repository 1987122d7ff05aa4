"""What a test does as Discord's users: post, start threads, post in forums (running
commands and pressing buttons: ``fakediscord.interacting``).

Each act stores what a client would and dispatches the gateway event the bot receives; the
returned ``PostedMessage`` marks where to look for the bot's answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import messages, threads
from .backend import Backend
from .commands import CommandStore
from .gateway import Gateway
from .journal import Records, Sent
from .models import Channel, JsonDict, Member, Upload, User, World


@dataclass(frozen=True)
class PostedMessage:
    """A message a user posted; pass it to ``wait_for_reply`` or as a ``reference``."""

    id: int
    channel_id: int
    author_id: int
    content: str
    payload: JsonDict
    mark: int


def user_of(who: User | Member) -> User:
    return who.user if isinstance(who, Member) else who


def message_id_of(message: PostedMessage | Sent | int) -> int:
    """The id of a message a test posted, one the bot sent, or an id given as is."""
    if isinstance(message, PostedMessage):
        return message.id
    if isinstance(message, Sent):
        return int((message.message or {})["id"])
    return message


class Acting:
    """``FakeDiscord``'s acts as users (a mixin: the server holds the world and the gateway)."""

    world: World
    records: Records
    gateway: Gateway
    commands: CommandStore
    _backend: Backend

    async def post_message(
        self,
        channel: Channel,
        author: User | Member,
        content: str,
        *,
        reference: PostedMessage | int | None = None,
        files: Sequence[Upload] = (),
    ) -> PostedMessage:
        """Post as ``author`` and dispatch MESSAGE_CREATE to the bot.

        In a guild channel the author must be a member; in a DM channel, its recipient
        (the event then has no ``guild_id``, as on Discord). ``files`` are attached, and
        served at their attachment's ``url`` as Discord's CDN serves them.
        """
        user = user_of(author)
        if channel.is_dm:
            if user.id != channel.recipient_id:
                raise ValueError(f"{user.username} is not the recipient of DM {channel.id}")
        elif user.id not in (guild := self.world.guild_of(channel)).members:
            raise ValueError(f"{user.username} is not a member of {guild.name}")
        body: JsonDict = {"content": content}
        if reference is not None:
            target = reference.id if isinstance(reference, PostedMessage) else int(reference)
            body["message_reference"] = {"message_id": str(target), "channel_id": str(channel.id)}
        attachments = [self.world.attach(upload) for upload in files]
        message = messages.create(self.world, channel, user, body, attachments=attachments)
        mark = self.records.sent.mark()
        await self.gateway.dispatch_message("MESSAGE_CREATE", message)
        return PostedMessage(int(message["id"]), channel.id, user.id, content, message, mark)

    async def start_thread(
        self, message: PostedMessage | Sent | int, user: User | Member, name: str
    ) -> Channel:
        """``user`` starts a thread from ``message`` (the thread takes its id), as a member
        does with "Create Thread"; the bot gets THREAD_CREATE."""
        message_id = message_id_of(message)
        stored = self.world.messages[message_id]
        parent = self.world.channels[int(stored["channel_id"])]
        thread = threads.start(self.world, parent, user_of(user), name, message_id)
        await self.gateway.dispatch(
            "THREAD_CREATE", threads.created(thread), guild_id=thread.guild_id
        )
        return thread

    async def post_in_forum(
        self, forum: Channel, author: User | Member, title: str, content: str
    ) -> PostedMessage:
        """A new post in ``forum``: a thread named ``title`` whose first message (with the
        thread's id) says ``content``; THREAD_CREATE, then MESSAGE_CREATE in the thread."""
        user = user_of(author)
        thread_id = self.world.snowflakes.next()
        thread = threads.start(self.world, forum, user, title, thread_id)
        await self.gateway.dispatch(
            "THREAD_CREATE", threads.created(thread), guild_id=thread.guild_id
        )
        message = messages.create(
            self.world, thread, user, {"content": content}, extra={"id": str(thread_id)}
        )
        mark = self.records.sent.mark()
        await self.gateway.dispatch_message("MESSAGE_CREATE", message)
        return PostedMessage(thread_id, thread.id, user.id, content, message, mark)

    def message_event(self, channel: Channel, author: User | Member, content: str) -> JsonDict:
        """The MESSAGE_CREATE body ``post_message`` would send, to alter before ``inject``."""
        message = messages.create(self.world, channel, user_of(author), {"content": content})
        return messages.gateway_form(self.world, message)

    async def inject(self, event: str, data: JsonDict, *, guild_id: int | None = None) -> None:
        """Dispatch ``data`` exactly as given, malformed or not, as third-party servers might."""
        await self.gateway.dispatch(event, data, guild_id=guild_id)
