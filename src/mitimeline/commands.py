"""Subcommands of the ``mitimeline`` command line: :class:`Command`, one value per command,
the same for the built-in commands and those plugins register through ``register_commands``.

``argparse`` is named here only in annotations, so ``import mitimeline`` does not import it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import attrs

if TYPE_CHECKING:
    import argparse

__all__ = ["BUILTIN_COMMANDS", "COMMAND_NAME", "Command"]

COMMAND_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A command name: lower-case words joined by single hyphens (``probe-info``)."""

BUILTIN_COMMANDS: tuple[str, ...] = ("convert", "merge", "formats", "plugins", "validate", "show")
"""The names of the built-in commands (``mitimeline.cli`` defines them); no plugin may take
one."""


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    """The default :attr:`Command.arguments`: the command takes no arguments."""


def _command_name(instance: Command, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not COMMAND_NAME.fullmatch(value):
        raise ValueError(
            f"Command.name: expected lower-case words joined by hyphens such as 'probe-info', "
            f"got {value!r}"
        )


def _group_name(instance: Command, attribute: attrs.Attribute[str | None],
                value: object) -> None:
    if value is not None and (not isinstance(value, str) or not COMMAND_NAME.fullmatch(value)):
        raise ValueError(
            f"Command.group: expected None or lower-case words joined by hyphens such as "
            f"'publish', got {value!r}"
        )


@attrs.frozen
class Command:
    """``mitimeline NAME ...`` (or ``mitimeline GROUP NAME ...``): ``arguments(parser)``
    declares the command's arguments on its ``argparse`` parser; ``run(args, out)`` does the
    work, printing to ``out``, and returns the exit code. A
    :class:`~mitimeline.MitimelineError` it raises is printed as one line, exit code 2
    (:class:`~mitimeline.ExportError`: 3), as for the built-in commands.
    """

    name: str = attrs.field(validator=_command_name)
    """How users call it: lower-case words joined by hyphens (``probe-info``)."""
    help: str = attrs.field(validator=attrs.validators.instance_of(str))
    """One line for ``mitimeline --help``."""
    run: Callable[[argparse.Namespace, TextIO], int] = attrs.field(
        validator=attrs.validators.is_callable()
    )
    """Runs the command with the parsed arguments; returns the exit code (0: success)."""
    arguments: Callable[[argparse.ArgumentParser], None] = attrs.field(
        default=_no_arguments, validator=attrs.validators.is_callable()
    )
    """Adds the command's arguments to its parser (``parser.add_argument(...)``)."""
    group: str | None = attrs.field(default=None, validator=_group_name, kw_only=True)
    """The command group it belongs to, if any: ``group="publish"``, ``name="caldav"`` is
    called as ``mitimeline publish caldav``; commands of several plugins may share a group."""
    description: str = attrs.field(default="", validator=attrs.validators.instance_of(str),
                                   kw_only=True)
    """What ``mitimeline NAME --help`` says about the command, above its arguments
    (default: :attr:`help`)."""

    @property
    def full_name(self) -> str:
        """The words users type after ``mitimeline``: ``probe-info``, ``publish caldav``."""
        return self.name if self.group is None else f"{self.group} {self.name}"
