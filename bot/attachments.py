"""An attached article file, fetched within bounds: its size checked before the download, its
bytes read only up to the limit (a size the attachment understates changes nothing)."""

from __future__ import annotations

import aiohttp
import discord
import yarl

from bot.article_files import Refused
from retrieval.corpus.files import too_large

CHUNK = 64 * 1024


async def read_bounded(attachment: discord.Attachment, limit: int, *, timeout: float) -> bytes:
    """The attachment's bytes; Refused when it is over ``limit`` or cannot be fetched."""
    if attachment.size > limit:
        raise Refused(str(too_large(attachment.filename, attachment.size, limit)))
    url = yarl.URL(attachment.url)
    if url.scheme not in ("http", "https"):
        raise Refused(f"{attachment.filename}: cannot be downloaded from where Discord put it")
    data = bytearray()
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session,
            session.get(url) as response,
        ):
            if response.status != 200:
                raise Refused(
                    f"{attachment.filename}: Discord answered the download with HTTP "
                    f"{response.status}; try again"
                )
            async for chunk in response.content.iter_chunked(CHUNK):
                data += chunk
                if len(data) > limit:
                    raise Refused(str(too_large(attachment.filename, len(data), limit)))
    except (aiohttp.ClientError, TimeoutError):
        raise Refused(f"{attachment.filename}: the download failed; try again") from None
    return bytes(data)
