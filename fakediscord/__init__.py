"""A Discord-compatible server (REST + gateway) for end-to-end tests of a real discord.py bot.

Only Discord's address changes: the bot runs unmodified discord.py over real sockets.
See ``server.FakeDiscord`` for the API; the test suite's ``discord_fixtures`` has pytest fixtures.
"""

from . import permissions
from .clients import running, skip_identify_delay
from .interactions import Invocation
from .journal import GatewayEvent, Journal, RequestRecord, Sent, Typing
from .models import Channel, Guild, Member, Role, Upload, User
from .server import FakeDiscord, PostedMessage

__all__ = [
    "Channel",
    "FakeDiscord",
    "GatewayEvent",
    "Guild",
    "Invocation",
    "Journal",
    "Member",
    "PostedMessage",
    "RequestRecord",
    "Role",
    "Sent",
    "Typing",
    "Upload",
    "User",
    "permissions",
    "running",
    "skip_identify_delay",
]
