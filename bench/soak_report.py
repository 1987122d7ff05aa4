"""The soak's figures as tables, and its section of the benchmark report."""

from __future__ import annotations

from typing import Any

from bench.report import markdown_table
from bench.soak_corpus import ABSTAINED, ANSWERED, CHANGED, QUESTIONS


def tables(result: dict[str, Any]) -> str:
    o = result["options"]
    latency, reload = result["latency_ms"], result["reload_latency_ms"]
    faults = {**result["gateway_faults"], **result["rest_faults"]}
    load = markdown_table(
        ("", "value"),
        [
            ("users", o["users"]),
            ("!ask sent", result["asks"]),
            ("!reload sent", result["reloads"]),
            ("hostile commands sent", result["hostile"]["commands"]),
            ("malformed gateway events sent", result["hostile"]["malformed_events"]),
            ("typing requests answered with 429", result["hostile"]["typing_429s"]),
            *((f"fault: {name}", n) for name, n in faults.items()),
            (
                "error statuses the fake Discord served",
                ", ".join(f"{n}x {status}" for status, n in result["error_statuses_served"].items())
                or "none",
            ),
            ("seconds in all (with start and checks)", f"{result['seconds']:.1f}"),
            ("throughput, asks answered per second", f"{result['throughput_asks_per_s']:.0f}"),
            ("!ask reply latency p50 / p99 / max, ms", _triple(latency)),
            ("!reload reply latency p50 / p99 / max, ms", _triple(reload)),
        ],
    )
    r, versions = result["replies"], result["answers_by_version"]
    checks = markdown_table(
        ("", "value"),
        [
            ("commands with exactly one reply", f"{r['exactly_one']} of {result['commands']}"),
            ("commands with no reply / more than one", f"{r['none']} / {r['more_than_one']}"),
            ("bot messages that reply to no command", r["not_a_reply"]),
            ("error replies", r["errors"]),
            (
                "hostile commands whose reply showed their markup or an error",
                result["hostile"]["not_literal_or_not_polite"],
            ),
            ("answers matching neither version", r["inconsistent"]),
            ("abstentions among the answers", r["abstentions"]),
            ("answers only version A gives", versions.get("A", 0)),
            ("answers only version B gives", versions.get("B", 0)),
            ("answers the same in both versions", versions.get("both", 0)),
            ("records logged at ERROR", len(result["errors_logged"])),
        ],
    )
    failures = [
        *(f"- {failure}" for failure in result["click_failures"]),
        *(f"- logged at ERROR: {record}" for record in result["errors_logged"]),
    ]
    return "\n\n".join(
        [load, checks, *(["What failed:\n\n" + "\n".join(failures)] if failures else [])]
    )


def _triple(values: dict[str, float]) -> str:
    return f"{values['p50']:.1f} / {values['p99']:.1f} / {values['max']:.1f}"


def section(result: dict[str, Any]) -> str:
    return "\n\n".join(
        [
            "## Soak: the bot under load, reloads and faults",
            f"Command: `{result['command']}`\n\n{result['machine']}",
            (
                "The real `Citebot` and the test suite's fake Discord (REST + gateway over "
                "127.0.0.1) share one event loop. Each user sends its share of `!ask`s one at "
                "a time (waiting for each reply), drawn at random from "
                f"{len(QUESTIONS)} questions: {len(ANSWERED)} the seed articles answer, "
                f"{len(CHANGED)} that corpus versions A and B answer differently, "
                f"{len(ABSTAINED)} on which both abstain. A moderator's `!reload`s are spread "
                "evenly over the run, each after switching the corpus folder to the other "
                "version (one atomic rename); gateway faults cycle through a 1006 drop, a 4000 "
                "close (the bot resumes; messages sent meanwhile are replayed) and an invalid "
                "session (the bot identifies again; users hold their posts until it is ready, "
                "as nothing is replayed then); at 30% and 70% of the asks Discord answers a "
                "reply with a 429 and with a 500. Latency runs from the user's post to the "
                "bot's reply reaching the server; throughput is answered asks per second of "
                "the ask phase. An answer counts as consistent when its content and embeds are "
                "exactly those the engine and the bot's formatter give that question on "
                "version A or on version B."
                + (_HOSTILE_TEXT if result["hostile"]["commands"] else "")
            ),
            tables(result),
        ]
    )


_HOSTILE_TEXT = (
    " With `--hostile N`, one more user sends N hostile commands spread over the run, in "
    "turn from the adversarial run's list (masked links framed to fool greedy escaping, "
    "spoilers, code, mentions, headings, a question of only common words, one of 1,200 "
    "characters, questions and summaries over an added article whose title, byline and text "
    "are full of masked links and markup), every other one in a channel that denies Embed "
    "Links; before each, a MESSAGE_CREATE whose `member.roles` holds objects instead of ids "
    "(dropped with a warning, no reply), and before every fifth, three 429s on the typing "
    "route. A hostile command passes when its one reply is no error and, read with "
    "`fakediscord.markdown`, shows no markup of the sender's or the article's."
)
