"""Nothing a user owns is replaced: exports write through devices and FIFOs, follow symlinks, and
never leave temporary files; the cache prunes and clears only the names awsmap writes."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path

import pytest

from awsmap.base.files import write_bytes
from awsmap.catalog import cachefiles
from tests.conftest import Cli


@pytest.mark.parametrize("kind", ["tsv", "anki"])
def test_export_to_a_device_writes_through_it(cli: Cli, kind: str) -> None:
    before = os.stat("/dev/null")
    result = cli("export", kind, "-o", "/dev/null", "--force")
    assert result.exit_code == 0, result.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_full_device_is_one_line_and_exit_74(cli: Cli) -> None:
    result = cli("export", "tsv", "-o", "/dev/full", "--force")
    assert result.exit_code == 74
    assert result.stderr.count("\n") == 1 and "No space left" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_export_into_a_fifo_writes_through_it(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = cli("export", "csv", "-o", str(fifo), "--force")
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b"id,")


def test_export_follows_a_symlink_and_keeps_it(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "real.tsv"
    target.write_text("old\n")
    link = tmp_path / "cards.tsv"
    link.symlink_to(target)
    assert cli("export", "tsv", "-o", str(link), "--force").exit_code == 0
    assert link.is_symlink() and target.read_text().startswith("#separator:tab")


def test_export_to_stdout(cli: Cli) -> None:
    result = cli("export", "tsv", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("#separator:tab\n") and result.stderr == ""
    assert cli("export", "tsv", "-o", "-", "--json").exit_code == 2


def test_export_to_a_missing_folder_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "tsv", "-o", str(tmp_path / "missing" / "out.tsv"))
    assert result.exit_code == 74
    assert result.stderr.strip().count("\n") == 0 and "folder does not exist" in result.stderr


def test_exports_get_normal_permissions_and_leave_no_temporary_files(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    old = os.umask(0o022)
    try:
        for kind, name in (("anki", "a.apkg"), ("tsv", "a.tsv"), ("markdown", "a.md")):
            assert cli("export", kind, "-o", str(tmp_path / name)).exit_code == 0
            assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o644
    finally:
        os.umask(old)
    assert list(scratch.iterdir()) == []  # genanki's working file is gone too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.apkg", "a.md", "a.tsv", "tmpdir"]


def test_write_bytes_never_follows_a_planted_temporary_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    target = tmp_path / "index-0123abcd.sqlite3.cards"
    # the old predictable temporary names, planted as symlinks to the victim
    for pid in range(os.getpid() - 2, os.getpid() + 3):
        (tmp_path / f"{target.name}.{pid}.tmp").symlink_to(victim)
    write_bytes(str(target), b"cards")
    assert victim.read_text() == "precious" and target.read_bytes() == b"cards"


def test_the_cache_touches_only_its_own_files(cli: Cli, private_cache: Path) -> None:
    cache = private_cache
    strangers = ["index-data.sqlite3", "index-old.tmp", "index-page.html", "notes.txt"]
    for name in strangers:
        (cache / name).write_text("mine")
    env = {"AWSMAP_CACHE_DIR": str(cache)}
    assert cli("lookup", "kafka", env=env).exit_code == 0
    cachefiles.prune(str(cache), now=10**12)  # everything of awsmap's is old by then
    assert cli("cache", "clear", env=env).exit_code == 0
    assert sorted(p.name for p in cache.iterdir()) == sorted(strangers)


def test_clearing_a_cache_it_cannot_write_says_it_failed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder, simulated (root may delete from a read-only folder anyway)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "index-0123abcd.sqlite3").write_bytes(b"x")

    def refuse(path: str) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("awsmap.catalog.cachefiles.os.unlink", refuse)
    result = cli("cache", "clear", env={"AWSMAP_CACHE_DIR": str(cache)})
    assert result.exit_code == 3
    assert "could not remove 1 file" in result.stderr and "read-only" in result.stderr
    assert (cache / "index-0123abcd.sqlite3").exists()


def test_two_resets_in_the_same_second_keep_two_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from awsmap.base.paths import progress_db
    from awsmap.study import progress
    from awsmap.study.records import CardState, Review
    from awsmap.study.store import Store

    monkeypatch.setenv("AWSMAP_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("AWSMAP_NOW", "2026-12-01T09:00:00Z")
    store = Store.open(progress_db())
    store.record(
        CardState("a", 1, 0, 1.0, 5.0, "2026-12-01T09:00:00+00:00", None, None, None),
        Review("a", 3, "rds", "2026-12-01T09:00:00+00:00", 100, "type"),
    )
    store.close()
    first = progress.reset().backup
    second = progress.reset().backup
    assert first and second and first != second
    with sqlite3.connect(first) as conn:  # the backup that holds the review is still there
        assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1


@pytest.mark.parametrize(
    "args", [["--version"], ["lookup", "-h"], ["lookup", "kafka"], ["idempotency", "--json"]]
)
def test_a_full_stdout_is_one_line_and_exit_74(args: list[str]) -> None:
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "awsmap", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 74, done.stderr
    assert done.stderr == "awsmap: error: cannot write the output: No space left on device\n"
