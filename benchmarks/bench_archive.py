"""Benchmark news archives at scale (mitimeline_news.archive, ``mitimeline news-archive``).

A synthetic archive is generated at run time from the labelled reports (the shared
``../shared/corpora/news`` reports and the plugin's own ``evaluation/articles.json``, read
from disk): report ``i`` is labelled report ``i mod n``, re-dated (every year in it and its
publication date moved by up to three years, so the parser's per-sentence caches meet new
sentences), re-titled (its film's name replaced by, and its headline prefixed with, the
title or alias of production ``i mod 200`` of a generated 200-production file) and written
to a JSON Lines file; every 40th report names no production (skipped) and every 97th has an
unreadable date (failed). Each run goes through :func:`run_archive`, the command's code,
in a fresh process:

1. serial (``synchronous``), 2. Dask ``processes`` on ``--workers`` processes (goal: a
speed-up ≥ 0.8 × workers), 3. a ``distributed.LocalCluster`` of ``--workers`` one-thread
worker processes. Figures: reports per second, speed-up against serial, peak RSS of the
largest worker (goal: the same within 20 % at both sizes: streaming), and the merge time of
one production (``merge_group`` of one production's report timelines, mean of five). Each
run also prints the load average before and after it (the machine may be shared) and, for
``processes``, its CPU efficiency: serial CPU seconds per report over its own (workers
included), which other work on the machine does not change much.

Run: python benchmarks/bench_archive.py [--sizes 20000,80000] [--workers 2]
     [--partition-size 500] [--serial-limit N] [--smoke]
(--serial-limit: time serial on the first N reports only, for very large sizes.)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _common import Row, print_rows, seconds

PRODUCTIONS = 200
SPEEDUP_GOAL = 0.8
"""Speed-up goal of the processes scheduler, per worker."""
RSS_GOAL = 1.2
"""Peak worker RSS at the larger size over the smaller one, at most."""


# -- the synthetic archive ------------------------------------------------------------------


def base_reports() -> list[dict[str, Any]]:
    """The labelled reports the archive is made of: text, language, publication date."""
    import bench_news

    reports = []
    for data, options in bench_news.corpus(("shared", "articles")):  # whole reports
        text = data.decode("utf-8")
        if text.startswith("source:"):
            text = text.partition("\n")[2].lstrip("\n")
        reports.append({"text": text, "language": options["language"],
                        "published": str(options["published"]),
                        "film": str(options.get("production") or "")})
    if not reports:
        raise RuntimeError("no labelled reports found (plugins/mitimeline-news/evaluation)")
    return reports


def productions(count: int = PRODUCTIONS) -> list[dict[str, Any]]:
    return [{"id": f"film-{n:03d}", "title": f"Archive Film {n:03d}",
             "aliases": [f"AF{n:03d}"], "year": 2015 + n % 10} for n in range(count)]


def write_archive(folder: Path, size: int) -> tuple[Path, Path]:
    """An archive of ``size`` reports and its productions file, written into ``folder``."""
    bases = base_reports()
    films = productions()
    archive = folder / f"archive-{size}.jsonl"
    with archive.open("w", encoding="utf-8") as out:
        for i in range(size):
            out.write(json.dumps(record(i, bases, films), ensure_ascii=False) + "\n")
    productions_file = folder / "productions.json"
    productions_file.write_text(json.dumps(films), encoding="utf-8")
    return archive, productions_file


def record(i: int, bases: list[dict[str, Any]], films: list[dict[str, Any]]) -> dict[str, Any]:
    """Report ``i`` of the archive made of ``bases`` (:func:`base_reports`) about ``films``
    (:func:`productions`)."""
    base = bases[i % len(bases)]
    film = films[i % PRODUCTIONS]
    years = i % 7 - 3
    name = film["title"] if i % 3 else film["aliases"][0]
    text = _shifted(base["text"], years)
    if base["film"] and i % 40 != 39:
        text = text.replace(base["film"], name)
    headline, _, body = text.partition("\n")
    text = f"{name}: {headline}\n{body}" if i % 40 != 39 else text
    published = _redated(base["published"], years * 365 + (i * 37) % 300)
    if i % 97 == 96:
        published = "some day"
    return {"id": f"report-{i:07d}", "text": text, "published": published,
            "language": base["language"], "outlet": f"Outlet {i % 13}"}


def _shifted(text: str, years: int) -> str:
    """``text`` with every year from 1900 to 2099 moved by ``years``: re-dated reports, so
    that the parser's per-sentence caches see new sentences as a real archive would."""
    return re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group()) + years), text)


