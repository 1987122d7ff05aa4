"""The recipes for running citebot for good: a systemd unit and a container image."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "deploy" / "citebot.service"
CONTAINERFILE = ROOT / "Containerfile"


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def test_the_service_runs_the_bot_with_a_config_file_and_the_token_from_the_environment() -> None:
    service = _unit()["Service"]
    command = shlex.split(service["ExecStart"])
    assert Path(command[0]).name == "citebot"
    assert command[1:3] == ["run", "--config"]
    assert "EnvironmentFile" in service  # DISCORD_TOKEN lives there, not in the config file
    assert service["Restart"] == "on-failure"


def test_the_service_command_line_parses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    command = shlex.split(_unit()["Service"]["ExecStart"])
    with pytest.raises(SystemExit) as stopped:
        main([*command[1:], "--help"])
    assert stopped.value.code == 0
    assert "--config" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    copy = tmp_path / "citebot.service"
    copy.write_text(UNIT.read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, check=False
    )
    # The unit names paths of the target machine (/opt/citebot, /etc/citebot): only syntax
    # errors count here.
    assert "Unknown section" not in done.stderr and "Unknown key" not in done.stderr


def test_the_container_configuration_is_valid_and_points_at_the_mounted_folder() -> None:
    settings = load_settings(ROOT / "deploy" / "container-config.toml")
    assert settings.corpus.directory == Path("/articles")
    text = CONTAINERFILE.read_text(encoding="utf-8")
    assert "deploy/container-config.toml" in text
    assert 'CMD ["citebot", "run"]' in text


def _container_tool() -> str | None:
    for tool in ("podman", "docker"):
        if shutil.which(tool) is None:
            continue
        probe = subprocess.run([tool, "info"], capture_output=True, check=False)
        if probe.returncode == 0:
            return tool
    return None


@pytest.mark.skipif(_container_tool() is None, reason="no container engine is running here")
def test_the_container_image_builds_and_answers() -> None:
    tool = _container_tool()
    assert tool is not None
    tag = "citebot-test:latest"
    subprocess.run(
        [tool, "build", "-t", tag, "-f", str(CONTAINERFILE), str(ROOT)], check=True, timeout=1800
    )
    done = subprocess.run(
        [tool, "run", "--rm", tag, "citebot", "ask", "why engage north korea"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "¶" in done.stdout
