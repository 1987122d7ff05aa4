"""The soak benchmark (``python -m bench soak``) in a short form, so CI runs it on every change."""

from __future__ import annotations

from bench.soak import SoakOptions, goals, soak


async def test_under_load_reloads_and_faults_every_command_gets_one_consistent_reply() -> None:
    options = SoakOptions(asks=100, users=10, reloads=4, closes=3, timeout=50.0)

    result = await soak(options)

    assert result["finished"], "stopped by the time limit"
    assert [g.goal for g in goals(result) if not g.met] == [], result
    assert result["commands"] == 104 and result["replies"]["exactly_one"] == 104
    assert set(result["clicks"]) == {"cb:ctx:", "cb:more:", "cb:sum:", "cb:vote:down", "cb:vote:up"}
    assert result["gateway_faults"] == {"1006": 1, "4000": 1, "invalid session": 1}
    assert result["error_statuses_served"] == {"429": 1, "500": 1}
    versions = result["answers_by_version"]
    assert versions.get("A", 0) > 0 and versions.get("B", 0) > 0  # both versions served


async def test_hostile_commands_malformed_events_and_typing_429s_cost_no_reply() -> None:
    options = SoakOptions(asks=60, users=6, reloads=2, closes=3, timeout=50.0, hostile=30)

    result = await soak(options)

    assert result["finished"], "stopped by the time limit"
    assert [g.goal for g in goals(result) if not g.met] == [], result
    assert result["hostile"] == {
        "commands": 30,
        "not_literal_or_not_polite": 0,
        "malformed_events": 30,
        "typing_429s": 18,
    }
    assert result["replies"]["exactly_one"] == result["commands"] == 60 + 2 + 30
