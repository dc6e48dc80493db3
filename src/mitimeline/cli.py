"""The ``mitimeline`` command: convert, merge, formats, plugins, validate, show, and the
commands plugins add (``register_commands``), all built from :class:`~mitimeline.Command`.

Exit codes: 0 success; 1 ``validate`` found errors; 2 bad usage or bad input (one line on
stderr, no traceback unless ``--debug``); 3 an output could not be written; 130 interrupted
(Ctrl-C). Warnings, e.g. about a plugin that failed to load, are one stderr line each. Output
piped to a reader that stops early (``mitimeline show ... | head -1``) ends the command
quietly, with 0.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import sys
import warnings
from collections.abc import Sequence
from typing import Any, TextIO

import attrs

from ._version import __version__
from .api import load
from .commands import Command
from .errors import ExportError, MitimelineError
from .merging import merge
from .plugins import DEFAULT_PLUGINS, list_commands, list_formats, list_plugins
from .timeline import Timeline

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_OUTPUT = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
CLAIM_FINDINGS = ("contradiction", "rescheduled", "place-variant", "outside-claim")
"""What ``show`` prints under the table: what the sources' claims disagree on."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    words = list(sys.argv[1:] if argv is None else argv)
    command, debug = _command_and_debug(words)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning(command)
        try:
            args = _parser().parse_args(words)  # building it loads the plugins
            command = args.command_words  # a group's command: 'publish caldav'
            result = args.run(args, sys.stdout)
            if not isinstance(result, int):  # a bug in the plugin: a traceback, as for any bug
                raise TypeError(f"command {command!r} returned {result!r}; expected its exit "
                                f"code, an int")
            sys.stdout.flush()  # a closed pipe is found here, not at interpreter exit
            return result
        except BrokenPipeError as exc:
            if not _stdout_closed():
                return _fail(command, debug, exc, EXIT_OUTPUT)
            return EXIT_OK
        except ExportError as exc:
            return _fail(command, debug, exc, EXIT_OUTPUT)
        except OSError as exc:
            writes = command in ("convert", "merge")
            return _fail(command, debug, exc, EXIT_OUTPUT if writes else EXIT_INPUT)
        except MitimelineError as exc:
            return _fail(command, debug, exc, EXIT_INPUT)
        except KeyboardInterrupt:
            if debug:
                raise
            print(f"{_prefix(command)}: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED


def _stdout_closed() -> bool:
    """Whether standard output is a pipe whose reader has gone (``mitimeline show | head``),
    rather than some other pipe or socket; if so, standard output is pointed at the null
    device so that nothing more is written or reported, as the Python documentation
    recommends for SIGPIPE. Where ``poll`` is missing (Windows), a broken pipe is stdout's."""
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # replaced by a non-file stream, as in tests
        return False
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(descriptor, 0)  # errors and hang-ups are always reported
        if not any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0)):
            return False
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)
    return True


def _command_and_debug(words: Sequence[str]) -> tuple[str | None, bool]:
    """The command ``words`` name (their first word not starting with ``-``: the options
    before it take no value) and whether ``--debug`` precedes it; known before parsing, for
    the messages of plugins that fail to load while the parser is built."""
    command = next((word for word in words if not word.startswith("-")), None)
    before = words[:words.index(command)] if command is not None else words
    return command, "--debug" in before


def _prefix(command: str | None) -> str:
    return f"mitimeline {command}" if command else "mitimeline"


def _show_warning(command: str | None) -> Any:
    """A ``warnings.showwarning`` that prints ``mitimeline COMMAND: warning: ...`` on one line."""

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: TextIO | None = None, line: str | None = None) -> None:
        print(f"{_prefix(command)}: warning: {message}", file=sys.stderr)

    return show


def _fail(command: str | None, debug: bool, exc: Exception, code: int) -> int:
    if debug:
        raise exc
    print(f"{_prefix(command)}: error: {exc}", file=sys.stderr)
    return code


