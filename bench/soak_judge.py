"""The soak's verdict: each command's replies matched to it (by ``message_reference``) and
checked, the figures (throughput, latency p50/p99), and the goals they must meet.

Checked: every command gets exactly one reply, no reply is an error, every answer is exactly
(byte for byte) what the engine gives that question on corpus version A or on version B,
every hostile command's reply shows no markup of theirs, every button pressed is answered,
and nothing is logged at ERROR.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from bench.metrics import percentile
from bench.report import Goal, command_line, machine_line
from bench.soak_corpus import reply_key
from bench.soak_load import SoakOptions, Tally
from fakediscord import FakeDiscord
from fakediscord.markdown import parse

THEIR_MARKUP = frozenset(
    {"link", "mention", "emoji", "code", "em", "underline", "strike", "spoiler", "heading"}
)


def judge(
    server: FakeDiscord,
    tally: Tally,
    expected: dict[str, dict[str, str]],
    finished: bool,
    options: SoakOptions,
    wall: float,
) -> dict[str, Any]:
    by_message: dict[int, list[Any]] = {}
    stray = 0
    for sent in server.sent.items:
        if sent.interaction_id is not None:  # answers to button clicks: judged as they come
            continue
        reference = sent.message_reference or {}
        if sent.delivered and reference.get("message_id"):
            by_message.setdefault(int(reference["message_id"]), []).append(sent)
        else:
            stray += 1
    counts = Counter(len(by_message.get(c.message_id, [])) for c in tally.commands)
    errors = inconsistent = abstained = hostile_failed = 0
    versions: Counter[str] = Counter()
    for command in tally.commands:
        replies = by_message.get(command.message_id, [])
        if not replies:
            continue
        reply = replies[0]
        if command.kind == "hostile":
            hostile_failed += not _literal_and_polite(reply)
            continue
        if command.kind == "reload":
            added = f"Added: harbour-{(command.version or '').lower()}"
            if not reply.content.startswith("Reloaded:") or added not in reply.content:
                errors += 1
            continue
        question = command.text.removeprefix("!ask ")
        key = reply_key(reply.content, reply.embeds)
        if reply.embeds == [] and "The articles cover:" not in reply.content:
            errors += 1
            continue
        matched = [v for v, k in expected[question].items() if k == key]
        abstained += reply.embeds == []
        if matched:
            versions["both" if len(matched) > 1 else matched[0]] += 1
        else:
            inconsistent += 1
    asks = [c for c in tally.commands if c.kind == "ask"]
    hostile = [c for c in tally.commands if c.kind == "hostile"]
    latencies = [c.latency * 1000 for c in asks if c.latency is not None]
    reload_ms = [c.latency * 1000 for c in tally.commands if c.kind == "reload" and c.latency]
    span = max((c.posted_at + (c.latency or 0) for c in asks), default=0) - min(
        (c.posted_at for c in asks), default=0
    )
    exactly_one = counts.get(1, 0)
    result: dict[str, Any] = {
        "command": command_line(),
        "machine": machine_line(),
        "options": asdict(options),
        "finished": finished,
        "seconds": round(wall, 2),
        "commands": len(tally.commands),
        "asks": len(asks),
        "reloads": len(tally.commands) - len(asks) - len(hostile),
        "hostile": {
            "commands": len(hostile),
            "not_literal_or_not_polite": hostile_failed,
            "malformed_events": tally.malformed_events,
            "typing_429s": tally.typing_429s,
        },
        "gateway_faults": dict(tally.gateway_faults),
        "rest_faults": dict(tally.rest_faults),
        "error_statuses_served": dict(
            sorted(Counter(str(r.status) for r in server.requests.items if r.status >= 400).items())
        ),
        "throughput_asks_per_s": round(len(asks) / span, 1) if span > 0 else 0.0,
        "latency_ms": _summary(latencies),
        "reload_latency_ms": _summary(reload_ms),
        "replies": {
            "exactly_one": exactly_one,
            "none": counts.get(0, 0),
            "more_than_one": sum(n for k, n in counts.items() if k > 1),
            "not_a_reply": stray,
            "errors": errors,
            "inconsistent": inconsistent,
            "abstentions": abstained,
        },
        "answers_by_version": dict(versions),
        "clicks": dict(sorted(tally.clicks.items())),
        "click_failures": tally.click_failures[:20],
        "click_failures_count": len(tally.click_failures),
        "errors_logged": tally.errors_logged[:20],
    }
    result["goals"] = [g.as_dict() for g in goals(result)]
    result["ok"] = all(g["met"] for g in result["goals"])
    return result


def _literal_and_polite(reply: Any) -> bool:
    """A reply that shows no markup of theirs and is no error (refusals are fine)."""
    texts = [reply.content]
    for embed in reply.embeds:
        texts += [embed.get("title", ""), embed.get("description", "")]
        texts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    if "Something went wrong" in reply.content:
        return False
    return not any(parse(text).kinds() & THEIR_MARKUP for text in texts)


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": float("nan"), "p99": float("nan"), "max": float("nan")}
    return {
        "p50": round(percentile(values, 50), 1),
        "p99": round(percentile(values, 99), 1),
        "max": round(max(values), 1),
    }


def goals(result: dict[str, Any]) -> list[Goal]:
    replies = result["replies"]
    commands = result["commands"]
    versions = result["answers_by_version"]
    mix = ", ".join(f"{name}: {n}" for name, n in sorted(versions.items()))
    finished = "" if result["finished"] else " (the run did not finish in time)"
    return [
        Goal(
            "every command gets exactly one reply, through reloads and faults",
            f"{replies['exactly_one']} of {commands}; none: {replies['none']}, more than one: "
            f"{replies['more_than_one']}, stray messages: {replies['not_a_reply']}{finished}",
            result["finished"]
            and replies["exactly_one"] == commands
            and replies["not_a_reply"] == 0,
        ),
        Goal(
            "no error replies",
            f"{replies['errors']} of {commands}",
            result["finished"] and replies["errors"] == 0,
        ),
        Goal(
            "every answer is exactly what corpus version A or version B gives",
            f"{sum(versions.values())} of {sum(versions.values()) + replies['inconsistent']} "
            f"({mix})",
            result["finished"] and replies["inconsistent"] == 0,
        ),
        Goal(
            "every hostile command answered politely, showing no markup of theirs",
            f"{result['hostile']['commands'] - result['hostile']['not_literal_or_not_polite']} "
            f"of {result['hostile']['commands']} (with {result['hostile']['malformed_events']} "
            f"malformed gateway events and {result['hostile']['typing_429s']} typing 429s)",
            result["finished"] and result["hostile"]["not_literal_or_not_polite"] == 0,
        ),
        Goal(
            "every button pressed (explore, 👍/👎 with a reason) is answered, never with an error",
            f"{sum(result['clicks'].values()) - result['click_failures_count']} of "
            f"{sum(result['clicks'].values())}",
            result["finished"] and result["click_failures_count"] == 0,
        ),
        Goal(
            "nothing logged at ERROR",
            f"{len(result['errors_logged'])} records",
            not result["errors_logged"],
        ),
    ]
