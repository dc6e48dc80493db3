"""The plugin manager: built-in and third-party format plugins, loaded lazily.

Nothing is imported at ``import mitimeline``; the first call that needs the registry runs
:func:`load_plugins`, which registers the built-ins (:data:`DEFAULT_PLUGINS`) and then each
``mitimeline`` entry point, one at a time. A plugin that fails to import or register is
unregistered, recorded (``list_plugins(all=True)`` shows its ``error``) and reported with a
:class:`~mitimeline.PluginLoadWarning`; ``MITIMELINE_STRICT_PLUGINS=1`` raises
:class:`~mitimeline.PluginLoadError` instead.

Environment variables, read on first load (and again after :func:`reset`):

``MITIMELINE_LOAD_PLUGINS``
    comma-separated entry-point or distribution names: load only these third-party
    plugins; set but empty loads none. Built-ins always load.
``MITIMELINE_DISABLE_PLUGINS``
    comma-separated plugin or distribution names never to import (built-ins included).
``MITIMELINE_STRICT_PLUGINS``
    ``1`` raises on the first broken plugin instead of warning.
``MITIMELINE_TRACE_PLUGINS``
    ``1`` prints each loading step and format registration to stderr.

Formats are resolved here, not through a ``firstresult`` hook: see :func:`find_parser`.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import reprlib
import sys
import threading
import warnings
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import pluggy

from . import hookspecs
from .errors import AmbiguousFormatError, PluginLoadError, PluginLoadWarning, UnknownFormatError
from .formats import SNIFF_BYTES, Exporter, Parser, describe_options

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "FormatInfo",
    "PluginInfo",
    "find_exporter",
    "find_parser",
    "list_formats",
    "list_plugins",
    "load_plugins",
    "plugin_of",
    "pm",
    "registered",
    "reset",
]

pm = pluggy.PluginManager("mitimeline")
pm.add_hookspecs(hookspecs)

DEFAULT_PLUGINS: tuple[str, ...] = (
    "mitimeline.default_plugins.json_format",
    "mitimeline.default_plugins.ical",
    "mitimeline.default_plugins.gantt",
)
"""Modules registered as built-in plugins, through the same hooks as third-party ones."""

ENTRY_POINT_GROUP = "mitimeline"

LOAD_ENV = "MITIMELINE_LOAD_PLUGINS"
DISABLE_ENV = "MITIMELINE_DISABLE_PLUGINS"
STRICT_ENV = "MITIMELINE_STRICT_PLUGINS"
TRACE_ENV = "MITIMELINE_TRACE_PLUGINS"

_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_EXTENSION = re.compile(r"\.[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*", re.IGNORECASE)
_HOOKS = "register_parsers(register) and register_exporters(register)"

F = TypeVar("F", Parser, Exporter)


# -- public records -----------------------------------------------------------------------


@attrs.frozen
class PluginInfo:
    """One plugin as :func:`list_plugins` reports it; ``error`` is set if it failed to load."""

    name: str
    version: str | None
    builtin: bool
    hooks: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    error: str | None = None
    dist: str | None = None


@attrs.frozen
class FormatInfo:
    """One format offered by one plugin, as :func:`list_formats` reports it.

    ``parse_options`` / ``export_options`` map option names to ``"type = default"`` text.
    """

    name: str
    plugin: str
    builtin: bool
    can_parse: bool
    can_export: bool
    extensions: tuple[str, ...]
    media_types: tuple[str, ...]
    parse_options: dict[str, str] = attrs.field(factory=dict, hash=False)
    export_options: dict[str, str] = attrs.field(factory=dict, hash=False)

    @property
    def qualified_name(self) -> str:
        """``plugin:name``, which selects this format even when another plugin shares its name."""
        return f"{self.plugin}:{self.name}"


# -- registry state -----------------------------------------------------------------------


@attrs.frozen
class _Entry(Generic[F]):
    """A registered parser or exporter and the plugin that registered it."""

    fmt: F
    plugin: str
    builtin: bool

    @property
    def qualified(self) -> str:
        return f"{self.plugin}:{self.fmt.name}"

    def describe(self) -> str:
        return f"{self.qualified} (plugin {self.plugin!r})"


@attrs.define
class _Record:
    """What we know about a plugin we tried to load."""

    name: str
    dist: str | None
    version: str | None
    builtin: bool
    hooks: tuple[str, ...] = ()
    error: str | None = None


@attrs.define
class _Registry:
    """All mutable plugin state, in one object so tests can snapshot and reset it."""

    loaded: bool = False
    records: list[_Record] = attrs.Factory(list)
    parsers: list[_Entry[Parser]] = attrs.Factory(list)
    exporters: list[_Entry[Exporter]] = attrs.Factory(list)
    blocked: set[str] = attrs.Factory(set)

    def copy(self) -> _Registry:
        return _Registry(
            self.loaded, list(self.records), list(self.parsers), list(self.exporters),
            set(self.blocked),
        )


class _Broken(Exception):
    """A plugin broke the hook contract; the message says how."""


_state = _Registry()
_lock = threading.RLock()


# -- loading ------------------------------------------------------------------------------


def load_plugins() -> None:
    """Register the built-ins and the installed entry points, once; later calls do nothing.

    Broken plugins are skipped with a :class:`PluginLoadWarning`; under
    ``MITIMELINE_STRICT_PLUGINS=1`` the first one raises :class:`PluginLoadError` and nothing
    stays registered (the next call tries again).
    """
    if _state.loaded:
        return
    with _lock:
        if _state.loaded:
            return
        _state.loaded = True  # set first: a plugin that imports mitimeline must not recurse
        try:
            _load_all(strict=_env_flag(STRICT_ENV))
        except BaseException:
            reset()
            raise


def _load_all(strict: bool) -> None:
    disabled = _env_names(DISABLE_ENV) or set()
    for module_name in DEFAULT_PLUGINS:
        if not _disable(module_name, (), disabled):
            _load_builtin(module_name, strict)
    for name, ep in _entry_points():
        if not _disable(name, (ep.name, _dist_name(ep)), disabled):
            _load_entry_point(name, ep, strict)


def _load_builtin(module_name: str, strict: bool) -> None:
    version = getattr(sys.modules.get("mitimeline"), "__version__", None)
    record = _Record(module_name, "mitimeline", version, builtin=True)
    _trace(f"loading built-in plugin {module_name}")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        _fail(record, exc, strict)
        return
    _add_plugin(module, record, strict)


def _load_entry_point(name: str, ep: EntryPoint, strict: bool) -> None:
    dist = ep.dist
    record = _Record(name, _dist_name(ep), dist.version if dist else None, builtin=False)
    _trace(f"loading plugin {name}: entry point {ep.name} = {ep.value}")
    try:
        plugin = ep.load()
    except Exception as exc:
        _fail(record, exc, strict)
        return
    _add_plugin(plugin, record, strict)


def _entry_points() -> list[tuple[str, EntryPoint]]:
    """(plugin name, entry point) for each ``mitimeline`` entry point selected by
    ``MITIMELINE_LOAD_PLUGINS``, sorted by plugin name.

    A plugin is named after its distribution (``mitimeline-csv``); a distribution with
    several entry points gets ``dist.entry-point`` names; one without metadata, the
    entry point's name.
    """
    wanted = _env_names(LOAD_ENV)
    import importlib.metadata  # here, not at import: scanning entry points is the slow part

    found = list(dict.fromkeys(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)))
    per_dist = Counter(_dist_name(ep) for ep in found)
    chosen: dict[str, EntryPoint] = {}
    known: set[str] = set()
    for ep in found:
        dist = _dist_name(ep)
        name = ep.name if dist is None else dist if per_dist[dist] == 1 else f"{dist}.{ep.name}"
        known.update(_normalise(n) for n in (name, ep.name, dist) if n)
        if wanted is None or _names_match(wanted, name, ep.name, dist):
            chosen.setdefault(name, ep)  # for a repeated name, the first entry point wins
    for unknown in sorted((wanted or set()) - known):
        warnings.warn(
            PluginLoadWarning(f"{LOAD_ENV} names {unknown!r}, which is not an installed plugin"),
            stacklevel=2,
        )
    return sorted(chosen.items())


def _disable(name: str, aliases: tuple[str | None, ...], disabled: set[str]) -> bool:
    """Block ``name`` in the plugin manager if ``MITIMELINE_DISABLE_PLUGINS`` lists it."""
    if not _names_match(disabled, name, *aliases):
        return False
    pm.set_blocked(name)
    _state.blocked.add(name)
    _trace(f"plugin {name} is disabled by {DISABLE_ENV}")
    return True


def _add_plugin(plugin: object, record: _Record, strict: bool) -> None:
    """Register ``plugin`` and its formats as one step: on any failure, undo all of it."""
    try:
        _check_unregistered(plugin, record.name)
        if pm.register(plugin, record.name) is None:
            return  # blocked
        pm.check_pending()
        # mypy rejects abstract classes as type[F] arguments (python/mypy#4717)
        parsers = _collect(pm.hook.register_parsers, record, Parser)  # type: ignore[type-abstract]
        exporters = _collect(
            pm.hook.register_exporters, record, Exporter  # type: ignore[type-abstract]
        )
    except Exception as exc:
        _discard(plugin, record.name)
        _fail(record, exc, strict)
        return
    callers = pm.get_hookcallers(plugin) or []
    record.hooks = tuple(sorted(caller.name for caller in callers))
    _state.records.append(record)
    _add_entries(_state.parsers, parsers, "parser")
    _add_entries(_state.exporters, exporters, "exporter")


def _check_unregistered(plugin: object, name: str) -> None:
    if pm.get_plugin(name) is not None:
        raise _Broken(f"another plugin is already registered under the name {name!r}")
    if pm.is_registered(plugin):
        what = getattr(plugin, "__name__", repr(plugin))
        raise _Broken(f"{what} is already registered as plugin {pm.get_name(plugin)!r}")


def _collect(hook: pluggy.HookCaller, record: _Record, kind: type[F]) -> list[_Entry[F]]:
    """Call this plugin's implementation(s) of ``hook``; return what they registered."""
    entries: list[_Entry[F]] = []

    def register(fmt: F) -> None:
        _check_format(fmt, kind, hook.name)
        if any(entry.fmt.name == fmt.name for entry in entries):
            raise _Broken(f"{hook.name} registered two {kind.__name__}s named {fmt.name!r}")
        entries.append(_Entry(fmt, record.name, record.builtin))
        _trace(f"plugin {record.name} registered {kind.__name__.lower()} {fmt.name}")

    for impl in hook.get_hookimpls():
        if impl.plugin_name != record.name:
            continue
        arguments = {"register": register}
        try:
            impl.function(*(arguments[name] for name in impl.argnames))
        except _Broken:
            raise
        except Exception as exc:
            raise _Broken(f"{hook.name} raised {type(exc).__name__}: {exc}") from exc
    return entries


