"""``python -m mitimeline_news.evaluation``: see :func:`mitimeline_news.evaluation.main`."""

import sys

from .cli import main

sys.exit(main())
