"""The base classes plugin authors subclass: :class:`Parser` and :class:`Exporter`.

A parser reads a binary stream into a :class:`~mitimeline.Timeline`; an exporter writes a
timeline to a binary stream. Each may declare an ``Options`` attrs class; keyword options
given by users are checked against it by :func:`build_options`, and a value typed on the
command line (:class:`~mitimeline.optiontext.OptionText`) is first read as the type of its
field. A field's help text is its ``metadata={"help": ...}`` (:func:`option_fields`).
"""

from __future__ import annotations

import abc
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

import attrs

from .errors import OptionsError
from .optiontext import OptionText, as_text, expected, field_types, read_option

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = [
    "HELP",
    "SNIFF_BYTES",
    "Exporter",
    "NoOptions",
    "OptionField",
    "OptionText",
    "Parser",
    "build_options",
    "describe_options",
    "make_options",
    "option_fields",
]

SNIFF_BYTES = 4096
"""How many leading bytes ``Parser.sniff`` is given."""

HELP = "help"
"""The key of an ``Options`` field's help text in its attrs ``metadata``:
``attrs.field(default=2, metadata={"help": "spaces per level"})``."""


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
    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> int | None:
        """Write ``timeline`` to ``stream``; ``options`` is an ``Options`` instance. Return
        how many of its events were written when options left some out (``None``: all).

        Raise :class:`~mitimeline.ExportError` for timelines the format cannot carry.
        """


def build_options(fmt: Parser | Exporter, given: Mapping[str, Any]) -> Any:
    """Instantiate ``fmt.Options`` from user keywords; unknown or bad ones raise
    :class:`OptionsError` listing the valid options."""
    return make_options(fmt.Options, fmt.name, given)


def make_options(options_class: type[Any], format_name: str, given: Mapping[str, Any]) -> Any:
    """Instantiate the attrs class ``options_class`` of format ``format_name`` from user
    keywords; unknown or bad ones raise :class:`OptionsError` listing the valid options.
    An :class:`OptionText` value is first read as its field's type (``read_option``)."""
    valid = [field.name for field in attrs.fields(options_class)]
    unknown = sorted(set(given) - set(valid))
    if unknown:
        accepted = ", ".join(valid) if valid else "none"
        raise OptionsError(
            f"format {format_name!r} does not take option(s) {', '.join(unknown)}; "
            f"valid options: {accepted}"
        )
    if any(isinstance(value, OptionText) for value in given.values()):
        given = _read_texts(options_class, format_name, given)
    try:
        return options_class(**given)
    except (TypeError, ValueError) as exc:
        reason = exc.args[0] if exc.args else exc  # attrs validators put the message first
        raise OptionsError(f"format {format_name!r}: bad option value: {reason}") from exc


def _read_texts(options_class: type[Any], format_name: str,
                given: Mapping[str, Any]) -> dict[str, Any]:
    """``given`` with each :class:`OptionText` read as the type of its field."""
    types = field_types(options_class)
    read = {}
    for name, value in given.items():
        if isinstance(value, OptionText):
            try:
                value = read_option(types.get(name, Any), value.text)
            except ValueError as exc:
                raise OptionsError(f"format {format_name!r}: option {name}: {exc}") from None
        read[name] = value
    return read


@attrs.frozen
class OptionField:
    """One option of a format, as ``mitimeline formats FORMAT`` and ``list_formats()`` show
    it: its ``type`` as annotated (``"int | None"``), what the command line ``accepts`` in
    words, its ``default`` as Python writes it (``"required"`` when there is none) and as
    it would be typed (``default_text``), and its ``help`` (``""`` when undocumented)."""

    name: str
    type: str
    accepts: str
    default: str
    default_text: str
    help: str


def option_fields(options_class: type[Any]) -> tuple[OptionField, ...]:
    """The fields of the attrs class ``options_class``, in order, each with the help text of
    its ``metadata={"help": ...}``."""
    types = field_types(options_class)
    described = []
    for field in attrs.fields(options_class):
        if field.default is attrs.NOTHING:
            default, default_text = "required", "required"
        else:
            value = (field.default.factory()
                     if isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
                     else field.default)
            default, default_text = repr(value), as_text(value)
        described.append(OptionField(
            name=field.name,
            type=_type_text(field.type),
            accepts=expected(types.get(field.name, Any)),
            default=default,
            default_text=default_text,
            help=" ".join(str(field.metadata.get(HELP, "")).split()),
        ))
    return tuple(described)


def _type_text(annotation: object) -> str:
    """An annotation as source text: ``"int | None"`` (as written under ``from __future__
    import annotations``), a class's name, else its ``repr`` without ``typing.``."""
    if annotation is None:
        return ""
    if isinstance(annotation, str):
        return annotation
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__name__
    return repr(annotation).replace("typing.", "")


def describe_options(fmt: Parser | Exporter) -> dict[str, str]:
    """Option name → ``"type = default"`` text, for listings and docs."""
    return {option.name: f"{option.type} = {option.default}" if option.type else option.default
            for option in option_fields(fmt.Options)}
