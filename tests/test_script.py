"""The installed console script, run as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from awsmap import __version__


def _script() -> str:
    beside = Path(sys.executable).with_name("awsmap")
    found = str(beside) if beside.exists() else shutil.which("awsmap")
    if found is None:
        pytest.fail("the awsmap script is not installed; run: pip install '.[test]'")
    return found


def test_installed_script_answers_and_exits_cleanly() -> None:
    env = {**os.environ, "COLUMNS": "100"}
    version = subprocess.run(
        [_script(), "--version"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert (version.returncode, version.stdout.strip()) == (0, f"awsmap {__version__}")
    result = subprocess.run(
        [_script(), "lookup", "kafka", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert [e["id"] for e in data["aws_equivalents"]] == ["msk", "kinesis-data-streams"]
    missing = subprocess.run(
        [_script(), "lookup", "banana"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert missing.returncode == 1
    assert missing.stdout == ""
    assert missing.stderr.startswith("awsmap: error: no technology or AWS service matches")


def test_python_dash_m_is_the_same_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "awsmap", "aws", "ddb", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["service"]["id"] == "dynamodb"
