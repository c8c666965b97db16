"""Study mode: cards from the data, grading by id, FSRS scheduling, progress that is never lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from awsmap.catalog.reader import Catalog
from awsmap.study import cardcache, schedule
from awsmap.study import cards as card_maker
from awsmap.study.grading import grade, self_rating
from awsmap.study.migrations import STEPS, VERSION
from awsmap.study.model import AGAIN, CARD_KINDS, GOOD, HARD, RESOLVE, Card, Shown
from awsmap.study.records import CardState, Review
from awsmap.study.session import Settings, plan, run
from awsmap.study.store import ProgressError, Store

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open()


@pytest.fixture(scope="module")
def deck(catalog: Catalog) -> dict[str, Card]:
    return {c.id: c for c in card_maker.generate(catalog)}


class Script:
    """A learner who answers from a list, and remembers what they were shown."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.shown: list[Shown] = []
        self.outcomes: list[object] = []
        self.asked_again: list[str] = []

    def show(self, shown: Shown) -> None:
        self.shown.append(shown)

    def ask(self, label: str) -> str | None:
        return self.answers.pop(0) if self.answers else None

    def ask_again(self, why: str) -> None:
        self.asked_again.append(why)

    def reveal(self, card: Card) -> None:
        pass

    def outcome(self, outcome: object) -> None:
        self.outcomes.append(outcome)


# -- cards ------------------------------------------------------------------------------------


def test_cards_have_stable_unique_ids(deck: dict[str, Card], catalog: Catalog) -> None:
    again = [c.id for c in card_maker.generate(catalog)]
    assert again == list(deck)  # same ids, same order, every time
    assert len(set(again)) == len(again)
    for card_id in deck:
        kind, entry, facet = card_id.split(":")
        assert kind and entry and facet


def test_every_kind_of_card_is_made(deck: dict[str, Card]) -> None:
    kinds = {c.kind for c in deck.values()}
    assert kinds == set(CARD_KINDS)
    assert deck["to-aws:kafka:main"].prompt == "Apache Kafka on AWS?"
    assert "ECS Service Connect" in deck["successor:app-mesh:successors"].answer
    relation = deck["relation:kafka:msk"]
    assert relation.accepted[0].id == "managed"


def test_new_cards_start_with_the_study_strategy(deck: dict[str, Card]) -> None:
    assert next(iter(deck)) == "to-aws:postgresql:main"


# -- grading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["msk", "Amazon MSK", "managed kafka", "amazon msk", "MSK "])
def test_any_name_of_a_right_service_is_right(
    catalog: Catalog, deck: dict[str, Card], answer: str
) -> None:
    verdict = grade(catalog, deck["to-aws:kafka:main"], answer)
    assert verdict.rating == GOOD, verdict.message


def test_a_typo_of_a_right_answer_is_right(catalog: Catalog, deck: dict[str, Card]) -> None:
    assert grade(catalog, deck["to-aws:postgresql:main"], "aurora postgrsql").rating == GOOD


def test_an_analogous_answer_where_a_managed_one_exists_is_hard(
    catalog: Catalog, deck: dict[str, Card]
) -> None:
    verdict = grade(catalog, deck["to-aws:kafka:main"], "kinesis")
    assert verdict.rating == HARD
    assert "analogous" in verdict.message and "Amazon MSK is managed" in verdict.message


@pytest.mark.parametrize("answer", ["sqs", "banana", ""])
def test_wrong_or_empty_answers_show_the_right_ones(
    catalog: Catalog, deck: dict[str, Card], answer: str
) -> None:
    verdict = grade(catalog, deck["to-aws:kafka:main"], answer)
    assert verdict.rating == AGAIN
    assert "Amazon MSK (managed)" in verdict.message


def test_relation_cards_take_the_word(catalog: Catalog, deck: dict[str, Card]) -> None:
    card = deck["relation:kafka:msk"]
    assert grade(catalog, card, "Managed").rating == GOOD
    assert grade(catalog, card, "man").rating == GOOD
    assert grade(catalog, card, "analogous").rating == AGAIN


def test_self_ratings() -> None:
    assert [self_rating(t) for t in ("1", "hard", "G", "easy", "x")] == [1, 2, 3, 4, None]


# -- scheduling ---------------------------------------------------------------------------------


def test_scheduling_is_deterministic_with_a_fixed_clock_and_no_fuzz() -> None:
    first = schedule.review("to-aws:kafka:main", None, GOOD, T0, "d", fuzz=False)
    again = schedule.review("to-aws:kafka:main", None, GOOD, T0, "d", fuzz=False)
    assert first == again
    assert first.due == "2026-12-01T09:10:00+00:00"  # FSRS's second learning step
    later = schedule.review(
        "to-aws:kafka:main", first, GOOD, T0 + timedelta(minutes=10), "d", fuzz=False
    )
    assert datetime.fromisoformat(later.due) - (T0 + timedelta(minutes=10)) >= timedelta(days=1)


