"""``python -m dashboard``: see :mod:`dashboard.cli.main`."""

import sys

from dashboard.cli.main import main

sys.exit(main())