def _parser() -> argparse.ArgumentParser:
    """The whole command line: the built-in commands, then those of the plugins."""
    parser = argparse.ArgumentParser(
        prog="mitimeline", description="Production timelines: convert, check and show them.",
        allow_abbrev=False,  # so _command_and_debug reads the options as argparse does
    )
    parser.add_argument("--version", action="version", version=f"mitimeline {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in BUILTINS:
        _add_command(subparsers, command, command.help)
    groups: dict[str, Any] = {}
    for info in list_commands():
        group = info.command.group
        if group is not None and group not in groups:
            groups[group] = _add_group(subparsers, group)
        # a built-in plugin's command reads as the built-in it is; others name their plugin
        _add_command(groups[group] if group is not None else subparsers, info.command,
                     info.command.help if info.plugin in DEFAULT_PLUGINS
                     else f"({info.plugin}) {info.command.help}")
    return parser


def _add_group(subparsers: Any, group: str) -> Any:
    """Add the command group ``group`` (``mitimeline GROUP NAME ...``); return the
    subparsers its commands are added to, which ``mitimeline GROUP --help`` lists."""
    names = ", ".join(info.name for info in list_commands() if info.command.group == group)
    help = f"{group} commands from plugins: {names}"
    parser = subparsers.add_parser(group, help=help, description=help)
    return parser.add_subparsers(dest=f"{group}_command", required=True, metavar="COMMAND")


def _add_command(subparsers: Any, command: Command, help: str) -> None:
    """Add ``command`` to ``subparsers``, listed in ``--help`` with ``help``."""
    parser = subparsers.add_parser(command.name, help=help, description=help)
    command.arguments(parser)
    parser.set_defaults(run=command.run, command_words=command.full_name)


def _convert_arguments(convert: argparse.ArgumentParser) -> None:
    convert.add_argument("input", help="input file")
    convert.add_argument("output", help="output file (written atomically)")
    convert.add_argument("--from", dest="from_format", metavar="FORMAT",
                         help="input format (default: from the extension or content)")
    convert.add_argument("--to", dest="to_format", metavar="FORMAT",
                         help="output format (default: from the extension)")
    _add_input_options(convert)
    convert.add_argument("-o", "--option", action="append", default=[], metavar="KEY=VALUE",
                         help="exporter option; the value is read as JSON if it parses, "
                              "else as text (repeatable)")


def _merge_arguments(merge: argparse.ArgumentParser) -> None:
    merge.add_argument("inputs", nargs="+", metavar="IN", help="input files (any readable format)")
    merge.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="output file (written atomically; format from the extension)")
    merge.add_argument("--from", dest="from_format", metavar="FORMAT",
                       help="input format (default: from each file's extension or content)")
    _add_input_options(merge)
    merge.add_argument("--explain", action="store_true",
                       help="print which events joined and why, and each loner's best candidate")


def _formats_arguments(formats: argparse.ArgumentParser) -> None:
    formats.add_argument("--json", action="store_true", help="machine-readable output")


def _plugins_arguments(plugins: argparse.ArgumentParser) -> None:
    plugins.add_argument("--all", action="store_true", help="include the built-in plugins")
    plugins.add_argument("--json", action="store_true", help="machine-readable output")


def _file_arguments(command: argparse.ArgumentParser) -> None:
    """``validate`` and ``show``: one input file, its format and parser options."""
    command.add_argument("input")
    command.add_argument("--from", dest="from_format", metavar="FORMAT")
    _add_input_options(command)


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-i", "--input-option", action="append", default=[],
                         metavar="KEY=VALUE", dest="input_option",
                         help="parser option, read like -o (repeatable), e.g. "
                              "-i published=2020-10-05")


def _load(args: argparse.Namespace) -> Timeline:
    return load(args.input, format=args.from_format, **_options(args.input_option))