def test_no_interval_reaches_past_the_interview_date() -> None:
    state = None
    moment = T0
    until = date(2026, 12, 5)
    for _ in range(8):
        state = schedule.review("c", state, GOOD, moment, "d", until=until, fuzz=False)
        assert datetime.fromisoformat(state.due) <= datetime(2026, 12, 5, tzinfo=timezone.utc)
        moment = max(moment, datetime.fromisoformat(state.due))


def test_retrievability_matches_fsrs() -> None:
    import fsrs

    state = schedule.review("c", None, GOOD, T0, "d", fuzz=False)
    state = schedule.review("c", state, GOOD, T0 + timedelta(days=1), "d", fuzz=False)
    for days in (0, 1, 3, 10, 40):
        moment = T0 + timedelta(days=1 + days)
        card = fsrs.Card(
            card_id=1,
            state=fsrs.State(state.state),
            step=state.step,
            stability=state.stability,
            difficulty=state.difficulty,
            due=datetime.fromisoformat(state.due),
            last_review=datetime.fromisoformat(state.last_review or ""),
        )
        expected = fsrs.Scheduler().get_card_retrievability(card, current_datetime=moment)
        assert schedule.retrievability(state, moment) == pytest.approx(expected)


# -- the session --------------------------------------------------------------------------------


def _clock(start: datetime = T0) -> Callable[[], datetime]:
    ticks = iter(start + timedelta(seconds=i) for i in range(10_000))
    return lambda: next(ticks)


def test_a_session_saves_every_review(
    catalog: Catalog, deck: dict[str, Card], tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "p.sqlite3")
    script = Script(["rds", "", "documentdb"])
    summary = run(
        catalog,
        store,
        list(deck.values()),
        Settings(size=5, fuzz=False, kinds=("to-aws",)),
        script,
        _clock(),
    )
    assert summary.reviewed == 3 and summary.planned == 5  # the script ran out: end of input
    assert [r.rating for r in store.reviews()] == [GOOD, AGAIN, GOOD]
    assert set(store.states()) == {s.card.id for s in script.shown[:3]}


def test_due_cards_come_before_new_ones_and_new_ones_are_rationed(deck: dict[str, Card]) -> None:
    cards = list(deck.values())
    due = CardState(cards[5].id, 2, None, 3.0, 5.0, "2026-11-30T00:00:00+00:00", "x", None, "x")
    later = CardState(cards[6].id, 2, None, 3.0, 5.0, "2026-12-09T00:00:00+00:00", "x", None, "x")
    states = {due.card_id: due, later.card_id: later}
    chosen = plan(cards, states, 8, Settings(size=20, new=10), T0, lambda s: 1.0)
    assert chosen[0].id == due.card_id
    assert later.card_id not in [c.id for c in chosen]
    assert len(chosen) == 1 + 2  # two new cards left of today's ten


def test_cram_takes_the_weakest_first_whatever_is_due(deck: dict[str, Card]) -> None:
    cards = list(deck.values())[:5]
    states = {
        c.id: CardState(c.id, 2, None, 3.0, 5.0, "2027-01-01T00:00:00+00:00", "x", None, "x")
        for c in cards[:3]
    }
    weakness = {cards[0].id: 0.9, cards[1].id: 0.2, cards[2].id: 0.5}
    chosen = plan(cards, states, 0, Settings(cram=True, size=3), T0, lambda s: weakness[s.card_id])
    assert [c.id for c in chosen] == [cards[1].id, cards[2].id, cards[0].id]


def test_a_changed_card_is_shown_as_updated_with_its_progress(
    catalog: Catalog, deck: dict[str, Card], tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "p.sqlite3")
    card = deck["to-aws:postgresql:main"]
    old = schedule.review(card.id, None, GOOD, T0 - timedelta(days=3), "olddigest", fuzz=False)
    store.record(old._replace(due="2026-11-30T00:00:00+00:00"), _review(card.id))
    script = Script(["rds"])
    run(catalog, store, [card], Settings(size=1, fuzz=False), script, _clock())
    assert script.shown[0].updated
    assert store.states()[card.id].content_hash == card.digest
    assert len(store.reviews()) == 2  # the old review is kept


def _review(card_id: str) -> Review:
    return Review(card_id, GOOD, "rds", "2026-11-28T09:00:00+00:00", 1000, "type")


# -- the progress database ----------------------------------------------------------------------