def _check_format(fmt: object, kind: type[Parser] | type[Exporter], hook: str) -> None:
    """Raise :class:`_Broken` unless ``fmt`` is a well-formed instance of ``kind``."""
    expected = f"a mitimeline.{kind.__name__} instance"
    if isinstance(fmt, type):
        raise _Broken(
            f"{hook} passed the class {fmt.__name__} to register(); expected {expected} "
            f"such as {fmt.__name__}()"
        )
    if not isinstance(fmt, kind):
        raise _Broken(f"{hook} passed {fmt!r} to register(); expected {expected}")
    label = f"{kind.__name__} {type(fmt).__name__}"
    name = getattr(fmt, "name", None)
    if not isinstance(name, str) or not _SLUG.fullmatch(name):
        raise _Broken(f"{label} has name {name!r}; expected a lower-case slug such as 'ical'")
    if isinstance(fmt, Parser):
        for extension in _strings(label, fmt.extensions, "extensions"):
            _check_extension(label, extension)
        _strings(label, fmt.media_types, "media_types")
    else:
        _check_extension(label, getattr(fmt, "extension", None))
        if not isinstance(fmt.media_type, str):
            raise _Broken(f"{label} has media_type {fmt.media_type!r}; expected a MIME type")
    if not attrs.has(fmt.Options):
        raise _Broken(f"{label} has Options {fmt.Options!r}; expected an attrs class")


