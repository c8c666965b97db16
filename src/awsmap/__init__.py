"""awsmap: what an open-source technology is on AWS, offline, in a terminal."""

__version__ = "1.0.0"
