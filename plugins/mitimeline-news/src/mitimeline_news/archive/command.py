"""``mitimeline news-archive ARCHIVE... --productions FILE -o OUTDIR``: an archive of news
reports -> one merged candidate timeline per production, on any Dask scheduler.

:func:`run_archive` is the whole run, for the command and for Python; the scheduler is a
name (``synchronous``, ``threads``, ``processes``), a ``tcp://HOST:PORT`` address of a
``dask scheduler``, or a ``distributed.Client`` already connected.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

import mitimeline

from .bag import DEFAULT_PARTITION_SIZE
from .finish import finish
from .productions import load_productions
from .records import check_archive, pieces
from .schedule import SCHEDULERS, plan_for, run_tasks, runner

if TYPE_CHECKING:
    import argparse

__all__ = ["COMMAND", "arguments", "run", "run_archive"]

_ADDRESS = re.compile(r"tcp://[^\s/:]+:\d{1,5}")
WORK_PREFIX = ".news-archive-work-"
"""The name of a run's work folder in the output folder begins so (removed at the end)."""


def arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("archives", nargs="+", metavar="ARCHIVE",
                        help="a .jsonl/.ndjson file (may be .gz or .zst), a .parquet file or "
                             "a folder of .txt reports")
    parser.add_argument("--productions", required=True, metavar="FILE",
                        help="the productions file (.json or .csv: id, title, aliases, year)")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR",
                        help="the folder for <production>.json, candidates.parquet, "
                             "errors.jsonl and summary.json")
    parser.add_argument("--scheduler", default="processes", type=_scheduler,
                        help="synchronous, threads, processes (default) or tcp://HOST:PORT "
                             "of a running 'dask scheduler'")
    parser.add_argument("--workers", type=_positive("--workers"), default=None, metavar="N",
                        help="threads or processes to use (default: one per CPU); not with "
                             "tcp://, where the cluster's workers count")
    parser.add_argument("--partition-size", type=_positive("--partition-size"),
                        default=DEFAULT_PARTITION_SIZE, metavar="N",
                        help=f"records per partition (default {DEFAULT_PARTITION_SIZE:,})")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def _scheduler(text: str) -> str:
    import argparse

    if text in SCHEDULERS or _ADDRESS.fullmatch(text):
        return text
    raise argparse.ArgumentTypeError(
        f"expected synchronous, threads, processes or tcp://HOST:PORT, got {text!r}")


def _positive(option: str) -> Any:
    import argparse

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
        return value
    return convert


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The command: run, then print one line per outcome count and the output folder."""
    if args.workers is not None and args.scheduler.startswith("tcp://"):
        raise mitimeline.OptionsError(
            "--workers: the cluster's workers do the work with tcp://; start more "
            "'dask worker' processes instead")
    summary = run_archive(args.archives, args.productions, args.output,
                          scheduler=args.scheduler, workers=args.workers,
                          partition_size=args.partition_size, progress=not args.quiet)
    about = sum(1 for p in summary["productions"].values() if p["reports"])
    print(f"{summary['records']:,} records: {summary['parsed']:,} parsed, "
          f"{summary['skipped']:,} skipped (no production), {summary['failed']:,} failed "
          f"(see errors.jsonl); {about} productions -> {args.output}", file=out)
    return 0


def run_archive(archives: Sequence[str], productions_file: str, outdir: str, *,
                scheduler: Any = "processes", workers: int | None = None,
                partition_size: int = DEFAULT_PARTITION_SIZE,
                progress: bool = False) -> dict[str, Any]:
    """Read ``archives`` against the productions file, write the outputs into ``outdir``
    and return the summary written there. The tasks write into a work folder inside
    ``outdir`` (removed at the end), so with a cluster ``outdir`` must be shared."""
    productions = load_productions(productions_file)
    paths = [os.path.abspath(path) for path in archives]
    for path in paths:
        check_archive(path)
    with contextlib.ExitStack() as stack:
        scheduled = stack.enter_context(runner(scheduler, workers, progress))
        work = _work_folder(outdir)
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        scheduled.check(work)
        slices = pieces(paths, partition_size, stage=work)
        plan = plan_for(work, outdir, len(slices), productions)
        parsed, duplicates, written = run_tasks(scheduled.phase, plan, slices)
        return finish(plan, parsed, duplicates, written, list(archives))


def _work_folder(outdir: str) -> str:
    """A new work folder inside ``outdir`` (created if missing)."""
    try:
        os.makedirs(outdir, exist_ok=True)
        return tempfile.mkdtemp(prefix=WORK_PREFIX, dir=os.path.abspath(outdir))
    except OSError as exc:
        raise mitimeline.ExportError(
            f"cannot create the output folder {outdir!r}: {exc.strerror or exc}") from None


COMMAND = mitimeline.Command(
    name="news-archive",
    help="news reports (JSON Lines, .txt folders, Parquet) -> a merged candidate timeline "
         "per production, on Dask",
    run=run,
    arguments=arguments,
)
"""The command the plugin registers."""
