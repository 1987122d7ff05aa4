"""Which corpus serves which server: the shared one, or (``scope = "per_server"``) its own.

With ``scope = "shared"`` every server reads the one corpus of ``[corpus] directory``. With
``"per_server"`` a server that changed its articles has a folder of its own,
``<directory>/servers/<server id>/``, made as a copy of the shared articles on its first change,
with its own index; every other server keeps reading the shared engine, so untouched servers
cost nothing more than one does.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from bot import article_files
from bot.config import Settings, is_shipped, servers_folder
from bot.engines import refusal
from bot.history import DEFAULT_NAME, History
from bot.service import CorpusService
from retrieval import CorpusError

log = logging.getLogger(__name__)
SHARED = "shared"  # the history's name for the shared corpus


class Corpora:
    """The shared corpus, and each server's own once it has one."""

    def __init__(self, settings: Settings, shared: CorpusService) -> None:
        self.settings = settings
        self.shared = shared
        self.per_server = settings.corpus.scope == "per_server"
        self._servers: dict[int, CorpusService] = {}
        self._creating = asyncio.Lock()
        self._loaded = False
        self.servers = servers_folder(settings, shared.directory)
        self.history = _history(settings, shared.directory)

    @property
    def writable(self) -> bool:
        """Articles may be changed from Discord: never the ones citebot ships in its package
        (per-server copies of them may be, when they are kept elsewhere)."""
        if self.per_server:
            return not is_shipped(self.servers.parent)
        return not is_shipped(self.shared.directory)

    def serving(self, guild_id: int | None) -> CorpusService:
        """The corpus that answers in ``guild_id`` (None: a direct message)."""
        if self.per_server and guild_id is not None:
            return self._servers.get(guild_id, self.shared)
        return self.shared

    def name(self, guild_id: int | None) -> str:
        """What the history calls the corpus a change in ``guild_id`` changes."""
        if self.per_server and guild_id is not None:
            return str(guild_id)
        return SHARED

    def own(self, guild_id: int | None) -> CorpusService | None:
        """The server's own corpus if it has one (always the shared one in shared scope)."""
        if not self.per_server:
            return self.shared
        return self._servers.get(guild_id) if guild_id is not None else None

    def folder(self, guild_id: int) -> Path:
        return self.servers / str(guild_id)

    async def load_servers(self) -> None:
        """At start: every server folder a change made, loaded and indexed.

        Staging folders a crash left behind are removed first. A server whose folder cannot be
        served (edited by hand, say) is logged and answered from the shared articles until its
        folder is fixed and a moderator there runs ``!reload``.
        """
        if self._loaded:  # a client made again after a lost connection: already done
            return
        self._loaded = True
        folders = [self.shared.directory]
        servers = self.servers
        found = server_folders(servers)
        if servers.is_dir():
            folders.append(servers)
        for folder in [*folders, *found]:
            await asyncio.to_thread(article_files.clean_staging, folder)
        if not self.per_server:
            return
        for folder in found:
            try:
                await self._open(int(folder.name), folder)
            except CorpusError as error:
                log.error(
                    "server %s's own articles cannot be served: %s", folder.name, refusal(error)
                )

    async def reloadable(self, guild_id: int | None) -> CorpusService:
        """The corpus ``!reload`` in ``guild_id`` reloads: the server's own folder when it has
        one (loaded now if it could not be at start), else the shared one."""
        if not self.per_server or guild_id is None:
            return self.shared
        if guild_id in self._servers:
            return self._servers[guild_id]
        folder = self.folder(guild_id)
        if folder.is_dir():
            async with self._creating:
                return self._servers.get(guild_id) or await self._open(guild_id, folder)
        return self.shared

    async def for_change(self, guild_id: int | None) -> CorpusService:
        """The corpus a change made in ``guild_id`` changes; in per-server scope, the server's
        own, made now from the shared articles if this is its first change."""
        if not self.per_server or guild_id is None:
            return self.shared
        if guild_id in self._servers:  # no wait behind another server's first copy
            return self._servers[guild_id]
        async with self._creating:
            existing = self._servers.get(guild_id)
            if existing is not None:
                return existing
            folder = self.folder(guild_id)
            if not folder.is_dir():
                async with self.shared.changing():  # a copy of one whole version
                    await asyncio.to_thread(
                        article_files.copy_articles, self.shared.directory, folder
                    )
                log.info("server %s now has its own articles, in %s", guild_id, folder)
            return await self._open(guild_id, folder)

    async def _open(self, guild_id: int, folder: Path) -> CorpusService:
        service = await asyncio.to_thread(CorpusService.open, self.settings, folder)
        self._servers[guild_id] = service
        return service


def server_folders(servers: Path) -> list[Path]:
    """The servers' own folders, each named by its server's id."""
    if not servers.is_dir():
        return []
    return sorted(p for p in servers.iterdir() if p.name.isdigit() and p.is_dir())


def _history(settings: Settings, corpus: Path) -> History | None:
    """The history's file: the configured database, else the question log's when it is kept,
    else one in the folder changes are made in (none for the articles citebot ships when they
    are changed nowhere)."""
    if settings.storage.database is not None:
        return History(settings.storage.database)
    if settings.question_log.enabled:
        return History(settings.question_log.path)
    if not is_shipped(corpus):
        return History(corpus / DEFAULT_NAME)
    servers = settings.corpus.servers_directory
    return History(servers / DEFAULT_NAME) if servers is not None else None