def test_a_version_one_database_is_migrated_keeping_everything(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(STEPS[0])
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {0x61776D70}")
    conn.execute(
        "INSERT INTO cards VALUES ('to-aws:kafka:main', 2, NULL, 4.5, 5.1, "
        "'2026-12-03T00:00:00+00:00', '2026-11-29T00:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO reviews(card_id, rating, answer, reviewed_at, duration_ms) "
        "VALUES ('to-aws:kafka:main', 3, 'msk', '2026-11-29T00:00:00+00:00', 1200)"
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.version() == VERSION == 3
    state = store.states()["to-aws:kafka:main"]
    assert state.stability == 4.5 and state.first_seen == "2026-11-29T00:00:00+00:00"
    assert store.reviews()[0].answer == "msk"


def test_a_version_two_database_is_upgraded_with_its_reviews_intact(tmp_path: Path) -> None:
    """Today's schema (version 2, as every installed awsmap wrote it) gains the review index by
    card and the drill log; every card state and review is kept, lapses count from the log."""
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path)
    for step in STEPS[:2]:
        conn.executescript(step)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(f"PRAGMA application_id = {0x61776D70}")
    conn.execute(
        "INSERT INTO cards VALUES ('to-aws:kafka:main', 2, NULL, 4.5, 5.1, "
        "'2026-12-03T00:00:00+00:00', '2026-11-29T00:00:00+00:00', 'abc', "
        "'2026-11-20T00:00:00+00:00')"
    )
    ratings = [3, 1, 1, 3, 1]
    for day, rating in enumerate(ratings, 20):
        conn.execute(
            "INSERT INTO reviews(card_id, rating, answer, reviewed_at, duration_ms, mode) "
            f"VALUES ('to-aws:kafka:main', {rating}, 'msk', '2026-11-{day}T00:00:00+00:00', "
            "900, 'type')"
        )
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.version() == VERSION == 3
    assert store.states()["to-aws:kafka:main"].content_hash == "abc"
    assert [r.rating for r in store.reviews()] == ratings
    assert store.lapses() == {"to-aws:kafka:main": 3}
    assert store.drills() == []
    store.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"this is not a database at all, just text" * 100, "not a readable SQLite database"),
        (b"", None),  # an empty file is a new database
    ],
)
def test_a_damaged_file_is_refused_and_left_untouched(
    tmp_path: Path, content: bytes, reason: str | None
) -> None:
    path = tmp_path / "p.sqlite3"
    path.write_bytes(content)
    if reason is None:
        Store.open(path).close()
        return
    with pytest.raises(ProgressError, match=reason):
        Store.open(path)
    assert path.read_bytes() == content


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices(id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProgressError, match="not an awsmap progress database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_awsmap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(ProgressError, match="newer awsmap"):
        Store.open(path)


def test_the_progress_store_is_in_wal_mode(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.sqlite3")
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_resolve_cards_know_their_answer_kind(deck: dict[str, Card]) -> None:
    for card in deck.values():
        if card.grading == RESOLVE:
            assert card.accepted and card.answer_kind, card.id


# -- the card cache (study/cardcache.py) --------------------------------------------------------


def _cards_file(catalog: Catalog) -> Path:
    where = catalog.derived_file(cardcache.SUFFIX)
    assert where is not None
    return Path(where[0])


def test_cached_cards_are_the_generated_cards(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = Catalog.open([])
    generated = card_maker.generate(catalog)
    assert cardcache.cards(catalog) == generated  # generates and keeps them
    assert _cards_file(catalog).exists()
    monkeypatch.setattr(card_maker, "generate", lambda _catalog: pytest.fail("not read back"))
    assert cardcache.cards(Catalog.open([])) == generated  # read back, equal field by field


def _framed(blob: bytes) -> bytes:
    import zlib

    return zlib.crc32(blob).to_bytes(4, "big") + blob


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"garbage\x00\xff",
        b"\xfb\x00\x00\x00",
        "truncate",
        "other key",
        "wrong rows",
        "flipped byte",
    ],
)
def test_a_bad_cards_file_is_ignored_and_written_again(private_cache: Path, damage: object) -> None:
    import marshal

    catalog = Catalog.open([])
    generated = cardcache.cards(catalog)
    path = _cards_file(catalog)
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "other key":
        path.write_bytes(_framed(marshal.dumps(("another dataset", []))))
    elif damage == "wrong rows":  # a card one field short (long enough to index), then garbage
        key, rows = marshal.loads(path.read_bytes()[4:])
        path.write_bytes(_framed(marshal.dumps((key, [rows[0][:-1], ("too", "short")]))))
    elif damage == "flipped byte":  # still unmarshals, to a wrong answer on a card
        raw = bytearray(path.read_bytes())
        raw[raw.index(b"Amazon MSK") + 3] ^= 1
        assert marshal.loads(bytes(raw[4:]))
        path.write_bytes(bytes(raw))
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    assert cardcache.cards(Catalog.open([])) == generated
    assert marshal.loads(path.read_bytes()[4:])[1]  # written again


@pytest.mark.slow
def test_cards_are_pruned_and_cleared_with_their_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from awsmap.catalog import cachefiles

    monkeypatch.setenv("AWSMAP_CACHE_DIR", str(tmp_path))
    catalog = Catalog.open([])
    cardcache.cards(catalog)
    cards_file = _cards_file(catalog)
    index_file = Path(str(cards_file).removesuffix(cardcache.SUFFIX))
    old = index_file.stat().st_mtime - (cachefiles.MAX_AGE_DAYS + 1) * cachefiles.DAY
    os.utime(index_file, (old, old))
    assert set(cachefiles.prune(str(tmp_path))) == {str(index_file), str(cards_file)}
    catalog = Catalog.open([])
    cardcache.cards(catalog)
    assert {f.name for f in cachefiles.clear(str(tmp_path))} == {index_file.name, cards_file.name}
