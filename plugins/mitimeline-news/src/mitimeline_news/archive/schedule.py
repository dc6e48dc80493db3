"""Running a ``news-archive`` run's tasks (:mod:`.tasks`) on Dask: :func:`plan_for` lays
the run out, :func:`graph` makes its tasks, :func:`runner` computes them on a scheduler
(``synchronous``, ``threads``, ``processes``, a ``tcp://`` address or a
``distributed.Client``) and returns their small results.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import mitimeline

from .many import Position
from .productions import Productions
from .records import Piece
from .tasks import (
    Duplicate,
    Parsed,
    Plan,
    Written,
    find_duplicates,
    merge_bucket,
    parse_part,
)

__all__ = ["MAX_BUCKETS", "SCHEDULERS", "Computed", "Graph", "graph", "plan_for", "runner"]

SCHEDULERS = ("synchronous", "threads", "processes")
CONNECT_TIMEOUT = "10s"
"""How long to try reaching a ``tcp://`` scheduler before failing the run."""
MAX_BUCKETS = 1_024
"""At most this many id and merge buckets: each merge task opens every partition's spill
file, so more buckets cost more openings (beyond it a bucket holds several partitions'
worth of timelines)."""


def plan_for(work: str, outdir: str, parts: int, productions: Productions) -> Plan:
    """The run's layout: about one id bucket and one merge bucket per partition (a merge
    bucket holds about a partition's timelines), at most :data:`MAX_BUCKETS`."""
    buckets = max(1, min(parts, MAX_BUCKETS))
    return Plan(work, os.path.abspath(outdir), parts, buckets,
                max(1, min(buckets, len(productions.items))), productions)


Graph = tuple[list[Any], list[Any], list[Any]]
"""The Delayed values of a run: parse tasks, duplicate tasks, merge tasks."""
Computed = tuple[list[Parsed], list[Duplicate], list[Written]]
"""What a run's tasks return, flattened: one per partition, duplicate and production."""


def graph(plan: Plan, slices: Sequence[Piece]) -> Graph:
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
def runner(scheduler: Any, workers: int | None,
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
