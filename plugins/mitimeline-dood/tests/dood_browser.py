"""Headless Chromium for the HTML day-out-of-days: the DOM after loading, a screenshot and
a PDF print, each one ``chromium`` run (no Node, nothing fetched from the network).

Chromium is Debian's ``/usr/bin/chromium`` (``$CHROMIUM`` overrides it), which
``.ci/setup-renderers.sh`` installs. When it is missing, :func:`require_chromium` fails the
test if ``CI`` is set and skips it otherwise, naming the setup script.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SETUP = ".ci/setup-renderers.sh"


def require_chromium() -> None:
    """Fail (under CI) or skip (elsewhere) when Chromium is missing."""
    if os.access(CHROMIUM, os.X_OK):
        return
    reason = f"HTML day-out-of-days check: no Chromium at {CHROMIUM}; run `bash {SETUP}`"
    if "CI" in os.environ:
        pytest.fail(reason)
    pytest.skip(reason)


def chromium(page: Path, profile: Path, *arguments: str) -> str:
    """Run headless Chromium on ``page`` with ``arguments``; its standard output."""
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
               "--no-first-run", "--disable-extensions", "--hide-scrollbars",
               f"--user-data-dir={profile}", *arguments, page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"chromium failed ({result.returncode}):\n{result.stderr}")
    return result.stdout
