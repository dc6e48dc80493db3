"""docs/notebooks/quickstart.ipynb runs, top to bottom, in a real Jupyter kernel (nbclient),
against the bundled example timeline, so it cannot rot."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import nbclient
import nbformat

from test_gantt_support import ROOT

NOTEBOOK = ROOT / "docs" / "notebooks" / "quickstart.ipynb"


def outputs(cell: Any, mime: str) -> str:
    return "".join(output.get("data", {}).get(mime, "") for output in cell.get("outputs", []))


def test_quickstart_notebook_runs(tmp_path: Path) -> None:
    # the notebook's own layout: docs/notebooks/ two levels below seeds/
    folder = tmp_path / "docs" / "notebooks"
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs"
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    first = outputs(code[0], "text/html")
    assert "<table>" in first and "<svg" in first and "Planned US release" in first
    assert "<Timeline 'Mission: Impossible 7" in "".join(
        output.get("text", "") for output in code[1].outputs)
    assert any("<svg" in outputs(cell, "image/svg+xml") for cell in code)
    written = sorted(path.name for path in (folder / "out").iterdir())
    assert written == ["mi7-gantt.mmd", "mi7-gantt.png", "mi7-gantt.svg", "mi7.ics"]
    assert (folder / "out" / "mi7.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
