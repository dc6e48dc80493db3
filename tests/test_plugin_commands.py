"""Commands plugins add to the ``mitimeline`` command line (``register_commands``): they run
and return their exit code, show in ``--help`` with their plugin, report errors as the
built-in commands do, and a plugin whose commands clash or break is refused whole."""

from __future__ import annotations

import argparse
import json
import re
from typing import TextIO

import attrs
import pytest

import mitimeline
from fake_plugins import CommandsPlugin
from fake_plugins.greeter import HELLO
from fake_plugins.lines import LinesParser
from mitimeline import cli, plugins
from mitimeline.commands import BUILTIN_COMMANDS, Command
from mitimeline.errors import ExportError, ParseError, PluginLoadError, PluginLoadWarning

pytestmark = pytest.mark.usefixtures("only_builtins")


def added_commands() -> list[plugins.CommandInfo]:
    """The commands of plugins other than the built-ins (``serve`` is a built-in's)."""
    return [info for info in plugins.list_commands() if info.plugin not in plugins.DEFAULT_PLUGINS]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def raising(exc: BaseException) -> Command:
    """A command ``fail`` whose run raises ``exc``."""

    def fail(args: argparse.Namespace, out: TextIO) -> int:
        raise exc

    return Command("fail", "always fails", fail)


# -- running -------------------------------------------------------------------------------


def test_a_plugin_command_runs_and_returns_its_exit_code(
        capsys: pytest.CaptureFixture[str]) -> None:
    with plugins.registered(CommandsPlugin("greetings", [HELLO])):
        assert run(capsys, "hello") == (0, "hello, world\n", "")
        assert run(capsys, "hello", "Ethan", "--code", "7") == (7, "hello, Ethan\n", "")


def test_a_plugin_command_is_listed_in_help_with_its_plugin(
        capsys: pytest.CaptureFixture[str]) -> None:
    with plugins.registered(CommandsPlugin("greetings", [HELLO])):
        with pytest.raises(SystemExit) as caught:
            cli.main(["--help"])
        assert caught.value.code == 0
        listing = capsys.readouterr().out
        assert "hello     (greetings) greet someone" in listing
        assert listing.index("show") < listing.index("hello")  # after the built-ins
        with pytest.raises(SystemExit) as caught:
            cli.main(["hello", "--help"])
        assert caught.value.code == 0
        assert "--code CODE  the exit code" in capsys.readouterr().out
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    assert caught.value.code == 0
    assert "hello" not in capsys.readouterr().out


def test_plugins_lists_the_commands_a_plugin_registers(
        capsys: pytest.CaptureFixture[str]) -> None:
    second = attrs.evolve(HELLO, name="hello-again")
    with plugins.registered(CommandsPlugin("greetings", [HELLO, second])):
        code, out, _ = run(capsys, "plugins")
        assert code == 0
        header, _, row = out.splitlines()
        assert header.split() == ["plugin", "version", "built-in", "formats", "commands",
                                  "status"]
        assert row.split() == ["greetings", "no", "hello,", "hello-again", "loaded"]
        _, out, _ = run(capsys, "plugins", "--json")
        (listed,) = json.loads(out)
        assert listed["commands"] == ["hello", "hello-again"]


def forgetful(args: argparse.Namespace, out: TextIO) -> int:
    print("done, but no exit code", file=out)
    return None  # type: ignore[return-value]


def test_a_command_returning_no_exit_code_is_a_bug_of_its_plugin() -> None:
    careless = Command("careless", "forgets to return", forgetful)
    with plugins.registered(CommandsPlugin("careless", [careless])), pytest.raises(
            TypeError, match="command 'careless' returned None; expected its exit code, an int"):
        cli.main(["careless"])


# -- errors are reported as for the built-in commands --------------------------------------


