"""awsmap: what an open-source technology is on AWS, offline, in a terminal."""

__version__ = "1.1.0"
# The date of the bundled data; Anki exports take it as their timestamp, so bump it with the data.
DATA_RELEASED = "2026-11-27"
