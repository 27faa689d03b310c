"""``python -m skpdesk``: the same entry as the ``skpdesk`` command."""

import sys

from skpdesk.cli import main

sys.exit(main())