@pytest.mark.parametrize(
    ("exc", "code", "line"),
    [
        (mitimeline.MitimelineError("no archive here"), 2, "mitimeline fail: error: "
                                                           "no archive here\n"),
        (ParseError("bad line", location="line 3", source="a.txt"), 2,
         "mitimeline fail: error: a.txt:line 3: bad line\n"),
        (ExportError("cannot write 'x'"), 3, "mitimeline fail: error: cannot write 'x'\n"),
        (FileNotFoundError(2, "No such file or directory"), 2,
         "mitimeline fail: error: [Errno 2] No such file or directory\n"),
        (KeyboardInterrupt(), 130, "mitimeline fail: interrupted\n"),
    ],
)
def test_errors_a_plugin_command_raises_are_one_line_with_the_documented_exit_code(
        exc: BaseException, code: int, line: str, capsys: pytest.CaptureFixture[str]) -> None:
    with plugins.registered(CommandsPlugin("failing", [raising(exc)])):
        assert run(capsys, "fail") == (code, "", line)


def test_debug_shows_a_plugin_commands_error_as_a_traceback() -> None:
    error = mitimeline.MitimelineError("no archive here")
    with plugins.registered(CommandsPlugin("failing", [raising(error)])), pytest.raises(
            mitimeline.MitimelineError, match="no archive here"):
        cli.main(["--debug", "fail"])


# -- a plugin whose commands clash or break is refused whole ---------------------------------


def test_two_plugins_with_one_command_name_is_an_error_naming_both() -> None:
    message = ("plugin 'second' failed to load: command 'hello' is already registered by "
               "plugin 'first'; to keep the other one, disable 'first' with "
               "MITIMELINE_DISABLE_PLUGINS")
    with plugins.registered(CommandsPlugin("first", [HELLO])):
        with pytest.raises(PluginLoadError, match=message), plugins.registered(
                CommandsPlugin("second", [attrs.evolve(HELLO, help="another hello")])):
            pass
        assert added_commands() == [plugins.CommandInfo(HELLO, "first")]


