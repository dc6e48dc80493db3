"""Load TimelineJS JSON into the real TimelineJS 3 in headless Chromium (no network).

The components come from ``.ci/setup-timelinejs.sh``: Debian's ``/usr/bin/chromium``
(``$CHROMIUM`` overrides it) and the npm packages ``@knight-lab/timelinejs`` and
``playwright-core`` in ``.cache/timelinejs`` of the checkout (``$MITIMELINE_TIMELINEJS_NODE``
overrides it). When one is missing, :func:`require_renderer` fails the test if the
environment variable ``CI`` is set, and skips it otherwise, naming the setup script.

Each page links ``css/timeline.css`` and ``js/timeline.js`` copied from the npm package and
inlines the data, as in Knight Lab's "self-hosted" embed: with ``script_path`` and
``font: false`` TimelineJS fetches nothing from its CDN.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
NODE_DIR = Path(os.environ.get("MITIMELINE_TIMELINEJS_NODE", ROOT / ".cache" / "timelinejs"))
DIST = NODE_DIR / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
RENDER = Path(__file__).with_name("render.mjs")
SETUP = ".ci/setup-timelinejs.sh"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>mitimeline TimelineJS check</title>
<link rel="stylesheet" href="css/timeline.css">
<script src="js/timeline.js"></script>
</head>
<body>
<div id="tl" style="width: 100%; height: 700px"></div>
<script>
window.__tl = {loaded: false, errors: []};
window.addEventListener("error", (event) => window.__tl.errors.push(String(event.message)));
const DATA = __DATA__;
const timeline = new TL.Timeline("tl", DATA, {
  script_path: new URL("js/", location.href).href,
  font: false,
});
timeline.on("loaded", () => { window.__tl.loaded = true; });
</script>
</body>
</html>
"""


def missing() -> str | None:
    """Why the renderer cannot run, or ``None`` when everything is in place."""
    problems = []
    if shutil.which("node") is None:
        problems.append("node is not on PATH")
    if not (DIST / "js" / "timeline.js").is_file():
        problems.append(f"@knight-lab/timelinejs is not installed in {NODE_DIR}")
    if not (NODE_DIR / "node_modules" / "playwright-core" / "package.json").is_file():
        problems.append(f"playwright-core is not installed in {NODE_DIR}")
    if not os.access(CHROMIUM, os.X_OK):
        problems.append(f"no Chromium at {CHROMIUM}")
    if not problems:
        return None
    return f"TimelineJS render check: {'; '.join(problems)}; run `bash {SETUP}` (as root)"


def require_renderer() -> None:
    """Fail (under CI) or skip (elsewhere) when a component is missing."""
    reason = missing()
    if reason is None:
        return
    if "CI" in os.environ:
        pytest.fail(reason)
    pytest.skip(reason)


def make_site(folder: Path) -> Path:
    """A folder holding TimelineJS's ``js/`` and ``css/``, ready for :func:`write_page`."""
    folder.mkdir(parents=True, exist_ok=True)
    for part in ("js", "css"):
        shutil.copytree(DIST / part, folder / part, dirs_exist_ok=True)
    return folder


def write_page(site: Path, name: str, data: str | dict[str, Any]) -> Path:
    """A page showing ``data`` (TimelineJS JSON text or a document) with TimelineJS."""
    document = json.loads(data) if isinstance(data, str) else data
    # "<" never appears raw, so no text can close the <script> element early.
    inline = json.dumps(document, ensure_ascii=False).replace("<", "\\u003c")
    path = site / f"{name}.html"
    path.write_text(PAGE.replace("__DATA__", inline), encoding="utf-8")
    return path


def render(pages: list[Path], timeout_ms: int = 60_000) -> list[dict[str, Any]]:
    """Load each page in Chromium; one report per page (see render.mjs for the fields)."""
    result = subprocess.run(
        ["node", str(RENDER), str(NODE_DIR), str(timeout_ms), *map(str, pages)],
        capture_output=True, text=True, timeout=120 + len(pages) * timeout_ms / 1000,
    )
    if result.returncode != 0:
        raise AssertionError(f"render.mjs failed ({result.returncode}):\n{result.stderr}")
    reports: list[dict[str, Any]] = json.loads(result.stdout)
    return reports


def shown(text: str) -> str:
    """``text`` as a browser shows it once parsed as HTML, with white space collapsed.

    The HTML parser turns CR LF and CR into LF and drops NUL; collapsing white space keeps
    the comparison about the characters, not about line breaks.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    return " ".join(text.split())
