"""Registering one plugin: its hook implementations called, each format checked against
the contract and each command against the names already taken, all of it kept or, on any
failure, none of it (the failure recorded)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pluggy

from ..commands import BUILTIN_COMMANDS, Command
from ..errors import PluginLoadError, PluginLoadWarning
from ..formats import Exporter, Parser
from ._contract import breaches
from ._environment import trace
from ._records import CommandInfo, PluginInfo
from ._registry import Entry, pm, state

__all__ = ["add_plugin", "discard", "withdraw"]

F = TypeVar("F", Parser, Exporter)

_HOOKS = ("register_parsers(register), register_exporters(register) and "
          "register_commands(register)")


class _Broken(Exception):
    """A plugin broke the hook contract; the message says how."""


def add_plugin(plugin: object, record: PluginInfo, strict: bool) -> None:
    """Register ``plugin``, its formats and its commands as one step: on any failure, undo
    all of it, then record the failure and warn (or raise :class:`PluginLoadError` when
    ``strict``)."""
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
        commands = _collect_commands(record)
    except Exception as exc:
        discard(plugin, record.name)
        fail(record, exc, strict)
        return
    callers = pm.get_hookcallers(plugin) or []
    state.records.append(attrs.evolve(record, hooks=tuple(sorted(c.name for c in callers))))
    _add_entries(state.parsers, parsers, "parser")
    _add_entries(state.exporters, exporters, "exporter")
    state.commands.extend(commands)


def fail(record: PluginInfo, exc: BaseException, strict: bool) -> None:
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
    state.records.append(attrs.evolve(record, error=error))
    warnings.warn(PluginLoadWarning(f"{message}; continuing without it"), stacklevel=2)


def discard(plugin: object, name: str) -> None:
    """Unregister ``plugin`` if it is what is registered under ``name``."""
    if pm.get_plugin(name) is plugin:
        pm.unregister(plugin=plugin, name=name)


def withdraw(plugin: object) -> str | None:
    """Unregister ``plugin`` and drop its record, formats and commands from the registry;
    return the name it had, under which ``pm.register`` can bring it back (``None``, and
    nothing done, if it is not registered)."""
    name = pm.get_name(plugin)
    if name is None:
        return None
    pm.unregister(plugin=plugin, name=name)
    state.records = [record for record in state.records if record.name != name]
    state.parsers = [entry for entry in state.parsers if entry.plugin != name]
    state.exporters = [entry for entry in state.exporters if entry.plugin != name]
    state.commands = [info for info in state.commands if info.plugin != name]
    return name


def _check_unregistered(plugin: object, name: str) -> None:
    if pm.get_plugin(name) is not None:
        raise _Broken(f"another plugin is already registered under the name {name!r}")
    if pm.is_registered(plugin):
        what = getattr(plugin, "__name__", repr(plugin))
        raise _Broken(f"{what} is already registered as plugin {pm.get_name(plugin)!r}")


def _collect(hook: pluggy.HookCaller, record: PluginInfo, kind: type[F]) -> list[Entry[F]]:
    """Call this plugin's implementation(s) of ``hook``; return what they registered."""
    entries: list[Entry[F]] = []

    def register(fmt: F) -> None:
        _check_format(fmt, kind, hook.name)
        if any(entry.fmt.name == fmt.name for entry in entries):
            raise _Broken(f"{hook.name} registered two {kind.__name__}s named {fmt.name!r}")
        entries.append(Entry(fmt, record.name, record.builtin))
        trace(f"plugin {record.name} registered {kind.__name__.lower()} {fmt.name}")

    _call(hook, record, register)
    return entries


def _collect_commands(record: PluginInfo) -> list[CommandInfo]:
    """Call this plugin's ``register_commands``; return the commands it registered, each
    with a name (and group) no built-in command, other plugin or earlier command of its own
    has."""
    hook = pm.hook.register_commands
    infos: list[CommandInfo] = []

    def register(command: Command) -> None:
        if not isinstance(command, Command):
            raise _Broken(f"{hook.name} passed {command!r} to register(); expected a "
                          f"mitimeline.Command instance")
        _check_command_name(command, infos)
        _check_arguments(command)
        infos.append(CommandInfo(command, record.name))
        trace(f"plugin {record.name} registered command {command.full_name}")

    _call(hook, record, register)
    return infos


