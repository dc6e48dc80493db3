"""Benchmark: the cost of ``import mitimeline`` over a bare interpreter.

Also reports the slowest modules from ``python -X importtime`` and checks that no plugin,
icalendar or pandas is imported. Goal: within 50 ms of a bare interpreter, in CPU time
(best of --runs fresh processes; the wall clock is printed too).

Run: python benchmarks/bench_import.py [--runs 15] [--smoke]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from _common import SRC, Row, print_rows, seconds

HEAVY = ("icalendar", "pandas", "matplotlib", "mitimeline.default_plugins", "importlib.metadata")
"""Modules ``import mitimeline`` must not import: format plugins, and entry-point scanning."""


def timings(code: str, runs: int, env: dict[str, str]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of ``python -c code``, each the best of ``runs`` runs.

    CPU is the child's user + system time (``os.wait4``; the wall clock where that does not
    exist): on a busy machine the wall clock mostly measures the scheduler, the CPU time
    what the import itself costs."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", code], env=env)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            used = usage.ru_utime + usage.ru_stime
        else:
            child.wait()
            used = time.perf_counter() - start
        if child.returncode != 0:
            raise subprocess.CalledProcessError(child.returncode, child.args)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, used)
    return wall, cpu


def slowest_imports(env: dict[str, str], top: int = 8) -> list[tuple[str, int]]:
    """(module, cumulative µs) of the slowest imports (nested ones included)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import mitimeline"],
                            check=True, env=env, capture_output=True, text=True)
    rows = []
    for line in result.stderr.splitlines()[1:]:
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            rows.append((parts[2], int(parts[1])))
    return sorted(rows, key=lambda r: -r[1])[:top]


BUDGET = 0.050
"""Goal (issue 16; issue 7 allowed 0.100): seconds ``import mitimeline`` may add to a bare
interpreter."""


def environment() -> dict[str, str]:
    """The environment of the timed interpreters: ../src first on the path."""
    return dict(os.environ,
                PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))


def heavy_imports(env: dict[str, str]) -> str:
    """Comma-separated HEAVY modules that ``import mitimeline`` imports (empty: none)."""
    check = ("import sys, mitimeline; "
             f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    return subprocess.run([sys.executable, "-c", check], check=True, env=env,
                          capture_output=True, text=True).stdout.strip()


def measure(runs: int = 15) -> list[Row]:
    """``import mitimeline`` against a bare interpreter, best of ``runs`` fresh processes;
    the goal is judged on CPU time (see :func:`timings`)."""
    env = environment()
    bare_wall, bare = timings("pass", runs, env)
    ours_wall, ours = timings("import mitimeline", runs, env)
    loaded = heavy_imports(env)
    note = (f"+{(ours - bare) * 1000:.0f} ms CPU; wall clock {seconds(ours_wall)} vs "
            f"{seconds(bare_wall)}; heavy modules imported: {loaded or 'none'}")
    return [Row("import mitimeline (fresh process, CPU time)", ours, "bare interpreter", bare,
                f"≤ +{BUDGET * 1000:.0f} ms, nothing heavy",
                ours - bare <= BUDGET and not loaded, note)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--smoke", action="store_true", help="fewer runs, to check it runs")
    args = parser.parse_args()
    print_rows(measure(3 if args.smoke else args.runs))
    print("slowest top-level imports (cumulative µs):")
    for module, micros in slowest_imports(environment()):
        print(f"  {micros:>8,}  {module}")
    loaded = heavy_imports(environment())
    if loaded:
        raise SystemExit(f"FAIL: import mitimeline pulled in {loaded}")


if __name__ == "__main__":
    main()
