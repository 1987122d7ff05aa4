"""HTTP responses and errors in Discord's format.

discord.py only decodes a body as JSON when ``Content-Type`` is exactly
``application/json`` (aiohttp's ``json_response`` appends a charset), so every
JSON response is built here. Handlers ``raise`` a :class:`Reject` to answer with
an error; the middleware turns it into the response.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .models import JsonDict


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    body = json.dumps(data, separators=(",", ":")).encode()
    return web.Response(
        body=body, status=status, headers={"Content-Type": "application/json", **(headers or {})}
    )


def no_content() -> web.Response:
    return web.Response(status=204)


class Reject(Exception):
    """An error answer (status + Discord JSON error body)."""

    def __init__(self, status: int, body: JsonDict) -> None:
        super().__init__(f"{status} {body}")
        self.status = status
        self.body = body

    def response(self) -> web.Response:
        return json_response(self.body, self.status)


def error(status: int, message: str, code: int = 0) -> Reject:
    return Reject(status, {"message": message, "code": code})


_UNKNOWN_CODES = {
    "Channel": 10003,
    "Guild": 10004,
    "Member": 10007,
    "Message": 10008,
    "User": 10013,
    "Webhook": 10015,
    "interaction": 10062,
    "application command": 10063,
}


def unknown(entity: str) -> Reject:
    """404 for a missing entity, with Discord's JSON error code."""
    return error(404, f"Unknown {entity}", _UNKNOWN_CODES[entity])


def not_found_route() -> Reject:
    return error(404, "404: Not Found")


def method_not_allowed() -> Reject:
    return error(405, "405: Method Not Allowed")


def unauthorized() -> Reject:
    return error(401, "401: Unauthorized")


def missing_access() -> Reject:
    return error(403, "Missing Access", 50001)


def missing_permissions() -> Reject:
    return error(403, "Missing Permissions", 50013)


def empty_message() -> Reject:
    return error(400, "Cannot send an empty message", 50006)


def invalid_json() -> Reject:
    return error(400, "The request body contains invalid JSON.", 50109)