def _check_extension(label: str, extension: object) -> None:
    if not isinstance(extension, str) or not _EXTENSION.fullmatch(extension):
        raise _Broken(
            f"{label} has extension {extension!r}; expected a dot and a suffix such as '.ics'"
        )


def _strings(label: str, value: object, field: str) -> tuple[str, ...]:
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        raise _Broken(f"{label} has {field} {value!r}; expected a tuple of strings")
    return value


def _add_entries(existing: list[_Entry[F]], new: list[_Entry[F]], kind: str) -> None:
    """Append ``new``, warning once per clash with a format of the same name."""
    for entry in new:
        rivals = [e for e in existing if e.fmt.name == entry.fmt.name]
        if rivals:
            _warn_clash(entry, rivals, kind)
        existing.append(entry)


def _warn_clash(entry: _Entry[Any], rivals: list[_Entry[Any]], kind: str) -> None:
    everyone = [*rivals, entry]
    plugins = " and ".join(repr(e.plugin) for e in everyone)
    builtins = [e for e in everyone if e.builtin]
    if len(builtins) == 1:
        others = " or ".join(repr(e.qualified) for e in everyone if not e.builtin)
        outcome = f"{entry.fmt.name!r} means the built-in one; use {others} for the other"
    else:
        choices = " or ".join(f"format={e.qualified!r}" for e in everyone)
        outcome = f"{entry.fmt.name!r} alone is now ambiguous; choose with {choices}"
    warnings.warn(
        PluginLoadWarning(f"{kind} {entry.fmt.name!r} is offered by plugins {plugins}; {outcome}"),
        stacklevel=2,
    )


