"""What every action of the page's API reads from a request, checked as Discord would check
it, and how a refusal is answered."""

from __future__ import annotations

import json
import re
from typing import Any

from aiohttp import web

from fakediscord.models import JsonDict

from .actions import ActionError, Actions, upload

ACTIONS = web.AppKey("actions", Actions)
SNOWFLAKE = re.compile(r"[0-9]{1,20}")


async def json_body(request: web.Request) -> JsonDict:
    """The request's JSON object; refused (400) when it is not one, or holds a string that
    is not text (a lone surrogate cannot be encoded, and Discord would refuse it too)."""
    try:
        data = await request.json()
        json.dumps(data, ensure_ascii=False).encode()
    except (ValueError, RecursionError):  # UnicodeError is a ValueError
        raise web.HTTPBadRequest(text="send a JSON object") from None
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text="send a JSON object")
    return data


def text_of(data: JsonDict, key: str) -> str:
    """``data[key]``, which must be a string if given ("" when it is not)."""
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ActionError(f"{key} must be text")
    return value


def snowflake_of(data: JsonDict, key: str = "message_id") -> int:
    """A snowflake as Discord writes one: a string of ASCII digits that fits in 64 bits."""
    value = data.get("message_id")
    if not (isinstance(value, str) and SNOWFLAKE.fullmatch(value) and int(value) < 2**64):
        raise ActionError(f"{key} must be {'a message' if key == 'message_id' else 'an'}'s ID")
    return int(value)


def optional_snowflake(data: JsonDict, key: str) -> int | None:
    """``data[key]`` as a snowflake, or None when it is not given."""
    if data.get(key) is None:
        return None
    return snowflake_of({"message_id": data[key]}, key)


def refused(error: ActionError) -> web.Response:
    return web.json_response({"error": str(error)}, status=400)


def options_of(data: JsonDict) -> dict[str, Any]:
    """The options by name; a file (``{"name", "data"}``) for an attachment option."""
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise ActionError("options must be an object of name: value")
    return {name: upload(v) if isinstance(v, dict) else v for name, v in options.items()}
