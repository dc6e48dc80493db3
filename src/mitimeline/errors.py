"""Every error class mitimeline raises on purpose.

All of them derive from :class:`MitimelineError`, so ``except mitimeline.MitimelineError``
catches anything a user can trigger with bad input, a bad option or a broken plugin.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousFormatError",
    "DateParseError",
    "ExportError",
    "FindingsWarning",
    "InvalidEventError",
    "MergeError",
    "MitimelineError",
    "OptionsError",
    "ParseError",
    "PluginLoadError",
    "PluginLoadWarning",
    "UnknownFormatError",
]


class MitimelineError(Exception):
    """Base class of every error mitimeline raises deliberately."""


class DateParseError(MitimelineError, ValueError):
    """A date text that neither EDTF nor the everyday-English reader understands.

    ``text`` is the input as given; the message says what was seen and which forms are accepted.
    """

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text


class InvalidEventError(MitimelineError, ValueError):
    """A model value (event, place, source, ...) built with a field that breaks its contract.

    ``field`` names the offending field, e.g. ``"place.country"``.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class MergeError(MitimelineError, ValueError):
    """Timelines that cannot be merged: two different ``Source`` records with one id.

    ``source_id`` is that id; ``records`` holds the two records.
    """

    def __init__(self, message: str, source_id: str = "", records: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.source_id = source_id
        self.records = records


class OptionsError(MitimelineError, TypeError):
    """An unknown or ill-typed keyword option for a parser or exporter."""


class _FormatChoiceError(MitimelineError, LookupError):
    """What :class:`UnknownFormatError` and :class:`AmbiguousFormatError` share: the
    message ends with how to choose a format in Python (``format=``); ``problem`` is the
    message without that advice, ``role`` is ``"parser"`` or ``"exporter"`` (``""`` when
    neither applies) and ``choices`` the format names that would choose one (empty: any
    format's name), so that the command line can give the advice in its own words
    (``--from``, ``--to``)."""

    def __init__(self, message: str, *, problem: str = "", role: str = "",
                 choices: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problem = problem or message
        self.role = role
        self.choices = choices


class UnknownFormatError(_FormatChoiceError):
    """No parser or exporter matches the requested format, extension or content."""


class AmbiguousFormatError(_FormatChoiceError):
    """Several parsers or exporters match and nothing decides between them."""


class ParseError(MitimelineError, ValueError):
    """Input that a parser could not turn into a timeline.

    ``source`` is the file name (or ``"<string>"``), ``location`` the line, JSON path or
    component where the problem is (``""`` when unknown), ``format`` and ``plugin`` name the
    parser that failed. ``errno`` is the operating system's error number when the file could
    not be read (the :class:`OSError` is the ``__cause__``), else ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "",
        location: str = "",
        format: str = "",
        plugin: str = "",
        errno: int | None = None,
    ) -> None:
        self.reason = message
        self.source = source
        self.location = location
        self.format = format
        self.plugin = plugin
        self.errno = errno
        super().__init__(self._render())

    def _render(self) -> str:
        where = ":".join(part for part in (self.source, self.location) if part)
        return f"{where}: {self.reason}" if where else self.reason

    def located(self, source: str = "", format: str = "", plugin: str = "") -> ParseError:
        """Return a copy with the empty context fields filled in (existing ones win)."""
        return type(self)(
            self.reason,
            source=self.source or source,
            location=self.location,
            format=self.format or format,
            plugin=self.plugin or plugin,
            errno=self.errno,
        )


class ExportError(MitimelineError):
    """An exporter that failed, or an output file that could not be written; an existing
    file was left as it was.

    ``format`` and ``plugin`` name the exporter (``""`` when the failure was not its own);
    ``errno`` is the operating system's error number for a storage failure such as a full
    disk (the :class:`OSError` is the ``__cause__``), else ``None``.
    """

    def __init__(
        self, message: str, *, format: str = "", plugin: str = "", errno: int | None = None
    ) -> None:
        super().__init__(message)
        self.format = format
        self.plugin = plugin
        self.errno = errno


class PluginLoadError(MitimelineError, ImportError):
    """A plugin that failed to import or register, raised under ``MITIMELINE_STRICT_PLUGINS=1``."""

    def __init__(self, message: str, plugin: str = "") -> None:
        super().__init__(message)
        self.plugin = plugin


class PluginLoadWarning(UserWarning):
    """Emitted when a plugin fails to load and mitimeline carries on without it."""


class FindingsWarning(UserWarning):
    """Problems a parser found in one file and worked around, as one warning: ``source``
    names the file, ``findings`` holds every one (``str()`` of each is one line), and the
    message spells out the first :attr:`SHOWN` after ``summary`` and says where the rest
    are: in ``.findings`` (the command line says ``--findings``, :meth:`text`)."""

    SHOWN = 5

    def __init__(self, source: str, findings: tuple[object, ...], summary: str) -> None:
        self.source = source
        self.findings = findings
        self.summary = summary
        super().__init__(self.text("all in .findings"))

    def text(self, where_all: str) -> str:
        """The message, ending with ``(where_all)``: where to find every finding."""
        shown = "; ".join(map(str, self.findings[:self.SHOWN]))
        rest = len(self.findings) - self.SHOWN
        more = f"; and {rest} more" if rest > 0 else ""
        return f"{self.source}: {self.summary}: {shown}{more} ({where_all})"


def install_hint(extra: str) -> str:
    """How to install an extra's dependencies, for messages: ``pip install -e ".[plot]"`` in
    the mitimeline checkout, since mitimeline is not yet published on PyPI."""
    return f'pip install -e ".[{extra}]" in the mitimeline checkout'
