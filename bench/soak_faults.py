"""The soak's faults, each placed at a share of the run's asks: the gateway closed (1006,
4000) or its session invalidated, Discord's REST API answering a reply with a 429
(Retry-After) and another with a 500, and (with ``--hostile N``) hostile input.
"""

from __future__ import annotations

from bench.soak_load import CHANNELS, REPLY_TIMEOUT, Load

MESSAGES_ROUTE = "POST /channels/{channel_id}/messages"
TYPING_ROUTE = "POST /channels/{channel_id}/typing"
GATEWAY_FAULTS = ("1006", "4000", "invalid session")

# Hostile input (with ``--hostile N``): an article whose title, byline and text carry masked
# links and markup (``bench.soak_corpus.HOSTILE_ARTICLE``), a user who sends these commands in
# turn (in a channel with embeds and in one that denies Embed Links), malformed gateway
# events, and typing requests answered with 429s. Each command must get one polite reply that
# shows no markup of the user's or the article's (checked with ``fakediscord.markdown``, a
# model of Discord's markdown).
HOSTILE_COMMANDS = (
    "!summary [a](b) [Click here to verify](https://evil.example/login) (x)",
    "!summary ||spoiler|| `code` ~~gone~~ __under__ [x](https://evil.example)",
    "!ask [Who](x) is Doug Bandow [Free Nitro](https://evil.example/nitro) "
    "(Cato Institute senior fellow)",
    "!ask Where is the Zorblat portal live?",
    "!ask What does the Zorblat heading list?",
    "!summary hostile-portal",
    "!ask @here",
    "!ask the of and to",
    "!ask " + "why " * 300,
    "!ask **Kim** ||congress|| `Pyongyang` <@123456789012345678> @everyone # > - 1.",
)


async def gateway_faults(load: Load) -> None:
    server, options, gate, tally = load.server, load.options, load.gate, load.tally
    for n in range(options.closes):
        await load.reached((n + 0.5) * options.asks / options.closes)
        fault = GATEWAY_FAULTS[n % len(GATEWAY_FAULTS)]
        mark = server.gateway_events.mark()
        if fault == "invalid session":
            await gate.close()
            await server.invalidate_session()
            await server.wait_for_gateway("ready", since=mark, timeout=REPLY_TIMEOUT)
            gate.open()
        else:
            await server.close_gateway(code=int(fault))
            await server.wait_for_gateway("resumed", since=mark, timeout=REPLY_TIMEOUT)
        tally.gateway_faults[fault] += 1


async def rest_faults(load: Load) -> None:
    server, options, tally = load.server, load.options, load.tally
    await load.reached(options.asks * 0.3)
    server.rate_limit(MESSAGES_ROUTE, retry_after=0.5)
    tally.rest_faults["429 (Retry-After 0.5 s)"] += 1
    await load.reached(options.asks * 0.7)
    server.fail(MESSAGES_ROUTE, status=500)
    tally.rest_faults["500 (retried by citebot)"] += 1


async def hostile(load: Load) -> None:
    server, options, guild, tally = load.server, load.options, load.guild, load.tally
    channels = guild.channels
    for n in range(options.hostile):
        await load.reached(n * options.asks / max(1, options.hostile))
        text = HOSTILE_COMMANDS[n % len(HOSTILE_COMMANDS)]
        channel = guild.no_embeds if n % 2 else channels[n % CHANNELS]
        if n % 5 == 0:  # typing is cosmetic: failing, it must not cost the reply
            server.rate_limit(TYPING_ROUTE, times=3, retry_after=0.05)
            tally.typing_429s += 3
        async with load.gate.posting():  # a malformed event, dropped with a warning
            event = server.message_event(channel, guild.hostile_user, "!sources")
            event["member"]["roles"] = [{"id": "1", "name": "not an id"}]
            await server.inject("MESSAGE_CREATE", event, guild_id=int(event["guild_id"]))
            tally.malformed_events += 1
        await load.send("hostile", text, channel, guild.hostile_user)