def _check_command_name(command: Command, own: list[CommandInfo]) -> None:
    """Raise :class:`_Broken` if a built-in command, another plugin or ``own`` has the
    command's name in its group, or uses its first word (a group's or a command's name)
    for the other kind of thing."""
    first, name = command.group or command.name, command.full_name
    if first in BUILTIN_COMMANDS:
        what = "command group" if command.group else "command"
        raise _Broken(f"{what} {first!r} is the name of a built-in command; a plugin "
                      f"command needs a name of its own")
    if any(info.command.full_name == name for info in own):
        raise _Broken(f"register_commands registered two commands named {name!r}")
    for info in state.commands:
        if info.command.full_name == name:
            raise _Broken(
                f"command {name!r} is already registered by plugin {info.plugin!r}; to keep "
                f"the other one, disable {info.plugin!r} with MITIMELINE_DISABLE_PLUGINS"
            )
    for info in [*state.commands, *own]:
        other = info.command
        if command.group is not None and other.group is None and other.name == first:
            raise _Broken(f"command group {first!r} is already a command of plugin "
                          f"{info.plugin!r}; a command and a group cannot share a name")
        if command.group is None and other.group == first:
            raise _Broken(f"command {first!r} is already a command group of plugin "
                          f"{info.plugin!r}; a command and a group cannot share a name")


def _check_arguments(command: Command) -> None:
    """Declare the command's arguments on a parser of its own, now: one that raises would
    otherwise break every run of ``mitimeline``, which builds all commands' parsers."""
    import argparse  # stdlib, but here: about 1.5 ms that `import mitimeline` need not pay

    try:
        command.arguments(argparse.ArgumentParser(prog=f"mitimeline {command.full_name}"))
    except Exception as exc:
        raise _Broken(f"the arguments of command {command.full_name!r} raised "
                      f"{type(exc).__name__}: {exc}") from exc


def _call(hook: pluggy.HookCaller, record: PluginInfo, register: Callable[[Any], None]) -> None:
    """Call this plugin's implementation(s) of ``hook`` with ``register``; any exception
    becomes :class:`_Broken`, naming the hook."""
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


def _check_format(fmt: object, kind: type[Parser] | type[Exporter], hook: str) -> None:
    """Raise :class:`_Broken` unless ``fmt`` is an instance of ``kind`` keeping the contract."""
    expected = f"a mitimeline.{kind.__name__} instance"
    if isinstance(fmt, type):
        raise _Broken(
            f"{hook} passed the class {fmt.__name__} to register(); expected {expected} "
            f"such as {fmt.__name__}()"
        )
    if not isinstance(fmt, kind):
        raise _Broken(f"{hook} passed {fmt!r} to register(); expected {expected}")
    broken = breaches(fmt)
    if broken:
        raise _Broken(broken[0].describe(f"{kind.__name__} {type(fmt).__name__}"))


def _add_entries(existing: list[Entry[F]], new: list[Entry[F]], kind: str) -> None:
    """Append ``new``, warning once per clash with a format of the same name."""
    for entry in new:
        rivals = [e for e in existing if e.fmt.name == entry.fmt.name]
        if rivals:
            _warn_clash(entry, rivals, kind)
        existing.append(entry)


def _warn_clash(entry: Entry[Any], rivals: list[Entry[Any]], kind: str) -> None:
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


def _describe(record: PluginInfo) -> str:
    """``'name'``, with the distribution and version when they add something."""
    origin = " ".join(
        part for part in (record.dist if record.dist != record.name else None, record.version)
        if part
    )
    return f"{record.name!r} ({origin})" if origin else repr(record.name)
