"""Threads and forum channels: a thread started from a message (it takes the message's id, as
on Discord), and a forum post (a thread whose first message has the thread's id).

A thread is a channel of type 11 with a ``parent_id``; it has its parent's permissions. Its
creation is announced with THREAD_CREATE, and it is listed in GUILD_CREATE's ``threads``.
"""

from __future__ import annotations

from . import payloads
from .models import FORUM_CHANNEL, PUBLIC_THREAD, Channel, Guild, JsonDict, User, World

NAME_MAX = 100


def forum(world: World, guild: Guild, name: str) -> Channel:
    """A forum channel: people post threads in it, never plain messages."""
    channel = world.create_text_channel(guild, name)
    channel.type = FORUM_CHANNEL
    return channel


def start(world: World, parent: Channel, owner: User, name: str, thread_id: int) -> Channel:
    """A public thread in ``parent`` with id ``thread_id``."""
    if parent.is_dm or parent.is_thread:
        raise ValueError(f"a thread cannot be started in channel {parent.id} (type {parent.type})")
    if not 1 <= len(name) <= NAME_MAX:
        raise ValueError(f"a thread's name is 1 to {NAME_MAX} characters")
    if thread_id in world.channels:
        raise ValueError(f"message {thread_id} already has a thread")
    guild = world.guild_of(parent)
    thread = Channel(thread_id, guild.id, name, type=PUBLIC_THREAD, parent_id=parent.id)
    thread.owner_id = owner.id
    guild.channels[thread.id] = thread
    world.channels[thread.id] = thread
    return thread


def created(thread: Channel) -> JsonDict:
    """The THREAD_CREATE body for a thread just made."""
    return {**payloads.channel(thread), "newly_created": True}
