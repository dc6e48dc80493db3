"""``mitimeline news-archive ARCHIVE... --productions FILE -o OUTDIR``: an archive of news
reports -> one merged candidate timeline per production, on any Dask scheduler.

:func:`run_archive` is the whole run, for the command and for Python; the scheduler is a
name (``synchronous``, ``threads``, ``processes``), a ``tcp://HOST:PORT`` address of a
``dask scheduler``, or a ``distributed.Client`` already connected.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

import mitimeline

from .bag import DEFAULT_PARTITION_SIZE, merge_bag, parse_bag, to_bag
from .outputs import Report, report_of, write_outputs
from .productions import load_productions

if TYPE_CHECKING:
    import argparse

__all__ = ["COMMAND", "arguments", "run", "run_archive"]

SCHEDULERS = ("synchronous", "threads", "processes")
CONNECT_TIMEOUT = "10s"
"""How long to try reaching a ``tcp://`` scheduler before failing the run."""
_ADDRESS = re.compile(r"tcp://[^\s/:]+:\d{1,5}")


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
    and return the summary written there."""
    productions = load_productions(productions_file)
    bag = to_bag(archives, partition_size=partition_size)
    outcomes = parse_bag(bag, productions)
    merged, reports = _compute(merge_bag(outcomes, productions), outcomes.map(report_of),
                               scheduler, workers, progress)
    ordered: list[Report] = sorted(reports, key=lambda report: report.position)
    return write_outputs(outdir, merged, ordered, productions, list(archives))


def _compute(merged: Any, reports: Any, scheduler: Any, workers: int | None,
             progress: bool) -> tuple[list[Any], list[Report]]:
    """Both bags computed in one graph (each partition is parsed once)."""
    import dask

    if isinstance(scheduler, str) and scheduler in SCHEDULERS:
        import contextlib

        from dask.diagnostics import ProgressBar

        bar = ProgressBar(out=sys.stderr) if progress else contextlib.nullcontext()
        with bar:
            result = dask.compute(merged, reports, scheduler=scheduler,
                                  num_workers=workers or os.cpu_count() or 1)
        return list(result[0]), list(result[1])
    if isinstance(scheduler, str):
        return _on_cluster(merged, reports, scheduler, progress)
    return _with_client(scheduler, merged, reports, progress)


def _on_cluster(merged: Any, reports: Any, address: str,
                progress: bool) -> tuple[list[Any], list[Report]]:
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise mitimeline.MitimelineError(
            f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        return _with_client(client, merged, reports, progress)


def _with_client(client: Any, merged: Any, reports: Any,
                 progress: bool) -> tuple[list[Any], list[Report]]:
    """Both bags on a ``distributed`` cluster, each partition fetched as soon as it is done
    and then released, so the workers do not keep the outputs until the end."""
    from distributed import as_completed

    merged_parts, report_parts = merged.to_delayed(), reports.to_delayed()
    futures = client.compute([*merged_parts, *report_parts])
    number = {future.key: index for index, future in enumerate(futures)}
    parts: list[list[Any]] = [[] for _ in futures]
    for done, (future, value) in enumerate(as_completed(futures, with_results=True), start=1):
        parts[number[future.key]] = list(value)
        future.release()
        if progress:
            _show(done, len(futures))
    if progress:
        print(file=sys.stderr)
    split = len(merged_parts)
    return ([item for part in parts[:split] for item in part],
            [item for part in parts[split:] for item in part])


def _show(done: int, total: int) -> None:
    """A one-line progress bar on stderr, rewritten in place."""
    filled = 40 * done // total
    print(f"\r[{'#' * filled}{' ' * (40 - filled)}] | {done}/{total} partitions",
          end="", file=sys.stderr, flush=True)


COMMAND = mitimeline.Command(
    name="news-archive",
    help="news reports (JSON Lines, .txt folders, Parquet) -> a merged candidate timeline "
         "per production, on Dask",
    run=run,
    arguments=arguments,
)
"""The command the plugin registers."""
