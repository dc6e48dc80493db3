"""The base classes plugin authors subclass: :class:`Parser` and :class:`Exporter`.

A parser reads a binary stream into a :class:`~mitimeline.Timeline`; an exporter writes a
timeline to a binary stream. Each may declare an ``Options`` attrs class; keyword options
given by users are checked against it by :func:`build_options`.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

import attrs

from .errors import OptionsError

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = [
    "SNIFF_BYTES",
    "Exporter",
    "NoOptions",
    "Parser",
    "build_options",
    "describe_options",
    "make_options",
]

SNIFF_BYTES = 4096
"""How many leading bytes ``Parser.sniff`` is given."""


@attrs.frozen
class NoOptions:
    """The options of a format that takes none."""


class Parser(abc.ABC):
    """An input format. Subclasses set the class attributes and implement :meth:`parse`.

    ``name`` is a slug unique among formats (``"json"``); ``extensions`` are lower-case with
    the dot (``(".json",)``); ``media_types`` are MIME types it reads.
    """

    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()
    media_types: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type[Any]] = NoOptions

    def sniff(self, head: bytes) -> bool:
        """True if ``head`` (the first :data:`SNIFF_BYTES` bytes) looks like this format.

        Must be fast and free of side effects; the default recognises nothing.
        """
        return False

    @abc.abstractmethod
    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        """Read the whole ``stream`` into a timeline; ``options`` is an ``Options`` instance.

        Raise :class:`~mitimeline.ParseError` (with ``location``) for bad input.
        """


class Exporter(abc.ABC):
    """An output format. Subclasses set the class attributes and implement :meth:`export`.

    ``extension`` is lower-case with the dot (``".ics"``); ``binary`` is True when the output
    is not text (``dumps`` then returns bytes; otherwise UTF-8 text).
    """

    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str] = "application/octet-stream"
    binary: ClassVar[bool] = False
    Options: ClassVar[type[Any]] = NoOptions

    @abc.abstractmethod
    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        """Write ``timeline`` to ``stream``; ``options`` is an ``Options`` instance.

        Raise :class:`~mitimeline.ExportError` for timelines the format cannot carry.
        """


def build_options(fmt: Parser | Exporter, given: Mapping[str, Any]) -> Any:
    """Instantiate ``fmt.Options`` from user keywords; unknown or bad ones raise
    :class:`OptionsError` listing the valid options."""
    return make_options(fmt.Options, fmt.name, given)


def make_options(options_class: type[Any], format_name: str, given: Mapping[str, Any]) -> Any:
    """Instantiate the attrs class ``options_class`` of format ``format_name`` from user
    keywords; unknown or bad ones raise :class:`OptionsError` listing the valid options."""
    valid = [field.name for field in attrs.fields(options_class)]
    unknown = sorted(set(given) - set(valid))
    if unknown:
        accepted = ", ".join(valid) if valid else "none"
        raise OptionsError(
            f"format {format_name!r} does not take option(s) {', '.join(unknown)}; "
            f"valid options: {accepted}"
        )
    try:
        return options_class(**given)
    except (TypeError, ValueError) as exc:
        reason = exc.args[0] if exc.args else exc  # attrs validators put the message first
        raise OptionsError(f"format {format_name!r}: bad option value: {reason}") from exc


def describe_options(fmt: Parser | Exporter) -> dict[str, str]:
    """Option name → ``"type = default"`` text, for listings and docs."""
    described = {}
    for field in attrs.fields(fmt.Options):
        kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
        if field.default is attrs.NOTHING:
            default = "required"
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            default = repr(field.default.factory())
        else:
            default = repr(field.default)
        described[field.name] = f"{kind} = {default}" if kind else default
    return described
