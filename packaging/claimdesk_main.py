"""The bundle's entry script: the same ``claimdesk`` command as the console script of the wheel."""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
