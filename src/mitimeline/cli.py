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
import shutil
import sys
import textwrap
import warnings
from collections.abc import Sequence
from typing import Any, TextIO

import attrs

from ._texttable import table_lines
from ._version import __version__
from .api import load
from .checks import Finding
from .commands import Command
from .errors import (
    AmbiguousFormatError,
    DateParseError,
    ExportError,
    FindingsWarning,
    MitimelineError,
    UnknownFormatError,
)
from .formats import OptionField
from .merging import merge
from .model import KINDS
from .optiontext import option_words
from .plugins import DEFAULT_PLUGINS, FormatInfo, list_commands, list_formats, list_plugins
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
    args: argparse.Namespace | None = None
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
        except (UnknownFormatError, AmbiguousFormatError) as exc:
            return _fail(command, debug, exc, EXIT_INPUT, _format_advice(exc, args))
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
        if isinstance(message, FindingsWarning):
            message = message.text(ALL_FINDINGS)
        print(f"{_prefix(command)}: warning: {message}", file=sys.stderr)

    return show


ALL_FINDINGS = "mitimeline validate --findings lists them all"
"""Where a :class:`FindingsWarning` printed on the command line says its findings are."""

_FORMAT_OPTIONS = {"parser": ("--from", "from_format"), "exporter": ("--to", "to_format")}
"""The command-line option that chooses a parser or an exporter, and its ``args`` name."""


def _format_advice(exc: UnknownFormatError | AmbiguousFormatError,
                   args: argparse.Namespace | None) -> str:
    """The error's message with its advice in command-line words: ``choose one with --from
    csv`` instead of ``format='csv'``; without advice when the command has no such option
    (``merge``'s output)."""
    option, dest = _FORMAT_OPTIONS.get(exc.role, ("", ""))
    if not option or args is None or not hasattr(args, dest):
        return exc.problem
    if exc.choices:
        return f"{exc.problem}; choose one with " + " or ".join(
            f"{option} {choice}" for choice in exc.choices)
    return f"{exc.problem}; choose one with {option} FORMAT (mitimeline formats lists them)"


def _fail(command: str | None, debug: bool, exc: Exception, code: int,
          message: str | None = None) -> int:
    if debug:
        raise exc
    print(f"{_prefix(command)}: error: {exc if message is None else message}", file=sys.stderr)
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
    parser = subparsers.add_parser(command.name, help=help,
                                   description=command.description or help)
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
                         help="exporter option, read as the option's type (repeatable); "
                              "'mitimeline formats FORMAT' lists them")


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
    formats.add_argument("format", nargs="?", metavar="FORMAT",
                         help="show this format's options: type, default and help "
                              "(a name, or PLUGIN:NAME)")
    formats.add_argument("--json", action="store_true", help="machine-readable output")


def _plugins_arguments(plugins: argparse.ArgumentParser) -> None:
    plugins.add_argument("--all", action="store_true", help="include the built-in plugins")
    plugins.add_argument("--json", action="store_true", help="machine-readable output")


def _file_arguments(command: argparse.ArgumentParser) -> None:
    """``validate`` and ``show``: one input file, its format and parser options, the
    import's findings and JSON output."""
    command.add_argument("input", metavar="FILE", help="the timeline file (any readable format)")
    command.add_argument("--from", dest="from_format", metavar="FORMAT",
                         help="input format (default: from the extension or content)")
    _add_input_options(command)
    command.add_argument("--findings", action="store_true",
                         help="list every problem the parser worked around while reading "
                              "FILE (a warning shows only the first few)")
    command.add_argument("--json", action="store_true",
                         help="machine-readable output, with every problem the parser found")


def _show_arguments(show: argparse.ArgumentParser) -> None:
    _file_arguments(show)
    chosen = show.add_argument_group("choosing events (all given must match)")
    chosen.add_argument("--kind", action="append", default=[], metavar="KIND",
                        help=f"only events of this kind (repeatable, or comma-separated): "
                             f"{', '.join(KINDS)}")
    chosen.add_argument("--between", nargs=2, metavar=("START", "END"),
                        help="only events that may happen between two dates, both included "
                             "(e.g. --between 2020-09 2020-10)")
    chosen.add_argument("--person", action="append", default=[], metavar="NAME",
                        help="only events crediting this person (any case; repeatable: any of "
                             "them)")
    chosen.add_argument("--place", action="append", default=[], metavar="NAME",
                        help="only events at this place: its name, locality or region (any "
                             "case; repeatable: any of them)")
    fitting = show.add_argument_group("width").add_mutually_exclusive_group()
    fitting.add_argument("--width", type=int, metavar="N",
                         help="fit the table in N characters, cutting long titles, places and "
                              "sources with '…' (default: the terminal's width, or COLUMNS; "
                              "nothing is cut when the output is not a terminal)")
    fitting.add_argument("--wide", action="store_true", help="cut nothing, however wide")


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-i", "--input-option", action="append", default=[],
                         metavar="KEY=VALUE", dest="input_option",
                         help="parser option, read as the option's type (repeatable), e.g. "
                              "-i published=2020-10-05")


