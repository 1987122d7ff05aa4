"""Discord's request limits, answered with its "Invalid Form Body" (50035) errors.

A bot that quotes long passages can exceed 2000 characters or the embed limits;
a real Discord rejects that with a 400, so the fake must too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import components
from .models import JsonDict

Problem = tuple[tuple[str, ...], str, str]

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
_EMBED_TEXT_LIMITS = {"title": 256, "description": 4096}
_URL = re.compile(r"(https?|attachment)://\S+")
_COMMAND_NAME = re.compile(r"[-_'\w]{1,32}")


def form_error(problems: Iterable[Problem]) -> JsonDict:
    """Nest problems by path as Discord does: ``{"embeds": {"0": {"title": {"_errors": []}}}}``."""
    errors: JsonDict = {}
    for path, code, message in problems:
        node = errors
        for key in path:
            node = node.setdefault(key, {})
        node.setdefault("_errors", []).append({"code": code, "message": message})
    return {"code": 50035, "errors": errors, "message": "Invalid Form Body"}


def _too_long(path: tuple[str, ...], limit: int) -> Problem:
    return (path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def is_empty_message(payload: Mapping[str, Any], file_count: int) -> bool:
    keys = ("embeds", "sticker_ids", "components", "poll")
    return not payload.get("content") and not file_count and not any(payload.get(k) for k in keys)


def message_problems(payload: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    content = payload.get("content")
    if content is not None and not isinstance(content, str):
        problems.append(
            (("content",), "STRING_TYPE_CONVERT", "Could not interpret value as string.")
        )
    elif content and len(content) > CONTENT_MAX:
        problems.append(_too_long(("content",), CONTENT_MAX))
    problems.extend(embed_problems(payload.get("embeds") or []))
    problems.extend(allowed_mentions_problems(payload.get("allowed_mentions")))
    problems.extend(components.problems(payload.get("components") or []))
    return problems


def embed_problems(embeds: Sequence[Mapping[str, Any]]) -> list[Problem]:
    if len(embeds) > EMBEDS_MAX:
        return [_too_long(("embeds",), EMBEDS_MAX)]
    problems: list[Problem] = []
    total = 0
    for index, embed in enumerate(embeds):
        at = ("embeds", str(index))
        for key, limit in _EMBED_TEXT_LIMITS.items():
            text = str(embed.get(key) or "")
            total += len(text)
            if len(text) > limit:
                problems.append(_too_long((*at, key), limit))
        for key, limit in (("footer", 2048), ("author", 256)):
            part = embed.get(key) or {}
            text = str(part.get("text" if key == "footer" else "name") or "")
            total += len(text)
            if len(text) > limit:
                problems.append(_too_long((*at, key, "text" if key == "footer" else "name"), limit))
        fields = embed.get("fields") or []
        if len(fields) > 25:
            problems.append(_too_long((*at, "fields"), 25))
        for number, item in enumerate(fields):
            for key, limit in (("name", 256), ("value", 1024)):
                text = str(item.get(key) or "")
                total += len(text)
                where = (*at, "fields", str(number), key)
                if not text:
                    problems.append((where, "BASE_TYPE_REQUIRED", "This field is required"))
                elif len(text) > limit:
                    problems.append(_too_long(where, limit))
        problems.extend(_url_problems(embed, at))
    if total > EMBED_TOTAL_MAX:
        message = f"Embed size exceeds maximum size of {EMBED_TOTAL_MAX}"
        problems.append((("embeds",), "MAX_EMBED_SIZE_EXCEEDED", message))
    return problems


def _url_problems(embed: Mapping[str, Any], at: tuple[str, ...]) -> list[Problem]:
    found: list[tuple[tuple[str, ...], Any]] = [((*at, "url"), embed.get("url"))]
    for part, key in (("author", "url"), ("author", "icon_url"), ("footer", "icon_url")):
        found.append(((*at, part, key), (embed.get(part) or {}).get(key)))
    for part in ("image", "thumbnail"):
        found.append(((*at, part, "url"), (embed.get(part) or {}).get("url")))
    return [
        (path, "URL_TYPE_INVALID_URL", "Not a well formed URL.")
        for path, url in found
        if url is not None and not (isinstance(url, str) and _URL.fullmatch(url))
    ]


def allowed_mentions_problems(allowed: Mapping[str, Any] | None) -> list[Problem]:
    if not allowed:
        return []
    parse = allowed.get("parse") or []
    problems: list[Problem] = []
    for kind in ("users", "roles"):
        if kind in parse and allowed.get(kind):
            message = f'parse:["{kind}"] and {kind}: [ids] are mutually exclusive.'
            problems.append(
                (("allowed_mentions",), "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", message)
            )
        if len(allowed.get(kind) or []) > 100:
            problems.append(_too_long(("allowed_mentions", kind), 100))
    return problems


def autocomplete_problems(data: Mapping[str, Any]) -> list[Problem]:
    choices = data.get("choices") or []
    if len(choices) > 25:
        return [_too_long(("data", "choices"), 25)]
    return [
        (
            ("data", "choices", str(i), "name"),
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.",
        )
        for i, choice in enumerate(choices)
        if not 1 <= len(str(choice.get("name") or "")) <= 100
    ]


def command_problems(commands: Sequence[Mapping[str, Any]]) -> list[Problem]:
    """The checks Discord applies when application commands are created or overwritten."""
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    for index, command in enumerate(commands):
        at = (str(index),)
        kind = int(command.get("type", 1))
        name = str(command.get("name", ""))
        problems.extend(_name_problems(name, at, lowercase=kind == 1))
        if (kind, name) in seen:
            message = "Application command names must be unique"
            problems.append(((*at, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", message))
        seen.add((kind, name))
        if kind == 1:
            problems.extend(_description_problems(command, at))
            problems.extend(_option_problems(command.get("options") or [], (*at, "options")))
    return problems


def _name_problems(name: str, at: tuple[str, ...], *, lowercase: bool) -> list[Problem]:
    if _COMMAND_NAME.fullmatch(name) and (not lowercase or name == name.lower()):
        return []
    if not lowercase and 1 <= len(name) <= 32 and name.strip() == name:  # a context menu's
        return []
    return [((*at, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")]


def _description_problems(item: Mapping[str, Any], at: tuple[str, ...]) -> list[Problem]:
    if 1 <= len(str(item.get("description") or "")) <= 100:
        return []
    return [((*at, "description"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")]


def _option_problems(options: Sequence[Mapping[str, Any]], at: tuple[str, ...]) -> list[Problem]:
    if len(options) > 25:
        return [_too_long(at, 25)]
    problems: list[Problem] = []
    optional_seen = False
    for index, option in enumerate(options):
        here = (*at, str(index))
        problems.extend(_name_problems(str(option.get("name", "")), here, lowercase=True))
        problems.extend(_description_problems(option, here))
        if len(option.get("choices") or []) > 25:
            problems.append(_too_long((*here, "choices"), 25))
        if option.get("type") in (1, 2):
            problems.extend(_option_problems(option.get("options") or [], (*here, "options")))
        elif option.get("required"):
            if optional_seen:
                message = "Required options must be placed before non-required options"
                problems.append((here, "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", message))
        else:
            optional_seen = True
    return problems
