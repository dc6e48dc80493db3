"""Helpers for testing mitimeline plugins (needs the ``testing`` extra: pytest, Hypothesis).

- :func:`registered`: register plugin objects or modules for a ``with`` block (or a fixture),
  restoring the registry afterwards.
- :func:`check_parser`, :func:`check_exporter`, :func:`assert_roundtrip`: contract checks;
  :func:`sample_timeline` and :func:`claimed_timeline` to feed them.
- :func:`update_golden`: whether golden-file tests rewrite their files
  (``MITIMELINE_UPDATE_GOLDEN=1``, exactly).
- Hypothesis strategies: :func:`whens`, :func:`places`, :func:`credits`, :func:`sources`,
  :func:`productions`, :func:`events`, :func:`timelines`, :func:`edtf_texts`.

See ``docs/testing-plugins.md``.
"""

from __future__ import annotations

from ..plugins import registered
from .contracts import (
    GARBAGE,
    assert_roundtrip,
    check_exporter,
    check_parser,
    claimed_timeline,
    sample_timeline,
)
from .golden import update_golden
from .strategies import (
    claims,
    credits,
    edtf_texts,
    events,
    json_values,
    places,
    productions,
    slugs,
    sources,
    timelines,
    whens,
)

__all__ = [
    "GARBAGE",
    "assert_roundtrip",
    "check_exporter",
    "check_parser",
    "claimed_timeline",
    "claims",
    "credits",
    "edtf_texts",
    "events",
    "json_values",
    "places",
    "productions",
    "registered",
    "sample_timeline",
    "slugs",
    "sources",
    "timelines",
    "update_golden",
    "whens",
]
