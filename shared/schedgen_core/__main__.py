"""`python -m schedgen_core` runs the `schedgen` command line."""

import sys

from schedgen_core.cli import main

sys.exit(main())
