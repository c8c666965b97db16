"""Allow ``python -m awsmap``."""

from awsmap.cli import main

main()