def _load(args: argparse.Namespace) -> Timeline:
    return load(args.input, format=args.from_format, **option_words(args.input_option))


def _load_with_findings(args: argparse.Namespace) -> tuple[Timeline, list[FindingsWarning]]:
    """``_load``, keeping the parser's :class:`FindingsWarning` s when ``--findings`` or
    ``--json`` asks for them (other warnings are printed as usual)."""
    if not (args.findings or args.json):
        return _load(args), []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FindingsWarning)
        timeline = _load(args)
    kept = []
    for warning in caught:
        if isinstance(warning.message, FindingsWarning):
            kept.append(warning.message)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename,
                                 warning.lineno)
    return timeline, kept


def _import_findings(reports: Sequence[FindingsWarning]) -> list[dict[str, Any]]:
    """Each finding of the parser's warnings as JSON: its file, its text and, for an attrs
    record, its fields."""
    found = []
    for report in reports:
        for finding in report.findings:
            fields = attrs.asdict(finding) if attrs.has(type(finding)) else {}  # type: ignore[arg-type]
            found.append({"source": report.source, "text": str(finding), **fields})
    return found


def _print_import_findings(reports: Sequence[FindingsWarning], out: TextIO) -> None:
    for report in reports:
        print(f"{report.source}: while reading: {report.summary}", file=out)
        for finding in report.findings:
            print(f"{report.source}: {finding}", file=out)


