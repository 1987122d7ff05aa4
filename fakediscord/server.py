"""``FakeDiscord``: the test-facing API of the fake Discord server.

Build a world (users, guilds, roles, channels, DMs), start the server, point discord.py at
it (``bot.endpoints.use_endpoints(server.api_base, server.gateway_url)``), run the real
bot, then act as users (``post_message``, ``invoke_slash``, ``click_button``, ``select``)
and await what the bot did (``wait_for_reply``). Faults (429s, 5xx, slow answers, gateway
closes) are scripted here. The acts, the observing and the faults live in ``acting``,
``observing`` and ``scripting``; this class holds the world and the running server.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType

from aiohttp import web

from . import rest, rest_commands, rest_interactions, threads
from .acting import Acting, PostedMessage, user_of
from .backend import KEY, Backend
from .commands import CommandStore
from .faults import Faults
from .gateway import Gateway
from .interacting import Interacting
from .journal import Records
from .models import Channel, Config, Guild, Member, Overwrite, Role, User, World
from .observing import Observing
from .scripting import Scripting

__all__ = ["FakeDiscord", "PostedMessage"]


class FakeDiscord(Acting, Interacting, Observing, Scripting):
    """A Discord-compatible REST + gateway server on 127.0.0.1 (a free port).

    It answers only its own bot (``token``: a random one unless given, never logged) and
    only requests addressed to its own loopback address (see ``loopback``), so another web
    page open in the same browser can neither read its channels nor post as the bot.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        bot_name: str = "FakeBot",
        heartbeat_interval: float = 1.0,
        interaction_deadline: float = 3.0,
        privileged_intents: bool = True,
        shard_count: int = 1,
    ) -> None:
        self.config = Config(
            heartbeat_interval=heartbeat_interval,
            interaction_deadline=interaction_deadline,
            privileged_intents=privileged_intents,
            shard_count=shard_count,
        )
        if token is not None:  # otherwise a random one, as Discord's are unguessable
            self.config.token = token
        self.world = World(bot_name)
        self.records = Records()
        self.faults = Faults()
        self.gateway = Gateway(self.world, self.config, self.records)
        self.commands = CommandStore(self.world)
        self._backend = Backend(
            self.world, self.config, self.records, self.faults, self.gateway, self.commands
        )
        self._runner: web.AppRunner | None = None

    # --- lifecycle ----------------------------------------------------------------

    async def start(self) -> None:
        # Discord accepts uploads far beyond aiohttp's 1 MiB default body limit.
        app = web.Application(middlewares=[rest.middleware], client_max_size=25 * 1024 * 1024)
        app[KEY] = self._backend
        rest.add_routes(app)
        rest_commands.add_routes(app)
        rest_interactions.add_routes(app)
        for path in rest.GATEWAY_PATHS:  # the second one is READY's resume_gateway_url
            app.router.add_get(path, self.gateway.handle)
        runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        host, port = runner.addresses[0][:2]
        self.config.api_base = f"http://{host}:{port}/api/v10"
        self.config.gateway_url = f"ws://{host}:{port}/gateway"
        self.config.resume_gateway_url = f"ws://{host}:{port}/gateway-resume"
        self.world.files_base = f"{self.config.api_base}/attachments"

    async def stop(self) -> None:
        if self._runner is None:
            return
        await self.gateway.shutdown()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def token(self) -> str:
        return self.config.token

    @property
    def api_base(self) -> str:
        return self.config.api_base

    @property
    def gateway_url(self) -> str:
        return self.config.gateway_url

    @property
    def resume_gateway_url(self) -> str:
        return self.config.resume_gateway_url

    @property
    def bot_user(self) -> User:
        return self.world.bot

    @property
    def application_owner(self) -> User:
        return self.world.application.owner

    @application_owner.setter
    def application_owner(self, user: User) -> None:
        self.world.application.owner = user

    # --- building the world (before the bot connects; changes are not dispatched) --

    def create_user(self, username: str, *, bot: bool = False) -> User:
        return self.world.create_user(username, bot=bot)

    def create_guild(self, name: str, *, owner: User, bot_permissions: int | None = None) -> Guild:
        if bot_permissions is None:
            return self.world.create_guild(name, owner=owner)
        return self.world.create_guild(name, owner=owner, bot_permissions=bot_permissions)

    def create_role(
        self, guild: Guild, name: str, *, permissions: int = 0, mentionable: bool = False
    ) -> Role:
        return self.world.create_role(guild, name, permissions=permissions, mentionable=mentionable)

    def add_member(
        self, guild: Guild, user: User, *, roles: Sequence[Role] = (), nick: str | None = None
    ) -> Member:
        return self.world.add_member(guild, user, roles=list(roles), nick=nick)

    def create_text_channel(self, guild: Guild, name: str, *, topic: str | None = None) -> Channel:
        return self.world.create_text_channel(guild, name, topic=topic)

    def create_forum_channel(self, guild: Guild, name: str) -> Channel:
        return threads.forum(self.world, guild, name)

    def create_dm_channel(self, user: User | Member) -> Channel:
        """The bot's DM channel with ``user``; post there with ``post_message``."""
        return self.world.create_dm_channel(user_of(user))

    def set_permission_overwrite(
        self, channel: Channel, target: Role | User | Member, *, allow: int = 0, deny: int = 0
    ) -> Overwrite:
        """E.g. ``deny=permissions.EMBED_LINKS`` on ``guild.everyone``."""
        return self.world.set_overwrite(channel, target, allow=allow, deny=deny)
