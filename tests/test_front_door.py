"""A match is an identity claim. Typos of names find their entry; thousands of real project names
that are not in the dataset are never taken for a different entry (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from awsmap.base.errors import AwsmapError
from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from awsmap.find.resolve import resolve

CORPUS = Path(__file__).parent / "corpus"
COVERAGE = Path(__file__).parents[1] / "coverage"
APPROXIMATE = ("fuzzy", "prefix")

TYPOS = {
    "kafak": "kafka",
    "kuberentes": "kubernetes",
    "kubernets": "kubernetes",
    "postgress": "postgresql",
    "rabitmq": "rabbitmq",
    "elasticahce": "elasticache",
    "elasticserch": "elasticsearch",
    "redsi": "redis",
    "cassandar": "cassandra",
    "terrafrom": "terraform",
    "jenkisn": "jenkins",
    "zookeper": "zookeeper",
    "dockre": "docker",
    "apache kafak": "kafka",
    "kafkas": "kafka",
    "ddb": "dynamodb",
    "sfn": "step-functions",
    "r53": "route53",
    "promethe": "prometheus",
    "lamda": "lambda",  # a letter dropped inside a short name
}

# Named in issue 18 as confident wrong answers: each is now its own entry or "not found".
WRONG_BEFORE = [
    "cert-manager", "KEDA", "OpenFGA", "OpenAPI", "Vector", "vCluster", "Athenz", "ksqlDB",
    "Google Cloud SQL", "aws config", "Stateful Functions", "database", "data warehouse",
    "block storage", "file storage", "analytics", "event bus", "aws simpledb", "redis cache",
    "queues", "progres", "httpx", "click", "pygments", "runs", "dill", "trio", "pint",
]  # fmt: skip

# Real names one typo from an entry's name, which no rule of spelling can tell apart; reviewed:
# each is a client library or a near-namesake of the entry it finds. Any other name is a failure.
KNOWN_NEAR_NAMESAKES = {"tldextract": "textract", "postgrest": "postgresql"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open([])


def _found(catalog: Catalog, name: str) -> tuple[str, str] | None:
    try:
        match = resolve(catalog, name, (TECHNOLOGY, AWS_SERVICE))
    except AwsmapError:
        return None
    return match.id, match.method


@pytest.mark.parametrize(("typed", "entry"), sorted(TYPOS.items()))
def test_typos_find_their_entry(catalog: Catalog, typed: str, entry: str) -> None:
    found = _found(catalog, typed)
    assert found is not None and found[0] == entry


@pytest.mark.parametrize("name", WRONG_BEFORE)
def test_no_confident_wrong_answer(catalog: Catalog, name: str) -> None:
    found = _found(catalog, name)
    assert found is None or found[1] not in APPROXIMATE, found


def _negative_corpus() -> list[str]:
    names = [
        line.strip()
        for line in (CORPUS / "pypi-top-3000.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for path in COVERAGE.glob("*.yaml"):  # names each source leaves out: not in the dataset
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names += [str(n["name"]) for n in data["names"] if "left_out" in n]
    return names


def test_real_names_outside_the_dataset_are_never_taken_for_another(catalog: Catalog) -> None:
    corpus = _negative_corpus()
    assert len(corpus) > 3000
    taken = {}
    for name in corpus:
        found = _found(catalog, name)
        if found is not None and found[1] in APPROXIMATE:
            taken[name] = found[0]
    assert taken == KNOWN_NEAR_NAMESAKES
