"""Curated, cited timelines that ship with mitimeline.

``mission_impossible_7()`` loads the *Mission: Impossible 7* production timeline (2020-21),
built from five news reports; :func:`path` gives the file itself, for tools that want a path.
"""

from __future__ import annotations

from pathlib import Path

from .api import load
from .timeline import Timeline

__all__ = ["DATASETS", "mission_impossible_7", "path"]

DATASETS = {"mission-impossible-7": "mi7.json"}
"""Dataset name → file name in the project's ``seeds/`` folder."""


def path(name: str) -> Path:
    """The file of dataset ``name``: the copy inside the installed package, or, in a source
    checkout (editable install), the one in ``seeds/``. ``KeyError`` for an unknown name."""
    try:
        filename = DATASETS[name]
    except KeyError:
        raise KeyError(f"no dataset {name!r}; available: {', '.join(DATASETS)}") from None
    from importlib import resources  # stdlib, but here: ~5 ms off `import mitimeline`

    packaged = resources.files("mitimeline") / "_seeds" / filename
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "seeds" / filename
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"dataset {name!r} is missing from this installation ({filename})")


def mission_impossible_7() -> Timeline:
    """The *Mission: Impossible 7* production timeline, 2020-21, every event sourced."""
    return load(path("mission-impossible-7"), format="json")