def _fail(record: _Record, exc: BaseException, strict: bool) -> None:
    """Record a plugin that failed, then warn, or raise under strict loading."""
    if isinstance(exc, pluggy.PluginValidationError):
        error = f"{' '.join(str(exc).split())} (mitimeline's hooks are {_HOOKS})"
    elif isinstance(exc, _Broken):
        error = str(exc)
    else:
        error = f"{type(exc).__name__}: {exc}"
    message = f"mitimeline plugin {_describe(record)} failed to load: {error}"
    if strict:
        raise PluginLoadError(message, plugin=record.name) from exc
    record.error = error
    _state.records.append(record)
    warnings.warn(PluginLoadWarning(f"{message}; continuing without it"), stacklevel=2)


def _describe(record: _Record) -> str:
    """``'name'``, with the distribution and version when they add something."""
    origin = " ".join(
        part for part in (record.dist if record.dist != record.name else None, record.version)
        if part
    )
    return f"{record.name!r} ({origin})" if origin else repr(record.name)


def _discard(plugin: object, name: str) -> None:
    """Unregister ``plugin`` if it is what is registered under ``name``."""
    if pm.get_plugin(name) is plugin:
        pm.unregister(plugin=plugin, name=name)


# -- listing ------------------------------------------------------------------------------


def list_plugins(all: bool = False) -> list[PluginInfo]:
    """Loaded and failed plugins in load order; built-ins only when ``all`` is true."""
    load_plugins()
    formats: dict[str, set[str]] = {}
    for entry in _entries():
        formats.setdefault(entry.plugin, set()).add(entry.fmt.name)
    return [
        PluginInfo(
            name=record.name,
            version=record.version,
            builtin=record.builtin,
            hooks=record.hooks,
            formats=tuple(sorted(formats.get(record.name, ()))) if record.error is None else (),
            error=record.error,
            dist=record.dist,
        )
        for record in _state.records
        if all or not record.builtin
    ]


def list_formats() -> list[FormatInfo]:
    """Every format, one record per (name, plugin), sorted by name with built-ins first."""
    load_plugins()
    keys: list[tuple[str, str]] = []
    for entry in _entries():
        if (entry.fmt.name, entry.plugin) not in keys:
            keys.append((entry.fmt.name, entry.plugin))
    infos = [_format_info(name, plugin) for name, plugin in keys]
    return sorted(infos, key=lambda info: (info.name, not info.builtin, info.plugin))


