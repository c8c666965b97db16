"""Reading YAML safely into typed records, and surviving load -> dump -> load."""

from __future__ import annotations

import copy
import string
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awsmap.base.errors import DataError
from awsmap.catalog import loader, yamlio
from awsmap.catalog.kinds import KINDS, TECHNOLOGY, Dataset
from awsmap.catalog.models import AwsEquivalent, Parallel, Technology
from tests.conftest import FLUME, SCHEMA_LINE, write


def test_bundled_data_loads_into_typed_records() -> None:
    loaded = loader.load()
    kafka = next(t for t in loaded.dataset.of(TECHNOLOGY) if t.id == "kafka")
    assert isinstance(kafka, Technology)
    assert isinstance(kafka.aws_equivalents[0], AwsEquivalent)
    assert isinstance(kafka.parallels[0], Parallel)
    assert loaded.notices == []


def test_the_c_loader_is_used_when_pyyaml_has_it() -> None:
    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(yamlio._Loader, yaml.CSafeLoader)
    assert issubclass(
        yamlio._Loader, (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    )
    assert not issubclass(yamlio._Loader, (yaml.FullLoader, yaml.UnsafeLoader))


def test_dates_stay_strings(tmp_path: Path) -> None:
    doc = yamlio.load(write(tmp_path / "d.yaml", "a: 2024-07-25\n"))
    assert doc.data == {"a": "2024-07-25"}


def test_positions_point_at_the_value(tmp_path: Path) -> None:
    doc = yamlio.load(write(tmp_path / "f.yaml", FLUME))
    assert doc.position(("technologies", 0, "aws_equivalents", 0, "relation")) == (10, 19)


def test_unsafe_tags_are_rejected_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    path = write(
        tmp_path / "evil.yaml",
        f"technologies: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    with pytest.raises(DataError, match=r"evil\.yaml:1:\d+: YAML error"):
        yamlio.load(path)
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    path = write(tmp_path / "bomb.yaml", "\n".join(lines) + "\n")
    started = time.monotonic()
    with pytest.raises(DataError, match="alias bomb"):
        yamlio.load(path)
    assert time.monotonic() - started < 10  # bounded: the bomb is never expanded


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "dup.yaml", "technologies: []\ntechnologies: []\n")
    with pytest.raises(DataError, match=r"dup\.yaml:2:1: duplicate key 'technologies'"):
        yamlio.load(path)


def test_user_entry_with_a_bundled_id_replaces_it_with_a_notice(tmp_path: Path) -> None:
    text = FLUME.replace("id: tributary", "id: kafka").replace("[Tributary]", "[Kafka]")
    loaded = loader.load([write(tmp_path / "k.yaml", text)])
    kafka = next(t for t in loaded.dataset.of(TECHNOLOGY) if t.id == "kafka")
    assert kafka.name == "Apache Tributary"
    assert len(loaded.notices) == 1
    assert "replaces" in loaded.notices[0]


def test_alias_clash_with_bundled_data_is_an_error(tmp_path: Path) -> None:
    text = FLUME.replace("[Tributary]", "[k8s]")
    with pytest.raises(DataError, match="'k8s' is also a name of 'kubernetes'"):
        loader.load([write(tmp_path / "clash.yaml", text)])


def test_unknown_references_are_errors(tmp_path: Path) -> None:
    text = FLUME.replace("service: firehose", "service: no-such-service")
    with pytest.raises(DataError, match="unknown AWS service 'no-such-service'"):
        loader.load([write(tmp_path / "ref.yaml", text)])


def test_bundled_dataset_round_trips() -> None:
    dataset = loader.load().dataset
    assert Dataset.from_document(dataset.to_document()) == dataset


# -- property: arbitrary valid entries survive load -> dump -> load ------------------------------

_slug = st.from_regex(r"\A[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}\Z")
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
_name = st.text(
    alphabet=string.ascii_letters + string.digits + " .+#-", min_size=1, max_size=20
).filter(lambda s: any(c.isalnum() for c in s))


@st.composite
def technologies(draw: st.DrawFn) -> dict[str, object]:
    tech: dict[str, object] = {
        "id": "x-" + draw(_slug),
        "name": draw(_name),
        "categories": ["databases"],
        "what_it_is": draw(_text),
        "aws_equivalents": [
            {
                "service": draw(st.sampled_from(["rds", "dynamodb", "s3"])),
                "relation": draw(st.sampled_from(["managed", "compatible", "analogous"])),
                "note": draw(_text),
            }
        ],
    }
    if draw(st.booleans()):
        tech["parallels"] = [{"aspect": draw(_name), "detail": draw(_text)}]
    if draw(st.booleans()):
        tech["interview_phrases"] = draw(st.lists(_text, min_size=1, max_size=3))
    if draw(st.booleans()):
        tech["sections"] = [
            {"title": draw(_name), "items": [{"name": draw(_name), "detail": draw(_text)}]}
        ]
    return tech


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tech=technologies())
def test_arbitrary_valid_entries_survive_load_dump_load(
    tmp_path: Path, tech: dict[str, object]
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        SCHEMA_LINE + yaml.safe_dump({"technologies": [tech]}, allow_unicode=True), encoding="utf-8"
    )
    documents = loader.read_documents([path])
    first = Dataset.from_document(documents[0][1])
    dumped = tmp_path / "dumped.yaml"
    dumped.write_text(yaml.safe_dump(first.to_document(), allow_unicode=True), encoding="utf-8")
    again = Dataset.from_document(loader.read_documents([dumped])[0][1])
    assert again == first
    assert again.of(TECHNOLOGY)[0].to_dict() == tech


