"""The citebot distribution itself: its version and the articles it ships with.

The seed articles live in ``seeds/`` at the top of the repository and are installed as
``citebot/seeds`` (see ``[tool.setuptools.package-dir]``), so an installed citebot answers
out of the box from any folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DISTRIBUTION = "citebot"


def version() -> str:
    """The installed version, from the package metadata (pyproject.toml's ``version``)."""
    from importlib import metadata  # tens of milliseconds to import: only when asked

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def shipped_corpus() -> Path:
    """The folder of the articles citebot ships with.

    Installed, they are package data beside this module; in a source checkout they are the
    repository's ``seeds/`` folder, one level up.
    """
    packaged = resources.files(__name__) / "seeds"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"
