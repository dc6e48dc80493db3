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

import attrs
import mitimeline

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

__all__ = ["MAX_BUCKETS", "SCHEDULERS", "Computed", "Phase", "Runner", "plan_for",
           "run_tasks", "runner"]

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


Computed = tuple[list[Parsed], list[Duplicate], list[Written]]
"""What a run's tasks return, flattened: one per partition, duplicate and production."""
Phase = Callable[[str, list[Any]], list[Any]]
"""Computes one phase's Delayed tasks (named for the progress bar) and returns their
values in order."""


def run_tasks(phase: Phase, plan: Plan, slices: Sequence[Piece]) -> Computed:
    """The run's three phases, one after the other: a parse task per slice, a duplicate
    task per id bucket, a merge task per merge bucket. Every argument is a value, not
    another task's key: on a ``distributed`` cluster a task is sent where its inputs are,
    so tasks sharing one key would all run on the worker that holds it."""
    from dask import delayed

    run = os.path.basename(plan.work).lstrip(".")  # the run's own keys: clusters are shared
    parsed = phase("parse", [delayed(parse_part)([piece], part, plan,
                                                 dask_key_name=f"{run}-parse-{part}")
                             for part, piece in enumerate(slices)])
    found = phase("duplicate", [delayed(find_duplicates)(bucket, plan,
                                                          dask_key_name=f"{run}-dup-{bucket}")
                                for bucket in range(plan.id_buckets)])
    duplicates = [item for items in found for item in items]
    left_out = frozenset(item.position for item in duplicates)
    merged = phase("merge", [delayed(merge_bucket)(bucket, plan, left_out,
                                                   dask_key_name=f"{run}-merge-{bucket}")
                             for bucket in range(plan.merge_buckets)])
    return list(parsed), duplicates, [item for items in merged for item in items]


@attrs.frozen
class Runner:
    """A scheduler, connected: ``phase`` computes a phase's tasks; ``check(work)`` fails
    unless every worker sees the work folder (a cluster's; local ones share this disk)."""

    phase: Phase
    check: Callable[[str], None] = lambda work: None


@contextlib.contextmanager
def runner(scheduler: Any, workers: int | None, progress: bool) -> Iterator[Runner]:
    """A :class:`Runner` on ``scheduler``, connected before anything is written."""
    if isinstance(scheduler, str) and scheduler in SCHEDULERS:
        yield Runner(lambda name, tasks: _local(tasks, scheduler, workers, progress))
    elif isinstance(scheduler, str):
        from distributed import Client

        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise mitimeline.MitimelineError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield _on(client, progress)
    else:
        yield _on(scheduler, progress)


def _on(client: Any, progress: bool) -> Runner:
    return Runner(lambda name, tasks: _on_client(client, name, tasks, progress),
                  lambda work: _check_shared(client, work))


def _local(tasks: list[Any], scheduler: str, workers: int | None,
           progress: bool) -> list[Any]:
    import dask
    from dask.diagnostics import ProgressBar

    bar = ProgressBar(out=sys.stderr) if progress else contextlib.nullcontext()
    # chunksize 1: Dask's multiprocessing scheduler otherwise sends up to 6 ready tasks to
    # one process at once, so 6 partitions or fewer run one after another in one process.
    with bar:
        (values,) = dask.compute(tasks, scheduler=scheduler, chunksize=1,
                                 num_workers=workers or os.cpu_count() or 1)
    return list(values)


def _check_shared(client: Any, work: str) -> None:
    """Fail unless every worker of ``client`` sees the work folder ``work``."""
    unseen = [worker for worker, seen in client.run(_visible, work).items() if not seen]
    if unseen:
        raise mitimeline.MitimelineError(
            f"the output folder {os.path.dirname(work)} is not visible to the Dask worker(s) "
            f"{', '.join(sorted(unseen))}: a cluster's workers write there, so it must be on "
            f"a file system they share, at the same path")


def _on_client(client: Any, name: str, tasks: list[Any], progress: bool) -> list[Any]:
    """``tasks`` on a ``distributed`` cluster; each result (a few counts) is fetched as
    soon as it is done and then released."""
    from distributed import as_completed

    futures = client.compute(tasks)
    number = {future.key: index for index, future in enumerate(futures)}
    values: list[Any] = [None] * len(futures)
    for done, (future, value) in enumerate(as_completed(futures, with_results=True), start=1):
        values[number[future.key]] = value
        future.release()
        if progress:
            _show(done, len(futures), name)
    if progress:
        print(file=sys.stderr)
    return values


def _visible(path: str) -> bool:
    """Whether this process sees the folder ``path`` (run on each worker)."""
    return os.path.isdir(path)


def _show(done: int, total: int, name: str) -> None:
    """A one-line progress bar on stderr, rewritten in place."""
    filled = 40 * done // total
    print(f"\r[{'#' * filled}{' ' * (40 - filled)}] | {done}/{total} {name} tasks",
          end="", file=sys.stderr, flush=True)
