"""Coverage by source: every name on each list in ``coverage/`` finds its own entry exactly (by
name, alias or normal form; never fuzzily), or says why it is left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from awsmap.base.match import Match
from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from awsmap.commands.compose import Entry, image_name
from awsmap.commands.stack import _match_entry
from awsmap.find.resolve import exact

IMAGES = "container-images"  # names on this list are images, matched as `stack --file` does
# The image list names every official image, runtimes and base OS images included (left out,
# one line each), so its share left out is larger by design.
LEFT_OUT_SHARE = {IMAGES: 0.4}

COVERAGE = Path(__file__).parents[1] / "coverage"
LISTS = sorted(COVERAGE.glob("*.yaml"))


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open([])


def test_every_source_has_a_list() -> None:
    names = {p.stem for p in LISTS}
    assert names >= {
        "cncf",
        "kubernetes-building-blocks",
        "apache-data",
        "azure",
        "google-cloud",
        "aws-botocore",
    }


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.stem)
def test_each_line_maps_or_says_why_not(path: Path) -> None:
    data = _read(path)
    assert str(data.get("source", "")).strip(), "where the list came from"
    assert data["names"]
    for line in data["names"]:
        targets = [k for k in ("entry", "aws", "left_out") if k in line]
        assert len(targets) == 1 and str(line[targets[0]]).strip(), line


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.stem)
def test_every_name_finds_its_own_entry(path: Path, catalog: Catalog) -> None:
    wrong = []
    services = {s.id: s for s in catalog.all(AWS_SERVICE)}
    for line in _read(path)["names"]:
        name = str(line["name"])
        if "entry" in line:
            found: Match | None
            if path.stem == IMAGES:
                found = _match_entry(catalog, Entry(name, image_name(name)))
            else:
                found = exact(catalog, name, (TECHNOLOGY, AWS_SERVICE))
            if found is None or (found.kind, found.id) != (TECHNOLOGY.key, line["entry"]):
                wrong.append((name, line["entry"], found and found.id))
        elif "aws" in line:
            found = exact(catalog, name, (AWS_SERVICE,))
            service = services.get(line["aws"])
            # an SDK client that is not a name people type is that service's API (sdk_ids)
            by_sdk = service is not None and name in service.sdk_ids
            if not by_sdk and (found is None or found.id != line["aws"]):
                wrong.append((name, line["aws"], found and found.id))
    assert wrong == []


def test_few_names_are_left_out() -> None:
    """Coverage is the point: a list leaves out at most a small share, with reasons."""
    for path in LISTS:
        lines = _read(path)["names"]
        left = [line for line in lines if "left_out" in line]
        assert len(left) <= max(3, len(lines) * LEFT_OUT_SHARE.get(path.stem, 0.2)), path.stem
