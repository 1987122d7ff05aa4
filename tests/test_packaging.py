"""What `pip install .` gives: the runtime packages and the seed articles, and nothing else."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from helpers import REPO_ROOT, SEEDS_DIR

RUNTIME_PACKAGES = ("bot", "citebot", "fakediscord", "playground", "retrieval")
# Distribution name -> the module it is imported as.
IMPORT_NAMES = {
    "discord.py": "discord",
    "pydantic-settings": "pydantic_settings",
    "PyStemmer": "Stemmer",
    "markdown-it-py": "markdown_it",
    "mdit-py-plugins": "mdit_py_plugins",
}
# Installed for their files, never imported: WordLlama's model is read from its wheel's files
# with tokenizers and safetensors (retrieval/index/meaning.py), without importing its package.
FILES_ONLY = {"wordllama"}
PIP_WHEEL = (sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*PIP_WHEEL, "-w", str(out), str(REPO_ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("citebot-*.whl")
    return built


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_ships_the_seed_articles_as_package_data(wheel: Path) -> None:
    names = wheel_names(wheel)
    for article in SEEDS_DIR.iterdir():
        assert f"citebot/seeds/{article.name}" in names


def test_the_wheel_carries_the_mit_license_the_metadata_names(wheel: Path) -> None:
    names = wheel_names(wheel)
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert "MIT License" in (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_wheel_holds_the_runtime_packages_whole_and_no_development_tools(wheel: Path) -> None:
    names = wheel_names(wheel)
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == set(RUNTIME_PACKAGES)
    for package in RUNTIME_PACKAGES:
        for module in (REPO_ROOT / package).rglob("*.py"):
            assert module.relative_to(REPO_ROOT).as_posix() in names


def runtime_imports() -> set[str]:
    found: set[str] = set()
    for package in RUNTIME_PACKAGES:
        for module in (REPO_ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - set(RUNTIME_PACKAGES)


def test_every_runtime_dependency_is_imported_and_every_import_declared() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set()
    for requirement in project["project"]["dependencies"]:
        name = requirement.split(">")[0].split("<")[0].split("=")[0].strip()
        declared.add(IMPORT_NAMES.get(name, name))
    assert declared - FILES_ONLY == runtime_imports()


def test_an_installed_copy_answers_from_its_shipped_articles_in_any_folder(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CITEBOT_", "DISCORD_"))}
    env["PYTHONPATH"] = str(site)  # ahead of the checkout's editable install
    located = subprocess.run(
        [sys.executable, "-c", "import bot; print(bot.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert located.stdout.startswith(str(site))
    asked = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "what is juche", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert not answer["abstained"]
    assert answer["passages"][0]["article"] == "cato-kim-congress"