def _format_info(name: str, plugin: str) -> FormatInfo:
    parser = next((e for e in _state.parsers if (e.fmt.name, e.plugin) == (name, plugin)), None)
    exporter = next(
        (e for e in _state.exporters if (e.fmt.name, e.plugin) == (name, plugin)), None
    )
    extensions = list(parser.fmt.extensions) if parser else []
    media_types = list(parser.fmt.media_types) if parser else []
    if exporter:
        extensions += [exporter.fmt.extension]
        media_types += [exporter.fmt.media_type]
    entry = parser or exporter
    assert entry is not None
    return FormatInfo(
        name=name,
        plugin=plugin,
        builtin=entry.builtin,
        can_parse=parser is not None,
        can_export=exporter is not None,
        extensions=tuple(dict.fromkeys(extensions)),
        media_types=tuple(dict.fromkeys(media_types)),
        parse_options=describe_options(parser.fmt) if parser else {},
        export_options=describe_options(exporter.fmt) if exporter else {},
    )


def _entries() -> list[_Entry[Parser] | _Entry[Exporter]]:
    return [*_state.parsers, *_state.exporters]


def plugin_of(fmt: Parser | Exporter) -> str:
    """The name of the plugin that registered this parser or exporter (``""`` if none did)."""
    load_plugins()
    for entry in _entries():
        if entry.fmt is fmt:
            return entry.plugin
    return ""


# -- resolution ---------------------------------------------------------------------------


def find_parser(
    format: str | None = None, filename: str | None = None, head: bytes | None = None
) -> Parser:
    """The parser for an input: an explicit ``format`` (``name`` or ``plugin:name``) wins;
    else the longest matching extension of ``filename``; else (or to break a tie between
    extensions) the parsers whose ``sniff(head)`` is true.

    Raises :class:`UnknownFormatError` if nothing matches, :class:`AmbiguousFormatError` if
    several do.
    """
    load_plugins()
    entries = _state.parsers
    if format is not None:
        return _by_name(entries, format, "parser").fmt
    label = repr(filename) if filename else "the input"
    candidates = _by_extension(entries, filename)
    if len(candidates) == 1:
        return candidates[0].fmt
    if head is not None:
        sniffed = [entry for entry in candidates or entries if _sniffs(entry, head)]
        if len(sniffed) == 1:
            return sniffed[0].fmt
        candidates = sniffed or candidates
    if candidates:
        raise _ambiguous(f"{label} matches several parsers", candidates)
    reasons = []
    if filename:
        reasons.append("no parser claims its extension")
    if head is not None:
        reasons.append("no parser recognises its content")
    reason = " and ".join(reasons) or "no file name or content was given"
    raise UnknownFormatError(
        f"cannot tell the format of {label}: {reason}; available parsers: "
        f"{_listing(entries)}; pass format= to choose one"
    )


def find_exporter(format: str | None = None, filename: str | None = None) -> Exporter:
    """The exporter for an output: an explicit ``format`` (``name`` or ``plugin:name``) wins;
    else the longest matching extension of ``filename``.

    Raises :class:`UnknownFormatError` if nothing matches, :class:`AmbiguousFormatError` if
    several do.
    """
    load_plugins()
    entries = _state.exporters
    if format is not None:
        return _by_name(entries, format, "exporter").fmt
    candidates = _by_extension(entries, filename)
    if len(candidates) == 1:
        return candidates[0].fmt
    if candidates:
        raise _ambiguous(f"{filename!r} matches several exporters", candidates)
    if filename:
        problem = f"cannot tell the format of {filename!r}: no exporter claims its extension"
    else:
        problem = "no format given: pass format= or a file name with a known extension"
    raise UnknownFormatError(f"{problem}; available exporters: {_listing(entries)}")


def _by_name(entries: list[_Entry[F]], format: str, kind: str) -> _Entry[F]:
    plugin, _, name = format.strip().rpartition(":")
    name = name.lower()
    matches = [e for e in entries if e.fmt.name == name and (not plugin or e.plugin == plugin)]
    if len(matches) > 1:
        builtins = [e for e in matches if e.builtin]
        matches = builtins if len(builtins) == 1 else matches
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise _ambiguous(f"{kind} format {format!r} is offered by several plugins", matches)
    raise UnknownFormatError(
        f"no {kind} named {format!r}; available {kind}s: {_listing(entries)}"
    )


