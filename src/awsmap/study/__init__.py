"""Study mode: flashcards generated from the data, scheduled with FSRS, progress kept in SQLite.

cards.py makes the cards, grading.py grades answers, schedule.py wraps FSRS, store.py keeps
progress (migrations.py holds its schema history), session.py runs a quiz, stats.py sums up the
review log and export.py writes decks and cheat sheets.
"""
