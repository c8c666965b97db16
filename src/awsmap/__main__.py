"""Allow ``python -m awsmap``."""

from awsmap.entry import main

main()