def _by_extension(entries: list[_Entry[F]], filename: str | None) -> list[_Entry[F]]:
    """The entries whose extension is the longest case-insensitive suffix of the file name."""
    if not filename:
        return []
    base = os.path.basename(os.fspath(filename)).lower()
    best = 0
    found: list[_Entry[F]] = []
    for entry in entries:
        matching = [len(x) for x in _extensions(entry.fmt) if base.endswith(x.lower())]
        length = max(matching, default=0)
        if length and length > best:
            best, found = length, [entry]
        elif length and length == best:
            found.append(entry)
    return found


def _extensions(fmt: Parser | Exporter) -> tuple[str, ...]:
    return fmt.extensions if isinstance(fmt, Parser) else (fmt.extension,)


def _sniffs(entry: _Entry[Parser], head: bytes) -> bool:
    """``sniff(head)``; one that raises or returns anything but a bool counts as no match
    and warns naming the plugin."""
    try:
        result = entry.fmt.sniff(head[:SNIFF_BYTES])
    except Exception as exc:
        problem = f"raised {type(exc).__name__} in sniff(), treated as no match: {exc}"
    else:
        if isinstance(result, bool):
            return result
        problem = (
            f"returned {reprlib.repr(result)} from sniff(), expected True or False; "
            "treated as no match"
        )
    warnings.warn(
        PluginLoadWarning(f"parser {entry.fmt.name!r} from plugin {entry.plugin!r} {problem}"),
        stacklevel=3,
    )
    return False


def _ambiguous(problem: str, candidates: list[_Entry[F]]) -> AmbiguousFormatError:
    names = ", ".join(entry.describe() for entry in candidates)
    choices = " or ".join(f"format={entry.qualified!r}" for entry in candidates)
    return AmbiguousFormatError(f"{problem}: {names}; choose one with {choices}")


def _listing(entries: list[_Entry[F]]) -> str:
    if not entries:
        return "none are installed"
    return ", ".join(f"{e.fmt.name} (plugin {e.plugin!r})" for e in entries)


# -- test support -------------------------------------------------------------------------


@contextlib.contextmanager
def registered(*plugins: object, strict: bool = True) -> Iterator[None]:
    """Register extra plugins (modules or objects with hookimpls) for the ``with`` block.

    Each is named by its ``__name__``. A broken one raises :class:`PluginLoadError` (or,
    with ``strict=False``, is recorded and warned about as at load time). On exit the
    plugins are unregistered and the registry is restored to what it was.
    """
    global _state
    load_plugins()
    with _lock:
        saved = _state.copy()
    added: list[tuple[object, str]] = []
    try:
        for plugin in plugins:
            name = pm.get_canonical_name(plugin)
            added.append((plugin, name))
            with _lock:
                _add_plugin(plugin, _Record(name, None, None, builtin=False), strict)
        yield
    finally:
        with _lock:
            for plugin, name in reversed(added):
                _discard(plugin, name)
            _state = saved


def reset() -> None:
    """Unregister every plugin and forget all formats; the next use loads them again.

    For tests, e.g. after changing the ``MITIMELINE_*_PLUGINS`` environment variables.
    """
    global _state
    with _lock:
        for name, plugin in pm.list_name_plugin():
            if plugin is not None:
                pm.unregister(plugin=plugin, name=name)
        for name in _state.blocked:
            pm.unblock(name)
        _state = _Registry()


# -- helpers ------------------------------------------------------------------------------


def _env_flag(variable: str) -> bool:
    return os.environ.get(variable, "").strip().lower() in {"1", "true", "yes", "on"}


def _env_names(variable: str) -> set[str] | None:
    """The normalised comma-separated names in ``variable``, or None when it is unset."""
    value = os.environ.get(variable)
    if value is None:
        return None
    return {_normalise(name) for name in value.split(",") if name.strip()}


def _normalise(name: str) -> str:
    """Compare names the way pip compares distribution names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def _names_match(wanted: set[str], *names: str | None) -> bool:
    return any(name is not None and _normalise(name) in wanted for name in names)


def _dist_name(ep: EntryPoint) -> str | None:
    dist = ep.dist
    if dist is None:
        return None
    name: Any = dist.metadata["Name"]
    return name if isinstance(name, str) else None


def _trace(message: str) -> None:
    if _env_flag(TRACE_ENV):
        print(f"mitimeline plugins: {message}", file=sys.stderr)
