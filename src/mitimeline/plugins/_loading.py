"""Loading plugins: the built-ins, then each ``mitimeline`` entry point, once and lazily,
as the ``MITIMELINE_*_PLUGINS`` variables say; and resetting or extending the registry."""

from __future__ import annotations

import contextlib
import importlib
import warnings
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..errors import PluginLoadWarning
from ._environment import (
    DISABLE_ENV,
    LOAD_ENV,
    STRICT_ENV,
    env_flag,
    env_names,
    names_match,
    normalise,
    trace,
)
from ._records import PluginInfo
from ._registering import add_plugin, discard, fail, withdraw
from ._registry import Registry, lock, pm, state

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = ["DEFAULT_PLUGINS", "ENTRY_POINT_GROUP", "load_plugins", "registered", "reset"]

DEFAULT_PLUGINS: tuple[str, ...] = (
    "mitimeline.default_plugins.json_format",
    "mitimeline.default_plugins.ical",
    "mitimeline.default_plugins.gantt",
    "mitimeline.default_plugins.serve",
)
"""Modules registered as built-in plugins, through the same hooks as third-party ones."""

ENTRY_POINT_GROUP = "mitimeline"


def load_plugins() -> None:
    """Register the built-ins and the installed entry points, once; later calls do nothing.

    Broken plugins are skipped with a :class:`PluginLoadWarning`; under
    ``MITIMELINE_STRICT_PLUGINS=1`` the first one raises :class:`PluginLoadError` and nothing
    stays registered (the next call tries again).
    """
    if state.loaded:
        return
    with lock:
        if state.loaded:
            return
        state.loaded = True  # set first: a plugin that imports mitimeline must not recurse
        try:
            _load_all(strict=env_flag(STRICT_ENV))
        except BaseException:
            reset()
            raise


def _load_all(strict: bool) -> None:
    disabled = env_names(DISABLE_ENV) or set()
    for module_name in DEFAULT_PLUGINS:
        if not _disable(module_name, (), disabled):
            _load_builtin(module_name, strict)
    for name, ep in _entry_points():
        if not _disable(name, (ep.name, _dist_name(ep)), disabled):
            _load_entry_point(name, ep, strict)


def _load_builtin(module_name: str, strict: bool) -> None:
    record = PluginInfo(module_name, __version__, builtin=True, dist="mitimeline")
    trace(f"loading built-in plugin {module_name}")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        fail(record, exc, strict)
        return
    add_plugin(module, record, strict)


def _load_entry_point(name: str, ep: EntryPoint, strict: bool) -> None:
    dist = ep.dist
    record = PluginInfo(name, dist.version if dist else None, builtin=False,
                        dist=_dist_name(ep))
    trace(f"loading plugin {name}: entry point {ep.name} = {ep.value}")
    try:
        plugin = ep.load()
    except Exception as exc:
        fail(record, exc, strict)
        return
    add_plugin(plugin, record, strict)


def _entry_points() -> list[tuple[str, EntryPoint]]:
    """(plugin name, entry point) for each ``mitimeline`` entry point selected by
    ``MITIMELINE_LOAD_PLUGINS``, sorted by plugin name.

    A plugin is named after its distribution (``mitimeline-csv``); a distribution with
    several entry points gets ``dist.entry-point`` names; one without metadata, the
    entry point's name.
    """
    wanted = env_names(LOAD_ENV)
    import importlib.metadata  # stdlib, but here: scanning entry points is the slow part

    found = list(dict.fromkeys(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)))
    per_dist = Counter(_dist_name(ep) for ep in found)
    chosen: dict[str, EntryPoint] = {}
    known: set[str] = set()
    for ep in found:
        dist = _dist_name(ep)
        name = ep.name if dist is None else dist if per_dist[dist] == 1 else f"{dist}.{ep.name}"
        known.update(normalise(n) for n in (name, ep.name, dist) if n)
        if wanted is None or names_match(wanted, name, ep.name, dist):
            chosen.setdefault(name, ep)  # for a repeated name, the first entry point wins
    for unknown in sorted((wanted or set()) - known):
        warnings.warn(
            PluginLoadWarning(f"{LOAD_ENV} names {unknown!r}, which is not an installed plugin"),
            stacklevel=2,
        )
    return sorted(chosen.items())


def _disable(name: str, aliases: tuple[str | None, ...], disabled: set[str]) -> bool:
    """Block ``name`` in the plugin manager if ``MITIMELINE_DISABLE_PLUGINS`` lists it."""
    if not names_match(disabled, name, *aliases):
        return False
    pm.set_blocked(name)
    state.blocked.add(name)
    trace(f"plugin {name} is disabled by {DISABLE_ENV}")
    return True


def _dist_name(ep: EntryPoint) -> str | None:
    dist = ep.dist
    if dist is None:
        return None
    name: Any = dist.metadata["Name"]
    return name if isinstance(name, str) else None


@contextlib.contextmanager
def registered(*plugins: object, strict: bool = True) -> Iterator[None]:
    """Register extra plugins (modules or objects with hookimpls) for the ``with`` block.

    Each is named by its ``__name__``. One that is already registered (an installed
    plugin's module, say) is taken out of the registry for the block and registered again
    under its ``__name__``, so the block sees the same whether or not it is installed. A
    broken one raises :class:`PluginLoadError` (or, with ``strict=False``, is recorded and
    warned about as at load time). On exit the plugins are unregistered, the ones taken
    out come back under their names, and the registry is restored to what it was.
    """
    load_plugins()
    with lock:
        saved = state.snapshot()
    added: list[tuple[object, str]] = []
    withdrawn: list[tuple[object, str]] = []
    try:
        with lock:
            for plugin in plugins:
                installed_as = withdraw(plugin)
                if installed_as is not None:
                    withdrawn.append((plugin, installed_as))
        for plugin in plugins:
            name = pm.get_canonical_name(plugin)
            added.append((plugin, name))
            with lock:
                add_plugin(plugin, PluginInfo(name, None, builtin=False), strict)
        yield
    finally:
        with lock:
            for plugin, name in reversed(added):
                discard(plugin, name)
            for plugin, name in reversed(withdrawn):
                pm.register(plugin, name)
            state.restore(saved)


def reset() -> None:
    """Unregister every plugin and forget all formats; the next use loads them again.

    For tests, e.g. after changing the ``MITIMELINE_*_PLUGINS`` environment variables.
    """
    with lock:
        for name, plugin in pm.list_name_plugin():
            if plugin is not None:
                pm.unregister(plugin=plugin, name=name)
        for name in state.blocked:
            pm.unblock(name)
        state.restore(Registry())
