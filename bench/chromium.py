"""Headless Chromium for the playground's screenshot and browser tests: Debian's ``chromium``
package driven by Playwright (whose own browser download is not needed)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ENV = "CHROMIUM"
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
# --no-sandbox: Chromium's sandbox cannot start as root, which is how CI runs.
ARGS = (
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def find_chromium() -> Path | None:
    """``$CHROMIUM`` if set, else the first Chromium found on this machine."""
    chosen = os.environ.get(CHROMIUM_ENV)
    for name in (chosen,) if chosen else CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None
