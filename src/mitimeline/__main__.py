"""``python -m mitimeline``: the same as the ``mitimeline`` command."""

import sys

from .cli import main

sys.exit(main())