def _redated(published: str, days: int) -> str:
    try:
        return (date.fromisoformat(published) + timedelta(days=days)).isoformat()
    except ValueError:  # a month such as "2021-04": keep it
        return published


# -- one run, in a fresh process ------------------------------------------------------------


def run_once(archive: str, productions_file: str, scheduler: str, workers: int,
             partition_size: int, limit: int | None) -> dict[str, Any]:
    """One timed run in this process: seconds, records, peak RSS (MB) of the largest
    worker and of this process, CPU seconds of this process and its children (the
    workers of ``processes``; for ``local-cluster``, those the cluster's own processes
    waited for), and the load average before and after."""
    from mitimeline_news.archive import run_archive

    if limit is not None:
        archive = _prefix(archive, limit)
    load = os.getloadavg()[0]
    cpu = _cpu_seconds()
    with tempfile.TemporaryDirectory() as outdir:
        start = time.perf_counter()
        if scheduler == "local-cluster":
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=":0") as cluster, Client(cluster) as client:
                start = time.perf_counter()
                summary = run_archive([archive], productions_file, outdir, scheduler=client,
                                      partition_size=partition_size)
                elapsed = time.perf_counter() - start
                worker = max(client.run(_own_peak_rss).values())
        else:
            summary = run_archive([archive], productions_file, outdir, scheduler=scheduler,
                                  workers=workers, partition_size=partition_size)
            elapsed = time.perf_counter() - start
            worker = (_own_peak_rss() if scheduler == "synchronous" else
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return {"seconds": elapsed, "records": summary["records"], "worker_mb": worker,
            "driver_mb": _own_peak_rss(), "cpu_seconds": _cpu_seconds() - cpu,
            "load": [load, os.getloadavg()[0]]}


def _own_peak_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its children waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _prefix(archive: str, limit: int) -> str:
    path = Path(archive).with_name(f"{Path(archive).stem}-first-{limit}.jsonl")
    with open(archive, encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number == limit:
                break
            out.write(line)
    return str(path)


def in_subprocess(*args: str) -> dict[str, Any]:
    result = subprocess.run([sys.executable, __file__, "--one", *args], capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"bench_archive run {args} failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])  # type: ignore[no-any-return]


# -- merge time -------------------------------------------------------------------------------


def merge_time(archive: Path, productions_file: Path, size: int, count: int = 5) -> float:
    """Mean seconds of ``merge_group`` for ``count`` productions of the archive (each with
    about ``size / 200`` reports), their reports parsed first."""
    from mitimeline_news.archive import load_productions, merge_group, parse_many, read_records

    known = load_productions(str(productions_file))
    wanted = {f"film-{n:03d}" for n in range(count)}
    records = [r for number, r in enumerate(read_records([str(archive)]))
               if f"film-{number % PRODUCTIONS:03d}" in wanted]
    groups = parse_many(records, productions=known).timelines()
    times = []
    for production in sorted(wanted & set(groups)):
        start = time.perf_counter()
        merge_group(production, groups[production], known)
        times.append(time.perf_counter() - start)
    return statistics.mean(times)


# -- the figures -------------------------------------------------------------------------------


class _Rows(list[Row]):
    """The rows measured so far; with ``progress``, each is printed to stderr as it comes
    (a long run that is interrupted still leaves its figures)."""

    def __init__(self, progress: bool) -> None:
        super().__init__()
        self.progress = progress

    def append(self, row: Row) -> None:
        super().append(row)
        if self.progress:
            print(f"{row.figure}: {seconds(row.ours)}; {row.note}", file=sys.stderr, flush=True)


def measure(sizes: list[int], workers: int, partition_size: int,
            serial_limit: int | None = None, progress: bool = False) -> list[Row]:
    """Rows for each size: serial, processes and LocalCluster throughput, speed-up, peak
    worker RSS, merge time per production; then the RSS growth between the sizes.
    ``progress``: also print each row to stderr as soon as it is measured."""
    rows = _Rows(progress)
    peaks: dict[str, list[float]] = {"processes": [], "local-cluster": []}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            archive, productions_file = write_archive(Path(folder), size)
            common = (str(archive), str(productions_file))
            limit = serial_limit if serial_limit and serial_limit < size else None
            serial = in_subprocess(*common, "synchronous", "1", str(partition_size),
                                   str(limit or 0))
            serial_rate = serial["records"] / serial["seconds"]
            sample = f" (first {limit:,} reports)" if limit else ""
            serial_cpu = serial["cpu_seconds"] / serial["records"]
            rows.append(Row(f"news archive, {size:,} reports: serial{sample}",
                            serial["seconds"] / serial["records"],
                            note=f"{serial_rate:,.0f} reports/s; peak RSS "
                                 f"{serial['driver_mb']:,.0f} MB (one process); "
                                 f"{_load(serial)}"))
            for scheduler in ("processes", "local-cluster"):
                run = in_subprocess(*common, scheduler, str(workers), str(partition_size), "0")
                rate = run["records"] / run["seconds"]
                speedup = rate / serial_rate
                peaks[scheduler].append(run["worker_mb"])
                goal = SPEEDUP_GOAL * workers
                rows.append(Row(
                    f"news archive, {size:,} reports: {scheduler}, {workers} workers",
                    run["seconds"] / run["records"], "serial",
                    serial["seconds"] / serial["records"],
                    goal=f"speed-up ≥ {goal:.1f}" if scheduler == "processes" else "",
                    met=speedup >= goal if scheduler == "processes" else None,
                    note=f"{rate:,.0f} reports/s, speed-up {speedup:.2f}; peak RSS per worker "
                         f"{run['worker_mb']:,.0f} MB, driver {run['driver_mb']:,.0f} MB; "
                         f"total {seconds(run['seconds'])}; "
                         f"{_efficiency(run, serial_cpu) if scheduler == 'processes' else ''}"
                         f"{_load(run)}"))
            mean = merge_time(archive, productions_file, size)
            rows.append(Row(f"news archive, {size:,} reports: merge one production "
                            f"(~{max(1, size // PRODUCTIONS):,} reports)", mean,
                            note="merge_group, mean of 5 productions"))
            archive.unlink()
    if len(sizes) > 1:
        for scheduler, values in peaks.items():
            growth = values[-1] / values[0]
            rows.append(Row(f"news archive: peak worker RSS, {scheduler}, {sizes[-1]:,} vs "
                            f"{sizes[0]:,} reports", growth, shown=f"{growth:.2f}×",
                            goal=f"≤ {RSS_GOAL:.1f}×", met=growth <= RSS_GOAL,
                            note=f"{values[0]:,.0f} MB -> {values[-1]:,.0f} MB"))
    return rows


def _load(run: dict[str, Any]) -> str:
    before, after = run["load"]
    return f"load average {before:.1f} -> {after:.1f}"


def _efficiency(run: dict[str, Any], serial_cpu: float) -> str:
    """Serial CPU per report over this run's CPU per report (``processes`` only, whose
    workers are this process's children): how much the run spends besides parsing,
    whatever else the machine is doing."""
    if run["cpu_seconds"] <= 0:
        return ""
    return f"CPU efficiency {serial_cpu / (run['cpu_seconds'] / run['records']):.2f}; "


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        archive, productions_file, scheduler, workers, partition_size, limit = sys.argv[2:8]
        print(json.dumps(run_once(archive, productions_file, scheduler, int(workers),
                                  int(partition_size), int(limit) or None)))
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default="20000,80000",
                        help="archive sizes in reports, comma-separated (default 20000,80000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes / cluster workers (default: one per CPU)")
    parser.add_argument("--partition-size", type=int, default=500,
                        help="records per partition (default 500)")
    parser.add_argument("--serial-limit", type=int, default=None,
                        help="time serial on the first N reports of each archive")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.smoke:
        sizes, args.partition_size = [60, 120], 20
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; sizes "
          f"{', '.join(f'{s:,}' for s in sizes)}; partitions of {args.partition_size}")
    print_rows(measure(sizes, args.workers, args.partition_size, args.serial_limit,
                       progress=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