@pytest.mark.parametrize("name", BUILTIN_COMMANDS)
def test_a_plugin_command_cannot_shadow_a_builtin(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    shadow = attrs.evolve(HELLO, name=name)
    message = (f"plugin 'shadow' failed to load: command '{name}' is the name of a built-in "
               "command")
    with pytest.raises(PluginLoadError, match=message), plugins.registered(
            CommandsPlugin("shadow", [shadow])):
        pass
    with pytest.warns(PluginLoadWarning, match=message), plugins.registered(
            CommandsPlugin("shadow", [shadow]), strict=False):
        assert added_commands() == []
        code, out, _ = run(capsys, "plugins")
        assert "FAILED: command" in out and code == 0


def test_a_failing_plugin_has_neither_its_commands_nor_its_formats(
        capsys: pytest.CaptureFixture[str]) -> None:
    half = CommandsPlugin("half", [HELLO, "not a command"], parsers=[LinesParser()])
    message = ("register_commands passed 'not a command' to register(); expected a "
               "mitimeline.Command instance")
    with pytest.warns(PluginLoadWarning, match=re.escape(message)), plugins.registered(
            half, strict=False):
        assert added_commands() == []
        assert "lines" not in [f.name for f in plugins.list_formats()]
        (info,) = plugins.list_plugins()
        assert (info.name, info.commands, info.formats) == ("half", (), ())
        with pytest.raises(SystemExit) as caught:
            cli.main(["hello"])
        assert caught.value.code == 2
        assert "invalid choice: 'hello'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("commands", "message"),
    [
        ([HELLO, attrs.evolve(HELLO, help="again")], "register_commands registered two "
                                                     "commands named 'hello'"),
        ([Command], "register_commands passed <class 'mitimeline.commands.Command'> to "
                    "register"),
    ],
)
def test_a_malformed_registration_is_a_load_failure(commands: list[object], message: str) -> None:
    with pytest.raises(PluginLoadError, match=message), plugins.registered(
            CommandsPlugin("bad", commands)):
        pass
    assert added_commands() == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "Probe Info"}, "Command.name: expected lower-case words joined by hyphens"),
        ({"name": "-x"}, "Command.name: expected lower-case words"),
        ({"name": "probe_info"}, "Command.name: expected lower-case words"),
        ({"help": None}, "'help' must be <class 'str'>"),
        ({"run": "probe_info"}, "'run' must be callable"),
        ({"arguments": 42}, "'arguments' must be callable"),
    ],
)
def test_a_command_is_checked_as_it_is_made(fields: dict[str, object], message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        attrs.evolve(HELLO, **fields)


def test_the_builtin_command_names_are_the_clis() -> None:
    assert tuple(command.name for command in cli.BUILTINS) == BUILTIN_COMMANDS


# -- command groups: ``mitimeline GROUP NAME`` -----------------------------------------------

PUBLISH_HELLO = attrs.evolve(HELLO, group="publish")


def test_a_grouped_command_runs_as_group_then_name(capsys: pytest.CaptureFixture[str]) -> None:
    failing = attrs.evolve(raising(mitimeline.MitimelineError("no server")), group="publish")
    with plugins.registered(CommandsPlugin("greetings", [PUBLISH_HELLO, failing])):
        assert run(capsys, "publish", "hello", "Ethan") == (0, "hello, Ethan\n", "")
        assert run(capsys, "publish", "fail") == (2, "", "mitimeline publish fail: error: "
                                                         "no server\n")
        code, out, _ = run(capsys, "plugins")
        assert "publish hello, publish fail" in out and code == 0
        with pytest.raises(SystemExit) as caught:
            cli.main(["hello"])
        assert caught.value.code == 2
        assert "invalid choice: 'hello'" in capsys.readouterr().err


def test_a_group_and_its_commands_are_listed_in_help_with_their_plugins(
        capsys: pytest.CaptureFixture[str]) -> None:
    other = attrs.evolve(PUBLISH_HELLO, name="wave", help="wave at someone")
    with plugins.registered(CommandsPlugin("greetings", [PUBLISH_HELLO]),
                            CommandsPlugin("waving", [other])):
        with pytest.raises(SystemExit) as caught:
            cli.main(["--help"])
        assert caught.value.code == 0
        assert "publish commands from plugins: hello, wave" in capsys.readouterr().out
        with pytest.raises(SystemExit) as caught:
            cli.main(["publish", "--help"])
        assert caught.value.code == 0
        listing = capsys.readouterr().out
        assert "hello     (greetings) greet someone" in listing
        assert "wave      (waving) wave at someone" in listing
        with pytest.raises(SystemExit) as caught:
            cli.main(["publish"])
        assert caught.value.code == 2
        assert "the following arguments are required: COMMAND" in capsys.readouterr().err


def test_two_plugins_with_one_command_in_one_group_is_an_error_naming_both() -> None:
    message = ("plugin 'second' failed to load: command 'publish hello' is already registered "
               "by plugin 'first'")
    with plugins.registered(CommandsPlugin("first", [PUBLISH_HELLO, HELLO])):
        with pytest.raises(PluginLoadError, match=message), plugins.registered(
                CommandsPlugin("second", [PUBLISH_HELLO])):
            pass
        assert [info.command.full_name for info in plugins.list_commands()
                if info.plugin == "first"] == ["publish hello", "hello"]


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (HELLO, attrs.evolve(HELLO, name="x", group="hello"),
         "command group 'hello' is already a command of plugin 'first'"),
        (PUBLISH_HELLO, attrs.evolve(HELLO, name="publish"),
         "command 'publish' is already a command group of plugin 'first'"),
        (HELLO, attrs.evolve(HELLO, group="convert"),
         "command group 'convert' is the name of a built-in command"),
    ],
)
def test_a_group_cannot_share_a_name_with_a_command(first: Command, second: Command,
                                                    message: str) -> None:
    with plugins.registered(CommandsPlugin("first", [first])), pytest.raises(
            PluginLoadError, match=message), plugins.registered(
            CommandsPlugin("second", [second])):
        pass
    with pytest.raises(PluginLoadError, match="register_commands registered two commands "
                                              "named 'publish hello'"), plugins.registered(
            CommandsPlugin("twice", [PUBLISH_HELLO, PUBLISH_HELLO])):
        pass


@pytest.mark.parametrize("group", ["Publish", "publish caldav", "", 3])
def test_a_group_is_checked_as_it_is_made(group: object) -> None:
    with pytest.raises(ValueError, match=r"Command\.group: expected None or lower-case words"):
        attrs.evolve(HELLO, group=group)
    assert attrs.evolve(HELLO, group="publish").full_name == "publish hello"