def _options(pairs: Sequence[str]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise MitimelineError(f"option {pair!r} is not of the form KEY=VALUE")
        try:
            options[key] = json.loads(value)
        except json.JSONDecodeError:
            options[key] = value
    return options


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    timeline = _load(args)
    options = _options(args.option)
    timeline.export(args.output, format=args.to_format, **options)
    print(f"wrote {len(timeline)} events to {args.output}", file=out)
    return EXIT_OK


def _merge(args: argparse.Namespace, out: TextIO) -> int:
    options = _options(args.input_option)
    # every input is loaded before anything is written; a ParseError names its file
    timelines = [load(path, format=args.from_format, **options) for path in args.inputs]
    merged, report = merge(*timelines, report=True)
    merged.export(args.output)
    print(report.summary(), file=out)
    if args.explain:
        for line in str(report).splitlines()[1:]:
            print(line, file=out)
    return EXIT_OK


def _formats(args: argparse.Namespace, out: TextIO) -> int:
    formats = list_formats()
    if args.json:
        json.dump([attrs.asdict(f) for f in formats], out, indent=2)
        out.write("\n")
        return EXIT_OK
    rows = [(f.name, _abilities(f.can_parse, f.can_export), " ".join(f.extensions), f.plugin)
            for f in formats]
    _table(out, ("format", "can", "extensions", "plugin"), rows)
    return EXIT_OK


def _abilities(can_parse: bool, can_export: bool) -> str:
    return "/".join(word for word, able in (("read", can_parse), ("write", can_export)) if able)


def _plugins(args: argparse.Namespace, out: TextIO) -> int:
    plugins = list_plugins(all=args.all)
    if args.json:
        json.dump([attrs.asdict(p) for p in plugins], out, indent=2)
        out.write("\n")
        return EXIT_OK
    rows = [
        (p.name, p.version or "", "builtin" if p.builtin else "", ", ".join(p.formats),
         ", ".join(p.commands), f"FAILED: {p.error}" if p.error else "")
        for p in plugins
    ]
    if not rows:
        print("no third-party plugins installed (use --all to include built-ins)", file=out)
        return EXIT_OK
    _table(out, ("plugin", "version", "", "formats", "commands", "status"), rows)
    return EXIT_OK


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    timeline = _load(args)
    findings = timeline.validate()
    for finding in findings:
        print(f"{args.input}: {finding}", file=out)
    errors = sum(f.severity == "error" for f in findings)
    counts = (_count(len(timeline), "event"), _count(len(findings), "finding"),
              _count(errors, "error"))
    print(", ".join(counts), file=out)
    return EXIT_FINDINGS if errors else EXIT_OK


def _count(number: int, noun: str) -> str:
    """``1 error``, ``2 errors``, ``0 errors``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _show(args: argparse.Namespace, out: TextIO) -> int:
    timeline = _load(args).sorted()
    print(f"{timeline.title} ({_count(len(timeline), 'event')})", file=out)
    rows = [
        (e.when.describe(), e.kind, e.title, str(e.place) if e.place else "", ", ".join(e.sources))
        for e in timeline
    ]
    _table(out, ("when", "kind", "title", "place", "sources"), rows)
    for finding in timeline.validate():
        if finding.code in CLAIM_FINDINGS:
            print(finding, file=out)
    return EXIT_OK


BUILTINS = (
    Command("convert", "read a timeline and write it in another format", _convert,
            _convert_arguments),
    Command("merge", "merge reports' timelines into one, each value saying who states it",
            _merge, _merge_arguments),
    Command("formats", "list the formats that can be read or written", _formats,
            _formats_arguments),
    Command("plugins", "list installed plugins", _plugins, _plugins_arguments),
    Command("validate", "check a timeline; exit 1 if it has errors", _validate, _file_arguments),
    Command("show", "print a timeline as a table, in date order", _show, _file_arguments),
)
"""The built-in commands, in the order ``--help`` lists them; their names are
:data:`mitimeline.commands.BUILTIN_COMMANDS`, which no plugin may take."""


def _table(out: TextIO, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max([len(header[i])] + [len(row[i]) for row in rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print(line.rstrip(), file=out)