@pytest.mark.slow  # dumps and reads back the whole dataset through PyYAML's Python emitter
def test_every_bundled_record_of_every_kind_survives_dump_and_load(tmp_path: Path) -> None:
    """to_dict gives back the document shape, so the data round-trips through a YAML file."""
    dataset = loader.load().dataset
    dumped = tmp_path / "all.yaml"
    dumped.write_text(
        SCHEMA_LINE + yaml.safe_dump(dataset.to_document(), allow_unicode=True), encoding="utf-8"
    )
    again = Dataset.from_document(loader.read_documents([dumped])[0][1])
    for kind in KINDS:
        assert again.of(kind) == dataset.of(kind), kind.key
        assert dataset.of(kind), f"no bundled {kind.plural}"


def test_reading_files_in_parallel_gives_what_reading_them_in_turn_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write(tmp_path / "good.yaml", FLUME)
    other = write(
        tmp_path / "other.yaml",
        FLUME.replace("tributary", "rivulet").replace("Tributary", "Rivulet"),
    )
    bad = write(tmp_path / "bad.yaml", "technologies:\n  - id: x\n")
    broken = write(tmp_path / "broken.yaml", "technologies: [\n")
    paths = [good, bad, other, broken]
    in_turn = loader.collect_documents(paths)
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    in_parallel = loader.collect_documents(paths)
    assert in_parallel == in_turn
    assert [p for p, _data in in_parallel[0]] == [good, other]
    assert in_parallel[1]


def test_plain_documents_and_anchored_ones_read_alike(tmp_path: Path) -> None:
    plain = "a:\n  b: [1, 2.5, true, null, text]\n  c: {d: '2026-01-01'}\n"
    anchored = "x: &x [1, 2.5, true, null, text]\na:\n  b: *x\n  c: {d: '2026-01-01'}\n"
    expected = {"a": {"b": [1, 2.5, True, None, "text"], "c": {"d": "2026-01-01"}}}
    assert yamlio.load(write(tmp_path / "p.yaml", plain)).data == expected
    assert yamlio.load(write(tmp_path / "a.yaml", anchored)).data == {
        "x": expected["a"]["b"],
        **expected,
    }


def test_the_bundled_files_are_read_once_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    first = loader.load().dataset
    reads: list[object] = []
    real = loader.read_documents

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_documents", counted)
    assert loader.load().dataset == first
    assert len(reads) == 1  # the user's files only (none here); the bundled ones were kept
    monkeypatch.setattr(loader, "_BUNDLED", ((("changed", 0, 0),), []))
    loader.load()
    assert len(reads) == 3  # a different stat: the bundled files are read again


def _mutations(entry: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The entry with one field (or one field of its first nested mapping) removed, emptied,
    or of the wrong type, and with an unknown field."""
    yield {**entry, "unknown_field": "x"}
    for key, value in entry.items():
        yield {k: v for k, v in entry.items() if k != key}
        for wrong in (7, "", [], {"a": 1}, ["x"], None):
            yield {**entry, key: wrong}
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for inner in _mutations(value[0]):
                yield {**entry, key: [inner, *value[1:]]}


def _built_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The check a wheel's build writes (validation.build_check), imported as awsmap does."""
    import sys

    from awsmap.catalog import validation

    package = tmp_path / "built"
    (package / "awsmap" / "catalog").mkdir(parents=True)
    validation.build_check(str(package / "awsmap" / "catalog" / "schemacheck.py"))
    source = (package / "awsmap" / "catalog" / "schemacheck.py").read_text(encoding="utf-8")
    module: Any = type(sys)(validation.CHECK_MODULE)
    exec(compile(source, "schemacheck.py", "exec"), module.__dict__)
    monkeypatch.setitem(sys.modules, validation.CHECK_MODULE, module)
    validation._fast_check.cache_clear()
    assert validation._fast_check() is module.validate  # the current one is used
    module.SCHEMA_DIGEST = "stale"
    validation._fast_check.cache_clear()
    assert validation._fast_check() is not module.validate  # a stale one is not
    validation._fast_check.cache_clear()
    return module.validate


def test_the_inlined_schema_judges_as_the_schema_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast check compiles the schema with its references inlined (validation.inlined), or
    imports the same code written by a wheel's build: on every entry of the bundled data, whole
    and mutated, all three verdicts are the same."""
    import fastjsonschema

    from awsmap.catalog import validation

    by_refs = fastjsonschema.compile(copy.deepcopy(validation.schema()))  # it edits what it gets
    fast = validation._fast_check()
    built = _built_check(tmp_path, monkeypatch)

    def verdict(check: Any, doc: dict[str, Any]) -> bool:
        try:
            check(doc)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    judged = rejected = 0
    for _path, data in loader.bundled_documents():
        for kind in KINDS:
            for entry in (data.get(kind.plural) or ())[:1]:
                for doc in (
                    {kind.plural: [entry]},
                    *({kind.plural: [m]} for m in _mutations(entry)),
                ):
                    expected = verdict(by_refs, doc)
                    assert verdict(fast, doc) == expected, (kind.key, entry["id"], doc)
                    assert verdict(built, doc) == expected, (kind.key, entry["id"], doc)
                    judged += 1
                    rejected += not expected
    assert judged > 1000 and 0 < rejected < judged


def test_a_schema_definition_that_refers_to_itself_is_refused() -> None:
    from awsmap.catalog import validation

    looped = {"$defs": {"node": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}
    with pytest.raises(ValueError, match="refers to itself"):
        validation.inlined({"$ref": "#/$defs/node", **looped})
    flat = {"$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a"}}}
    assert validation.inlined(flat) == {"properties": {"x": {"type": "string"}}}
