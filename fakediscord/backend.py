"""State shared by the REST route modules, and the request helpers they have in common."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from . import validation
from .commands import CommandStore
from .faults import Faults
from .gateway import Gateway
from .interactions import InteractionState
from .journal import Records, Sent
from .models import Config, JsonDict, Upload, World
from .responses import Reject, empty_message, invalid_json

Files = list[tuple[str, bytes]]
API_PREFIX = "/api/v10"


@dataclass
class Backend:
    world: World
    config: Config
    records: Records
    faults: Faults
    gateway: Gateway
    commands: CommandStore
    interactions: dict[int, InteractionState] = field(default_factory=dict)

    def record(self, kind: str, route: str, payload: Mapping[str, Any], **extra: Any) -> None:
        """Journal a bot action; the message is copied as it is now (later edits don't leak)."""
        if extra.get("message") is not None:
            extra["message"] = copy.deepcopy(extra["message"])
        self.records.sent.append(Sent(kind, route, extra.pop("status", 200), payload, **extra))

    def attachments(self, payload: Mapping[str, Any], files: Files) -> list[JsonDict]:
        """Attachment objects for uploaded ``files[n]`` parts (descriptions from the payload)."""
        described = {str(a.get("id")): a for a in payload.get("attachments") or []}
        return [
            self.world.attach(
                Upload(filename, data), described.get(str(index), {}).get("description")
            )
            for index, (filename, data) in enumerate(files)
        ]


KEY = web.AppKey("fakediscord", Backend)


def backend(request: web.Request) -> Backend:
    return request.app[KEY]


async def read_body(request: web.Request) -> tuple[JsonDict, Files]:
    """A JSON body, or a multipart body with a ``payload_json`` part and ``files[n]`` parts."""
    if request.content_type.startswith("multipart/"):
        payload: JsonDict = {}
        files: Files = []
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader):
                continue
            if part.name == "payload_json":
                payload = _decode(await part.text())
            else:
                files.append((part.filename or part.name or "file", bytes(await part.read())))
        return payload, files
    text = await request.text()
    return (_decode(text) if text else {}), []


def _decode(text: str) -> JsonDict:
    try:
        data = json.loads(text)
    except ValueError:
        raise invalid_json() from None
    if not isinstance(data, dict):
        raise invalid_json()
    return data


def check_message(payload: Mapping[str, Any], file_count: int) -> None:
    """Raise Discord's 400 for an empty or over-limit message body."""
    problems = validation.message_problems(payload)
    if problems:
        raise Reject(400, validation.form_error(problems))
    if validation.is_empty_message(payload, file_count):
        raise empty_message()


def path_id(request: web.Request, name: str) -> int:
    """A snowflake from the URL; anything else is a 400, as on Discord."""
    raw = request.match_info[name]
    if raw.isdigit():
        return int(raw)
    problem = ((name,), "NUMBER_TYPE_COERCE", f'Value "{raw}" is not snowflake.')
    raise Reject(400, validation.form_error([problem]))


def route_key(request: web.Request) -> tuple[str, bool]:
    """discord.py's route key for this request, and whether the server serves that route."""
    resource = request.match_info.route.resource
    if resource is None:
        return f"{request.method} {request.path.removeprefix(API_PREFIX)}", False
    return f"{request.method} {resource.canonical.removeprefix(API_PREFIX)}", True
