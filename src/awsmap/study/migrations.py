"""The schema history of the progress database. Never edit a step that has shipped: add one.

Step N brings a database from ``user_version`` N-1 to N, inside one transaction. Version 1 was
the first layout (card state and the review log); version 2 added what is needed to show a card
as updated when its content changes (``content_hash``), when a card was first seen, the quiz mode
of each review, and an index for stats by day. Version 3 added an index of the review log by card
(lapses and leeches are counted from it) and the log of design drills (``awsmap drill``: one row a
run; its answers are reviews like any other, of cards ``drill:DESIGN:ROLE``).
"""

from __future__ import annotations

APPLICATION_ID = 0x61776D70  # "awmp": marks the file as awsmap's, so a foreign one is refused

STEPS: tuple[str, ...] = (
    # 1: card state (FSRS) and an append-only review log
    """
    CREATE TABLE cards(
        card_id TEXT PRIMARY KEY,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT
    );
    CREATE TABLE reviews(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL,
        rating INTEGER NOT NULL,
        answer TEXT,
        reviewed_at TEXT NOT NULL,
        duration_ms INTEGER
    );
    """,
    # 2: content digests, first-seen times, review modes, an index by time
    """
    ALTER TABLE cards ADD COLUMN content_hash TEXT;
    ALTER TABLE cards ADD COLUMN first_seen TEXT;
    UPDATE cards SET first_seen = COALESCE(
        (SELECT MIN(reviewed_at) FROM reviews r WHERE r.card_id = cards.card_id), last_review, due);
    ALTER TABLE reviews ADD COLUMN mode TEXT;
    CREATE INDEX reviews_by_time ON reviews(reviewed_at);
    """,
    # 3: reviews by card (lapses, leeches); one row per design drill
    """
    CREATE INDEX reviews_by_card ON reviews(card_id, id);
    CREATE TABLE drills(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        design TEXT NOT NULL,
        started_at TEXT NOT NULL,
        minutes INTEGER,
        roles INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        seconds REAL NOT NULL
    );
    """,
)
VERSION = len(STEPS)
