"""A headless Chromium (Debian's, driven by Playwright) and a page open on the playground, with
the two moves every browser test makes: send a message, find the bot's reply to it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
from playwright.async_api import Browser, Locator, Page, async_playwright, expect

from bench.chromium import ARGS
from playground.session import Playground
from playground_fixtures import CHROMIUM

ANSWER_WAIT = 20_000  # ms; the bot answers in well under a second, CI machines are slow


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def browser() -> AsyncIterator[Browser]:
    assert CHROMIUM is not None, "no Chromium found, and PLAYGROUND_BROWSER_TESTS=required"
    async with async_playwright() as driver:
        launched = await driver.chromium.launch(executable_path=str(CHROMIUM), args=list(ARGS))
        yield launched
        await launched.close()


@pytest_asyncio.fixture(loop_scope="module")
async def page(browser: Browser, playground: Playground) -> AsyncIterator[Page]:
    """A fresh page on the module's playground; a script error on it fails the test."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    opened = await context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    await opened.goto(playground.url)
    await expect(opened.locator("#connection")).to_have_text("live")
    yield opened
    await context.close()
    assert errors == [], f"the page's script failed: {errors}"


async def send(page: Page, text: str) -> None:
    composer = page.locator("#input")
    await composer.fill(text)
    await composer.press("Enter")


def reply_to(page: Page, text: str) -> Locator:
    """The bot's message whose reply reference quotes ``text``."""
    return page.locator(".message", has=page.locator(".reply-snippet", has_text=text))
