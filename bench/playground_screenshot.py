"""``python -m bench.playground_screenshot [PNG]``: the README's picture of the playground,
taken from the real page with the real bot answering (default: docs/playground.png).

A development tool, like the benchmarks: it needs Playwright (the test extra) and Chromium.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bench.chromium import ARGS, find_chromium
from bot.config import load_settings
from bot.service import CorpusService
from playground.session import open_playground

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "playground.png"
QUESTION = "Why should the U.S. engage North Korea?"


async def take(output: Path, chromium: Path) -> None:
    from playwright.async_api import async_playwright, expect

    settings = load_settings(None)
    async with (
        open_playground(settings, CorpusService.open(settings), port=0) as playground,
        async_playwright() as driver,
    ):
        browser = await driver.chromium.launch(executable_path=str(chromium), args=list(ARGS))
        page = await browser.new_page(
            viewport={"width": 1280, "height": 1000}, device_scale_factor=1
        )
        await page.goto(playground.url)
        await expect(page.locator("#connection")).to_have_text("live")
        composer = page.locator("#input")
        await composer.fill(f"!ask {QUESTION}")
        await composer.press("Enter")
        await expect(page.locator(".embed")).to_have_count(1, timeout=30_000)
        await composer.fill("/sum")
        await page.locator(".popup-row", has_text="/summary").click()
        await composer.press_sequentially("engage")
        await page.locator(".popup-row", has_text="A Moment to Engage").click()
        await composer.press("Enter")
        await expect(page.locator(".embed")).to_have_count(2, timeout=30_000)
        await page.locator(".speaker-option", has_text="Moderator").click()
        await composer.fill("!reload")
        await composer.press("Enter")
        await expect(page.locator(".message", has_text="Reloaded:")).to_have_count(1)
        await page.evaluate("document.getElementById('messages').scrollTop = 1e9")
        output.parent.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(output))
        await browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.playground_screenshot", description=__doc__
    )
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("no Chromium found: install it (apt-get install chromium) or set $CHROMIUM")
        return 1
    asyncio.run(take(args.output, chromium))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
