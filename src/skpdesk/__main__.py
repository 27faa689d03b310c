"""``python -m skpdesk``: the same entry as the ``skpdesk`` command (and the frozen exe's)."""

import sys

# First, before any import can write: a windowed frozen build has None streams.
from skpdesk.proses import pastikan_aliran

pastikan_aliran()

from skpdesk.cli import main  # noqa: E402

sys.exit(main())