def _dump_json(data: object, out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    timeline = _load(args)
    written = timeline.export(args.output, format=args.to_format, **option_words(args.option))
    print(f"wrote {_count(written, 'event')} to {args.output}", file=out)
    return EXIT_OK


def _merge(args: argparse.Namespace, out: TextIO) -> int:
    options = option_words(args.input_option)
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
    if args.format is not None:
        formats = _named_formats(formats, args.format)
    if args.json:
        _dump_json([attrs.asdict(f) for f in formats], out)
        return EXIT_OK
    if args.format is not None:
        for number, info in enumerate(formats):
            if number:
                print(file=out)
            _print_format(info, out)
        return EXIT_OK
    rows = [(f.name, _abilities(f.can_parse, f.can_export), " ".join(f.extensions), f.plugin)
            for f in formats]
    _table(out, ("format", "can", "extensions", "plugin"), rows)
    return EXIT_OK


def _named_formats(formats: Sequence[FormatInfo], name: str) -> list[FormatInfo]:
    """The formats called ``name`` (or ``PLUGIN:NAME``); none is a MitimelineError listing
    the formats there are."""
    plugin, _, bare = name.strip().rpartition(":")
    chosen = [f for f in formats
              if f.name == bare.lower() and (not plugin or f.plugin == plugin)]
    if not chosen:
        raise MitimelineError(f"no format named {name!r}; available formats: "
                              f"{', '.join(sorted({f.name for f in formats}))}")
    return chosen


def _print_format(info: FormatInfo, out: TextIO) -> None:
    """One format's description and options, as ``mitimeline formats FORMAT`` prints it."""
    print(f"{info.name}: {_abilities(info.can_parse, info.can_export)} "
          f"(plugin {info.plugin})", file=out)
    print(f"extensions: {' '.join(info.extensions) or 'none'}", file=out)
    for title, fields in (("read options (-i KEY=VALUE)", info.parse_option_fields),
                          ("write options (-o KEY=VALUE)", info.export_option_fields)):
        if not (info.can_parse if title.startswith("read") else info.can_export):
            continue
        print(f"\n{title}:" if fields else f"\n{title}: none", file=out)
        for option in fields:
            _print_option(option, out)


def _print_option(option: OptionField, out: TextIO) -> None:
    print(f"  {option.name} = {option.default_text}", file=out)
    wrap = textwrap.TextWrapper(width=88, initial_indent=" " * 6, subsequent_indent=" " * 6)
    for text in (option.help, f"accepts {option.accepts}"):
        if text:
            print(wrap.fill(text), file=out)


def _abilities(can_parse: bool, can_export: bool) -> str:
    return "/".join(word for word, able in (("read", can_parse), ("write", can_export)) if able)


def _plugins(args: argparse.Namespace, out: TextIO) -> int:
    plugins = list_plugins(all=args.all)
    if args.json:
        _dump_json([attrs.asdict(p) for p in plugins], out)
        return EXIT_OK
    rows = [
        (p.name, p.version or "", "yes" if p.builtin else "no", ", ".join(p.formats),
         ", ".join(p.commands), f"FAILED: {p.error}" if p.error else "loaded")
        for p in plugins
    ]
    if not rows:
        print("no third-party plugins installed (use --all to include built-ins)", file=out)
        return EXIT_OK
    _table(out, ("plugin", "version", "built-in", "formats", "commands", "status"), rows)
    return EXIT_OK


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    timeline, reports = _load_with_findings(args)
    findings = timeline.validate()
    errors = sum(f.severity == "error" for f in findings)
    if args.json:
        _dump_json({"file": args.input, "events": len(timeline), "errors": errors,
                    "findings": [_finding_data(f) for f in findings],
                    "import_findings": _import_findings(reports)}, out)
        return EXIT_FINDINGS if errors else EXIT_OK
    _print_import_findings(reports, out)
    for finding in findings:
        print(f"{args.input}: {finding}", file=out)
    counts = (_count(len(timeline), "event"), _count(len(findings), "finding"),
              _count(errors, "error"))
    print(", ".join(counts), file=out)
    return EXIT_FINDINGS if errors else EXIT_OK


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {"text": str(finding), **attrs.asdict(finding)}


def _count(number: int, noun: str) -> str:
    """``1 error``, ``2 errors``, ``0 errors``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _show(args: argparse.Namespace, out: TextIO) -> int:
    everything, reports = _load_with_findings(args)
    timeline = _chosen(everything, args).sorted()
    disagreements = [f for f in everything.validate() if f.code in CLAIM_FINDINGS
                     and (f.event is None or f.event in timeline)]
    if args.json:
        _dump_json({"file": args.input, "title": timeline.title,
                    "events": [dict(zip(("id", *SHOW_COLUMNS), (e.id, *_show_row(e)),
                                        strict=True)) for e in timeline],
                    "findings": [_finding_data(f) for f in disagreements],
                    "import_findings": _import_findings(reports)}, out)
        return EXIT_OK
    _print_import_findings(reports, out)
    counted = _count(len(everything), "event")
    if len(timeline) != len(everything):
        counted = f"{len(timeline)} of {counted}"
    print(f"{timeline.title} ({counted})", file=out)
    width = _show_width(args, out)
    _table(out, SHOW_COLUMNS, [_show_row(e) for e in timeline], width, shrink=(4, 3, 2))
    for finding in disagreements:  # sentences: wrapped to the width, not cut
        print(str(finding) if width is None
              else textwrap.fill(str(finding), width, subsequent_indent="  "), file=out)
    return EXIT_OK


SHOW_COLUMNS = ("when", "kind", "title", "place", "sources")
"""The columns of ``show``'s table; to fit the width, the sources are cut first, then the
place, then the title (a date never is)."""


def _show_row(event: Any) -> tuple[str, str, str, str, str]:
    return (event.when.describe(), event.kind, event.title,
            str(event.place) if event.place else "", ", ".join(event.sources))


def _chosen(timeline: Timeline, args: argparse.Namespace) -> Timeline:
    """The events ``show``'s ``--kind``, ``--between``, ``--person`` and ``--place`` choose,
    through the Timeline queries."""
    kinds = [kind.strip() for word in args.kind for kind in word.split(",") if kind.strip()]
    unknown = [kind for kind in kinds if kind.lower() not in KINDS]
    if unknown:
        raise MitimelineError(f"--kind: unknown kind(s) {', '.join(map(repr, unknown))}; "
                              f"choose among {', '.join(KINDS)}")
    if args.between is not None:
        try:
            timeline = timeline.between(*args.between)
        except DateParseError as exc:
            raise MitimelineError(f"--between: {exc}") from None
    return timeline.filter(kind=kinds or None, person=args.person or None,
                           place=args.place or None)


MIN_WIDTH = 20
"""The narrowest ``show --width``."""


def _show_width(args: argparse.Namespace, out: TextIO) -> int | None:
    """The width ``show`` fits its table in: ``--width``, none with ``--wide``, else the
    ``COLUMNS`` variable, else the terminal's width when ``out`` is a terminal, else none."""
    if args.wide:
        return None
    if args.width is not None:
        width: int = args.width
        if width < MIN_WIDTH:
            raise MitimelineError(f"--width: expected at least {MIN_WIDTH} characters, "
                                  f"got {width}")
        return width
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size().columns if out.isatty() else None


BUILTINS = (
    Command("convert", "read a timeline and write it in another format", _convert,
            _convert_arguments),
    Command("merge", "merge reports' timelines into one, each value saying who states it",
            _merge, _merge_arguments),
    Command("formats", "list the formats that can be read or written, or one format's "
            "options", _formats, _formats_arguments),
    Command("plugins", "list installed plugins", _plugins, _plugins_arguments),
    Command("validate", "check a timeline; exit 1 if it has errors", _validate, _file_arguments,
            description="Read FILE and check it: events whose dates end before they start, "
                        "ids that repeat, sources that are missing or unused, sources that "
                        "contradict each other. Prints one line per finding, then a count; "
                        "exits with 1 when there is an error, 0 otherwise."),
    Command("show", "print a timeline as a table, in date order", _show, _show_arguments,
            description="Print FILE's events as a table in date order (when, kind, title, "
                        "place, sources), fitted to the terminal's width, then what the "
                        "sources disagree on. --kind, --between, --person and --place choose "
                        "which events are shown."),
)
"""The built-in commands, in the order ``--help`` lists them; their names are
:data:`mitimeline.commands.BUILTIN_COMMANDS`, which no plugin may take."""


def _table(out: TextIO, header: Sequence[str], rows: Sequence[Sequence[str]],
           width: int | None = None, shrink: Sequence[int] = ()) -> None:
    for line in table_lines(header, rows, width, shrink):
        print(line, file=out)
