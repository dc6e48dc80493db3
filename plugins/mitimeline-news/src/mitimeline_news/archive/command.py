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
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import mitimeline

from .bag import DEFAULT_PARTITION_SIZE
from .finish import finish
from .many import Position
from .productions import Productions, load_productions
from .records import Piece, check_archive, pieces
from .tasks import (
    Duplicate,
    Parsed,
    Plan,
    Written,
    find_duplicates,
    merge_bucket,
    parse_part,
)

if TYPE_CHECKING:
    import argparse

__all__ = ["COMMAND", "arguments", "run", "run_archive"]

SCHEDULERS = ("synchronous", "threads", "processes")
CONNECT_TIMEOUT = "10s"
"""How long to try reaching a ``tcp://`` scheduler before failing the run."""
_ADDRESS = re.compile(r"tcp://[^\s/:]+:\d{1,5}")
WORK_PREFIX = ".news-archive-work-"
"""The name of a run's work folder in the output folder begins so (removed at the end)."""
MAX_BUCKETS = 1_024
"""At most this many id and merge buckets: each merge task opens every partition's spill
file, so more buckets cost more openings (beyond it a bucket holds several partitions'
worth of timelines)."""


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
    with _runner(scheduler, workers, progress) as run_graph:
        work = _work_folder(outdir)
        try:
            slices = pieces(paths, partition_size, stage=work)
            plan = _plan(work, outdir, len(slices), productions)
            parsed, duplicates, written = run_graph(_graph(plan, slices), plan)
            return finish(plan, parsed, duplicates, written, list(archives))
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _work_folder(outdir: str) -> str:
    """A new work folder inside ``outdir`` (created if missing)."""
    try:
        os.makedirs(outdir, exist_ok=True)
        return tempfile.mkdtemp(prefix=WORK_PREFIX, dir=os.path.abspath(outdir))
    except OSError as exc:
        raise mitimeline.ExportError(
            f"cannot create the output folder {outdir!r}: {exc.strerror or exc}") from None


def _plan(work: str, outdir: str, parts: int, productions: Productions) -> Plan:
    """The run's layout: about one id bucket and one merge bucket per partition (a merge
    bucket holds about a partition's timelines), at most :data:`MAX_BUCKETS`."""
    buckets = max(1, min(parts, MAX_BUCKETS))
    return Plan(work, os.path.abspath(outdir), parts, buckets,
                max(1, min(buckets, len(productions.items))), productions)


Graph = tuple[list[Any], list[Any], list[Any]]
"""The Delayed values of a run: parse tasks, duplicate tasks, merge tasks."""
Computed = tuple[list[Parsed], list[Duplicate], list[Written]]


def _graph(plan: Plan, slices: Sequence[Piece]) -> Graph:
    """One parse task per slice, one duplicate task per id bucket after them all, one merge
    task per merge bucket after those; the keys are the run's own (named after its work
    folder), so two runs on one cluster never share a task."""
    from dask import delayed

    run = os.path.basename(plan.work).lstrip(".")
    shared = delayed(plan, name=f"{run}-plan")
    parsed = [delayed(parse_part)([piece], part, shared, dask_key_name=f"{run}-parse-{part}")
              for part, piece in enumerate(slices)]
    after = delayed(_count)(parsed, dask_key_name=f"{run}-parsed")
    duplicates = [delayed(find_duplicates)(bucket, shared, after,
                                           dask_key_name=f"{run}-duplicates-{bucket}")
                  for bucket in range(plan.id_buckets)]
    left_out = delayed(_positions)(duplicates, dask_key_name=f"{run}-left-out")
    merged = [delayed(merge_bucket)(bucket, shared, left_out,
                                    dask_key_name=f"{run}-merge-{bucket}")
              for bucket in range(plan.merge_buckets)]
    return parsed, duplicates, merged


def _count(parsed: list[Parsed]) -> int:
    return len(parsed)


def _positions(duplicates: list[list[Duplicate]]) -> frozenset[Position]:
    return frozenset(item.position for found in duplicates for item in found)


def _flat(graph_values: tuple[list[Any], list[Any], list[Any]]) -> Computed:
    parsed, duplicates, merged = graph_values
    return (list(parsed), [item for found in duplicates for item in found],
            [item for written in merged for item in written])


@contextlib.contextmanager
def _runner(scheduler: Any, workers: int | None,
            progress: bool) -> Iterator[Callable[[Graph, Plan], Computed]]:
    """A function that computes a run's graph on ``scheduler``, connected before anything
    is written."""
    if isinstance(scheduler, str) and scheduler in SCHEDULERS:
        yield lambda graph, plan: _local(graph, scheduler, workers, progress)
    elif isinstance(scheduler, str):
        from distributed import Client

        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise mitimeline.MitimelineError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield lambda graph, plan: _on_client(client, graph, plan, progress)
    else:
        yield lambda graph, plan: _on_client(scheduler, graph, plan, progress)


def _local(graph: Graph, scheduler: str, workers: int | None, progress: bool) -> Computed:
    import dask
    from dask.diagnostics import ProgressBar

    bar = ProgressBar(out=sys.stderr) if progress else contextlib.nullcontext()
    # chunksize 1: Dask's multiprocessing scheduler otherwise sends up to 6 ready tasks to
    # one process at once, so 6 partitions or fewer run one after another in one process.
    with bar:
        values = dask.compute(*graph, scheduler=scheduler, chunksize=1,
                              num_workers=workers or os.cpu_count() or 1)
    return _flat(values)


def _on_client(client: Any, graph: Graph, plan: Plan, progress: bool) -> Computed:
    """The graph on a ``distributed`` cluster, whose workers must see the work folder; each
    result (a few counts) is fetched as soon as it is done and then released."""
    from distributed import as_completed

    unseen = [worker for worker, seen in client.run(_visible, plan.work).items() if not seen]
    if unseen:
        raise mitimeline.MitimelineError(
            f"the output folder {plan.outdir} is not visible to the Dask worker(s) "
            f"{', '.join(sorted(unseen))}: a cluster's workers write there, so it must be on "
            f"a file system they share, at the same path")
    tasks = [*graph[0], *graph[1], *graph[2]]
    futures = client.compute(tasks)
    number = {future.key: index for index, future in enumerate(futures)}
    values: list[Any] = [None] * len(futures)
    for done, (future, value) in enumerate(as_completed(futures, with_results=True), start=1):
        values[number[future.key]] = value
        future.release()
        if progress:
            _show(done, len(futures))
    if progress:
        print(file=sys.stderr)
    first, second = len(graph[0]), len(graph[0]) + len(graph[1])
    return _flat((values[:first], values[first:second], values[second:]))


def _visible(path: str) -> bool:
    """Whether this process sees the folder ``path`` (run on each worker)."""
    return os.path.isdir(path)


def _show(done: int, total: int) -> None:
    """A one-line progress bar on stderr, rewritten in place."""
    filled = 40 * done // total
    print(f"\r[{'#' * filled}{' ' * (40 - filled)}] | {done}/{total} tasks",
          end="", file=sys.stderr, flush=True)


COMMAND = mitimeline.Command(
    name="news-archive",
    help="news reports (JSON Lines, .txt folders, Parquet) -> a merged candidate timeline "
         "per production, on Dask",
    run=run,
    arguments=arguments,
)
"""The command the plugin registers."""
